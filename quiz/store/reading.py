"""Reading save files: the one guarded path every read of a save file goes through.

Opening: never follows a symbolic link (O_NOFOLLOW; only a file the user names, such as
an export, may be one), never waits on a named pipe (O_NONBLOCK), and uses only regular
files (checked on the open file, so nothing can swap the file in between). These are
checks of what a file *is*, not of permission bits, so they hold for root too. A file
that is a folder, a pipe, a link, a device, unreadable, over 32 MB, empty, cut short (no
end line, see quiz.store.end_line), not UTF-8, not TOML, or not matching its schema is
*damaged* (BadFile); a file from a newer quiz is refused (NewerSaveError) and left alone.

Recovering: a damaged file is renamed `<name>.corrupt-<time>` under the player's lock
(whatever it is: a folder or a pipe is moved aside just the same, never deleted), and the
newest good backup is loaded and restored in its place, with one warning line naming the
file. A missing file with backups is restored the same way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

import tomli
from pydantic import ValidationError

from quiz.store.end_line import ends_whole, split_end_line
from quiz.store.errors import BadFile, NewerSaveError, SaveError
from quiz.store.files import BACKUPS, backup_path, write_atomic
from quiz.store.schema import SaveKind

T = TypeVar("T")
MAX_FILE_BYTES = 32 * 1024 * 1024
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OPEN_FLAGS = (
    os.O_RDONLY
    | _NO_FOLLOW
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_GZIP_MAGIC = b"\x1f\x8b"
_VERSION_LINE = re.compile(rb"\s*schema_version\s*=\s*(\d{1,9})\s*(?:#[^\n]*)?\n")
_TAIL_BYTES = 256

Signature = tuple[int, int, int, int]
LockFactory = Callable[[], AbstractContextManager[object]]


def signature(status: os.stat_result) -> Signature:
    """What identifies one version of a file: a save is always replaced by a new inode, and
    the old one stays alive as backup 1, so a new version never has the same signature."""
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    return "it is not a regular file"


def _why_not_opened(path: Path, error: OSError, follow_links: bool) -> str:
    with contextlib.suppress(OSError):
        if not follow_links and stat.S_ISLNK(os.lstat(path).st_mode):
            return f"it is a symbolic link to {os.readlink(path)}; save files are never followed"
    if isinstance(error, PermissionError):
        return "it can't be read (permission denied)"
    if error.errno == errno.ENXIO:
        return "it is a socket or a device, not a file"
    return f"it can't be read ({error.strerror or type(error).__name__})"


@contextlib.contextmanager
def open_save_file(
    path: Path, *, follow_links: bool = False
) -> Iterator[tuple[int, os.stat_result]]:
    """The open descriptor of the regular file at `path`, and its status. A symbolic link
    is refused unless `follow_links` (a file the user names, not one in the saves).

    Raises FileNotFoundError when nothing is there (or a folder on the way is missing or is
    a file), BadFile for anything else that is not a readable regular file.
    """
    flags = _OPEN_FLAGS & ~_NO_FOLLOW if follow_links else _OPEN_FLAGS
    try:
        descriptor = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        raise FileNotFoundError(errno.ENOENT, "No such file", str(path)) from None
    except OSError as error:
        raise BadFile(_why_not_opened(path, error, follow_links)) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise BadFile(_not_a_file(status.st_mode))
        yield descriptor, status
    finally:
        os.close(descriptor)


def read_save_bytes(
    path: Path, *, follow_links: bool = False, limit: int = MAX_FILE_BYTES
) -> tuple[bytes, Signature]:
    """Every byte of the save file at `path` and the signature of the version read; a file
    over `limit` bytes is damaged. Raises FileNotFoundError or BadFile (see
    `open_save_file`)."""
    too_big = BadFile(f"the file is over {limit // (1024 * 1024)} MB")
    with open_save_file(path, follow_links=follow_links) as (descriptor, status):
        if status.st_size > limit:
            raise too_big
        pieces: list[bytes] = []
        total = 0
        while True:
            try:
                piece = os.read(descriptor, 1 << 16)
            except OSError as error:
                raise BadFile(f"it can't be read ({error.strerror})") from None
            if not piece:
                break
            total += len(piece)
            if total > limit:
                raise too_big
            pieces.append(piece)
        return b"".join(pieces), signature(status)


def _gunzip(raw: bytes) -> bytes:
    inflater = zlib.decompressobj(wbits=31)
    try:
        text = inflater.decompress(raw, MAX_FILE_BYTES + 1)
    except zlib.error as error:
        raise BadFile(f"it is not a whole gzip file ({error})") from None
    if len(text) > MAX_FILE_BYTES:
        raise BadFile(f"the file is over {MAX_FILE_BYTES // (1024 * 1024)} MB unpacked")
    if not inflater.eof or inflater.unused_data:
        raise BadFile("it was cut short (the gzip file is incomplete)")
    return text


def _newer(path: Path, version: int, kind: SaveKind[Any]) -> NewerSaveError:
    return NewerSaveError(
        f"{path}: written by a newer quiz (schema_version {version}; this quiz reads up "
        f"to {kind.version}). Upgrade quiz to use it; the file was left unchanged."
    )


def _cut_short() -> BadFile:
    return BadFile("it was cut short (its last line, `# end sha256=…`, is missing)")


def toml_of(raw: bytes) -> tuple[dict[str, Any], str]:
    """The TOML table `raw` holds, and its text. Raises BadFile (not UTF-8, not TOML)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadFile(f"not UTF-8 text (byte {error.start})") from None
    try:
        return tomli.loads(text), text
    except tomli.TOMLDecodeError as error:
        raise BadFile(f"not valid TOML ({error})") from None
    except (ValueError, RecursionError) as error:
        raise BadFile(f"not valid TOML ({type(error).__name__})") from None


