"""An input box for typed and numeric answers; Enter commits what was typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input, Label

from quiz.safe_text import safe_text
from quiz.tui.widgets.answered import AnswerPanel
from quiz.tui.widgets.quiz_input import QuizInput

if TYPE_CHECKING:
    from quiz.game.views import Feedback


class TextAnswer(AnswerPanel):
    """Posts `Answered(text)` when the player presses Enter on a non-empty answer."""

    DEFAULT_CSS = """
    TextAnswer { height: auto; padding: 0 1; }
    TextAnswer > Label { color: $text-muted; }
    """

    def __init__(self, *, numeric: bool = False, unit: str = "") -> None:
        super().__init__()
        self.numeric = numeric
        self.unit = unit

    def compose(self) -> ComposeResult:
        hint = "Type a number" if self.numeric else "Type your answer"
        if self.numeric and self.unit:
            hint += f" (in {safe_text(self.unit, single_line=True)})"
        yield Label(hint + ", then press Enter.", markup=False)
        yield QuizInput(placeholder="your answer", type="number" if self.numeric else "text")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def take_keys(self) -> None:
        self.input.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text or self.locked:
            return
        self.commit(text)

    def reveal(self, feedback: Feedback) -> None:
        """What was typed stays in the box, which takes no more input."""
        super().reveal(feedback)
        self.input.disabled = True
