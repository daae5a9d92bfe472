"""The round state machine in every mode, driven by a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from fakes import right_answer
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.game.checking import InvalidAnswer
from quiz.game.round import Round, RoundConfig, RoundStateError
from quiz.game.selection import missed_first, only
from quiz.game.views import Feedback, QuestionView
from quiz.packs.question import Question


def wrong_answer(view: QuestionView) -> str:
    return next(choice for choice in view.choices if choice not in view.question.answers)


def test_classic_round_counts_questions_and_scores(clock, pool: list[Question]) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=5, seed=1), clock=clock)
    assert round_.phase == "ready" and round_.current is None and round_.total == 5
    scores = []
    view = round_.next_question()
    while view is not None:
        assert round_.current == view
        assert round_.time_left() == 20.0
        clock.advance(10)  # half the time: 750 base points
        assert round_.time_left() == 10.0
        feedback = round_.answer(right_answer(view.question))
        scores.append(feedback.points)
        view = round_.next_question()
    assert round_.finished
    # 750 base, plus the streak bonus from the second answer: +100, +200, +300, +400.
    assert scores == [750, 850, 950, 1050, 1150]
    result = round_.result()
    assert result.score == sum(scores) and result.best_streak == 5
    assert result.accuracy == 1.0 and len(result.answers) == 5
    assert result.duration == 50.0 and result.seed == 1 and result.mode == "classic"


def test_default_classic_count_is_ten(clock, pool) -> None:  # type: ignore[no-untyped-def]
    assert len(Round(pool, RoundConfig(seed=2), clock=clock).questions) == 10


def test_same_seed_same_round(clock, pool) -> None:  # type: ignore[no-untyped-def]
    first = Round(pool, RoundConfig(seed=9), clock=clock).questions
    again = Round(pool, RoundConfig(seed=9), clock=clock).questions
    other = Round(pool, RoundConfig(seed=10), clock=clock).questions
    assert first == again
    assert first != other


def test_timeout_scores_zero_and_resets_streak(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=3, seed=1, time_limit=20), clock=clock)
    view = round_.next_question()
    assert view is not None
    round_.answer(right_answer(view.question))
    assert round_.streak == 1
    round_.next_question()
    clock.advance(19.9)
    assert round_.tick() is None
    clock.advance(0.1)
    timeout = round_.tick()
    assert isinstance(timeout, Feedback)
    assert timeout.timed_out and timeout.points == 0 and timeout.verdict == "Time's up"
    assert round_.streak == 0 and round_.best_streak == 1
    assert round_.tick() is None  # idempotent: the question is already over
    with pytest.raises(RoundStateError):
        round_.answer("Right")


def test_answer_after_the_limit_counts_as_a_timeout(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=2, seed=1), clock=clock)
    view = round_.next_question()
    clock.advance(25)
    feedback = round_.answer(right_answer(view.question))
    assert feedback.timed_out and not feedback.correct and feedback.points == 0


def test_question_time_limit_overrides_round_default(clock, make_single) -> None:  # type: ignore[no-untyped-def]
    slow = make_single("slow").model_copy(update={"time_limit": 60})
    round_ = Round([slow], RoundConfig(seed=1), clock=clock)
    view = round_.next_question()
    assert view.time_limit == 60
    clock.advance(30)
    assert round_.tick() is None


def test_no_timeouts_still_scores_speed(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=1, seed=1, timeouts=False), clock=clock)
    view = round_.next_question()
    assert view.time_limit is None and round_.time_left() is None
    clock.advance(500)
    assert round_.tick() is None
    feedback = round_.answer(right_answer(view.question))
    assert feedback.correct and feedback.points == 500


def test_no_speed_scores_flat(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=1, seed=1, speed=False), clock=clock)
    view = round_.next_question()
    clock.advance(19)
    assert round_.answer(right_answer(view.question)).points == 1000


def test_wrong_answer_resets_streak(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=4, seed=1), clock=clock)
    for right in (True, True, False, True):
        view = round_.next_question()
        feedback = round_.answer(right_answer(view.question) if right else wrong_answer(view))
    assert feedback.streak == 1 and round_.best_streak == 2
    assert feedback.points == 1000  # a fresh streak earns no bonus
    assert round_.missed_ids() == [round_.questions[2].id]


def test_invalid_answer_changes_nothing(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=2, seed=1), clock=clock)
    view = round_.next_question()
    with pytest.raises(InvalidAnswer):
        round_.answer("not a choice")
    assert round_.phase == "asking" and round_.feedback == []
    assert round_.answer(right_answer(view.question)).correct


def test_state_errors(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=1, seed=1), clock=clock)
    with pytest.raises(RoundStateError):
        round_.answer("Right")
    round_.next_question()
    with pytest.raises(RoundStateError):
        round_.next_question()


def test_every_question_type_plays_through(clock, questions_of_every_type) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(questions_of_every_type, RoundConfig(count=7, seed=4), clock=clock)
    seen = set()
    view = round_.next_question()
    while view is not None:
        seen.add(view.type)
        if view.type == "ordering":
            assert sorted(view.items) == sorted(view.question.items)
            assert view.items != view.question.items  # shown shuffled
        if view.type == "matching":
            assert sorted(view.rights) == sorted(right for _, right in view.question.pairs)
        clock.advance(1)
        assert round_.answer(right_answer(view.question)).correct
        view = round_.next_question()
    assert len(seen) == 7 and round_.result().accuracy == 1.0


def test_partial_credit_scores_part_and_breaks_the_streak(clock, questions_of_every_type) -> None:  # type: ignore[no-untyped-def]
    multiple = next(q for q in questions_of_every_type if q.type == "multiple")
    round_ = Round([multiple], RoundConfig(seed=1), clock=clock)
    round_.next_question()
    feedback = round_.answer(["Unite"])
    assert feedback.credit == 0.5 and feedback.points == 500 and not feedback.correct
    assert feedback.mark == "½" and feedback.verdict == "Partly correct"
    assert round_.streak == 0


def test_blitz_ends_when_sixty_seconds_pass(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(mode="blitz", seed=1), clock=clock)
    assert round_.total is None and len(round_.questions) == len(pool)
    answered = 0
    view = round_.next_question()
    assert view.time_limit == 60
    while view is not None:
        clock.advance(7)
        event = round_.tick()
        if event is not None:
            assert not event.counted and event.ends_round
            break
        round_.answer(right_answer(view.question))
        answered += 1
        view = round_.next_question()
    assert round_.finished and round_.next_question() is None
    assert answered == 8  # answers at 7, 14, …, 56 s; the one at 63 s is cut off
    result = round_.result()
    assert len(result.answers) == 8 and result.duration == 63
    assert round_.time_left() == 0.0


def test_blitz_answer_after_time_is_not_counted(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(mode="blitz", seed=1), clock=clock)
    view = round_.next_question()
    clock.advance(61)
    feedback = round_.answer(right_answer(view.question))
    assert not feedback.counted and round_.finished and round_.score == 0
    assert round_.result().answers == ()


def test_blitz_has_no_per_question_timeout(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(mode="blitz", seed=1), clock=clock)
    round_.next_question()
    clock.advance(45)
    assert round_.tick() is None and round_.time_left() == 15


def test_sudden_death_ends_on_first_miss(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(mode="sudden_death", seed=1), clock=clock)
    assert len(round_.questions) == len(pool)
    for _ in range(3):
        view = round_.next_question()
        assert not round_.answer(right_answer(view.question)).ends_round
    view = round_.next_question()
    assert round_.answer(wrong_answer(view)).ends_round
    assert round_.next_question() is None and round_.finished
    assert len(round_.result().answers) == 4


def test_sudden_death_timeout_ends_too(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(mode="sudden_death", seed=1), clock=clock)
    round_.next_question()
    clock.advance(20)
    assert round_.tick().ends_round


def _daily(pool: list[Question], day: date, pack_id: str, seed: int | None) -> Round:
    config = RoundConfig(mode="daily", day=day, pack_id=pack_id, seed=seed)
    return Round(pool, config, clock=lambda: 0.0)


def test_daily_ignores_the_player_seed_and_repeats(pool) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 11, 26)
    first = _daily(pool, day, "labour-2010", seed=1)
    second = _daily(pool, day, "labour-2010", seed=99)
    assert first.seed == second.seed
    assert first.questions == second.questions and len(first.questions) == 10
    assert _daily(pool, date(2026, 11, 27), "labour-2010", None).questions != first.questions
    assert _daily(pool, day, "other-pack", None).questions != first.questions


def test_daily_seed_is_stable_across_processes(pool) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    code = (
        "from datetime import date; from quiz.game.modes import daily_seed; "
        "print(daily_seed(date(2026, 11, 26), 'labour-2010'))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": str(hash_seed)},
        ).stdout.strip()
        for hash_seed in (1, 2)
    }
    assert len(runs) == 1


def test_practice_has_no_clock_and_asks_missed_first(clock, pool) -> None:  # type: ignore[no-untyped-def]
    missed = {"q07", "q21", "q13"}
    round_ = Round(pool, RoundConfig(mode="practice", seed=3), clock=clock, missed=missed)
    assert {question.id for question in round_.questions[:3]} == missed
    view = round_.next_question()
    assert view.time_limit is None and round_.time_left() is None
    clock.advance(1000)
    assert round_.tick() is None
    assert round_.answer(right_answer(view.question)).points == 1000  # flat: no speed in practice


def test_practice_follows_a_prioritise_function(clock, pool) -> None:  # type: ignore[no-untyped-def]
    wanted = ["q05", "q01", "q09"]
    round_ = Round(pool, RoundConfig(mode="practice", seed=3), clock=clock, prioritise=only(wanted))
    assert [question.id for question in round_.questions] == wanted


def test_missed_first_is_deterministic(pool) -> None:  # type: ignore[no-untyped-def]
    order: Callable = missed_first({"q03"}, seed=5)
    assert [q.id for q in order(pool)] == [q.id for q in order(pool)]
    assert order(pool)[0].id == "q03"


def test_stop_ends_without_recording_the_open_question(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=5, seed=1), clock=clock)
    view = round_.next_question()
    round_.answer(right_answer(view.question))
    round_.next_question()
    round_.stop()
    assert round_.finished and len(round_.result().answers) == 1


def test_empty_pool_is_refused(clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="no questions"):
        Round([], RoundConfig(seed=1), clock=clock)


def test_unknown_mode_is_refused(clock, pool) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="unknown mode"):
        Round(pool, RoundConfig(mode="chaos", seed=1), clock=clock)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["right", "wrong", "timeout"]), st.floats(0, 19.9)),
        min_size=1,
        max_size=12,
    )
)
def test_round_invariants_hold_for_any_play(moves: list[tuple[str, float]]) -> None:
    pool = [
        Question(id=f"p{n}", type="single", prompt="?", choices=("R", "W1", "W2"), answers=("R",))
        for n in range(12)
    ]
    now = [0.0]
    round_ = Round(pool, RoundConfig(count=len(moves), seed=4), clock=lambda: now[0])
    run = 0
    for move, seconds in moves:
        round_.next_question()
        if move == "timeout":
            now[0] += 20.5
            feedback = round_.tick()
        else:
            now[0] += seconds
            feedback = round_.answer("R" if move == "right" else "W1")
        assert feedback is not None
        run = run + 1 if move == "right" else 0
        assert feedback.streak == round_.streak == run
        if move == "right":
            assert 500 <= feedback.points <= 1500
        else:
            assert feedback.points == 0
    assert round_.next_question() is None and round_.finished
    result = round_.result()
    assert result.score == sum(answer.points for answer in result.answers)
    assert len(result.answers) == len(moves)
    assert result.correct_count == sum(1 for move, _ in moves if move == "right")
    assert round_.best_streak >= round_.streak


def test_an_empty_multiple_answer_is_refused_and_the_clock_keeps_running(clock) -> None:  # type: ignore[no-untyped-def]
    question = Question(
        id="m", type="multiple", prompt="Which?", choices=("A", "B", "C"), answers=("A", "B")
    )
    round_ = Round([question], RoundConfig(seed=1), clock=clock)
    round_.next_question()
    clock.advance(5)
    with pytest.raises(InvalidAnswer, match=r"^Tick at least one$"):
        round_.answer([])
    assert round_.phase == "asking" and not round_.feedback
    clock.advance(5)
    assert round_.time_left() == 10.0
    clock.advance(10)
    feedback = round_.tick()
    assert feedback is not None and feedback.timed_out


def test_feedback_breaks_the_points_down_into_speed_and_streak(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=4, seed=1), clock=clock)
    parts = []
    for think in (0.3, 0.3, 6.88):
        view = round_.next_question()
        clock.advance(think)
        feedback = round_.answer(right_answer(view.question))
        parts.append((feedback.points, feedback.streak_points, feedback.breakdown))
    assert parts == [
        (1000, 0, "+1,000 speed"),
        (1100, 100, "+1,000 speed +100 streak"),
        (1028, 200, "+828 speed +200 streak"),
    ]
    view = round_.next_question()
    round_.use_fifty_fifty()
    clock.advance(6.88)
    feedback = round_.answer(right_answer(view.question))
    # (828 + 300) / 2 = 564: the streak's share is halved too.
    assert (feedback.points, feedback.streak_points) == (564, 150)
    assert feedback.breakdown == "+414 speed +150 streak, halved by the 50:50"


def test_without_speed_the_breakdown_says_answer_not_speed(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=2, seed=1, speed=False), clock=clock)
    view = round_.next_question()
    clock.advance(15)
    assert round_.answer(right_answer(view.question)).breakdown == "+1,000 answer"
    view = round_.next_question()
    assert round_.answer(wrong_answer(view)).breakdown == ""
