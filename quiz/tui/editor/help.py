"""The editor's help: what each key does and how the form's fields are written.

The keys are the app's own bindings, shown the way the footer shows them
(`App.get_key_display`), so the help and the footer never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

TITLE = "quiz edit: questions, facts, entities, relations and [pack]"
FORM_NOTES = """\
The form: lists take one entry a line; question pairs are written
`left => right`; tags and roles are separated by commas. Problems are
shown below the form as you type; the file is only written when the
whole pack is valid, and comments and layout outside the items you
change are kept as written. A fact lists the questions it generates.

With a source text (--source TEXT, or a file named in [pack.source]
where), quotes are checked against it and f9 shows it: put the cursor
in a sentence (or select a passage) and press enter to make a fact.

If another program changes the file while you edit, the editor asks:
reload it, keep yours, or save yours as another file."""


def key_rows(app: App[Any], bindings: Sequence[BindingType]) -> list[tuple[str, str]]:
    """(keys as the footer shows them, what they do) for each of `bindings`."""
    rows = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = [
            app.get_key_display(Binding(key.strip(), binding.action, key_display=None))
            for key in binding.key.split(",")
        ]
        if binding.key_display:
            keys = [binding.key_display]
        rows.append((", ".join(keys), binding.tooltip or binding.description))
    return rows


def help_text(rows: Sequence[tuple[str, str]]) -> str:
    """The help as plain text: the title, one line per key, then the notes on the form."""
    width = max((len(keys) for keys, _ in rows), default=0) + 2
    lines = [TITLE, ""]
    lines += [f"  {keys:<{width}}{text}" for keys, text in rows]
    return "\n".join([*lines, "", FORM_NOTES])


class HelpScreen(ModalScreen[None]):
    """Key bindings and how to fill in the form."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f1", "dismiss", "Close")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content(self.text), id="help-text")
