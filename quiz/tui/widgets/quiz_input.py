"""An Input whose cursor blink follows the app's `cursor_blink` (tests freeze it)."""

from __future__ import annotations

from textual.widgets import Input


class QuizInput(Input):
    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
