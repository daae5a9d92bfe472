"""Between a question's data and the text in the editor's form fields, both ways.

The form shows every field as text (see `quiz.tui.editor.fields`); reading it back gives the
question's data. A key the author did not write and left at its default stays unwritten, so
opening and closing a question changes nothing in the file. Which fields a question has
depends on its type; changing the type keeps the text of the fields both types share, when
it makes sense for the new type. Pure: no Textual here, so it is tested directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError

from quiz.packs.errors import validation_messages
from quiz.packs.models import HandQuestion, PackFile
from quiz.packs.semantics import check_semantics
from quiz.tui.editor.fields import (
    DIFFICULTY_OPTIONS,
    PAIR_SEPARATOR,
    FieldSpec,
    ValueType,
    Widget,
    is_number_text,
    text_from_value,
    value_from_text,
)

# Fields shown for each type, after id, type and prompt and before the common ones.
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "single": ("choices", "answer"),
    "multiple": ("choices", "answers"),
    "true_false": ("answer",),
    "typed": ("answer", "accept", "entity"),
    "ordering": ("items",),
    "matching": ("pairs",),
    "numeric": ("answer", "tolerance", "unit"),
}
COMMON_FIELDS = ("explanation", "quote", "difficulty", "tags", "time_limit")
QUESTION_TYPES = tuple(TYPE_FIELDS)
LIST_FIELDS = frozenset({"choices", "answers", "accept", "items"})
# What an unwritten key means; such a key is written only when it changes from this.
DEFAULTS: dict[str, Any] = {
    "explanation": "",
    "quote": "",
    "difficulty": 1,
    "tags": [],
    "time_limit": None,
    "accept": [],
    "entity": None,
    "tolerance": 0,
    "unit": "",
}
TYPE_NAMES = {
    "single": "single answer",
    "multiple": "multiple answers",
    "true_false": "true / false",
    "typed": "typed answer",
    "ordering": "ordering",
    "matching": "matching pairs",
    "numeric": "numeric",
}
LABELS = {
    "id": "Id",
    "type": "Type",
    "prompt": "Prompt",
    "choices": "Choices (one a line)",
    "answer": "Answer",
    "answers": "Correct answers (one a line, as written in choices)",
    "accept": "Also accept (one a line)",
    "entity": "Entity whose aliases are accepted (id, optional)",
    "items": "Items in the correct order (one a line)",
    "pairs": "Pairs (one a line: left => right)",
    "tolerance": "Tolerance (±)",
    "unit": "Unit",
    "explanation": "Explanation",
    "quote": "Quote from the source",
    "difficulty": "Difficulty",
    "tags": "Tags (comma-separated)",
    "time_limit": "Time limit in seconds (blank: the round's)",
}
HINTS = {
    "prompt": "What is asked?",
    "choices": "The right answer\nA wrong answer",
    "answers": "Each right answer, as written in choices",
    "items": "First\nSecond\nThird",
    "pairs": "left => right",
}
TEXT_AREAS = frozenset(
    {"prompt", "choices", "answers", "accept", "items", "pairs", "explanation", "quote"}
)
# A discriminated union is not a class, which mypy's view of TypeAdapter expects.
QUESTION_ADAPTER: TypeAdapter[Any] = TypeAdapter(cast(Any, HandQuestion))


def fields_for(kind: str) -> tuple[str, ...]:
    """Every form field of a question of type `kind`, in the order shown."""
    return ("id", "type", "prompt", *TYPE_FIELDS.get(kind, ()), *COMMON_FIELDS)


def field_specs(kind: str) -> tuple[FieldSpec, ...]:
    """How each field of a question of type `kind` is shown, in order."""
    return tuple(_spec(field, kind) for field in fields_for(kind))


def _spec(field: str, kind: str) -> FieldSpec:
    value = _value_type(field, kind)
    if field == "type":
        options = tuple((TYPE_NAMES[name], name) for name in QUESTION_TYPES)
        return FieldSpec(field, LABELS[field], value, "select", options)
    if field == "difficulty":
        return FieldSpec(field, LABELS[field], value, "select", DIFFICULTY_OPTIONS)
    if field == "answer" and kind == "true_false":
        options = (("true", "true"), ("false", "false"))
        return FieldSpec(field, LABELS[field], value, "select", options)
    widget: Widget = "area" if field in TEXT_AREAS else "input"
    suggest = "entities" if field == "entity" else ""
    hint = HINTS.get(field, "")
    return FieldSpec(field, LABELS[field], value, widget, suggest=suggest, hint=hint)


def _value_type(field: str, kind: str) -> ValueType:
    if field == "pairs":
        return "pairs"
    if field in LIST_FIELDS:
        return "lines"
    if field == "tags":
        return "commas"
    if field == "answer" and kind == "true_false":
        return "bool"
    if field == "answer" and kind == "numeric":
        return "float"
    if field in ("difficulty", "time_limit"):
        return "int"
    if field == "tolerance":
        return "float"
    if field == "entity":
        return "optional"
    return "text"


def new_question(question_id: str) -> dict[str, Any]:
    """A new single-answer question: only its id and type are filled in, so it is not valid
    (and cannot be saved) until the author writes it."""
    return {"id": question_id, "type": "single", "prompt": "", "choices": [], "answer": ""}


def to_form(question: Mapping[str, Any]) -> dict[str, str]:
    """Each form field's text for `question` (missing keys show their default)."""
    kind = str(question.get("type", "single"))
    return {
        field: text_from_value(question.get(field, DEFAULTS.get(field)), _value_type(field, kind))
        for field in fields_for(kind)
    }


