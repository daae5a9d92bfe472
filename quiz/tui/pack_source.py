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
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack

    path = resolve_pack(ref)
    pack = load_pack(path)
    return PlayPack(
        ref=str(path),
        id=pack.pack.id,
        title=pack.pack.title,
        version=pack.pack.version,
        questions=tuple(generate_questions(pack)),
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
