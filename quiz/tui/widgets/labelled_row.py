"""A row of an answer panel: a short label on the left, the item's text wrapping beside it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class LabelledRow(Horizontal):
    """The label ('2.', '⇕ 3.', '›*1.') stays as wide as it is; long text wraps under itself."""

    DEFAULT_CSS = """
    LabelledRow { height: auto; }
    LabelledRow > .row-head { width: auto; }
    LabelledRow > .row-text { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="row-head")
        yield Static(classes="row-text")

    def show(self, head: str, text: Content) -> None:
        first, second = self.query(Static)
        first.update(Content(head))
        second.update(text)
