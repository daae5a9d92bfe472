"""Undo and redo for the editor: whole-document snapshots, one per change the author made.

A change is one structural step (add, copy, delete, move, reload) or the edits of one field
of one item: typing a word into a prompt is one step, and moving on to its explanation starts
the next. Each snapshot remembers where the author was (section, item, field), so undoing
shows that place again. Pure: no Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_STEPS = 200


@dataclass(frozen=True)
class Snapshot:
    """The document's text and where the author was: section, item index and field."""

    text: str
    section: str
    index: int
    field: str = ""


class History:
    """Undo and redo stacks of `Snapshot`s."""

    def __init__(self) -> None:
        self._undo: list[Snapshot] = []
        self._redo: list[Snapshot] = []
        # The field being edited: further edits of it join the step already recorded.
        self._group: tuple[str, int, str] | None = None

    def record(self, before: Snapshot, *, field_edit: bool = False) -> None:
        """Remember `before`, the state before a change. Consecutive edits of one field
        (`field_edit` with the same section, index and field) are one step."""
        group = (before.section, before.index, before.field) if field_edit else None
        if group is not None and group == self._group:
            return
        self._group = group
        self._undo.append(before)
        del self._undo[:-MAX_STEPS]
        self._redo.clear()

    def end_group(self) -> None:
        """The next field edit starts a new step (e.g. the author left the item)."""
        self._group = None

    def undo(self, current: Snapshot) -> Snapshot | None:
        """The state to go back to (None: nothing to undo); `current` becomes redoable."""
        self._group = None
        if not self._undo:
            return None
        previous = self._undo.pop()
        self._redo.append(Snapshot(current.text, previous.section, previous.index, previous.field))
        return previous

    def redo(self, current: Snapshot) -> Snapshot | None:
        """The state to go forward to (None: nothing to redo); `current` becomes undoable."""
        self._group = None
        if not self._redo:
            return None
        following = self._redo.pop()
        self._undo.append(
            Snapshot(current.text, following.section, following.index, following.field)
        )
        return following
