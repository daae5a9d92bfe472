"""Going over questions again is practice: the missed ones, and a daily played twice a day."""

from __future__ import annotations

from datetime import date

from fakes import FakeClock

from quiz.game.replays import daily_again, missed_again
from quiz.game.round import Round, RoundConfig
from quiz.packs.question import Question


def singles(count: int) -> list[Question]:
    return [
        Question(
            id=f"q{n}",
            type="single",
            prompt=f"Question {n}?",
            choices=("right", "w1", "w2", "w3"),
            answers=("right",),
        )
        for n in range(count)
    ]


def test_a_daily_played_again_is_practice_on_the_same_questions_in_the_same_order() -> None:
    pool = singles(30)
    config = RoundConfig(mode="daily", day=date(2026, 12, 1), pack_id="p", seed=5, count=4)
    daily = Round(pool, config, clock=FakeClock())
    again, prioritise = daily_again(pool, config)
    replay = Round(pool, again, clock=FakeClock(), prioritise=prioritise)
    assert again.mode == "practice" and again.count == 4
    assert [q.id for q in replay.questions] == [q.id for q in daily.questions]
    assert [q.choices for q in replay.questions] == [q.choices for q in daily.questions]
    assert replay.question_limit(replay.questions[0]) is None  # no clock


def test_the_missed_ones_again_are_practice_on_just_those() -> None:
    pool = singles(10)
    config = RoundConfig(mode="blitz", count=None, seed=3, time_limit=30.0)
    again, prioritise = missed_again(config, iter(["q7", "q2"]))
    replay = Round(pool, again, clock=FakeClock(), prioritise=prioritise)
    assert (again.mode, again.count, again.time_limit) == ("practice", 2, 30.0)
    assert [q.id for q in replay.questions] == ["q7", "q2"]
