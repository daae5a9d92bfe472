"""Property tests of the scoring bounds the README promises."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.game.scoring import answer_points, speed_points, streak_bonus

seconds = st.floats(min_value=0, max_value=10_000, allow_nan=False)
limits = st.floats(min_value=1, max_value=600, allow_nan=False)
streaks = st.integers(min_value=0, max_value=10_000)


@given(seconds, limits)
def test_base_points_for_a_correct_answer_stay_between_500_and_1000(
    elapsed: float, limit: float
) -> None:
    assert 500 <= speed_points(elapsed, limit) <= 1000


@given(seconds, limits)
def test_no_speed_is_a_flat_1000(elapsed: float, limit: float) -> None:
    assert speed_points(elapsed, limit, speed=False) == 1000


@given(streaks)
def test_streak_bonus_is_capped_at_500(streak: int) -> None:
    # Literal values: a cap imported from scoring.py would move with the code it checks.
    bonus = streak_bonus(streak)
    assert 0 <= bonus <= 500
    assert (bonus == 500) == (streak >= 6)


@given(seconds, limits, streaks, st.booleans())
def test_a_wrong_answer_scores_zero(elapsed: float, limit: float, streak: int, fifty: bool) -> None:
    points = answer_points(credit=0, elapsed=elapsed, limit=limit, streak=streak, fifty_fifty=fifty)
    assert points == 0


@given(seconds, limits, streaks)
def test_a_correct_answer_scores_between_500_and_1500(
    elapsed: float, limit: float, streak: int
) -> None:
    points = answer_points(credit=1, elapsed=elapsed, limit=limit, streak=streak)
    assert 500 <= points <= 1500


@given(st.floats(min_value=0.0, max_value=1.0), seconds, limits, streaks)
def test_partial_credit_never_beats_full_credit(
    credit: float, elapsed: float, limit: float, streak: int
) -> None:
    partial = answer_points(credit=credit, elapsed=elapsed, limit=limit, streak=streak)
    full = answer_points(credit=1, elapsed=elapsed, limit=limit, streak=streak)
    assert 0 <= partial <= full
