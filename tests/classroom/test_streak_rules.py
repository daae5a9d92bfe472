"""The classroom host's scoring rules, pinned with literal points on the host's clock.

These drive `HostSession` directly (no network): the same rules as solo play, a streak that
a wrong, partly right or missing answer resets, and the late-answer grace.
"""

from __future__ import annotations

import pytest
from fakes import FakeClock

from quiz.classroom import protocol as p
from quiz.classroom.deck import prepare
from quiz.classroom.session import HostSession, Player, Refused
from quiz.packs.question import Question

CODE = "424242"


def _single(number: int) -> Question:
    return Question(
        id=f"q{number}",
        type="single",
        prompt=f"Question {number}?",
        choices=("Right", "Wrong 1", "Wrong 2", "Wrong 3"),
        answers=("Right",),
    )


def _unions() -> Question:
    return Question(
        id="unions",
        type="multiple",
        prompt="Which unions?",
        choices=("Unite", "GMB", "Unison", "RMT"),
        answers=("Unite", "GMB"),
    )


def _session(questions: list[Question], clock: FakeClock) -> HostSession:
    hosted = prepare(questions, seconds=20, seed=1)
    return HostSession(hosted, code=CODE, clock=clock)


def _answer(session: HostSession, player: Player, *picks: str) -> int:
    """Answer the open question with these option texts; returns the points it scored."""
    shown = session.hosted.choices
    session.answer(
        player,
        p.Answer(question=session.current, choices=[shown.index(pick) for pick in picks]),
    )
    return player.answers[session.current].points


def test_a_wrong_answer_resets_the_classroom_streak() -> None:
    clock = FakeClock()
    session = _session([_single(n) for n in range(1, 7)], clock)
    ann, _ = session.join(CODE, "Ann")
    points = []
    for pick in ("Right", "Right", "Right", "Wrong 1", "Right", "Right"):
        session.open_next()
        points.append(_answer(session, ann, pick))
        session.reveal()
    assert points == [1000, 1100, 1200, 0, 1000, 1100]
    assert ann.streak == 2 and ann.score == 5400


def test_no_answer_resets_the_streak_too() -> None:
    clock = FakeClock()
    session = _session([_single(n) for n in range(1, 5)], clock)
    ann, _ = session.join(CODE, "Ann")
    points = []
    for answers in (True, True, False, True):
        session.open_next()
        if answers:
            points.append(_answer(session, ann, "Right"))
        session.reveal()
        if not answers:
            assert ann.streak == 0
    assert points == [1000, 1100, 1000]


def test_a_partly_right_answer_scores_its_share_and_resets_the_streak() -> None:
    clock = FakeClock()
    session = _session([_single(1), _single(2), _unions(), _single(3)], clock)
    ann, _ = session.join(CODE, "Ann")
    session.open_next()
    first = _answer(session, ann, "Right")
    session.reveal()
    session.open_next()
    second = _answer(session, ann, "Right")
    session.reveal()
    session.open_next()
    partial = _answer(session, ann, "Unite")
    session.reveal()
    assert ann.streak == 0
    session.open_next()
    last = _answer(session, ann, "Right")
    assert [first, second, partial, last] == [1000, 1100, 500, 1000]


def test_the_host_clock_sets_the_speed_points() -> None:
    clock = FakeClock()
    session = _session([_single(n) for n in range(1, 4)], clock)
    ann, _ = session.join(CODE, "Ann")
    points = []
    for seconds in (1.01, 7.5, 20.0):
        session.open_next()
        clock.advance(seconds)
        points.append(_answer(session, ann, "Right"))
        session.reveal()
    # 974.75 → 975; 812.5 → 812 + 100; 500 + 200.
    assert points == [975, 912, 700]


def test_answers_are_taken_for_a_quarter_second_after_the_timer() -> None:
    clock = FakeClock()
    session = _session([_single(1), _single(2)], clock)
    ann, _ = session.join(CODE, "Ann")
    session.open_next()
    clock.advance(20.25)
    assert _answer(session, ann, "Right") == 500
    session.reveal()
    session.open_next()
    clock.advance(20.26)
    with pytest.raises(Refused) as refused:
        _answer(session, ann, "Right")
    assert refused.value.code == "late"
