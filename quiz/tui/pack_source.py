"""Which pack to play and its questions, found through the pack layer's catalog and loader."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.packs.question import Question


@dataclass(frozen=True)
class PlayPack:
    """A loaded pack, reduced to what play needs. `ref` is what loads it again."""

    ref: str
    id: str
    title: str
    version: str
    questions: tuple[Question, ...]


def load_play_pack(ref: str | None) -> PlayPack:
    """Load the pack named or pointed to by `ref` (default: the bundled bank).

    Raises the pack layer's errors (QuizError subclasses) with file, line and key.
    """
    from quiz.packs.catalog import resolve_pack
    from quiz.packs.playable import load_playable

    path = resolve_pack(ref)
    pack = load_playable(path)
    return PlayPack(
        ref=str(path), id=pack.id, title=pack.title, version=pack.version, questions=pack.questions
    )


def available_packs() -> list[tuple[str, str, str]]:
    """(ref, title, detail) for every pack the catalog lists; broken ones say what is wrong."""
    from quiz.errors import QuizError
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
