"""Golden values for rounds that must repeat: the daily challenge (this date and this pack
give these questions) and a round replayed with `--seed`.

Everyone playing a pack on a day must get the same round, on any machine and with any
version of quiz that has the same questions. If one of these tests fails, everyone's daily
challenge has changed: that is only right when the pack's questions changed on purpose (then
update the expected ids in the same commit, and say so in its message), never as a side
effect of a change to the seed, the draw or the shuffle.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from quiz.game.modes import daily_seed
from quiz.game.round import Round, RoundConfig
from quiz.packs.playable import load_playable, open_playable
from quiz.packs.question import Question

MINI = Path(__file__).parent / "packs" / "mini.toml"


@pytest.mark.parametrize(
    ("day", "pack_id", "seed"),
    [
        (date(2026, 11, 26), "labour-2010", 4572196862456780697),
        (date(2026, 11, 27), "labour-2010", 5186417299927281174),
        (date(2024, 2, 29), "labour-2010", 3834072455964907265),
        (date(2026, 11, 26), "mini", 4356938615617035115),
    ],
)
def test_daily_seed_golden_values(day: date, pack_id: str, seed: int) -> None:
    assert daily_seed(day, pack_id) == seed


def _daily(questions: tuple[Question, ...] | list[Question], pack_id: str, **extra: int) -> Round:
    config = RoundConfig(mode="daily", day=date(2026, 11, 26), pack_id=pack_id, **extra)  # type: ignore[arg-type]
    return Round(questions, config, clock=lambda: 0.0)


def _pool() -> list[Question]:
    return [
        Question(
            id=f"q{index:02d}",
            type="single",
            prompt=f"q{index:02d}?",
            choices=("Right", "W1", "W2", "W3"),
            answers=("Right",),
        )
        for index in range(30)
    ]


def test_daily_round_golden_questions_and_choice_order() -> None:
    round_ = _daily(_pool(), "labour-2010", seed=5)  # a player's --seed is ignored
    assert [question.id for question in round_.questions] == [
        "q08",
        "q22",
        "q25",
        "q14",
        "q04",
        "q17",
        "q12",
        "q27",
        "q06",
        "q24",
    ]
    assert [question.choices for question in round_.questions[:3]] == [
        ("W2", "Right", "W1", "W3"),
        ("Right", "W3", "W1", "W2"),
        ("W3", "W2", "Right", "W1"),
    ]


def test_daily_round_golden_for_the_mini_pack() -> None:
    mini = load_playable(MINI)
    round_ = _daily(mini.questions, mini.id)
    assert [question.id for question in round_.questions] == [
        "vacancy",
        "mandelson-backs",
        "coalition",
        "order",
        "seats",
        "unions",
        "match",
    ]
    first = round_.questions[0]
    assert first.choices == ("Ed Miliband", "David Miliband", "Andy Burnham", "Ed Balls")


def test_daily_round_golden_for_the_bundled_bank() -> None:
    bank = open_playable("labour-2010")
    round_ = _daily(bank.questions, bank.id)
    assert [question.id for question in round_.questions] == [
        "nickname.peter-mandelson.typed",
        "bought-off-left",
        "retreat-to-berlin",
        "likes-of",
        "cruddas-thesis",
        "labour-thirteen-years.numeric",
        "luvvie-intellectual-giant",
        "nickname.cheesie.ask-subject",
        "harman-ninety-percent.numeric",
        "days-of-guff.labour.ask-object",
    ]


def test_a_seeded_round_golden_questions_choices_and_fifty_fifty() -> None:
    round_ = Round(_pool(), RoundConfig(count=5, seed=7), clock=lambda: 0.0)
    assert [question.id for question in round_.questions] == ["q21", "q05", "q15", "q29", "q07"]
    view = round_.next_question()
    assert view is not None and view.choices == ("W2", "Right", "W3", "W1")
    assert round_.use_fifty_fifty().removed == ("W1", "W3")
