"""How every front end labels a choice: a number, a letter and a shape, never colour alone.

The TUI shows all three (`1 A ▲`); line mode the number and the letter (`1) A.`), since a
screen reader would spell the shape out; the classroom the number and the shape (`1 ▲`),
since students answer by number. The letters are also what a player types ("b" for the
second choice), so parsing reads them from here too.
"""

from __future__ import annotations

import string

SHAPES = ("▲", "◆", "●", "■", "★", "♥", "✚", "⬟")
LETTERS = string.ascii_uppercase


def letter(index: int) -> str:
    """The letter of the `index`-th choice (0-based): 'A' for 0."""
    return LETTERS[index]


def shape(index: int) -> str:
    """The shape of the `index`-th choice (0-based); shapes repeat after the eighth."""
    return SHAPES[index % len(SHAPES)]


def choice_label(index: int) -> str:
    """'1 A ▲' for the first choice (0-based `index`): the TUI's label."""
    return f"{index + 1} {letter(index)} {shape(index)}"


def option_label(index: int) -> str:
    """'1 ▲' for the first option: the classroom's label (students answer by number)."""
    return f"{index + 1} {shape(index)}"


def line_label(index: int) -> str:
    """'1) A.' for the first choice: line mode's label, a number and a letter."""
    return f"{index + 1}) {letter(index)}."
