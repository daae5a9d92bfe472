"""Between a question's data and the text in the editor's form fields, both ways.

The form shows every field as text (lists one item a line, pairs as `left => right`); reading
it back gives the question's data. A key the author did not write and left at its default
stays unwritten, so opening and closing a question changes nothing in the file. Values that
do not parse (a number field holding words) are passed on as text, so that validation names
the field instead of the form guessing. Pure: no Textual here, so it is tested directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quiz.packs.models import HandQuestion, PackFile
from quiz.packs.semantics import check_semantics

PAIR_SEPARATOR = " => "
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
_QUESTION = TypeAdapter(HandQuestion)


def fields_for(kind: str) -> tuple[str, ...]:
    """Every form field of a question of type `kind`, in the order shown."""
    return ("id", "type", "prompt", *TYPE_FIELDS.get(kind, ()), *COMMON_FIELDS)


def to_form(question: Mapping[str, Any]) -> dict[str, str]:
    """Each form field's text for `question` (missing keys show their default)."""
    values: dict[str, str] = {}
    kind = str(question.get("type", "single"))
    for field in fields_for(kind):
        value = question.get(field, DEFAULTS.get(field))
        values[field] = _field_text(field, value, kind)
    return values


def _field_text(field: str, value: Any, kind: str) -> str:
    if value is None:
        return ""
    if field == "pairs":
        return "\n".join(
            f"{pair.get('left', '')}{PAIR_SEPARATOR}{pair.get('right', '')}"
            for pair in value
            if isinstance(pair, Mapping)
        )
    if field in LIST_FIELDS:
        return "\n".join(str(item) for item in value)
    if field == "tags":
        return ", ".join(str(tag) for tag in value)
    if field == "answer" and kind == "true_false":
        return "true" if value is True else "false" if value is False else str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def from_form(values: Mapping[str, str], original: Mapping[str, Any]) -> dict[str, Any]:
    """The question the form describes; keys `original` lacks stay out while at default."""
    kind = values.get("type", "single")
    question: dict[str, Any] = {}
    for field in fields_for(kind):
        value = _field_value(field, values.get(field, ""), kind)
        if field in DEFAULTS and field not in original and _is_default(field, value):
            continue
        if value is None:
            continue
        question[field] = value
    # The facts a question names are not on the form; an edit keeps them as written.
    if "facts" in original:
        question["facts"] = original["facts"]
    return question


def _is_default(field: str, value: Any) -> bool:
    default = DEFAULTS[field]
    return value == default and not (isinstance(value, bool) or isinstance(default, bool))


def _field_value(field: str, text: str, kind: str) -> Any:
    if field == "pairs":
        pairs = []
        for line in _lines(text):
            left, separator, right = line.partition(PAIR_SEPARATOR.strip())
            pairs.append({"left": left.strip(), "right": right.strip()} if separator else line)
        return pairs
    if field in LIST_FIELDS:
        return _lines(text)
    if field == "tags":
        return [tag.strip() for tag in text.split(",") if tag.strip()]
    if field == "answer" and kind == "true_false":
        folded = text.strip().casefold()
        return {"true": True, "false": False}.get(folded, text)
    if field in ("difficulty", "time_limit") or (field, kind) == ("answer", "numeric"):
        return _number(text, integer=field != "answer")
    if field == "tolerance":
        return _number(text, integer=False)
    if field == "entity":
        return text.strip() or None
    return text


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _number(text: str, *, integer: bool) -> int | float | str | None:
    stripped = text.strip().replace("_", "")
    if not stripped:
        return None
    try:
        return int(stripped)
    except ValueError:
        pass
    if integer:
        return text
    try:
        return float(stripped)
    except ValueError:
        return text


def question_problems(question: Mapping[str, Any], pack: PackFile | None = None) -> list[str]:
    """What is wrong with `question` on its own (shape, then answer-among-choices and such),
    as `field: message` lines; empty when it is valid. `pack` supplies entities and metadata
    for the checks that need them."""
    try:
        model = _QUESTION.validate_python(dict(question))
    except ValidationError as error:
        order = fields_for(str(question.get("type", "")))
        problems = [_describe(detail) for detail in error.errors(include_url=False)]
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


def question_warnings(question: Mapping[str, Any], pack: PackFile | None = None) -> list[str]:
    """Lint warnings (see quiz.packs.lint) for a valid `question` on its own, as
    `field: message` lines; duplicates across the pack are left to `quiz pack check`."""
    from quiz.packs.lint import lint_pack

    model = _QUESTION.validate_python(dict(question))
    context = pack or PackFile.model_validate({"pack": {"id": "edit", "title": "edit"}})
    single = context.model_copy(update={"facts": [], "relations": [], "questions": [model]})
    warnings = []
    for warning in lint_pack(single, "", "form"):
        field = warning.key.removeprefix("questions[0]").lstrip(".") or "question"
        warnings.append(f"warning: {field}: {warning.message}")
    return warnings


def _position(problem: str, order: tuple[str, ...]) -> int:
    field = problem.split(":", 1)[0].split(".", 1)[0]
    return order.index(field) if field in order else len(order)


def _describe(detail: Mapping[str, Any]) -> str:
    # Drop the discriminator tag pydantic puts in the location (e.g. ("single", "answer")).
    location = [str(part) for part in detail.get("loc", ()) if part not in QUESTION_TYPES]
    field = ".".join(location) or "question"
    if field.startswith("pairs.") and detail.get("type") == "model_type":
        return f"{field}: write each pair as 'left{PAIR_SEPARATOR}right'"
    return f"{field}: {detail.get('msg', 'invalid')}"
