"""The editor's questions to the author: confirm a delete, what to do about a file changed on
disk, and where to save a copy.

Each is a modal screen that dismisses with the answer; pack text in a question is shown
literally.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from quiz.safe_text import safe_text

RELOAD = "reload"
KEEP_MINE = "keep"
SAVE_AS = "save-as"


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or enter says yes, n or escape no."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(safe_text(self.question)), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="error", compact=True)
                yield Button(f"{self.no} (n)", id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class DiskChangedScreen(ModalScreen[str | None]):
    """The file changed on disk: reload it, keep this version, or save this one elsewhere.
    Escape decides later (nothing is written meanwhile)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", f"choose('{RELOAD}')", "Reload"),
        Binding("k", f"choose('{KEEP_MINE}')", "Keep mine"),
        Binding("a", f"choose('{SAVE_AS}')", "Save as"),
        Binding("escape", "choose('')", "Later"),
    ]

    def __init__(self, name: str, *, deleted: bool = False) -> None:
        super().__init__()
        self.file_name = name
        self.deleted = deleted

    def compose(self) -> ComposeResult:
        what = "was deleted" if self.deleted else "was changed by another program"
        text = (
            f"{safe_text(self.file_name, single_line=True)} {what} since you opened it.\n\n"
            "r  reload it from disk (your version stays a ctrl+z away)\n"
            "k  keep mine: saving will overwrite the file on disk\n"
            "a  save mine as another file\n"
            "esc  decide later (nothing is saved meanwhile)"
        )
        with Vertical(classes="dialog"):
            yield Static(Content(text), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                if not self.deleted:
                    yield Button("Reload (r)", id=RELOAD, compact=True)
                yield Button("Keep mine (k)", id=KEEP_MINE, compact=True)
                yield Button("Save as… (a)", id=SAVE_AS, compact=True)

    def action_choose(self, choice: str) -> None:
        if choice == RELOAD and self.deleted:
            return
        self.dismiss(choice or None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)


class SaveAsScreen(ModalScreen[Path | None]):
    """Ask for the path of a new file; an existing file is refused, never overwritten."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, suggested: Path, reason: str = "") -> None:
        super().__init__()
        self.suggested = suggested
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.reason:
                yield Static(Content(safe_text(self.reason)), classes="dialog-text")
            yield Static("Save as (enter saves, esc cancels):", classes="dialog-text")
            yield Input(str(self.suggested), id="save-as-path", compact=True)
            yield Static("", id="save-as-problem", classes="dialog-problem")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#save-as-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        problem = ""
        path = Path(text).expanduser()
        if not text:
            problem = "Write a file name."
        elif path.exists():
            problem = f"{path} exists; choose another name (nothing is overwritten here)."
        elif not path.parent.is_dir():
            problem = f"Folder {path.parent} does not exist."
        if problem:
            self.query_one("#save-as-problem", Static).update(Content(safe_text(problem)))
            return
        self.dismiss(path)
