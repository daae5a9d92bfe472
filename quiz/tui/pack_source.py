"""Which pack to play and its questions, found through the pack layer's catalog and loader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz.packs.question import Question

DEFAULT_PACK = "labour-2010"


@dataclass(frozen=True)
class PlayPack:
    """A loaded pack, reduced to what play needs. `ref` is what loads it again."""

    ref: str
    id: str
    title: str
    version: str
    questions: tuple[Question, ...]


def _resolve(ref: str | None) -> Path:
    try:
        from quiz.packs.catalog import resolve_pack
    except ImportError:
        resolve_pack = None
    if resolve_pack is not None:
        return Path(resolve_pack(ref or DEFAULT_PACK))
    if ref and Path(ref).is_file():
        return Path(ref)
    root = Path(__file__).resolve().parent.parent.parent / "questions"
    return root / f"{ref or DEFAULT_PACK}.toml"


def load_play_pack(ref: str | None) -> PlayPack:
    """Load the pack named or pointed to by `ref` (default: the bundled bank).

    Raises the pack layer's errors (QuizError subclasses) with file, line and key.
    """
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack

    path = _resolve(ref)
    pack = load_pack(path)
    return PlayPack(
        ref=str(path),
        id=pack.pack.id,
        title=pack.pack.title,
        version=pack.pack.version,
        questions=tuple(generate_questions(pack)),
    )


def available_packs() -> list[tuple[str, str, str]]:
    """(ref, title, detail) for every pack the catalog lists."""
    try:
        from quiz.packs.catalog import list_packs
    except ImportError:
        return []
    found = []
    for entry in list_packs():
        ref = str(getattr(entry, "path", entry))
        title = str(getattr(entry, "title", ref))
        count = getattr(entry, "question_count", None)
        found.append((ref, title, f"{count} questions" if count is not None else ""))
    return found
