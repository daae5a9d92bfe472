"""Problems found in a pack, each located by file, line and key path.

A pack is checked as a whole and every problem is reported at once, so an author can fix
them all in one pass; `PackError` carries the list, one `Problem` per line of its message.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from quiz.errors import QuizError
from quiz.packs.locate import LineFinder, clean_loc, format_key
from quiz.packs.semantics import did_you_mean
from quiz.safe_text import safe_text


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack: where it is and what would be right.

    `line` is 1-based, or None when the place has no line (e.g. a missing file).
    `key` is a path such as `questions[3].answer`, or "" for the file as a whole.
    `str(problem)` is `FILE:LINE: key.path: message`, leaving out the parts that are empty.
    """

    file: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where, self.key, self.message] if self.key else [where, self.message]
        # File names and messages may quote pack text: keep each problem on one safe line.
        return safe_text(": ".join(parts), single_line=True)


class PackError(QuizError):
    """A pack that cannot be used; `problems` lists everything wrong with it, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(
        cls, file: str, message: str, *, line: int | None = None, key: str = ""
    ) -> PackError:
        """A PackError with one problem, for failures of the file as a whole."""
        return cls([Problem(file, line, key, message)])


def describe_validation_errors(
    error: ValidationError, data: Any, filename: str, finder: LineFinder
) -> list[Problem]:
    """One located Problem per place pydantic found wrong, in words an author can act on.

    Errors at one place are merged (a value that is neither a number nor a string gives one
    problem, not two). The discriminator tag pydantic puts in locations is dropped.
    """
    messages = validation_messages(error, data)
    lines = finder.lines_of(path for path, _ in messages)
    return [Problem(filename, lines[path], format_key(path), message) for path, message in messages]


def validation_messages(
    error: ValidationError, data: Any
) -> list[tuple[tuple[str | int, ...], str]]:
    """(key path in `data`, message in words) for each place pydantic found wrong.

    The same words as `describe_validation_errors`, without file or line, for callers that
    check one item of a pack (the editor's forms).
    """
    grouped: dict[tuple[str | int, ...], list[ErrorDetails]] = {}
    for detail in error.errors(include_url=False):
        path = clean_loc(detail["loc"], data, missing=detail["type"] == "missing")
        if detail["type"] in ("union_tag_invalid", "union_tag_not_found"):
            path = (*path, "type")
        grouped.setdefault(path, []).append(detail)
    return [(path, _message(path, details, data)) for path, details in grouped.items()]


_TYPE_WORDS = {
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "a whole number",
    "string_type": "a string",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "an array",
    "model_type": "a table",
    "dict_type": "a table",
    "model_attributes_type": "a table",
}


def toml_type(value: Any) -> str:
    """How TOML calls the type of a parsed value, with an article: 'an integer'."""
    if isinstance(value, bool):
        return "a boolean"
    names = {str: "a string", int: "an integer", float: "a float", list: "an array"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a table" if isinstance(value, dict) else "a date or time"


def _message(path: tuple[str | int, ...], details: list[ErrorDetails], data: Any) -> str:
    first = details[0]
    kind = first["type"]
    key = path[-1] if path else ""
    if kind == "missing":
        if path in (("pack",),):
            return "missing [pack] table; add one with id and title"
        return f'missing required key "{key}"'
    if kind == "extra_forbidden":
        allowed = allowed_keys(path[:-1], data)
        hint = did_you_mean(str(key), allowed) if allowed else ""
        if allowed and not hint:
            hint = f"; allowed keys: {', '.join(allowed)}"
        return f'unknown key "{key}"{hint}'
    if kind == "union_tag_invalid":
        tag = str(first.get("ctx", {}).get("tag", ""))
        hint = did_you_mean(tag, _QUESTION_TYPES.split(", "))
        return f'unknown question type "{tag}"{hint or "; use one of " + _QUESTION_TYPES}'
    if kind == "union_tag_not_found":
        return f'missing required key "type" (one of {_QUESTION_TYPES})'
    if kind == "literal_error" and isinstance(first["input"], str):
        options = re.findall(r"'([^']*)'", str(first.get("ctx", {}).get("expected", "")))
        hint = did_you_mean(first["input"], options) or f"; use one of {', '.join(options)}"
        return f'"{first["input"]}" is not allowed here{hint}'
    wanted = [_TYPE_WORDS[d["type"]] for d in details if d["type"] in _TYPE_WORDS]
    if wanted and len(wanted) == len(details):
        given = first["input"]
        message = f"expected {' or '.join(dict.fromkeys(wanted))}, got {toml_type(given)}"
        if isinstance(given, str):
            shown = given if len(given) <= 40 else given[:39] + "…"
            message += f' ("{shown}"){_unquoted_hint(given, wanted)}'
        return message
    messages = dict.fromkeys(_limit_words(d) or _lower_first(d["msg"]) for d in details)
    return " or ".join(messages)


_ID_PATTERN = "^[a-z0-9][a-z0-9_.-]*$"


def _limit_words(detail: ErrorDetails) -> str | None:
    """A length, size or form limit in words (pydantic says "List should have at least 1
    item after validation, not 0"); None for an error of another kind."""
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    given = detail["input"]
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return (
            f"needs at least {_count(least, 'entry', 'entries')}, not {ctx.get('actual_length', 0)}"
        )
    if kind == "too_long":
        most = ctx.get("max_length", 0)
        return f"has {ctx.get('actual_length', '?')} entries; at most {most} are allowed"
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        return "must not be empty" if least == 1 else f"needs at least {least} characters"
    if kind == "string_too_long":
        length = len(given) if isinstance(given, str) else "?"
        return f"is {length} characters long; at most {ctx.get('max_length', '?')} are allowed"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == _ID_PATTERN:
            return (
                "an id may use only lower-case letters, digits, '-', '_' and '.', and starts "
                "with a letter or digit"
            )
        return f"does not have the expected form ({ctx.get('pattern', '?')})"
    bounds = {
        "greater_than_equal": ("ge", "at least"),
        "less_than_equal": ("le", "at most"),
        "greater_than": ("gt", "more than"),
        "less_than": ("lt", "less than"),
    }
    if kind in bounds:
        name, words = bounds[kind]
        return f"must be {words} {_plain_number(ctx.get(name))}"
    if kind == "finite_number":
        return "must be a finite number"
    return None


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _plain_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


_QUESTION_TYPES = "single, multiple, true_false, typed, ordering, matching, numeric"


def _unquoted_hint(given: str, wanted: list[str]) -> str:
    """How to write a quoted number or boolean so that TOML reads it as one."""
    text = given.strip()
    if "true or false" in wanted and text in ("true", "false"):
        return f"; write it without quotes: {text}"
    if any(word in wanted for word in ("a number", "an integer", "a whole number")):
        try:
            number = float(text.replace("_", ""))
        except ValueError:
            return ""
        return f"; write numbers without quotes: {text}" if math.isfinite(number) else ""
    return ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def allowed_keys(path: tuple[str | int, ...], data: Any) -> list[str]:
    """The keys the model at `path` accepts (for 'did you mean' hints); [] if unknown."""
    from pydantic import BaseModel

    from quiz.packs import models

    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return []
    shape = tuple("#" if isinstance(part, int) else part for part in path)
    by_shape: dict[tuple[str, ...], type[BaseModel]] = {
        (): models.PackFile,
        ("pack",): models.PackMeta,
        ("pack", "source"): models.Source,
        ("entities", "#"): models.Entity,
        ("relations", "#"): models.Relation,
        ("facts", "#"): models.Fact,
        ("questions", "#", "pairs", "#"): models.Pair,
    }
    if shape == ("questions", "#") and isinstance(node, dict):
        by_type: dict[str, type[BaseModel]] = {
            "single": models.SingleChoice,
            "multiple": models.MultipleChoice,
            "true_false": models.TrueFalse,
            "typed": models.Typed,
            "ordering": models.Ordering,
            "matching": models.Matching,
            "numeric": models.Numeric,
        }
        model = by_type.get(str(node.get("type")))
    else:
        model = by_shape.get(shape)
    return list(model.model_fields) if model else []