def decode_save(raw: bytes, kind: SaveKind[T], path: Path) -> tuple[T, str]:
    """The value a save file's bytes hold, and its text without the end line.
    Raises BadFile (damaged) or NewerSaveError (from a newer quiz)."""
    if raw.startswith(_GZIP_MAGIC):
        raw = _gunzip(raw)
    if not raw.strip():
        raise BadFile("the file is empty")
    # The version first: a newer quiz may end its files differently, and its files are
    # refused and left alone, never taken for damaged ones.
    peeked = _VERSION_LINE.match(raw)
    if peeked is not None and int(peeked.group(1)) > kind.version:
        raise _newer(path, int(peeked.group(1)), kind)
    body, ended = split_end_line(raw)
    if peeked is not None and int(peeked.group(1)) >= kind.end_line_since and not ended:
        raise _cut_short()
    data, text = toml_of(body)
    stated = data.get("schema_version")
    if not isinstance(stated, int) or isinstance(stated, bool) or stated < 1:
        raise BadFile("schema_version is missing or not a positive integer")
    version = stated
    if version > kind.version:
        raise _newer(path, version, kind)
    if version >= kind.end_line_since and not ended:
        raise _cut_short()
    try:
        return kind.parse(data), text
    except NewerSaveError:
        raise
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise BadFile(f"key {where}: {first['msg']}") from None
    except Exception as error:  # a migration meeting an unexpected shape: KeyError, …
        raise BadFile(f"does not match the save format ({type(error).__name__}: {error})") from None


def looks_whole(path: Path, kind: SaveKind[Any], same_size_as: Path | None = None) -> bool:
    """A quick look at a file that is not about to be read in full: is it a regular file,
    not empty, of a version this quiz reads, ending with its end line (text), or the same
    size as `same_size_as` (a copy that never changes)? True when nothing is there: a
    missing file is noticed by whoever needs it."""
    try:
        with open_save_file(path) as (descriptor, status):
            if status.st_size == 0:
                return False
            if same_size_as is not None:
                try:
                    return os.lstat(same_size_as).st_size == status.st_size
                except OSError:
                    return True  # no copy to compare with: nothing more to learn cheaply
            head = os.read(descriptor, 64)
            os.lseek(descriptor, max(0, status.st_size - _TAIL_BYTES), os.SEEK_SET)
            tail = os.read(descriptor, _TAIL_BYTES)
    except FileNotFoundError:
        return True
    except (BadFile, OSError):
        return False
    if head.startswith(_GZIP_MAGIC):
        return True
    peeked = _VERSION_LINE.match(head)
    if peeked is None:
        return False
    version = int(peeked.group(1))
    return version <= kind.version and (version < kind.end_line_since or ends_whole(tail))


class ParsedFiles:
    """Files this store has parsed or written, kept while the file on disk is unchanged, so
    that recording a round does not re-parse the profile and the newest history file."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[Signature, Any, str | None]] = {}

    def get(self, path: Path) -> tuple[Any, str | None] | None:
        """The value and text for `path` if the file is still the version they came from."""
        entry = self._entries.get(path)
        if entry is None:
            return None
        try:
            current = signature(os.lstat(path))
        except OSError:
            return None
        return (entry[1], entry[2]) if entry[0] == current else None

    def put(
        self, path: Path, value: Any, text: str | None = None, version: Signature | None = None
    ) -> None:
        """Remember `value` (and the file's text) for the file now at `path` (or for
        `version` of it)."""
        try:
            self._entries[path] = (version or signature(os.lstat(path)), value, text)
        except OSError:
            self._entries.pop(path, None)


@dataclass
class Loaded(Generic[T]):
    """What a recovering read found: the value (None if there is no usable copy at all),
    warnings, and the text of the copy read (without its end line)."""

    value: T | None
    warnings: list[str] = field(default_factory=list)
    text: str | None = None


def _read(path: Path, kind: SaveKind[T]) -> tuple[T, str, Signature]:
    raw, version_read = read_save_bytes(path)
    value, text = decode_save(raw, kind, path)
    return value, text, version_read


def _corrupt_name(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{candidate.name}-{secrets.token_hex(2)}")
    return candidate


def read_recovering(
    path: Path,
    kind: SaveKind[T],
    *,
    lock: LockFactory,
    cache: ParsedFiles | None = None,
    copy: Callable[[T], T] | None = None,
) -> Loaded[T]:
    """Load `path` as a `kind` file, falling back to the newest good backup.

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
            return Loaded(keep(hit[0]), text=hit[1])
    try:
        value, text, version_read = _read(path, kind)
        if cache is not None:
            cache.put(path, keep(value), text, version_read)
        return Loaded(value, text=text)
    except FileNotFoundError:
        if not any(os.path.lexists(backup_path(path, n)) for n in range(1, BACKUPS + 1)):
            return Loaded(None)
    except BadFile:
        pass
    with lock():
        return _recover(path, kind)


def _recover(path: Path, kind: SaveKind[T]) -> Loaded[T]:
    try:
        value, text, _version = _read(path, kind)
        return Loaded(value, text=text)
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
            raw, _version = read_save_bytes(backup)
            value, text = decode_save(raw, kind, backup)
        except (FileNotFoundError, BadFile, NewerSaveError):
            continue
        with contextlib.suppress(OSError, SaveError):
            write_atomic(path, raw, keep_backup=False)
        warning = f"{path} {problem}; loaded backup {backup.name}{kept}"
        return Loaded(value, [warning], text)
    return Loaded(None, [f"{path} {problem} and has no good backup{kept}"])
