"""The form for one item of the pack: a question, fact, entity, relation or the [pack] table.

The form knows nothing about files: it shows the item's fields as text and, on every change,
posts `ItemForm.Edited` naming the field; the app reads `values()` and decides what to do.
Changing a question's type recomposes the form with the new type's fields (keeping the text
of the shared ones where it suits the new type) and keeps the focus on the type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

from quiz.safe_text import safe_text
from quiz.tui.editor.fields import FieldSpec
from quiz.tui.editor.form_data import QUESTION_TYPES, carry_over, field_specs, to_form
from quiz.tui.editor.records import RECORD_KINDS


def specs_for(section: str, kind: str) -> tuple[FieldSpec, ...]:
    """The fields of an item of `section` (of question type `kind`), in order."""
    return field_specs(kind) if section == "questions" else RECORD_KINDS[section].fields


class ItemForm(VerticalScroll):
    """Fields for one item; posts `Edited` whenever any of them changes."""

    # Tab goes straight from the list to the first field; the form scrolls to follow focus.
    can_focus = False

    class Edited(Message):
        """Field `field` of the form changed."""

        def __init__(self, form: ItemForm, field: str) -> None:
            super().__init__()
            self.form = form
            self.field = field

        @property
        def control(self) -> ItemForm:
            return self.form

    def __init__(
        self,
        section: str,
        item: Mapping[str, Any],
        *,
        suggestions: Mapping[str, Sequence[str]] | None = None,
        read_only: bool = False,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__(id="form")
        self.section = section
        self.kind = str(item.get("type", "single")) if section == "questions" else ""
        if section == "questions" and self.kind not in QUESTION_TYPES:
            self.kind = "single"
        if section == "questions":
            self._values = to_form(item)
        else:
            self._values = RECORD_KINDS[section].to_form(item)
        self._suggestions = suggestions or {}
        self._read_only = read_only
        self._cursor_blink = cursor_blink
        # What the fields showed before any edit (pack text cleaned of control characters).
        self.initial_values: dict[str, str] = {}
        self.touched = False  # the author has changed a field since the form opened
        self.checked = False  # the app has checked it once: its problems are on screen

    @property
    def specs(self) -> tuple[FieldSpec, ...]:
        return specs_for(self.section, self.kind)

    def compose(self) -> ComposeResult:
        self.initial_values = {}
        for spec in self.specs:
            yield Label(spec.label, classes="field-label")
            yield self._field_widget(spec, self._values.get(spec.key, ""))

    def _field_widget(self, spec: FieldSpec, text: str) -> Widget:
        widget_id = field_id(spec.key)
        if spec.widget == "select":
            values = [value for _, value in spec.options]
            if spec.key == "type":
                text = self.kind
            value = text if text in values else Select.NULL
            self.initial_values[spec.key] = "" if value is Select.NULL else text
            return Select(
                list(spec.options),
                value=value,
                allow_blank=value is Select.NULL,
                id=widget_id,
                compact=True,
                disabled=self._read_only,
            )
        if spec.widget == "area":
            self.initial_values[spec.key] = safe_text(text)
            area = TextArea(
                safe_text(text),
                id=widget_id,
                soft_wrap=True,
                tab_behavior="focus",
                compact=True,
                placeholder=spec.hint,
                disabled=self._read_only,
            )
            area.cursor_blink = self._cursor_blink
            return area
        self.initial_values[spec.key] = safe_text(text, single_line=True)
        choices = self._suggestions.get(spec.suggest, ()) if spec.suggest else ()
        field_input = Input(
            safe_text(text, single_line=True),
            id=widget_id,
            select_on_focus=False,
            compact=True,
            placeholder=spec.hint,
            suggester=SuggestFromList(choices, case_sensitive=False) if choices else None,
            disabled=self._read_only,
        )
        field_input.cursor_blink = self._cursor_blink
        return field_input

    def values(self) -> dict[str, str]:
        """The text of every field now shown, by key."""
        values: dict[str, str] = {}
        for spec in self.specs:
            widget = self.query_one(f"#{field_id(spec.key)}")
            if isinstance(widget, TextArea):
                values[spec.key] = widget.text
            elif isinstance(widget, Input):
                values[spec.key] = widget.value
            elif isinstance(widget, Select):
                values[spec.key] = "" if widget.value is Select.NULL else str(widget.value)
        return values

    def field_widget(self, key: str) -> Widget | None:
        """The widget of field `key`, if the form shows it."""
        found = self.query(f"#{field_id(key)}")
        return found.first() if found else None

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _field_changed(self, event: Input.Changed | TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self, key_of(event.control.id)))

    @on(Select.Changed)
    async def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == field_id("type") and event.value != self.kind:
            self._values = carry_over(self.values(), str(event.value))
            self.kind = str(event.value)
            await self.recompose()
            # The author stays where they were: on the type, ready to go on with tab.
            self.query_one(f"#{field_id('type')}", Select).focus()
        self.post_message(self.Edited(self, key_of(event.select.id)))


def field_id(key: str) -> str:
    """The widget id of field `key` (`source.title` becomes `field-source-title`)."""
    return "field-" + key.replace(".", "-")


def key_of(widget_id: str | None) -> str:
    """The field key of a widget id made by `field_id`."""
    key = (widget_id or "").removeprefix("field-")
    return "source." + key.removeprefix("source-") if key.startswith("source-") else key
