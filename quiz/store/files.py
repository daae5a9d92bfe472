"""Durable TOML files: atomic writes with rotating backups, and reads that recover.

Writing: `quiz.durable.write_durably`, like every file the project writes (temp file in the
same folder, fsync, replace, fsync the folder). Its `before_replace` hook rotates the
backups: once the new text is safely in the temp file, and before it replaces the current
file (which the caller has just read successfully, so it is good), that file becomes backup
1 by a hard link, and older backups shift to 2 and 3.

Reading: a file that is empty, truncated, not TOML, not UTF-8, too big or invalid for its
schema is renamed `<name>.corrupt-<timestamp>` (never overwritten) and the newest good backup
is loaded and restored, with a one-line warning. A file from a newer schema version is refused
with NewerSaveError and left alone.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

import tomli
import tomli_w
from pydantic import ValidationError

from quiz.durable import fsync_folder, is_temp_name, write_durably
from quiz.store.errors import NewerSaveError, SaveError

T = TypeVar("T")
BACKUPS = 3
MAX_FILE_BYTES = 32 * 1024 * 1024


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


def _rotate_backups(path: Path) -> None:
    for number in range(BACKUPS, 1, -1):
        older = backup_path(path, number - 1)
        if older.exists():
            os.replace(older, backup_path(path, number))
    newest = backup_path(path, 1)
    with contextlib.suppress(FileNotFoundError):
        newest.unlink()
    try:
        os.link(path, newest)
    except OSError:
        # Filesystems without hard links: a copy is slower but just as good.
        shutil.copy2(path, newest)


def write_atomic(
    path: Path, text: str, *, keep_backup: bool = True, replace_unread: bool = False
) -> None:
    """Replace `path` with `text` so that a crash leaves either the old or the new file.

    Returns once the new content and the rename are on disk. With `keep_backup`, the current
    file must be one the caller read successfully: it becomes backup 1. Without it, an
    existing file is one nobody could read, and is refused (SaveError) unless
    `replace_unread` (for files the user named, like an export). Raises OSError.
    """
    if not keep_backup and not replace_unread and path.exists():
        raise SaveError(f"{path}: could not be read, so it was not overwritten")

    def rotate_backups() -> None:
        if path.exists():
            _rotate_backups(path)

    write_durably(path, text, before_replace=rotate_backups if keep_backup else None)


def write_toml(path: Path, document: dict[str, Any], *, keep_backup: bool = True) -> None:
    """`write_atomic` of `document` as TOML (tomli-w); same rules."""
    write_atomic(path, tomli_w.dumps(document), keep_backup=keep_backup)


def remove_stale_temps(folder: Path) -> None:
    """Delete temp files left by a killed writer. Call only while holding the folder's lock."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if is_temp_name(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


class BadFile(Exception):
    """A file that can't be used; the message says why, in a few words."""


Signature = tuple[int, int, int, int]


def signature(status: os.stat_result) -> Signature:
    """What identifies one version of a file: a save is always replaced by a new inode, and
    the old one stays alive as backup 1, so a new version never has the same signature."""
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


