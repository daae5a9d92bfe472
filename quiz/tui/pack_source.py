"""Which pack to play and its questions: the pack layer's playable packs, as the app sees them."""

from __future__ import annotations

from quiz.errors import QuizError
from quiz.packs.playable import PlayablePack as PlayPack
from quiz.packs.playable import open_playable

__all__ = ["PlayPack", "available_packs", "load_play_pack"]


def load_play_pack(ref: str | None) -> PlayPack:
    """Load the pack named or pointed to by `ref` (default: the bundled bank).

    Raises the pack layer's errors (QuizError subclasses) with file, line and key.
    """
    return open_playable(ref)


def available_packs() -> list[tuple[str, str, str]]:
    """(ref, title, detail) for every pack the catalog lists; broken ones say what is wrong."""
    from quiz.packs.catalog import list_packs

    try:
        summaries = list_packs()
    except QuizError:
        return []
    found = []
    for summary in summaries:
        if summary.problem:
            detail = f"cannot be played: {summary.problem}"
        else:
            detail = f"{summary.question_count} questions"
        found.append((str(summary.path), summary.title or summary.id, detail))
    return found
