"""Saving the pack: only a pack that validates is written, never over another program's
change without the author deciding (reload, keep mine, save as), and a read-only file (a
bundled pack of an installed quiz) is saved as a copy.

A mixin of `EditorApp`: the file itself is `EditedFile`; the app shows the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.screen import ModalScreen

from quiz.errors import QuizError
from quiz.packs.editing import EditingError, PackDocument
from quiz.safe_text import safe_text
from quiz.tui.editor.dialogs import KEEP_MINE, RELOAD, SAVE_AS, DiskChangedScreen, SaveAsScreen
from quiz.tui.editor.edited_file import EditedFile
from quiz.tui.editor.history import History, Snapshot
from quiz.tui.editor.item_checks import SINGULAR

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[None]
else:
    _Base = object


class FileActions(_Base):
    """Save, save as, and what to do about the file changing on disk."""

    if TYPE_CHECKING:
        file: EditedFile
        document: PackDocument
        history: History
        section: str
        dirty: bool
        _pack_problems: list[str]
        _asking_about_disk: bool

        @property
        def path(self) -> Path: ...
        def _check_form(self, field: str = "") -> list[str]: ...
        def _validate_pack(self) -> bool: ...
        def _show_problems(
            self, lines: list[str], *, ok: bool = False, warn: bool = False
        ) -> None: ...
        def _refresh_status(self) -> None: ...
        def _snapshot(self, field: str = "") -> Snapshot: ...
        def _changed(self) -> None: ...
        async def _reload(self, field: str = "") -> None: ...

    # Saving, the file on disk

    def action_save(self) -> None:
        problems = self._check_form()
        if problems:
            what = SINGULAR[self.section]
            self._show_problems([f"Not saved: fix this {what} first.", *problems])
            self.notify(f"Not saved: this {what} has problems.", severity="error")
            return
        if not self._validate_pack():
            problems, self._pack_problems = self._pack_problems, []
            self._show_problems(["Not saved: the pack does not validate.", *problems])
            self._pack_problems = problems
            self.notify("Not saved: the pack does not validate.", severity="error")
            return
        if self.file.read_only_reason:
            self._ask_save_as(self.file.read_only_reason)
            return
        if self.file.changed_on_disk(thorough=True):
            self._ask_about_disk(saving=True)
            return
        self._write()

    def _write(self, path: Path | None = None) -> None:
        text = self.document.text
        try:
            self.file.write(text, path)
        except OSError as error:
            target = path or self.path
            message = f"Not saved: cannot write {target.name}: {error.strerror or error}"
            self._show_problems([message])
            self.notify(message, severity="error", markup=False)
            return
        self.dirty = False
        self.history.end_group()
        self._refresh_status()
        self._show_problems([f"Saved {self.path.name}."], ok=True)
        self.notify("Saved.")

    def _ask_save_as(self, reason: str = "") -> None:
        # A name in the current folder, shown relative to it.
        suggested = Path(self.path.name)
        if suggested.exists():
            suggested = Path(f"{self.path.stem}-copy{self.path.suffix}")
        self.push_screen(SaveAsScreen(suggested, reason), self._save_as_chosen)

    def _save_as_chosen(self, path: Path | None) -> None:
        if path is not None:
            self._write(path)

    def check_disk(self) -> None:
        """Ask the author what to do if another program changed the file (on a timer, and
        when the terminal regains focus)."""
        if self._asking_about_disk or isinstance(self.screen, ModalScreen):
            return
        if self.file.changed_on_disk():
            self._ask_about_disk(saving=False)

    def on_app_focus(self, event: events.AppFocus) -> None:
        self.check_disk()

    def _ask_about_disk(self, *, saving: bool) -> None:
        self._asking_about_disk = True

        async def decided(choice: str | None) -> None:
            self._asking_about_disk = False
            if choice == RELOAD:
                await self._reload_from_disk()
            elif choice == KEEP_MINE:
                self.file.accept_disk()
                self.dirty = True
                self._refresh_status()
                if saving:
                    self._write()
            elif choice == SAVE_AS:
                self._ask_save_as()
            else:
                self.file.postpone()

        self.push_screen(
            DiskChangedScreen(self.path.name, deleted=self.file.deleted_on_disk()), decided
        )

    async def _reload_from_disk(self) -> None:
        try:
            text, fingerprint = self.file.read_disk()
            document = PackDocument(text)
        except (QuizError, EditingError) as error:
            message = f"Cannot reload: {error}"
            self._show_problems([message])
            self.notify(safe_text(message, single_line=True), severity="error", markup=False)
            return
        self.file.adopt(text, fingerprint)
        self.history.record(self._snapshot())
        self.document = document
        self._validate_pack()
        self._changed()
        await self._reload()
        self.notify("Reloaded from disk (ctrl+z brings your version back).")
