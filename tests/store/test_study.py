"""FSRS study scheduling: ratings, due counts and practice order, with an injected clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from quiz.game import study
from quiz.game.result import AnswerResult, RoundResult
from quiz.packs.question import Question
from quiz.store import SaveStore

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
RoundFactory = Callable[..., RoundResult]


def answer(qid: str = "q1", *, correct: bool = True, **flags: bool) -> AnswerResult:
    return AnswerResult(
        question_id=qid,
        given="x",
        correct=correct,
        credit=1.0 if correct else 0.0,
        points=0,
        seconds=2.0,
        **flags,
    )


def question(qid: str) -> Question:
    return Question(
        id=qid, type="true_false", prompt=f"{qid}?", choices=("True", "False"), answers=("True",)
    )


@pytest.mark.parametrize(
    ("given", "rating"),
    [
        (answer(correct=False), Rating.Again),
        (answer(correct=False, fuzzy=True), Rating.Again),
        (answer(correct=True), Rating.Good),
        (answer(correct=True, fuzzy=True), Rating.Hard),
        (answer(correct=True, fifty_fifty=True), Rating.Hard),
        (answer(correct=False, timed_out=True), Rating.Again),
    ],
)
def test_answers_map_to_fsrs_ratings(given: AnswerResult, rating: Rating) -> None:
    assert study.rating_for(given) == rating


def test_a_missed_question_comes_due_before_a_known_one() -> None:
    missed = study.review(None, "a", answer("a", correct=False), NOW)
    known = study.review(None, "b", answer("b"), NOW)
    hard = study.review(None, "c", answer("c", fifty_fifty=True), NOW)
    assert missed.due < hard.due <= known.due
    assert study.is_due(missed, NOW + timedelta(minutes=2))
    assert not study.is_due(known, NOW + timedelta(minutes=2))


def test_reviews_are_pure_and_deterministic() -> None:
    first = study.review(None, "a", answer("a"), NOW)
    again = study.review(first, "a", answer("a"), NOW + timedelta(days=1))
    assert study.review(first, "a", answer("a"), NOW + timedelta(days=1)) == again
    assert first.last_review == NOW  # the input card was not changed
    # FSRS itself rejects naive datetimes; ours reads them as local time instead.
    naive = datetime(2026, 5, 1, 12)
    assert study.review(None, "a", answer("a"), naive).last_review == naive.astimezone(UTC)


def test_practice_order_is_due_first_most_overdue_first_then_new_then_the_rest() -> None:
    cards = {
        "due-long-ago": study.new_card("due-long-ago", NOW - timedelta(days=9)),
        "due-just-now": study.new_card("due-just-now", NOW - timedelta(minutes=1)),
        "later": study.review(None, "later", answer("later"), NOW),
        "much-later": study.review(
            study.review(None, "much-later", answer("much-later"), NOW - timedelta(days=2)),
            "much-later",
            answer("much-later"),
            NOW - timedelta(days=1),
        ),
    }
    given = ["much-later", "new-1", "due-just-now", "later", "new-2", "due-long-ago"]
    questions = [question(qid) for qid in given]
    order = [q.id for q in study.practice_order(questions, cards, NOW)]
    assert order == ["due-long-ago", "due-just-now", "new-1", "new-2", "later", "much-later"]
    assert study.due_count(cards, [q.id for q in questions], NOW) == 2


def test_store_counts_due_questions_after_a_round(
    store: SaveStore, make_round: RoundFactory
) -> None:
    result = make_round(1)
    store.record_round("Ada", result)
    ids = [a.question_id for a in result.answers]
    missed = [a.question_id for a in result.answers if not a.correct]
    end = result.started_at + timedelta(seconds=sum(a.seconds for a in result.answers))
    assert store.due_count("Ada", ids, now=end + timedelta(minutes=5)) == len(missed)
    assert store.due_count("Ada", ids, now=end + timedelta(days=30)) == len(ids)
    as_questions = [question(qid) for qid in ids]
    assert store.due_count("Ada", as_questions, now=end + timedelta(minutes=5)) == len(missed)
    pool = [question(qid) for qid in [*ids, "never-seen"]]
    order = store.practice_order("Ada", pool, now=end + timedelta(minutes=5))
    assert [q.id for q in order[: len(missed)]] == sorted(missed, key=ids.index)
    assert order[len(missed)].id == "never-seen"
    assert store.due_count("Nobody", ids, now=end) == 0
