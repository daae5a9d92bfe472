"""The editor's sections (questions, facts, entities, relations, the [pack] table), the keys
that show them, and the one-line bar that names them."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content

SECTIONS = ("questions", "facts", "entities", "relations", "pack")
SECTION_KEYS = {
    "questions": "f3",
    "facts": "f4",
    "entities": "f5",
    "relations": "f6",
    "pack": "f7",
}


def section_bar(current: str, counts: Mapping[str, int], *, has_source: bool) -> Content:
    """`f3 Questions 39  f4 Facts 54 …` with the current section highlighted."""
    parts = []
    for section in SECTIONS:
        label = section.title() if section != "pack" else "Pack"
        count = f" {counts.get(section, 0)}" if section != "pack" else ""
        style = "reverse b" if section == current else "dim" if not counts.get(section) else ""
        key = SECTION_KEYS[section]
        parts.append(
            Content.from_markup(
                f"[{style}] $key $label$count [/]" if style else " $key $label$count ",
                key=key,
                label=label,
                count=count,
            )
        )
    if has_source:
        parts.append(Content.from_markup("[dim] f9 source[/]"))
    return Content("").join(parts)
