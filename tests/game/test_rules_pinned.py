"""The scoring rules and the round's rules, pinned with literal values from the README.

Every number here is written out, never imported from the code under test, and the inputs
sit on the boundaries a one-line change would move: a time that gives a fraction of a
point, the streak just below and above its cap, the 0.5 s "instant" line, a timer that runs
out exactly.
"""

from __future__ import annotations

import pytest
from fakes import FakeClock
from fsrs import Rating

from quiz.game.round import Round, RoundConfig, RoundStateError
from quiz.game.scoring import answer_points, speed_points, streak_bonus
from quiz.game.selection import only
from quiz.game.study import rating_for
from quiz.packs.question import Question


def _single(qid: str, wrong: tuple[str, ...] = ("W1", "W2", "W3"), **extra: object) -> Question:
    return Question(
        id=qid,
        type="single",
        prompt=f"{qid}?",
        choices=("Right", *wrong),
        answers=("Right",),
        **extra,  # type: ignore[arg-type]
    )


def _unions() -> Question:
    return Question(
        id="unions",
        type="multiple",
        prompt="Which unions?",
        choices=("Unite", "GMB", "Unison", "RMT"),
        answers=("Unite", "GMB"),
    )


def _pool(size: int = 12) -> list[Question]:
    return [_single(f"q{index:02d}") for index in range(size)]


# -- points for one answer ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("elapsed", "points"),
    [
        (0.3, 1000),  # under 0.5 s: the full 1000
        (0.45, 1000),  # the formula would give 988.75
        (0.5, 988),  # 0.5 s is no longer instant: round(987.5) = 988
        (0.75, 981),  # 981.25
        (1.01, 975),  # 974.75 rounds up: round(), not int()
        (7.5, 812),  # 812.5: Python's round() takes the even neighbour
        (10.0, 750),  # half the time
        (19.99, 500),  # 500.25
        (20.0, 500),  # the slowest correct answer
        (30.0, 500),  # t is capped at T
    ],
)
def test_speed_points_over_a_20_second_limit(elapsed: float, points: int) -> None:
    assert speed_points(elapsed, 20.0) == points


def test_speed_points_use_the_limit_they_are_given() -> None:
    assert speed_points(30.0, 60.0) == 750
    assert speed_points(15.0, 60.0) == 875
    assert speed_points(5.0, 0.0) == 1000  # no limit: nothing to be fast against


def test_no_speed_is_a_flat_1000() -> None:
    assert speed_points(19.0, 20.0, speed=False) == 1000
    assert answer_points(credit=1, elapsed=19.0, limit=20.0, streak=1, speed=False) == 1000


@pytest.mark.parametrize(
    ("streak", "bonus"),
    [(0, 0), (1, 0), (2, 100), (3, 200), (4, 300), (5, 400), (6, 500), (7, 500), (50, 500)],
)
def test_streak_bonus_is_100_per_answer_from_the_second_capped_at_500(
    streak: int, bonus: int
) -> None:
    assert streak_bonus(streak) == bonus


@pytest.mark.parametrize(
    ("kwargs", "points"),
    [
        # The README's table.
        ({"credit": 1, "elapsed": 0.3, "streak": 1}, 1000),
        ({"credit": 1, "elapsed": 10.0, "streak": 3}, 950),
        ({"credit": 1, "elapsed": 20.0, "streak": 1}, 500),
        ({"credit": 0, "elapsed": 0.3, "streak": 0}, 0),
        ({"credit": 1, "elapsed": 0.3, "streak": 1, "fifty_fifty": True}, 500),
        # The cap inside a total: 750 + 500.
        ({"credit": 1, "elapsed": 10.0, "streak": 7}, 1250),
        # The 50:50 halves the bonus too: (975 + 100) / 2 = 537.5, rounded to 538.
        ({"credit": 1, "elapsed": 1.0, "streak": 2, "fifty_fifty": True}, 538),
        # Partial credit multiplies the speed points and earns no streak bonus.
        ({"credit": 0.5, "elapsed": 10.0, "streak": 3}, 375),
        ({"credit": 0.5, "elapsed": 1.0, "streak": 0}, 488),  # 487.5
        ({"credit": 2 / 3, "elapsed": 1.0, "streak": 0}, 650),
        ({"credit": 0.5, "elapsed": 0.3, "streak": 0, "fifty_fifty": True}, 250),
    ],
)
def test_answer_points(kwargs: dict[str, float], points: int) -> None:
    assert answer_points(limit=20.0, **kwargs) == points  # type: ignore[arg-type]


