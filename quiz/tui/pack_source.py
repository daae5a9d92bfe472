"""The packs the app offers: the pack catalog's list, as (ref, title, detail) rows."""

from __future__ import annotations

from quiz.errors import QuizError


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
