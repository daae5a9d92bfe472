"""What a form field is, and how a field's text and a pack value convert, both ways.

Every section of the editor (questions, facts, entities, relations, the pack table) shows
its items as form fields holding text: lists one entry a line, tags and roles separated by
commas, numbers as digits. This module is the one place that says how each kind of value is
written as text and read back. Values that do not parse (a number field holding words) are
passed on as text, so that validation names the field instead of the form guessing. Pure: no
Textual here, so it is tested directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Widget = Literal["input", "area", "select"]
# How a field's text becomes a value: see `value_from_text`.
ValueType = Literal["text", "optional", "lines", "commas", "int", "float", "bool", "pairs"]
PAIR_SEPARATOR = " => "
DIFFICULTY_OPTIONS = (("1 easy", "1"), ("2 medium", "2"), ("3 hard", "3"))
BOOL_OPTIONS = (("no", "false"), ("yes", "true"))


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: the key it edits and how it is shown.

    `key` is the item's key, or `table.key` for a key of a sub-table (`source.title`).
    A select offers `options` as (shown, value) pairs. `suggest` names the ids an input
    completes from ("entities" or "relations"); `hint` is grey text shown while it is empty.
    """

    key: str
    label: str
    value: ValueType = "text"
    widget: Widget = "input"
    options: tuple[tuple[str, str], ...] = ()
    suggest: str = ""
    hint: str = ""


def text_from_value(value: Any, kind: ValueType) -> str:
    """The text a field of type `kind` shows for `value` (None shows as empty)."""
    if value is None:
        return ""
    if kind == "pairs":
        return "\n".join(
            f"{pair.get('left', '')}{PAIR_SEPARATOR}{pair.get('right', '')}"
            for pair in value
            if isinstance(pair, dict)
        )
    if kind == "lines" and isinstance(value, list):
        return "\n".join(str(item) for item in value)
    if kind == "commas" and isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def value_from_text(text: str, kind: ValueType) -> Any:
    """The value a field of type `kind` holding `text` means; None for a blank optional
    field; the text itself when it does not parse (validation then names the field)."""
    if kind == "pairs":
        pairs: list[Any] = []
        for line in lines_of(text):
            left, separator, right = line.partition(PAIR_SEPARATOR.strip())
            pairs.append({"left": left.strip(), "right": right.strip()} if separator else line)
        return pairs
    if kind == "lines":
        return lines_of(text)
    if kind == "commas":
        return [part.strip() for part in text.split(",") if part.strip()]
    if kind == "bool":
        folded = text.strip().casefold()
        return {"true": True, "false": False}.get(folded, text)
    if kind in ("int", "float"):
        return number_from_text(text, integer=kind == "int")
    if kind == "optional":
        return text.strip() or None
    return text


def lines_of(text: str) -> list[str]:
    """The non-blank lines of `text`, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def number_from_text(text: str, *, integer: bool) -> int | float | str | None:
    """`text` as a number (None when blank); the text itself when it is not one."""
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


def is_number_text(text: str) -> bool:
    """Whether `text` reads as a number (blank does not)."""
    return isinstance(number_from_text(text, integer=False), int | float)