# -- the round: streaks, timers, modes ------------------------------------------------------


def test_a_round_scores_speed_streak_and_a_reset_after_a_wrong_answer() -> None:
    clock = FakeClock()
    round_ = Round(_pool(), RoundConfig(count=8, seed=1), clock=clock)
    moves = [(1.01, True), (7.5, True), (0.3, True), (0.3, False), (0.3, True), (0.3, True)]
    points = []
    for seconds, right in moves:
        view = round_.next_question()
        assert view is not None
        clock.advance(seconds)
        feedback = round_.answer("Right" if right else "W1")
        points.append(feedback.points)
    # 975; 812 + 100; 1000 + 200; wrong: 0 and the streak restarts; 1000; 1000 + 100.
    assert points == [975, 912, 1200, 0, 1000, 1100]
    assert round_.streak == 2 and round_.best_streak == 3 and round_.score == 5187


def test_the_streak_bonus_stops_growing_at_the_sixth_answer_in_a_row() -> None:
    round_ = Round(_pool(), RoundConfig(count=8, seed=1, speed=False), clock=FakeClock())
    points = []
    for _ in range(8):
        round_.next_question()
        points.append(round_.answer("Right").points)
    assert points == [1000, 1100, 1200, 1300, 1400, 1500, 1500, 1500]


def test_only_a_fully_right_answer_keeps_the_streak() -> None:
    questions = [_single("a"), _single("b"), _unions(), _single("c")]
    in_order = only(["a", "b", "unions", "c"])
    round_ = Round(questions, RoundConfig(mode="practice"), clock=FakeClock(), prioritise=in_order)
    points = []
    for answer in ("Right", "Right", ["Unite"], "Right"):
        round_.next_question()
        points.append((round_.answer(answer).points, round_.streak))
    # Half credit scores half of 1000, no bonus, and the streak starts again after it.
    assert points == [(1000, 1), (1100, 2), (500, 0), (1000, 1)]


def test_the_timer_runs_out_exactly_at_the_limit() -> None:
    clock = FakeClock()
    round_ = Round(_pool(), RoundConfig(count=3, seed=1), clock=clock)
    round_.next_question()
    clock.advance(19.99)
    assert round_.answer("Right").points == 500
    round_.next_question()
    clock.advance(20.0)
    feedback = round_.answer("Right")
    assert feedback.timed_out and feedback.points == 0 and round_.streak == 0


def test_a_question_with_its_own_limit_is_scored_against_that_limit() -> None:
    clock = FakeClock()
    slow = _single("slow", time_limit=60)
    round_ = Round([slow], RoundConfig(seed=1), clock=clock)
    view = round_.next_question()
    assert view is not None and view.time_limit == 60.0
    clock.advance(30.0)
    assert round_.answer("Right").points == 750


def test_default_question_limit_is_20_seconds() -> None:
    round_ = Round(_pool(), RoundConfig(seed=1), clock=FakeClock())
    view = round_.next_question()
    assert view is not None and view.time_limit == 20.0


@pytest.mark.parametrize(
    ("mode", "count"),
    [("classic", 10), ("daily", 10), ("practice", 10), ("blitz", 30), ("sudden_death", 30)],
)
def test_how_many_questions_each_mode_asks_from_a_pool_of_30(mode: str, count: int) -> None:
    round_ = Round(_pool(30), RoundConfig(mode=mode, seed=1), clock=FakeClock())  # type: ignore[arg-type]
    assert len(round_.questions) == count


def test_blitz_stops_counting_exactly_at_60_seconds() -> None:
    clock = FakeClock()
    round_ = Round(_pool(), RoundConfig(mode="blitz", seed=1), clock=clock)
    view = round_.next_question()
    assert view is not None and view.time_limit == 60.0
    clock.advance(59.99)
    assert round_.answer("Right").counted
    round_.next_question()
    clock.advance(0.01)
    feedback = round_.answer("Right")
    assert not feedback.counted and round_.finished and len(round_.result().answers) == 1


