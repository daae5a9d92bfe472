"""The editor's changes to the list of items: add, copy, delete (after asking), move, and
undo and redo of every change.

A mixin of `EditorApp`: these actions change the document through `PackDocument` and record
each change in the app's `History`; the app shows the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quiz.packs.editing import PackDocument
from quiz.safe_text import safe_text
from quiz.tui.editor.dialogs import ConfirmScreen
from quiz.tui.editor.form_data import new_question
from quiz.tui.editor.history import History, Snapshot
from quiz.tui.editor.item_checks import SINGULAR
from quiz.tui.editor.item_form import ItemForm
from quiz.tui.editor.records import new_record

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[None]
else:
    _Base = object


class ItemActions(_Base):
    """Add, copy, delete, move, undo and redo: see the module docstring."""

    if TYPE_CHECKING:
        document: PackDocument
        history: History
        section: str
        selected: dict[str, int]
        _pack_problems: list[str]

        @property
        def form(self) -> ItemForm | None: ...
        def _check_form(self, field: str = "") -> list[str]: ...
        def _validate_pack(self) -> bool: ...
        def _changed(self) -> None: ...
        def _leave_form(self) -> None: ...
        async def _reload(self, field: str = "") -> None: ...

    # Undo and redo

    def _snapshot(self, field: str = "") -> Snapshot:
        return Snapshot(self.document.text, self.section, self.selected[self.section], field)

    async def action_undo(self) -> None:
        form = self.form
        if form is not None and self._check_form():
            # First, the form's unfinished (invalid) edit goes: back to the last valid state.
            await self._reload()
            return
        previous = self.history.undo(self._snapshot())
        if previous is None:
            self.notify("Nothing to undo.")
            return
        await self._restore(previous)

    async def action_redo(self) -> None:
        following = self.history.redo(self._snapshot())
        if following is None:
            self.notify("Nothing to redo.")
            return
        await self._restore(following)

    async def _restore(self, snapshot: Snapshot) -> None:
        self.document = PackDocument(snapshot.text)
        self.section = snapshot.section
        self.selected[snapshot.section] = snapshot.index
        if self._pack_problems:
            self._validate_pack()
        self._changed()
        await self._reload(snapshot.field)

    # Structural changes

    def _refuse_structure(self) -> bool:
        """Say why the current section cannot get, lose or reorder items, if it cannot."""
        reason = self.document.read_only_reason(self.section)
        if reason is not None:
            self.notify(f"Read-only: {reason}.", severity="warning", markup=False)
            return True
        if self.section == "pack":
            self.notify("A pack has one [pack] table: edit it in the form.", markup=False)
            return True
        return False

    async def _insert(self, item: dict[str, Any], *, focus: str) -> None:
        self._leave_form()
        self.history.record(self._snapshot())
        count = self.document.count(self.section)
        at = self.selected[self.section] + 1 if count else 0
        self.selected[self.section] = self.document.insert_item(self.section, at, item)
        self._changed()
        await self._reload()
        # The field sits near the top of the form: no scrolling needed (or wanted, as it
        # would race the form's first layout).
        form = self.form
        widget = form.field_widget(focus) if form is not None else None
        if widget is not None:
            widget.focus(scroll_visible=False)

    async def action_add(self) -> None:
        if self._refuse_structure():
            return
        section = self.section
        new_id = self.document.unique_item_id(section, f"new-{SINGULAR[section]}")
        if section == "questions":
            await self._insert(new_question(new_id), focus="prompt")
        else:
            first = {"entities": "name", "relations": "ask_object", "facts": "subject"}
            await self._insert(new_record(section, new_id), focus=first[section])

    async def action_duplicate(self) -> None:
        if self._refuse_structure() or not self.document.count(self.section):
            return
        self._leave_form()
        self.history.record(self._snapshot())
        index = self.selected[self.section]
        original = str(self.document.item(self.section, index).get("id", SINGULAR[self.section]))
        new_id = self.document.unique_item_id(self.section, original)
        self.selected[self.section] = self.document.duplicate_item(self.section, index, new_id)
        self._changed()
        await self._reload()

    def action_delete(self) -> None:
        if self._refuse_structure() or not self.document.count(self.section):
            return
        index = self.selected[self.section]
        item_id = str(self.document.item(self.section, index).get("id", ""))
        what = SINGULAR[self.section]
        self.push_screen(
            ConfirmScreen(f'Delete {what} {index + 1}, "{item_id}"?', yes="Delete", no="Keep"),
            self._delete_confirmed,
        )

    async def _delete_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        section = self.section
        index = self.selected[section]
        gone = str(self.document.item(section, index).get("id", ""))
        self.history.record(self._snapshot())
        self.document.delete_item(section, index)
        self.selected[section] = min(index, self.document.count(section) - 1)
        self._changed()
        await self._reload()
        self.notify(
            f"Deleted {safe_text(gone, single_line=True)} (ctrl+z brings it back).", markup=False
        )

    async def action_move(self, offset: int) -> None:
        if self._refuse_structure() or not self.document.count(self.section):
            return
        index = self.selected[self.section]
        before = self._snapshot()
        target = self.document.move_item(self.section, index, offset)
        if target == index:
            return
        self.history.record(before)
        self.selected[self.section] = target
        self._changed()
        await self._reload()
