"""The 50:50 lifeline: about half the choices taken away, every one of them wrong.

The rule, the same in the TUI, `--plain` and team play: it removes wrong choices so that
at least one wrong choice always stays and about half the choices go (4 choices with 1
right → 2 removed; 3 choices → 1; multiple answer with 2 wrong → 1). Where nothing can be
removed it is not offered, and `refusal` says why in words.

Seeded, so a replayed round removes the same choices.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import replace

from quiz.game.views import QuestionView

LIFELINE_TYPES = ("single", "multiple")


def removable_count(kind: str, choices: Sequence[str], answers: Collection[str]) -> int:
    """How many wrong choices the 50:50 takes away: half the choices (rounded down), but
    never the last wrong one; 0 when it does not apply."""
    if kind not in LIFELINE_TYPES:
        return 0
    wrong = sum(1 for choice in choices if choice not in answers)
    return max(0, min(len(choices) // 2, wrong - 1))


def refusal(kind: str, choices: Sequence[str], answers: Collection[str]) -> str | None:
    """Why the 50:50 can't be used on this question, in one sentence; None when it can."""
    if kind not in LIFELINE_TYPES:
        return "The 50:50 works on single and multiple answer questions only."
    if removable_count(kind, choices, answers) == 0:
        wrong = sum(1 for choice in choices if choice not in answers)
        has = "only one" if wrong == 1 else "none"
        return f"The 50:50 needs two wrong choices to leave one; this question has {has}."
    return None


def removed_choices(
    kind: str, choices: Sequence[str], answers: Collection[str], *, seed: int, question_id: str
) -> tuple[str, ...]:
    """The wrong choices the 50:50 removes, chosen by the seed and the question id (empty
    when it does not apply)."""
    count = removable_count(kind, choices, answers)
    wrong = [choice for choice in choices if choice not in answers]
    return tuple(random.Random(f"{seed}:{question_id}:fifty-fifty").sample(wrong, count))


def view_refusal(view: QuestionView) -> str | None:
    """`refusal` for the question on screen; a view already trimmed can't be trimmed again."""
    if view.removed:
        return "The 50:50 has already been used on this question."
    return refusal(view.type, view.choices, view.question.answers)


def fifty_fifty(view: QuestionView, seed: int) -> QuestionView:
    """`view` with the 50:50's wrong choices removed.

    Raises ValueError when the 50:50 does not apply (see `view_refusal`).
    """
    reason = view_refusal(view)
    if reason is not None:
        raise ValueError(reason)
    question = view.question
    removed = removed_choices(
        view.type, view.choices, question.answers, seed=seed, question_id=question.id
    )
    return replace(
        view,
        choices=tuple(choice for choice in view.choices if choice not in removed),
        removed=removed,
        fifty_fifty_used=True,
    )
