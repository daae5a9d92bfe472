"""How a question is laid out for the player: which choices, items and columns, in what order.

Seeded, so a replayed round shows the same order.
"""

from __future__ import annotations

from dataclasses import replace

from quiz.game.views import QuestionView
from quiz.packs.draw import shown_order
from quiz.packs.question import Question


def layout(
    question: Question, *, number: int, total: int | None, time_limit: float | None, seed: int
) -> QuestionView:
    """The view of `question`: choices as drawn, ordering items and the right-hand column
    of a matching question in their `shown_order` for `seed`."""
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
