"""Study scheduling with FSRS: which questions a player should practise, and when.

Pure functions: every one takes the time it should consider (`now`, or the round's own
times) and returns new cards; nothing here reads the clock or touches files. The store
keeps the cards per player and question id.

Ratings: a wrong answer rates Again; a right one Good; a right one that was only accepted
as a near-miss spelling (`fuzzy`) or helped by the 50:50 lifeline rates Hard.
Fuzzing of intervals is off, so the same answers at the same times give the same schedule.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Protocol, TypeVar

from fsrs import Card, Rating, Scheduler

from quiz.game.result import AnswerResult, RoundResult

SCHEDULER = Scheduler(enable_fuzzing=False)


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Q = TypeVar("Q", bound=HasId)


def utc(moment: datetime) -> datetime:
    """`moment` as aware UTC (FSRS requires it); a naive datetime is taken as local time."""
    return moment.astimezone(UTC)


def rating_for(answer: AnswerResult) -> Rating:
    """Again if wrong; Hard if right only as a typo or with the 50:50; otherwise Good."""
    if not answer.correct:
        return Rating.Again
    if answer.fuzzy or answer.fifty_fifty:
        return Rating.Hard
    return Rating.Good


def card_id_for(question_id: str) -> int:
    """A stable card id derived from the question id (FSRS would use the clock)."""
    return int(hashlib.sha256(question_id.encode()).hexdigest()[:12], 16)


def new_card(question_id: str, now: datetime) -> Card:
    """A card never reviewed, due at `now`."""
    return Card(card_id=card_id_for(question_id), due=utc(now))


def review(card: Card | None, question_id: str, answer: AnswerResult, when: datetime) -> Card:
    """The card after `answer` at `when` (a new card if `card` is None). `card` is unchanged."""
    current = card if card is not None else new_card(question_id, when)
    updated, _log = SCHEDULER.review_card(current, rating_for(answer), review_datetime=utc(when))
    return updated


def review_round(cards: Mapping[str, Card], result: RoundResult) -> dict[str, Card]:
    """All cards after the round: each answer is reviewed at the round's start plus the time
    taken by the answers before it (inclusive). Returns a new mapping; `cards` is unchanged.
    """
    updated = dict(cards)
    when = utc(result.started_at)
    for answer in result.answers:
        when += timedelta(seconds=answer.seconds)
        updated[answer.question_id] = review(
            updated.get(answer.question_id), answer.question_id, answer, when
        )
    return updated


def is_due(card: Card, now: datetime) -> bool:
    """The card's due time has come."""
    return utc(card.due) <= utc(now)


def due_count(cards: Mapping[str, Card], question_ids: Sequence[str], now: datetime) -> int:
    """How many of `question_ids` have a card that is due at `now` (new questions excluded)."""
    return sum(1 for qid in question_ids if qid in cards and is_due(cards[qid], now))


def practice_order(questions: Sequence[Q], cards: Mapping[str, Card], now: datetime) -> list[Q]:
    """Questions to practise, in order: due cards first, most overdue first; then questions
    never seen, in their given order; then the rest, the soonest due first."""
    moment = utc(now)
    due: list[tuple[datetime, int, Q]] = []
    new: list[Q] = []
    later: list[tuple[datetime, int, Q]] = []
    for index, question in enumerate(questions):
        card = cards.get(question.id)
        if card is None:
            new.append(question)
        elif utc(card.due) <= moment:
            due.append((utc(card.due), index, question))
        else:
            later.append((utc(card.due), index, question))
    return (
        [q for *_, q in sorted(due, key=_by_due)]
        + new
        + [q for *_, q in sorted(later, key=_by_due)]
    )


def _by_due(item: tuple[datetime, int, HasId]) -> tuple[datetime, int]:
    return item[0], item[1]
