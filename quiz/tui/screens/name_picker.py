"""Who is playing? Pick a saved player or type a new name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from quiz.safe_text import safe_text
from quiz.tui.text import literal
from quiz.tui.widgets.key_footer import KeyFooter
from quiz.tui.widgets.quiz_input import QuizInput

MAX_NAME = 64


class NamePickerScreen(Screen[str | None]):
    """Dismisses with the chosen or new player name (cleaned of control characters), or None
    on Esc, which quits the game at start (`quits`) and goes back to the menu otherwise."""

    DEFAULT_CSS = """
    NamePickerScreen {
        align: center middle;
    }

    #picker {
        width: 60;
        max-width: 100%;
        height: auto;
        border: round $accent;
        padding: 1 2;
    }

    #picker-title {
        text-style: bold;
        margin-bottom: 1;
    }

    #players {
        height: auto;
        max-height: 10;
        margin: 1 0;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Quit", key_display="Esc"),
        Binding("escape", "back", "Back", key_display="Esc"),
        Binding("tab", "app.focus_next", "Next field", show=False),
        # F1, not ?: the name box takes every printable key.
        Binding("f1", "app.help", "Help", key_display="F1"),
    ]

    def __init__(self, players: Sequence[str], *, quits: bool = True) -> None:
        super().__init__()
        self.players = [safe_text(name, single_line=True) for name in players]
        self.quits = quits

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label(Content("Who is playing?"), id="picker-title")
            if self.players:
                yield Label(Content("Choose your name (↑↓ Enter) or type a new one below."))
                yield OptionList(
                    *(Option(literal(name), id=f"p{i}") for i, name in enumerate(self.players)),
                    id="players",
                )
            else:
                yield Label(Content("Type your name to start."))
            yield QuizInput(placeholder="new player name", max_length=MAX_NAME, id="new-name")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.players:
            self.query_one(OptionList).focus()
        else:
            self.query_one(Input).focus()

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        """Esc says Quit at start and Back when switching player."""
        if action == "leave":
            return self.quits
        if action == "back":
            return not self.quits
        return True

    def action_leave(self) -> None:
        self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.players[event.option_index])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = safe_text(event.value, single_line=True)
        if not name:
            self.notify("Type a name first (any letters you like).", severity="warning")
            return
        self.dismiss(name)
