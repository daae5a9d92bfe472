"""Draw the questions of a round: which ones, in what order, with what choice order.

Everything depends only on the seed and the questions given, so a round can be replayed
(and a classroom host and its tests see the same round) from its seed alone. This is the
one draw of every front end (play, --plain, the classroom deck, `quiz pack show`, the daily
challenge), so its limits hold everywhere: one appearance per fact, no passage of the
source quoted twice in ten, at most three true/false and two questions of one template in
ten, easier to harder. `shown_order`
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
    and every ten questions hold at most three true/false, at most two made from one
    template and no passage quoted twice; then every ten is ordered from easier to harder
    (`easy_to_hard`). A pool that
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
    already asked in the round, in its ten at most `MAX_TRUE_FALSE` true/false and
    `MAX_PER_TEMPLATE` of one template, and no passage of the source quoted twice in a ten
    (an explanation quoting "Cheesie Blair and Chalkie Brown" gives away the next question
    on it). Only when no candidate keeps them all is one broken, the least harmful first:
    a passage quoted in an earlier ten, a fact asked in an earlier ten, a passage quoted in
    the same ten, the template limit, the true/false limit, and last a fact asked twice in
    one ten.
    """
    wanted = len(candidates) if count is None else min(count, len(candidates))
    state = _RoundState()
    fresh = list(enumerate(candidates))  # nothing of theirs asked yet, as far as known
    stale: list[tuple[int, Question]] = []  # a fact or passage of theirs asked: by position
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


# How harmful a pick is, most harmful first; a pick keeping every limit is all False.
Badness = tuple[bool, bool, bool, bool, bool, bool]
_KEEPS_ALL: Badness = (False, False, False, False, False, False)
# The best a candidate whose fact or passage was asked in an earlier ten can do.
_BEST_STALE: Badness = (False, False, False, False, False, True)


def passage_of(question: Question) -> str:
    """The passage of the source a question quotes, compared loosely ('' for none)."""
    return " ".join(question.quote.casefold().split())


class _RoundState:
    """What a round has asked so far: facts and passages in all, and true/false,
    templates, facts and passages in the current ten."""

    def __init__(self) -> None:
        self.facts: set[str] = set()
        self.passages: set[str] = set()
        self.new_block()

    def new_block(self) -> None:
        self.block_facts: set[str] = set()
        self.block_passages: set[str] = set()
        self.true_false = 0
        self.templates: Counter[str] = Counter()

    def add(self, question: Question) -> None:
        self.facts.update(question.fact_ids)
        self.block_facts.update(question.fact_ids)
        passage = passage_of(question)
        if passage:
            self.passages.add(passage)
            self.block_passages.add(passage)
        self.true_false += question.type == "true_false"
        self.templates[template_of(question)] += 1

    def asked(self, question: Question) -> bool:
        """Whether a fact or the passage of `question` was asked anywhere in the round."""
        return not self.facts.isdisjoint(question.fact_ids) or passage_of(question) in (
            self.passages
        )

    def badness(self, question: Question) -> Badness:
        facts = question.fact_ids
        passage = passage_of(question)
        return (
            not self.block_facts.isdisjoint(facts),
            question.type == "true_false" and self.true_false >= MAX_TRUE_FALSE,
            self.templates[template_of(question)] >= MAX_PER_TEMPLATE,
            bool(passage) and passage in self.block_passages,
            not self.facts.isdisjoint(facts),
            bool(passage) and passage in self.passages,
        )


def _best(
    fresh: list[tuple[int, Question]], stale: list[tuple[int, Question]], state: _RoundState
) -> tuple[list[tuple[int, Question]], int]:
    """(list, index) of the next pick: the first that keeps every limit, else the earliest
    of the least harmful. Fresh candidates found to repeat a fact or passage move to
    `stale` for good (what is once asked stays asked)."""
    best: tuple[Badness, int, list[tuple[int, Question]], int] | None = None
    index = looked = 0
    while index < len(fresh) and looked < SCAN_LIMIT:
        looked += 1
        position, question = fresh[index]
        if state.asked(question):
            del fresh[index]
            bisect.insort(stale, (position, question), key=_position)
            continue
        badness = state.badness(question)
        if badness == _KEEPS_ALL:
            return fresh, index
        if best is None or (badness, position) < best[:2]:
            best = (badness, position, fresh, index)
        index += 1
    for index, (position, question) in enumerate(stale[:SCAN_LIMIT]):
        badness = state.badness(question)
        if best is None or (badness, position) < best[:2]:
            best = (badness, position, stale, index)
        if badness == _BEST_STALE:
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
