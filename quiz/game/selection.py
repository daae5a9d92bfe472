"""Which questions a round asks, and in which order.

Drawing is seeded, so the same seed and pool always give the same round; the pack layer's
`quiz.packs.draw.draw_questions` does it, for every front end: one appearance per fact, at
most three true/false and two questions of one template in ten, easier to harder.

Practice mode does not draw at random: a `Prioritise` function orders the pool. Until the
study schedule decides, `missed_first` puts the questions the player missed first.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Sequence

from quiz.packs.question import Question

Prioritise = Callable[[Sequence[Question]], Sequence[Question]]


def draw(
    questions: Sequence[Question],
    *,
    seed: int,
    count: int | None = None,
    shuffle_choices: bool = True,
) -> list[Question]:
    """`count` questions (all when None) from `questions`, in a seeded order.

    With `shuffle_choices`, single and multiple choices come in a seeded order too (the
    answer check works on texts, so order never matters for scoring).
    """
    from quiz.packs.draw import draw_questions

    wanted = len(questions) if count is None else max(0, min(count, len(questions)))
    return list(
        draw_questions(list(questions), seed=seed, count=wanted, shuffle_choices=shuffle_choices)
    )


def missed_first(missed_ids: Collection[str], *, seed: int = 0) -> Prioritise:
    """A practice order: the missed questions first, then the rest; each part shuffled."""
    missed = set(missed_ids)

    def prioritise(questions: Sequence[Question]) -> Sequence[Question]:
        rng = random.Random(seed)
        first = [question for question in questions if question.id in missed]
        rest = [question for question in questions if question.id not in missed]
        rng.shuffle(first)
        rng.shuffle(rest)
        return first + rest

    return prioritise


def only(question_ids: Collection[str]) -> Prioritise:
    """A practice order asking just these questions, in the given order ("play the missed
    ones again")."""
    order = list(dict.fromkeys(question_ids))

    def prioritise(questions: Sequence[Question]) -> Sequence[Question]:
        by_id = {question.id: question for question in questions}
        return [by_id[qid] for qid in order if qid in by_id]

    return prioritise
