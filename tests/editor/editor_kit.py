"""Helpers for driving the editor in Pilot tests: open, fill a field, wait for a state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input, Select, Static, TextArea

from quiz.commands.edit import read_or_start
from quiz.tui.editor.app import EditorApp
from quiz.tui.editor.item_form import field_id

SIZE = (100, 40)


def open_app(path: Path, **options: Any) -> EditorApp:
    """The editor on `path`, as `quiz edit` opens it; no cursor blink, no disk polling."""
    text, is_new = read_or_start(path)
    options.setdefault("watch_seconds", None)
    return EditorApp(path, text, is_new=is_new, cursor_blink=False, **options)


def set_field(app: EditorApp, field: str, text: str) -> None:
    """Put `text` in form field `field`, as if typed."""
    widget = app.query_one(f"#{field_id(field)}")
    if isinstance(widget, TextArea):
        widget.load_text(text)
    elif isinstance(widget, Input | Select):
        widget.value = text


def field_text(app: EditorApp, field: str) -> str:
    widget = app.query_one(f"#{field_id(field)}")
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input):
        return widget.value
    assert isinstance(widget, Select)
    return "" if widget.value is Select.NULL else str(widget.value)


async def settle(pilot, condition: Callable[[], object], what: str) -> None:  # type: ignore[no-untyped-def]
    """Let the app process messages until `condition()` holds (no sleeping, no timing)."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"the editor never reached: {what}")


def problems_text(app: EditorApp) -> str:
    return str(app.query_one("#problems", Static).render())


async def select(app: EditorApp, pilot, index: int) -> None:  # type: ignore[no-untyped-def]
    """Highlight item `index` of the current section and wait for its form."""
    # A new form, unless this item is the one shown already (two may share an id).
    before = None if app.selected[app.section] == index else app.form
    app.item_list.options.highlighted = index
    wanted = app.document.item(app.section, index).get("id", "")

    def shown() -> bool:
        fields = app.query(f"#{field_id('id')}")
        form = app.form
        return (
            app.selected[app.section] == index
            and bool(fields)
            and fields.first(Input).value == wanted
            and form is not None
            and form is not before
            and form.checked
        )

    await settle(pilot, shown, f"{app.section} {index} in the form")


async def show_section(app: EditorApp, pilot, section: str) -> None:  # type: ignore[no-untyped-def]
    """Switch to `section` with its key and wait for its first item's form."""
    keys = {"questions": "f3", "facts": "f4", "entities": "f5", "relations": "f6", "pack": "f7"}
    await pilot.press(keys[section])

    def shown() -> bool:
        form = app.form
        return (
            app.section == section
            and form is not None
            and form.section == section
            and (form.checked or app.document.read_only_reason(section) is not None)
        )

    await settle(pilot, shown, f"the {section} section")


def generated(app: EditorApp) -> list[str]:
    """The generated questions the editor shows, one `kind prompt → answer` line each."""
    lines = [line.strip() for line in app.generated_questions()]
    return [
        f"{kind_and_prompt} {answer}"
        for kind_and_prompt, answer in zip(lines[::2], lines[1::2], strict=False)
    ]
