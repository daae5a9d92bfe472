"""The message every answer panel posts when the player commits an answer."""

from __future__ import annotations

from textual.message import Message

# What a panel reports, by question type:
#   single, true_false: the chosen choice text; typed, numeric: the text typed;
#   multiple: tuple of chosen choices; ordering: tuple of items in the player's order;
#   matching: tuple of (left, right) pairs the player made.
AnswerValue = str | tuple[str, ...] | tuple[tuple[str, str], ...]


class Answered(Message):
    """The player committed `value` as their answer."""

    def __init__(self, value: AnswerValue) -> None:
        super().__init__()
        self.value = value
