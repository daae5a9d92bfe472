"""The source text beside the facts, read-only: pick a passage to make a fact from.

Move the cursor into a sentence (or select any passage) and press enter: the panel posts
`QuotePicked` with the selection, or with the sentence around the cursor when nothing is
selected. The text is shown literally, cleaned of terminal control characters.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea

from quiz.safe_text import safe_text
from quiz.tui.editor.quote_source import quote_of, sentence_at


class SourcePanel(TextArea):
    """The source text; enter picks the selection or the sentence at the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "pick", "New fact from this sentence", show=False),
    ]

    class QuotePicked(Message):
        """The author picked `quote` from the source to make a fact of."""

        def __init__(self, quote: str) -> None:
            super().__init__()
            self.quote = quote

    def __init__(self, text: str, *, cursor_blink: bool = True) -> None:
        super().__init__(
            safe_text(text),
            id="source-panel",
            read_only=True,
            soft_wrap=True,
            compact=True,
            tab_behavior="focus",
        )
        self.cursor_blink = cursor_blink

    def picked_text(self) -> str:
        """The selected text, or the sentence holding the cursor, as a quote."""
        if self.selected_text.strip():
            return quote_of(self.selected_text)
        row, column = self.cursor_location
        offset = sum(len(line) + 1 for line in self.text.split("\n")[:row]) + column
        return quote_of(sentence_at(self.text, offset))

    def action_pick(self) -> None:
        quote = self.picked_text()
        if quote:
            self.post_message(self.QuotePicked(quote))