class ParsedFiles:
    """Files this store has parsed or written, kept while the file on disk is unchanged, so
    that recording a round does not re-parse the profile and the newest history file."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[Signature, Any]] = {}

    def get(self, path: Path) -> Any | None:
        """The value for `path` if the file is still the version it was parsed from."""
        entry = self._entries.get(path)
        if entry is None:
            return None
        try:
            current = signature(os.stat(path))
        except OSError:
            return None
        return entry[1] if entry[0] == current else None

    def put(self, path: Path, value: Any, version: Signature | None = None) -> None:
        """Remember `value` for the file now at `path` (or for `version` of it)."""
        try:
            self._entries[path] = (version or signature(os.stat(path)), value)
        except OSError:
            self._entries.pop(path, None)


def _read_toml_versioned(path: Path, max_version: int) -> tuple[dict[str, Any], Signature]:
    with open(path, "rb") as handle:
        version_read = signature(os.fstat(handle.fileno()))
        raw = handle.read(MAX_FILE_BYTES + 1)
    if not raw.strip():
        raise BadFile("the file is empty")
    if len(raw) > MAX_FILE_BYTES:
        raise BadFile(f"the file is over {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        data = tomli.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BadFile(f"not UTF-8 text (byte {error.start})") from None
    except tomli.TOMLDecodeError as error:
        raise BadFile(f"not valid TOML ({error})") from None
    except (ValueError, RecursionError) as error:
        raise BadFile(f"not valid TOML ({type(error).__name__})") from None
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadFile("schema_version is missing or not a positive integer")
    if version > max_version:
        raise NewerSaveError(
            f"{path}: written by a newer quiz (schema_version {version}; this quiz reads up "
            f"to {max_version}). Upgrade quiz to use it; the file was left unchanged."
        )
    return data, version_read


@dataclass
class Loaded(Generic[T]):
    """What a recovering read found: the value (None if there is no usable copy at all)."""

    value: T | None
    warnings: list[str] = field(default_factory=list)


def _parse(path: Path, max_version: int, parse: Callable[[dict[str, Any]], T]) -> T:
    return _parse_versioned(path, max_version, parse)[0]


def _parse_versioned(
    path: Path, max_version: int, parse: Callable[[dict[str, Any]], T]
) -> tuple[T, Signature]:
    data, version_read = _read_toml_versioned(path, max_version)
    try:
        return parse(data), version_read
    except NewerSaveError:
        raise
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise BadFile(f"key {where}: {first['msg']}") from None
    except Exception as error:  # a migration meeting an unexpected shape: KeyError, …
        raise BadFile(f"does not match the save format ({type(error).__name__}: {error})") from None


def _corrupt_name(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    while candidate.exists():
        candidate = path.with_name(f"{candidate.name}-{secrets.token_hex(2)}")
    return candidate


def read_recovering(
    path: Path,
    parse: Callable[[dict[str, Any]], T],
    *,
    max_version: int,
    lock: Callable[[], AbstractContextManager[object]],
    cache: ParsedFiles | None = None,
    copy: Callable[[T], T] | None = None,
) -> Loaded[T]:
    """Load `path` through `parse`, falling back to the newest good backup.

    Missing file and no backups: `Loaded(None)`. A bad file is renamed `*.corrupt-<time>`
    under `lock` (re-checked there, since another process may have fixed it meanwhile),
    the newest good backup is restored in its place when the folder is writable, and one
    warning line says what happened. Raises NewerSaveError for a newer schema version.
    With `cache`, an unchanged file is not parsed again; `copy` (for values the caller
    changes) keeps the cached value apart from the one returned.
    """
    keep: Callable[[T], T] = copy or (lambda value: value)
    if cache is not None:
        hit = cache.get(path)
        if hit is not None:
            return Loaded(keep(hit))
    try:
        value, version_read = _parse_versioned(path, max_version, parse)
        if cache is not None:
            cache.put(path, keep(value), version_read)
        return Loaded(value)
    except FileNotFoundError:
        if not any(backup_path(path, n).exists() for n in range(1, BACKUPS + 1)):
            return Loaded(None)
    except BadFile:
        pass
    with lock():
        return _recover(path, parse, max_version)


def _recover(path: Path, parse: Callable[[dict[str, Any]], T], max_version: int) -> Loaded[T]:
    try:
        return Loaded(_parse(path, max_version, parse))
    except FileNotFoundError:
        problem, kept = "is missing", ""
    except BadFile as error:
        problem = f"is damaged: {error}"
        try:
            corrupt = _corrupt_name(path)
            os.replace(path, corrupt)
            kept = f"; the bad file was kept as {corrupt.name}"
        except OSError as rename_error:
            kept = f"; the bad file could not be renamed ({rename_error.strerror})"
    # Restoring a backup in place only where the bad file is out of the way: a file that
    # could not be read is never overwritten.
    for number in range(1, BACKUPS + 1):
        backup = backup_path(path, number)
        try:
            value = _parse(backup, max_version, parse)
        except (FileNotFoundError, BadFile, NewerSaveError):
            continue
        with contextlib.suppress(OSError, SaveError):
            write_atomic(path, backup.read_text("utf-8"), keep_backup=False)
        warning = f"{path} {problem}; loaded backup {backup.name}{kept}"
        return Loaded(value, [warning])
    return Loaded(None, [f"{path} {problem} and has no good backup{kept}"])
