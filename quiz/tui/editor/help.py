"""The editor's help: what each key does and how the form's fields are written."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP_TEXT = """\
quiz edit: edit the questions of a pack

  ctrl+s        save (only a pack that validates is written)
  ctrl+z        undo the last change (edits of one question undo together)
  ctrl+n        add a question after the selected one
  ctrl+d        duplicate (copy) the selected question
  f8            delete the selected question (ctrl+z brings it back)
  ctrl+↑        move the selected question up (also alt+↑)
  ctrl+↓        move it down (also alt+↓)
  f2            preview the question as a player sees it
  ctrl+f        filter the list: words, tag:NAME, type:KIND
  tab           next field;  shift+tab: previous field
  ctrl+q        quit (twice if there are unsaved changes)
  f1            this help

The form: lists take one entry a line; pairs are written `left => right`;
tags are separated by commas. Problems with the question are shown below
the form as you type; the file is only written when the whole pack is valid.
Comments and layout outside the questions you change are kept as written.
"""


class HelpScreen(ModalScreen[None]):
    """Key bindings and how to fill in the form."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(HELP_TEXT, markup=False)
