"""The 50:50 lifeline: two wrong choices taken away from the question on screen.

Seeded, so a replayed round removes the same choices.
"""

from __future__ import annotations

import random
from dataclasses import replace

from quiz.game.views import QuestionView


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
