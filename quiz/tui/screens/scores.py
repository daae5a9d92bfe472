"""High scores, progress over time, weakest topics and most-missed questions (placeholder)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class ScoresScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", key_display="Esc")
    ]

    def __init__(self, report: dict[str, Any]) -> None:
        super().__init__()
        self.report = report

    def compose(self):  # type: ignore[override]
        yield Header()
        yield Static(Content("No scores yet."))
        yield Footer()
