"""Draw the questions of a round: which ones, in what order, with what choice order.

Everything depends only on the seed and the questions given, so a round can be replayed
(and a classroom host and its tests see the same round) from its seed alone. `shown_order`
is the one shuffle of what a question shows (choices, ordering items, the right-hand column
of a matching question): the game, `quiz pack show` and the classroom all use it.
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
    drawn; see `shown_order`); true/false keeps True before False, and ordering keeps `items`
    in the correct order (`quiz.game.layout` shuffles what it shows).
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
    return [shuffled_choices(question, seed) for question in order]


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


def shown_order(texts: Sequence[str], seed: int, question_id: str) -> tuple[str, ...]:
    """`texts` in the order a round with `seed` shows them for question `question_id`.

    The order depends only on the seed, the question's id and the texts, so a question looks
    the same whatever else is drawn; it differs from the given order whenever it can (an
    ordering question's items are stored in the right order, and authors often write the
    right choice first).
    """
    shown = list(texts)
    if len(shown) < 2:
        return tuple(shown)
    rng_for(f"{seed}:{question_id}").shuffle(shown)
    if shown == list(texts):
        shown = shown[1:] + shown[:1]
    return tuple(shown)


def shuffled_choices(question: Question, seed: int) -> Question:
    """`question` with single and multiple choices in their `shown_order`; true/false keeps
    True before False, and other types are returned as they are."""
    if question.type not in ("single", "multiple"):
        return question
    return question.model_copy(
        update={"choices": shown_order(question.choices, seed, question.id)}
    )
