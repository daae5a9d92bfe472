"""What every answer panel shares: the message it posts when the player commits an answer,
and the base class the question screen talks to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.message import Message

if TYPE_CHECKING:
    from quiz.game.views import Feedback

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


class AnswerPanel(Vertical):
    """An answer panel: collects an answer, posts `Answered` once (then stays `locked` until
    the round refuses it), and afterwards shows the verdict in place (`reveal`)."""

    def __init__(self) -> None:
        super().__init__()
        self.locked = False

    def take_keys(self) -> None:
        """Focus whatever takes this panel's keys."""
        self.focus()

    def commit(self, value: AnswerValue) -> None:
        """Lock the panel and hand `value` to the screen."""
        self.locked = True
        self.post_message(Answered(value))

    def reveal(self, feedback: Feedback) -> None:
        """Mark the right answer and the player's own in place, and take no more input."""
        self.locked = True
