"""The 50:50 lifeline: about half the choices gone, one wrong always left, half the points."""

from __future__ import annotations

import pytest

from quiz.game.checking import InvalidAnswer
from quiz.game.round import Round, RoundConfig, RoundStateError
from quiz.packs.question import Question


def test_removes_two_wrong_choices_and_halves_points(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=3, seed=1, speed=False), clock=clock)
    view = round_.next_question()
    assert round_.fifty_fifty_available
    after = round_.use_fifty_fifty()
    assert len(after.choices) == 2 and len(after.removed) == 2
    assert "Right" in after.choices
    assert not set(after.removed) & set(view.question.answers)
    assert round_.current == after and after.fifty_fifty_used
    feedback = round_.answer("Right")
    assert feedback.points == 500 and feedback.fifty_fifty and feedback.record.fifty_fifty


def test_once_per_round(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=3, seed=1), clock=clock)
    round_.next_question()
    round_.use_fifty_fifty()
    with pytest.raises(RoundStateError):
        round_.use_fifty_fifty()
    round_.answer("Right")
    round_.next_question()
    assert not round_.fifty_fifty_available
    with pytest.raises(RoundStateError):
        round_.use_fifty_fifty()


def test_deterministic_per_seed(pool) -> None:  # type: ignore[no-untyped-def]
    def removed(seed: int) -> tuple[str, ...]:
        round_ = Round(pool, RoundConfig(count=1, seed=seed), clock=lambda: 0.0)
        round_.next_question()
        return round_.use_fifty_fifty().removed

    assert removed(5) == removed(5)
    assert len({removed(seed) for seed in range(12)}) > 1


def test_a_removed_choice_cannot_be_answered(clock, pool) -> None:  # type: ignore[no-untyped-def]
    round_ = Round(pool, RoundConfig(count=1, seed=1), clock=clock)
    round_.next_question()
    view = round_.use_fifty_fifty()
    with pytest.raises(InvalidAnswer):
        round_.answer(view.removed[0])
    assert round_.phase == "asking"


def test_multiple_answer_keeps_every_right_choice(clock) -> None:  # type: ignore[no-untyped-def]
    question = Question(
        id="m",
        type="multiple",
        prompt="Which?",
        choices=("A", "B", "C", "D", "E"),
        answers=("A", "B"),
    )
    round_ = Round([question], RoundConfig(seed=2, speed=False), clock=clock)
    round_.next_question()
    view = round_.use_fifty_fifty()
    assert {"A", "B"} <= set(view.choices) and len(view.choices) == 3
    assert round_.answer(["A", "B"]).points == 500


@pytest.mark.parametrize("kind", ["typed", "true_false", "numeric"])
def test_not_offered_for_other_types(clock, questions_of_every_type, kind: str) -> None:  # type: ignore[no-untyped-def]
    question = next(q for q in questions_of_every_type if q.type == kind)
    round_ = Round([question], RoundConfig(seed=1), clock=clock)
    round_.next_question()
    assert not round_.fifty_fifty_available
    with pytest.raises(RoundStateError):
        round_.use_fifty_fifty()


def test_not_offered_with_fewer_than_three_choices_or_two_wrong(clock) -> None:  # type: ignore[no-untyped-def]
    two = Question(id="two", type="single", prompt="?", choices=("A", "B"), answers=("A",))
    one_wrong = Question(
        id="ow", type="multiple", prompt="?", choices=("A", "B", "C"), answers=("A", "B")
    )
    for question in (two, one_wrong):
        round_ = Round([question], RoundConfig(seed=1), clock=clock)
        round_.next_question()
        assert not round_.fifty_fifty_available


def asked(question: Question, clock) -> Round:  # type: ignore[no-untyped-def]
    round_ = Round([question], RoundConfig(seed=4), clock=clock)
    round_.next_question()
    return round_


@pytest.mark.parametrize(
    ("kind", "choices", "answers", "removed"),
    [
        ("single", ("R", "W1", "W2", "W3"), ("R",), 2),
        ("single", ("R", "W1", "W2"), ("R",), 1),
        ("single", ("R", "W1", "W2", "W3", "W4"), ("R",), 2),
        ("single", ("R", "W1", "W2", "W3", "W4", "W5", "W6", "W7"), ("R",), 4),
        ("multiple", ("R1", "R2", "W1", "W2"), ("R1", "R2"), 1),
        ("multiple", ("R1", "R2", "W1", "W2", "W3", "W4"), ("R1", "R2"), 3),
    ],
)
def test_about_half_go_and_at_least_one_wrong_choice_always_stays(
    clock,  # type: ignore[no-untyped-def]
    kind: str,
    choices: tuple[str, ...],
    answers: tuple[str, ...],
    removed: int,
) -> None:
    question = Question(id="q", type=kind, prompt="?", choices=choices, answers=answers)  # type: ignore[arg-type]
    round_ = asked(question, clock)
    view = round_.use_fifty_fifty()
    assert len(view.removed) == removed
    assert set(answers) <= set(view.choices)
    assert any(choice not in answers for choice in view.choices)


def test_a_two_wrong_choice_question_keeps_one_wrong_choice(clock) -> None:  # type: ignore[no-untyped-def]
    question = Question(id="q", type="single", prompt="?", choices=("R", "A", "B"), answers=("R",))
    view = asked(question, clock).use_fifty_fifty()
    assert len(view.choices) == 2 and "R" in view.choices


def test_why_the_fifty_fifty_is_not_offered(clock) -> None:  # type: ignore[no-untyped-def]
    two = Question(id="two", type="single", prompt="?", choices=("A", "B"), answers=("A",))
    assert asked(two, clock).fifty_fifty_refusal == (
        "The 50:50 needs two wrong choices to leave one; this question has only one."
    )
    typed = Question(id="t", type="typed", prompt="?", answers=("A",))
    assert asked(typed, clock).fifty_fifty_refusal == (
        "The 50:50 works on single and multiple answer questions only."
    )
    four = Question(id="f", type="single", prompt="?", choices=("A", "B", "C", "D"), answers=("A",))
    round_ = Round([four, four.model_copy(update={"id": "g"})], RoundConfig(seed=1), clock=clock)
    round_.next_question()
    assert round_.fifty_fifty_refusal is None
    round_.use_fifty_fifty()
    assert round_.fifty_fifty_refusal == "You have used your 50:50 in this round."


def test_what_rules_the_question_out_is_said_before_that_the_lifeline_is_used(clock) -> None:  # type: ignore[no-untyped-def]
    four = Question(id="f", type="single", prompt="?", choices=("A", "B", "C", "D"), answers=("A",))
    tf = Question(
        id="t", type="true_false", prompt="?", choices=("True", "False"), answers=("True",)
    )
    round_ = Round([four, tf], RoundConfig(seed=5), clock=clock)
    assert round_.next_question().type == "single"  # seed 5 asks the single first
    round_.use_fifty_fifty()
    round_.answer("A")
    round_.next_question()
    assert round_.fifty_fifty_refusal == (
        "The 50:50 works on single and multiple answer questions only."
    )
