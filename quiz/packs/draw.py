"""Draw the questions of a round: which ones, in what order, with what choice order.

Everything depends only on the seed and the questions given, so a round can be replayed
(and a classroom host and its tests see the same round) from its seed alone.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from quiz.packs.question import Question
from quiz.packs.templates import rng_for


def draw_questions(
    questions: Sequence[Question],
    *,
    seed: int,
    count: int | None,
    shuffle_choices: bool = True,
) -> list[Question]:
    """A deterministic sample of `count` questions (all when None) in a shuffled order.

    The same questions and seed always give the same list. Questions drawn from the same
    facts (a true statement and its false variant, say) are kept apart: one of them is
    drawn only once every fact group has had its turn, so a short round does not give its
    own answers away. With `shuffle_choices`, single and multiple choices are shuffled,
    each question by its own seed and id (so a question looks the same whatever else is
    drawn); true/false keeps True before False, and ordering keeps `items` in the correct
    order (the interface shuffles what it shows).
    """
    if count is not None and count < 0:
        raise ValueError(f"count must be at least 0, not {count}")
    order = list(questions)
    random.Random(seed).shuffle(order)
    order = _spread_fact_groups(order)
    if count is not None:
        order = order[:count]
    if not shuffle_choices:
        return order
    return [_shuffled(question, seed) for question in order]


def _spread_fact_groups(order: list[Question]) -> list[Question]:
    """Stable reorder: a question sharing a fact with an earlier one waits for a later pass."""
    passes: list[list[Question]] = []
    used_in_pass: list[set[str]] = []
    for question in order:
        facts = set(question.fact_ids)
        for number, used in enumerate(used_in_pass):
            if not facts & used:
                passes[number].append(question)
                used |= facts
                break
        else:
            passes.append([question])
            used_in_pass.append(set(facts))
    return [question for group in passes for question in group]


def _shuffled(question: Question, seed: int) -> Question:
    if question.type not in ("single", "multiple") or len(question.choices) < 2:
        return question
    choices = list(question.choices)
    rng_for(f"{seed}:{question.id}").shuffle(choices)
    return question.model_copy(update={"choices": tuple(choices)})
