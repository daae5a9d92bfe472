"""How a question is laid out for the player, and the 50:50 lifeline that trims it.

Both are seeded, so a replayed round shows the same order and removes the same choices.
"""

from __future__ import annotations

import random
from dataclasses import replace

from quiz.game.selection import shown_order
from quiz.game.views import QuestionView
from quiz.packs.question import Question


def layout(
    question: Question, *, number: int, total: int | None, time_limit: float | None, seed: int
) -> QuestionView:
    """The view of `question`: choices as drawn, ordering items and the right-hand column
    of a matching question shuffled (never left in the answer's order when avoidable)."""
    view = QuestionView(question=question, number=number, total=total, time_limit=time_limit)
    if question.type in ("single", "multiple", "true_false"):
        return replace(view, choices=question.choices)
    if question.type == "ordering":
        return replace(view, items=shown_order(question.items, seed, question.id))
    if question.type == "matching":
        lefts = tuple(left for left, _ in question.pairs)
        rights = shown_order([right for _, right in question.pairs], seed, question.id)
        return replace(view, lefts=lefts, rights=rights)
    return view


def fifty_fifty_candidates(view: QuestionView) -> list[str]:
    """The wrong choices the 50:50 may remove; empty when it does not apply.

    It applies to single and multiple questions with at least 3 choices shown, 2 of them
    wrong, and not already trimmed.
    """
    question = view.question
    if view.removed or question.type not in ("single", "multiple") or len(view.choices) < 3:
        return []
    wrong = [choice for choice in view.choices if choice not in question.answers]
    return wrong if len(wrong) >= 2 else []


def fifty_fifty(view: QuestionView, seed: int) -> QuestionView:
    """`view` with two wrong choices removed, chosen by the seed and the question id.

    Raises ValueError when the 50:50 does not apply (see `fifty_fifty_candidates`).
    """
    candidates = fifty_fifty_candidates(view)
    if not candidates:
        raise ValueError("the 50:50 does not apply to this question")
    removed = tuple(random.Random(f"{seed}:{view.question.id}:fifty-fifty").sample(candidates, 2))
    return replace(
        view,
        choices=tuple(choice for choice in view.choices if choice not in removed),
        removed=removed,
        fifty_fifty_used=True,
    )
