"""Records the order of `os.fsync` and `os.replace` calls, for the durable-write tests.

The wrappers call the real functions, so files really are written. Files are told apart by
inode (a replace keeps the inode of the file it moves, and an fsync'd descriptor says which
inode it belongs to), so the checks hold whatever a writer calls its temporary files.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest

BACKUP = re.compile(r"\.bak\d+$")


@dataclass(frozen=True)
class Synced:
    inode: int
    size: int
    is_folder: bool


@dataclass(frozen=True)
class Replaced:
    inode: int
    size: int
    target: Path


Call = Synced | Replaced


def record_fsync_and_replace(monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    """From now on (until the test ends), every os.fsync and os.replace, in order."""
    calls: list[Call] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        status = os.fstat(fd)
        calls.append(Synced(status.st_ino, status.st_size, stat.S_ISDIR(status.st_mode)))
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str], **kwargs: object) -> None:
        status = os.stat(src)
        real_replace(src, dst, **kwargs)  # type: ignore[arg-type]
        calls.append(Replaced(status.st_ino, status.st_size, Path(dst)))

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return calls


def check_synced_around_each_replace(calls: list[Call], root: Path) -> list[str]:
    """Assert that every replace putting a new file in place under `root` came after an
    fsync of that file at its full size, and before an fsync of its folder. Backup rotation
    (`*.bakN`) only renames old files that were synced when written, so it is skipped.
    Returns the names of the files checked, in order."""
    checked = []
    for index, call in enumerate(calls):
        if not isinstance(call, Replaced) or BACKUP.search(call.target.name):
            continue
        assert call.target.is_relative_to(root), call.target
        assert Synced(call.inode, call.size, False) in calls[:index], (
            f"{call.target.name} was put in place before its content was fsynced"
        )
        folders_synced_after = {
            later.inode
            for later in calls[index + 1 :]
            if isinstance(later, Synced) and later.is_folder
        }
        assert call.target.parent.stat().st_ino in folders_synced_after, (
            f"the folder of {call.target.name} was not fsynced after the replace"
        )
        checked.append(call.target.name)
    return checked