def from_form(values: Mapping[str, str], original: Mapping[str, Any]) -> dict[str, Any]:
    """The question the form describes; keys `original` lacks stay out while at default."""
    kind = values.get("type", "single")
    question: dict[str, Any] = {}
    for field in fields_for(kind):
        value = value_from_text(values.get(field, ""), _value_type(field, kind))
        if field in DEFAULTS and field not in original and _is_default(field, value):
            continue
        if value is None:
            continue
        question[field] = value
    # The facts a question names are not on the form; an edit keeps them as written.
    if "facts" in original:
        question["facts"] = original["facts"]
    return question


def carry_over(values: Mapping[str, str], new_kind: str) -> dict[str, str]:
    """The field texts a question changed to type `new_kind` starts with: the shared fields'
    text where it suits the new type (an answer that is not a number does not become a
    numeric answer), the rest empty."""
    kept = {field: values.get(field, "") for field in fields_for(new_kind)}
    kept["type"] = new_kind
    answer = kept.get("answer", "")
    if new_kind == "numeric" and not is_number_text(answer):
        kept["answer"] = ""
    if new_kind == "true_false" and answer.strip().casefold() not in ("true", "false"):
        kept["answer"] = ""
    return kept


def _is_default(field: str, value: Any) -> bool:
    default = DEFAULTS[field]
    return value == default and not (isinstance(value, bool) or isinstance(default, bool))


def question_problems(question: Mapping[str, Any], pack: PackFile | None = None) -> list[str]:
    """What is wrong with `question` on its own (shape, then answer-among-choices and such),
    as `field: message` lines in words; empty when it is valid. `pack` supplies entities and
    metadata for the checks that need them."""
    try:
        model = QUESTION_ADAPTER.validate_python(dict(question))
    except ValidationError as error:
        order = fields_for(str(question.get("type", "")))
        problems = [
            describe_field_problem(path, message, question)
            for path, message in validation_messages(error, dict(question))
        ]
        # In the order the form shows its fields, so the first message is the topmost field.
        return sorted(problems, key=lambda line: _position(line, order))
    context = PackFile.model_validate({"pack": {"id": "edit", "title": "edit"}})
    if pack is not None:
        context = pack.model_copy(update={"questions": []})
    single = context.model_copy(update={"questions": [model]})
    problems = []
    for issue in check_semantics(single):
        if issue.path[:2] == ("questions", 0):
            field = ".".join(str(part) for part in issue.path[2:]) or "question"
            problems.append(f"{field}: {issue.message}")
    return problems


def describe_field_problem(
    path: tuple[str | int, ...], message: str, item: Mapping[str, Any]
) -> str:
    """`field: message` for a validation problem of one form, in the form's own terms: a
    blank field is to be filled in, a pair needs its arrow, words in a number field are not
    a number."""
    field = ".".join(str(part) for part in path) or "question"
    key = str(path[0]) if path else ""
    if path and _leaf(item, path) in (None, ""):
        return f"{field}: fill this in"
    value = item.get(key)
    if field.startswith("pairs.") and len(path) == 2 and isinstance(value, list):
        return f"{field}: write each pair as 'left{PAIR_SEPARATOR}right'"
    if len(path) == 1 and isinstance(value, str) and message.startswith("expected a number"):
        return f'{field}: "{value.strip()}" is not a number'
    if len(path) == 1 and isinstance(value, str) and message.startswith("expected an integer"):
        return f'{field}: "{value.strip()}" is not a whole number'
    return f"{field}: {message}"


def _leaf(item: Mapping[str, Any], path: tuple[str | int, ...]) -> Any:
    """The value at `path` in `item`, or None where there is none."""
    node: Any = item
    for part in path:
        in_table = isinstance(node, Mapping) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_table or in_list):
            return None
        node = node[part]
    return node


def question_warnings(
    question: Mapping[str, Any], pack: PackFile | None = None, source_text: str | None = None
) -> list[str]:
    """Lint warnings (see quiz.packs.lint) for a valid `question` on its own, as
    `field: message` lines; duplicates across the pack are left to `quiz pack check`.
    With `source_text`, a quote the source does not contain is a warning too."""
    from quiz.packs.lint import lint_pack

    model = QUESTION_ADAPTER.validate_python(dict(question))
    context = pack or PackFile.model_validate({"pack": {"id": "edit", "title": "edit"}})
    single = context.model_copy(update={"facts": [], "relations": [], "questions": [model]})
    warnings = []
    for warning in lint_pack(single, "", "form", source_text):
        field = warning.key.removeprefix("questions[0]").lstrip(".") or "question"
        warnings.append(f"warning: {field}: {warning.message}")
    return warnings


def _position(problem: str, order: tuple[str, ...]) -> int:
    field = problem.split(":", 1)[0].split(".", 1)[0]
    return order.index(field) if field in order else len(order)
