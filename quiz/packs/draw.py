"""Draw the questions of a round: which ones, in what order, with what choice order.

Everything depends only on the seed and the questions given, so a round can be replayed
(and a classroom host and its tests see the same round) from its seed alone. This is the
one draw of every front end (play, --plain, the classroom deck, `quiz pack show`, the daily
challenge), so its limits hold everywhere: one appearance per fact, at most three
true/false and two questions of one template in ten, easier to harder. `shown_order`
is the one shuffle of what a question shows (choices, ordering items, the right-hand column
of a matching question): the game, `quiz pack show` and the classroom all use it.
"""

from __future__ import annotations

import bisect
import random
from collections import Counter
from collections.abc import Sequence

from quiz.packs.question import Question
from quiz.packs.templates import rng_for

# A round's limits, for every ten questions (a classic round is one ten).
ROUND_BLOCK = 10
MAX_TRUE_FALSE = 3
MAX_PER_TEMPLATE = 2
# The most questions looked at per pick when most of a huge pool is ruled out.
SCAN_LIMIT = 512


def draw_questions(
    questions: Sequence[Question],
    *,
    seed: int,
    count: int | None,
    shuffle_choices: bool = True,
) -> list[Question]:
    """A deterministic round of `count` questions (all when None) that plays like a quiz.

    The same questions and seed always give the same list. The questions are shuffled by
    the seed, then picked (`pick_round`) so that a round never asks about one fact twice,
    and every ten questions hold at most three true/false and at most two made from one
    template; then every ten is ordered from easier to harder (`easy_to_hard`). A pool that
    cannot keep a limit still gives a full round, breaking as few as it must. With
    `shuffle_choices`, single and multiple choices are shuffled, each question by its own
    seed and id (so a question looks the same whatever else is drawn; see `shown_order`);
    true/false keeps True before False, and ordering keeps `items` in the correct order
    (`quiz.game.layout` shuffles what it shows).
    """
    if count is not None and count < 0:
        raise ValueError(f"count must be at least 0, not {count}")
    order = list(questions)
    random.Random(seed).shuffle(order)
    chosen = easy_to_hard(pick_round(order, count))
    if not shuffle_choices:
        return chosen
    return [shuffled_choices(question, seed) for question in chosen]


def template_of(question: Question) -> str:
    """The wording a question was made from; a hand-written question is its own."""
    return question.template or f"question:{question.id}"


def pick_round(candidates: Sequence[Question], count: int | None = None) -> list[Question]:
    """`count` of `candidates` (all when None), in the order picked, best first.

    Each pick is the first candidate (in the given order) that keeps every limit: no fact
    already asked in the round, and in its ten at most `MAX_TRUE_FALSE` true/false and
    `MAX_PER_TEMPLATE` of one template. Only when no candidate keeps them all is one
    broken, the least harmful first: a fact asked in an earlier ten, then the template
    limit, then the true/false limit, then a fact asked in the same ten.
    """
    wanted = len(candidates) if count is None else min(count, len(candidates))
    state = _RoundState()
    fresh = list(enumerate(candidates))  # no fact of theirs asked yet, as far as known
    stale: list[tuple[int, Question]] = []  # some fact of theirs asked: sorted by position
    picked: list[Question] = []
    while len(picked) < wanted:
        if len(picked) % ROUND_BLOCK == 0:
            state.new_block()
        source, at = _best(fresh, stale, state)
        _, question = source.pop(at)
        state.add(question)
        picked.append(question)
    return picked


def easy_to_hard(questions: Sequence[Question]) -> list[Question]:
    """Every ten questions ordered by difficulty (a stable sort): a round builds up."""
    ordered: list[Question] = []
    for start in range(0, len(questions), ROUND_BLOCK):
        block = questions[start : start + ROUND_BLOCK]
        ordered += sorted(block, key=_difficulty)
    return ordered


def _difficulty(question: Question) -> int:
    return question.difficulty


class _RoundState:
    """What a round has asked so far: facts in all, and true/false, templates and facts in
    the current ten."""

    def __init__(self) -> None:
        self.facts: set[str] = set()
        self.block_facts: set[str] = set()
        self.true_false = 0
        self.templates: Counter[str] = Counter()

    def new_block(self) -> None:
        self.block_facts = set()
        self.true_false = 0
        self.templates = Counter()

    def add(self, question: Question) -> None:
        self.facts.update(question.fact_ids)
        self.block_facts.update(question.fact_ids)
        self.true_false += question.type == "true_false"
        self.templates[template_of(question)] += 1

    def level(self, question: Question) -> int:
        """0 keeps every limit; higher numbers break more harmful ones."""
        facts = question.fact_ids
        fresh_in_round = self.facts.isdisjoint(facts)
        fresh_in_block = self.block_facts.isdisjoint(facts)
        true_false_ok = question.type != "true_false" or self.true_false < MAX_TRUE_FALSE
        template_ok = self.templates[template_of(question)] < MAX_PER_TEMPLATE
        if not fresh_in_block:
            return 4
        if not true_false_ok:
            return 3
        if not template_ok:
            return 2
        return 0 if fresh_in_round else 1


def _best(
    fresh: list[tuple[int, Question]], stale: list[tuple[int, Question]], state: _RoundState
) -> tuple[list[tuple[int, Question]], int]:
    """(list, index) of the next pick: the first that keeps every limit, else the earliest
    of the least harmful level. Fresh candidates found to repeat a fact move to `stale`
    for good (a fact once asked stays asked)."""
    best: tuple[int, int, list[tuple[int, Question]], int] | None = None
    index = looked = 0
    while index < len(fresh) and looked < SCAN_LIMIT:
        looked += 1
        position, question = fresh[index]
        if not state.facts.isdisjoint(question.fact_ids):
            del fresh[index]
            bisect.insort(stale, (position, question), key=_position)
            continue
        level = state.level(question)
        if level == 0:
            return fresh, index
        if best is None or (level, position) < best[:2]:
            best = (level, position, fresh, index)
        index += 1
    for index, (position, question) in enumerate(stale[:SCAN_LIMIT]):
        level = state.level(question)
        if best is None or (level, position) < best[:2]:
            best = (level, position, stale, index)
        if level == 1:
            break
    assert best is not None, "a pick from an empty pool"
    return best[2], best[3]


def _position(entry: tuple[int, Question]) -> int:
    return entry[0]


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
    return question.model_copy(update={"choices": shown_order(question.choices, seed, question.id)})
