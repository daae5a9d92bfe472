"""Writing save files: atomic writes, each ending with its end line, with rotating backups.

Writing goes through `quiz.durable.write_durably`, like every file the project writes (temp
file in the same folder, fsync, replace, fsync the folder). Backups rotate only once the new
file is in place: the hook that runs before the replace links the current file (which the
caller has just read successfully, so it is good) to a temporary name; after a successful
replace that link becomes backup 1 and older backups shift to 2 and 3. A failed write leaves
the file and all three backups as they were. Reading is quiz.store.reading.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path
from typing import Any

import tomli_w

from quiz.durable import TEMP_MARKER, fsync_folder, is_temp_name, write_durably
from quiz.store.end_line import add_end_line
from quiz.store.errors import SaveError

BACKUPS = 3


def backup_path(path: Path, number: int) -> Path:
    """Backup `number` (1 = newest) of `path`: `profile.toml.bak1`."""
    return path.with_name(f"{path.name}.bak{number}")


def make_folders(folder: Path) -> None:
    """Create `folder` and missing parents, durably (each new entry's parent is fsynced)."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir()
        fsync_folder(path.parent)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        # Filesystems without hard links: a copy is slower but just as good.
        shutil.copy2(source, target)


def _rotate_backups(path: Path, previous: Path) -> None:
    """Make `previous` (the version just replaced) backup 1, shifting the others down."""
    for number in range(BACKUPS, 1, -1):
        older = backup_path(path, number - 1)
        if os.path.lexists(older):
            os.replace(older, backup_path(path, number))
    os.replace(previous, backup_path(path, 1))


def write_atomic(path: Path, data: str | bytes, *, keep_backup: bool = True) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    Returns once the new content and the rename are on disk. With `keep_backup`, the current
    file must be one the caller read successfully: once replaced, it becomes backup 1.
    Without it, an existing file is one nobody could read, and is refused (SaveError).
    Raises OSError; then the file and its backups are as they were.
    """
    if not keep_backup and os.path.lexists(path):
        raise SaveError(f"{path}: could not be read, so it was not overwritten")
    kept: list[Path] = []

    def keep_current() -> None:
        if keep_backup and os.path.lexists(path):
            link = path.with_name(f".{path.name}{TEMP_MARKER}bak-{secrets.token_hex(4)}")
            _link_or_copy(path, link)
            kept.append(link)

    try:
        write_durably(path, data, before_replace=keep_current)
    except BaseException:
        for link in kept:
            with contextlib.suppress(OSError):
                os.unlink(link)
        raise
    for link in kept:
        _rotate_backups(path, link)


def write_save(path: Path, text: str, *, keep_backup: bool = True) -> None:
    """`write_atomic` of `text` with its end line (quiz.store.end_line); same rules."""
    write_atomic(path, add_end_line(text), keep_backup=keep_backup)


def write_toml(path: Path, document: dict[str, Any], *, keep_backup: bool = True) -> None:
    """`write_save` of `document` as TOML (tomli-w); same rules."""
    write_save(path, tomli_w.dumps(document), keep_backup=keep_backup)


def remove_stale_temps(folder: Path) -> None:
    """Delete temp files left by a killed writer. Call only while holding the folder's lock."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if is_temp_name(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
