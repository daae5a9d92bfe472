"""A pack reduced to what a round needs, loaded through a cache of its generated questions.

Play needs the pack's id, title, version and concrete questions, not the pack models. On a
cache hit this module reads one JSON entry (keyed by the pack file's bytes and the code that
generates questions, see `quiz.packs.cache`) and never builds the pack models or runs
generation, which is most of what `quiz` would otherwise add to start-up. On a miss it
loads and checks the pack in full (so a broken pack still gets every located error) and
stores the entry for next time.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from quiz.packs import cache
from quiz.packs.question import Question

_ENTRY_KIND = ".questions"
# Cheap guard before hashing: the loader refuses anything larger anyway, with its message.
_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class PlayablePack:
    """The pack as a round sees it. `ref` is what loads it again (its file's path)."""

    ref: str
    id: str
    title: str
    version: str
    questions: tuple[Question, ...]


def open_playable(name_or_path: str | None) -> PlayablePack:
    """The pack named (a bundled pack's id), or at a path, or the default bank when None,
    ready to play. A QuizError names the file when it can't be found, is broken, or holds
    no question."""
    from quiz.errors import QuizError
    from quiz.packs.catalog import resolve_pack

    path = resolve_pack(name_or_path)
    pack = load_playable(path)
    if not pack.questions:
        raise QuizError(f"{path}: the pack has no questions to play")
    return pack


def load_playable(path: str | Path, *, use_cache: bool = True) -> PlayablePack:
    """The pack at `path` with every question it yields (hand-written and generated).

    Raises `quiz.packs.errors.PackError` (a QuizError) with every located problem when the
    pack is broken.
    """
    key = _key_of(Path(path)) if use_cache else None
    if key is not None:
        raw = cache.read_entry(key, _ENTRY_KIND)
        if raw is not None:
            try:
                return _from_entry(json.loads(raw))
            except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
                pass  # corrupt or from another version: rebuilt below
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack

    pack = load_pack(path, use_cache=use_cache)
    playable = PlayablePack(
        ref=str(path),
        id=pack.pack.id,
        title=pack.pack.title,
        version=pack.pack.version,
        questions=tuple(generate_questions(pack)),
    )
    if key is not None:
        cache.write_entry(key, _ENTRY_KIND, json.dumps(asdict(playable)).encode())
    return playable


def _key_of(path: Path) -> str | None:
    """The cache key for the file at `path`, or None when it can't be read cheaply
    (the full loader then reports why)."""
    try:
        if path.stat().st_size > _MAX_BYTES:
            return None
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    # The path is part of the entry, so the same bytes at two paths are two entries.
    return cache.cache_key(data + b"\0" + str(path).encode("utf-8", "surrogateescape"))


def _from_entry(entry: dict[str, Any]) -> PlayablePack:
    """A pack from a cache entry we wrote. Plain construction, no pydantic: this is the hot
    path of start-up, and the entry is our own output, keyed by the pack's bytes."""
    questions = tuple(Question(**item) for item in entry["questions"])
    return PlayablePack(
        ref=str(entry["ref"]),
        id=str(entry["id"]),
        title=str(entry["title"]),
        version=str(entry["version"]),
        questions=questions,
    )
