"""A cache of validated packs, keyed by a hash of the file's bytes.

A second load of an unchanged pack skips TOML parsing and the whole-pack checks: it reads
the validated pack back as JSON, which pydantic parses in Rust. Entries are named by a
blake2b hash of the pack's bytes plus a fingerprint of the code that validated it, so a
changed pack or a changed model never reads a stale entry. The cache is only an
optimisation: an entry that is missing, corrupt or unreadable is ignored, and a folder we
cannot write to leaves loading working, just slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.durable import write_durably

if TYPE_CHECKING:
    # Imported where used: a cache hit for play (quiz.packs.playable) never builds the models.
    from quiz.packs.models import PackFile

CACHE_ENV = "QUIZ_CACHE_DIR"
# Bump when what a cache entry means changes in a way the fingerprinted files don't show.
CACHE_FORMAT = b"quiz-pack-cache-1"
_FINGERPRINTED = (
    "models.py",
    "question.py",
    "semantics.py",
    "loader.py",
    "generate.py",
    "hand_questions.py",
    "relation_questions.py",
    "distractors.py",
    "templates.py",
    "playable.py",
)


def cache_dir() -> Path:
    """The folder for cached packs: `packs/` in $QUIZ_CACHE_DIR, else in the user cache folder."""
    base = os.environ.get(CACHE_ENV)
    if not base:
        from platformdirs import user_cache_dir

        base = user_cache_dir("quiz")
    return Path(base) / "packs"


@cache
def _code_fingerprint() -> bytes:
    """A hash of the code that decides what a valid pack is; read once per process."""
    digest = hashlib.blake2b(CACHE_FORMAT, digest_size=16)
    here = Path(__file__).parent
    for name in _FINGERPRINTED:
        with contextlib.suppress(OSError):
            digest.update((here / name).read_bytes())
    return digest.digest()


def cache_key(data: bytes) -> str:
    """The entry name for a pack whose file holds `data`."""
    return hashlib.blake2b(data, digest_size=20, key=_code_fingerprint()).hexdigest()


def _entry(key: str, kind: str = "") -> Path:
    return cache_dir() / f"{key}{kind}.json"


def read_entry(key: str, kind: str) -> bytes | None:
    """The raw bytes of another kind of entry for `key` (e.g. ".questions"), or None."""
    try:
        return _entry(key, kind).read_bytes()
    except OSError:
        return None


def write_entry(key: str, kind: str, payload: bytes) -> None:
    """Store `payload` as the `kind` entry for `key`, atomically; failures are ignored."""
    _write_atomically(_entry(key, kind), payload)


def read_cached(key: str) -> PackFile | None:
    """The cached pack for `key`, or None if there is none or it cannot be used."""
    from pydantic import ValidationError

    from quiz.packs.models import PackFile

    try:
        raw = _entry(key).read_bytes()
    except OSError:
        return None
    try:
        return PackFile.model_validate_json(raw)
    except (ValidationError, ValueError, RecursionError, MemoryError):
        return None  # corrupt or from another version: the caller rewrites it


def write_cached(key: str, pack: PackFile) -> None:
    """Store `pack` under `key` atomically (temp file + replace); failures are ignored."""
    # exclude_unset keeps what the author wrote (model_fields_set) the same after a round trip.
    _write_atomically(_entry(key), pack.model_dump_json(exclude_unset=True).encode())


def _write_atomically(target: Path, payload: bytes) -> None:
    # No fsync: losing a cache entry in a crash only costs the next load some time.
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_durably(target, payload, durable=False)
    except OSError:
        pass  # a read-only or full cache folder only costs speed
