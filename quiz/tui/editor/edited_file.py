"""The file the editor edits: reading it again, writing it, and noticing other writers.

Keeps what the file was when the editor last read or wrote it (its text and fingerprint),
so that a save never silently overwrites a change another program made in the meantime,
and says why a file may not be written in place (a bundled pack inside an installed copy of
quiz). Writing is `quiz.durable.write_durably`. No Textual here.
"""

from __future__ import annotations

from pathlib import Path

from quiz.durable import write_durably
from quiz.packs.loader import decode_pack_bytes, read_pack_bytes
from quiz.tui.editor.disk_state import Fingerprint, changed_on_disk, fingerprint_of


class EditedFile:
    """The pack file being edited, as last read or written."""

    def __init__(self, path: Path, text: str | None, *, read_only_reason: str | None = None):
        self.path = path
        # The text on disk as last read or written; None for a file not yet saved.
        self.saved_text = text
        self.fingerprint: Fingerprint | None = fingerprint_of(path) if text is not None else None
        self.read_only_reason = read_only_reason
        # The change on disk the author chose to decide about later (asked again at saving).
        self._postponed: Fingerprint | None = None
        self._postponing = False

    def changed_on_disk(self, *, thorough: bool = False) -> bool:
        """Whether another program changed (or deleted, or created) the file since; a quick
        check is quiet about a change the author put off deciding about."""
        if not changed_on_disk(self.path, self.fingerprint, thorough=thorough):
            return False
        if thorough or not self._postponing:
            return True
        return changed_on_disk(self.path, self._postponed)

    def postpone(self) -> None:
        """Decide about the file as it is now on disk later (at the latest when saving)."""
        self._postponed = fingerprint_of(self.path)
        self._postponing = True

    def deleted_on_disk(self) -> bool:
        """Whether the file was there when last read or written and is gone now."""
        return self.fingerprint is not None and not self.path.exists()

    def read_disk(self) -> tuple[str, Fingerprint | None]:
        """The file's text now and its fingerprint (for `adopt`). Raises PackError."""
        data = read_pack_bytes(self.path)
        return decode_pack_bytes(data, str(self.path)), fingerprint_of(self.path, data)

    def adopt(self, text: str, fingerprint: Fingerprint | None) -> None:
        """The author took the file's text as `read_disk` gave it: it is the last read."""
        self.saved_text = text
        self.fingerprint = fingerprint
        self._postponing = False

    def accept_disk(self) -> None:
        """Keep the author's version: the file as it is now on disk may be overwritten."""
        self.fingerprint = fingerprint_of(self.path)
        self._postponing = False

    def write(self, text: str, path: Path | None = None) -> None:
        """Write `text` (to `path`, which then becomes the file edited). Raises OSError;
        FileExistsError when `path` exists (saving as another file never replaces one)."""
        target = self.path if path is None else path
        data = text.encode("utf-8")
        write_durably(target, data, replace=path is None)
        self.path = target
        self.saved_text = text
        self.fingerprint = fingerprint_of(target, data)
        self._postponing = False
        if path is not None:
            self.read_only_reason = None