def test_practice_scores_a_flat_1000_even_with_speed_on() -> None:
    clock = FakeClock()
    round_ = Round(_pool(), RoundConfig(mode="practice", seed=1, speed=True), clock=clock)
    round_.next_question()
    clock.advance(15.0)
    assert round_.answer("Right").points == 1000


def test_sudden_death_ends_on_a_partly_right_answer() -> None:
    questions = [_unions(), *_pool(5)]
    round_ = Round(questions, RoundConfig(mode="sudden_death", seed=1), clock=FakeClock())
    view = round_.next_question()
    while view is not None and view.type != "multiple":
        assert not round_.answer("Right").ends_round
        view = round_.next_question()
    assert view is not None and view.number < 6  # not the last question: the miss ends it
    feedback = round_.answer(["Unite"])
    assert feedback.credit == 0.5 and feedback.points == 500 and feedback.ends_round
    assert round_.next_question() is None and len(round_.result().answers) == view.number


# -- the 50:50 --------------------------------------------------------------------------------


def test_the_fifty_fifty_removes_exactly_two_wrong_choices() -> None:
    round_ = Round([_single("four")], RoundConfig(seed=1), clock=FakeClock())
    round_.next_question()
    view = round_.use_fifty_fifty()
    assert len(view.removed) == 2 and len(view.choices) == 2 and "Right" in view.choices


def test_the_fifty_fifty_always_leaves_a_wrong_choice() -> None:
    # Three choices, one right: one wrong choice goes and one stays (never the answer alone).
    three = _single("three", wrong=("W1", "W2"))
    round_ = Round([three], RoundConfig(seed=1), clock=FakeClock())
    round_.next_question()
    assert round_.fifty_fifty_available
    assert round_.use_fifty_fifty().choices == ("Right", "W1")

    two = _single("two", wrong=("W1",))
    round_ = Round([two], RoundConfig(seed=1), clock=FakeClock())
    round_.next_question()
    assert not round_.fifty_fifty_available

    one_wrong = Question(
        id="one-wrong",
        type="multiple",
        prompt="?",
        choices=("A", "B", "C"),
        answers=("A", "B"),
    )
    round_ = Round([one_wrong], RoundConfig(seed=1), clock=FakeClock())
    round_.next_question()
    assert not round_.fifty_fifty_available


def test_the_fifty_fifty_works_on_multiple_answer_questions() -> None:
    multiple = _unions()
    round_ = Round([multiple], RoundConfig(seed=1, speed=False), clock=FakeClock())
    round_.next_question()
    view = round_.use_fifty_fifty()
    # Two right and two wrong: one wrong choice goes, one stays.
    assert sorted(view.choices) == ["GMB", "RMT", "Unite"]
    assert round_.answer(["Unite", "GMB"]).points == 500


def test_the_fifty_fifty_is_once_per_round() -> None:
    round_ = Round(_pool(), RoundConfig(count=2, seed=1), clock=FakeClock())
    round_.next_question()
    round_.use_fifty_fifty()
    round_.answer("Right")
    round_.next_question()
    assert not round_.fifty_fifty_available
    with pytest.raises(RoundStateError):
        round_.use_fifty_fifty()


# -- what the round records for the study schedule --------------------------------------------


def test_the_round_records_what_the_fsrs_rating_needs() -> None:
    typed = Question(id="vacancy", type="typed", prompt="Who?", answers=("David Miliband",))
    in_order = only(["vacancy", "q00", "q01", "q02"])
    pool = [typed, *_pool(3)]
    round_ = Round(pool, RoundConfig(mode="practice"), clock=FakeClock(), prioritise=in_order)
    round_.next_question()
    near_miss = round_.answer("David Milibland")
    round_.next_question()
    round_.use_fifty_fifty()
    helped = round_.answer("Right")
    round_.next_question()
    plain = round_.answer("Right")
    round_.next_question()
    wrong = round_.answer("W1")
    assert near_miss.record.fuzzy and helped.record.fifty_fifty
    ratings = [rating_for(item.record) for item in (near_miss, helped, plain, wrong)]
    assert ratings == [Rating.Hard, Rating.Hard, Rating.Good, Rating.Again]
