"""Which questions a round asks, in which order, and how each one is shown.

Drawing is seeded, so the same seed and pool always give the same round; the pack layer's
`quiz.packs.draw.draw_questions` does it (it keeps questions of one fact apart).

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


def shuffled_choices(question: Question, rng: random.Random) -> Question:
    """`question` with its choices in a random order (true/false keeps True before False)."""
    if question.type not in ("single", "multiple") or len(question.choices) < 2:
        return question
    choices = list(question.choices)
    rng.shuffle(choices)
    return question.model_copy(update={"choices": tuple(choices)})


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


def shown_order(items: Sequence[str], seed: int, salt: str) -> tuple[str, ...]:
    """`items` in a seeded order that differs from the given one whenever it can.

    Used for ordering questions (whose items are stored in the right order) and for the
    right-hand column of matching questions.
    """
    shown = list(items)
    if len(shown) < 2:
        return tuple(shown)
    rng = random.Random(f"{seed}:{salt}")
    rng.shuffle(shown)
    if shown == list(items):
        shown = shown[1:] + shown[:1]
    return tuple(shown)
