"""Whether the file being edited changed on disk since the editor read or wrote it.

A fingerprint is the file's modification time, size and SHA-256 of its bytes. A quick check
(`stat` only) sees most changes; the hash decides: a file touched but unchanged is not a
change, and at save time the hash is always compared, as a file rewritten within the same
clock tick can keep its modification time. Pure: no Textual here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Fingerprint:
    """What a file was when last read or written."""

    mtime_ns: int
    size: int
    sha256: str


def fingerprint_of(path: Path, data: bytes | None = None) -> Fingerprint | None:
    """The file's fingerprint now (give `data` if its bytes were just read or written);
    None when there is no file."""
    try:
        info = path.stat()
        if data is None:
            data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return Fingerprint(info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest())


def changed_on_disk(path: Path, known: Fingerprint | None, *, thorough: bool = False) -> bool:
    """Whether the file at `path` differs from `known` (None: there was no file).

    Without `thorough`, a file with the same modification time and size counts as
    unchanged without reading it. A file that cannot be read counts as unchanged here:
    saving will report why.
    """
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return known is not None
    except OSError:
        return False
    if known is None:
        return True
    if not thorough and (info.st_mtime_ns, info.st_size) == (known.mtime_ns, known.size):
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return hashlib.sha256(data).hexdigest() != known.sha256
