"""The form for one question: the fields its type needs, each holding text the author edits.

The form knows nothing about files: it shows `to_form(question)` and, on every change,
posts `QuestionForm.Edited`; the app reads `values()` and decides what to do. Changing the
type recomposes the form with the new type's fields, keeping the text of shared ones.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

from quiz.safe_text import safe_text
from quiz.tui.editor.form_data import QUESTION_TYPES, fields_for, to_form

LABELS = {
    "id": "Id",
    "type": "Type",
    "prompt": "Prompt",
    "choices": "Choices (one a line)",
    "answer": "Answer",
    "answers": "Correct answers (one a line, as written in choices)",
    "accept": "Also accept (one a line)",
    "entity": "Entity whose aliases are accepted (id, optional)",
    "items": "Items in the correct order (one a line)",
    "pairs": "Pairs (one a line: left => right)",
    "tolerance": "Tolerance (±)",
    "unit": "Unit",
    "explanation": "Explanation",
    "quote": "Quote from the source",
    "difficulty": "Difficulty",
    "tags": "Tags (comma-separated)",
    "time_limit": "Time limit in seconds (blank: the round's)",
}
TEXT_AREAS = frozenset(
    {"prompt", "choices", "answers", "accept", "items", "pairs", "explanation", "quote"}
)
TYPE_NAMES = {
    "single": "single answer",
    "multiple": "multiple answers",
    "true_false": "true / false",
    "typed": "typed answer",
    "ordering": "ordering",
    "matching": "matching pairs",
    "numeric": "numeric",
}


class QuestionForm(VerticalScroll):
    """Fields for one question; posts `Edited` whenever any of them changes."""

    # Tab goes straight from the list to the first field; the form scrolls to follow focus.
    can_focus = False

    class Edited(Message):
        """A field of the form changed."""

        def __init__(self, form: QuestionForm) -> None:
            super().__init__()
            self.form = form

        @property
        def control(self) -> QuestionForm:
            return self.form

    def __init__(self, question: dict[str, Any], *, cursor_blink: bool = True) -> None:
        super().__init__(id="form")
        self.kind = str(question.get("type", "single"))
        if self.kind not in QUESTION_TYPES:
            self.kind = "single"
        self._values = to_form(question)
        self._cursor_blink = cursor_blink
        # What the fields showed before any edit (pack text cleaned of control characters).
        self.initial_values: dict[str, str] = {}
        self.touched = False  # the author has changed a field since the form opened

    def compose(self) -> ComposeResult:
        self.initial_values = {}
        for field in fields_for(self.kind):
            yield Label(LABELS[field], classes="field-label")
            yield self._field_widget(field, self._values.get(field, ""))

    def _field_widget(self, field: str, text: str) -> Widget:
        widget_id = f"field-{field}"
        if field == "type":
            options = [(TYPE_NAMES[kind], kind) for kind in QUESTION_TYPES]
            self.initial_values[field] = self.kind
            return Select(options, value=self.kind, allow_blank=False, id=widget_id, compact=True)
        if field == "difficulty":
            levels = [("1 easy", "1"), ("2 medium", "2"), ("3 hard", "3")]
            value = text if text in ("1", "2", "3") else Select.NULL
            self.initial_values[field] = "" if value is Select.NULL else text
            return Select(
                levels, value=value, allow_blank=value is Select.NULL, id=widget_id, compact=True
            )
        if field == "answer" and self.kind == "true_false":
            options = [("true", "true"), ("false", "false")]
            value = text if text in ("true", "false") else Select.NULL
            self.initial_values[field] = "" if value is Select.NULL else text
            return Select(
                options, value=value, allow_blank=value is Select.NULL, id=widget_id, compact=True
            )
        if field in TEXT_AREAS:
            self.initial_values[field] = safe_text(text)
            area = TextArea(
                safe_text(text), id=widget_id, soft_wrap=True, tab_behavior="focus", compact=True
            )
            area.cursor_blink = self._cursor_blink
            return area
        self.initial_values[field] = safe_text(text, single_line=True)
        field_input = Input(
            safe_text(text, single_line=True), id=widget_id, select_on_focus=False, compact=True
        )
        field_input.cursor_blink = self._cursor_blink
        return field_input

    def values(self) -> dict[str, str]:
        """The text of every field now shown, by field name."""
        values: dict[str, str] = {}
        for field in fields_for(self.kind):
            widget = self.query_one(f"#field-{field}")
            if isinstance(widget, TextArea):
                values[field] = widget.text
            elif isinstance(widget, Input):
                values[field] = widget.value
            elif isinstance(widget, Select):
                values[field] = "" if widget.value is Select.NULL else str(widget.value)
        return values

    def label(self) -> Content:
        """A one-line title for the form: the question's type and id."""
        return Content.from_markup(
            "[b]$kind[/b] question $id",
            kind=TYPE_NAMES.get(self.kind, self.kind),
            id=safe_text(self._values.get("id", ""), single_line=True),
        )

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _field_changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Edited(self))

    @on(Select.Changed)
    async def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "field-type" and event.value != self.kind:
            self._values = self.values()
            self.kind = str(event.value)
            await self.recompose()
        self.post_message(self.Edited(self))
