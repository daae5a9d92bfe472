"""Asks before a round is left unfinished: "Leave this round? It won't be recorded (y/n)"."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui.widgets.key_footer import KeyFooter


class LeaveRoundScreen(ModalScreen[bool]):
    """y leaves (dismissed with True); n or Esc stays (False)."""

    DEFAULT_CSS = """
    LeaveRoundScreen { align: center middle; }
    LeaveRoundScreen > #leave {
        width: auto; max-width: 90%; height: auto;
        border: round $warning; background: $surface; padding: 1 2;
    }
    LeaveRoundScreen > #leave > Static { width: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Leave"),
        Binding("n,escape", "answer(False)", "Stay", key_display="n"),
    ]

    def __init__(self, question: str = "Leave this round? It won't be recorded (y/n)") -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="leave"):
            yield Static(Content(self.question))
        yield KeyFooter()

    def action_answer(self, leave: bool) -> None:
        self.dismiss(leave)
