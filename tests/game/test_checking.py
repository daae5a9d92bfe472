"""Checking every question type, with the documented partial credit."""

from __future__ import annotations

import pytest

from quiz.game.checking import InvalidAnswer, check_answer
from quiz.packs.question import Question


@pytest.fixture
def by_id(questions_of_every_type: list[Question]) -> dict[str, Question]:
    return {question.id: question for question in questions_of_every_type}


def test_single_choice(by_id: dict[str, Question]) -> None:
    assert check_answer(by_id["single"], "Right").correct
    wrong = check_answer(by_id["single"], "W2")
    assert not wrong.correct and wrong.credit == 0 and wrong.given == "W2"


def test_single_choice_not_offered_is_invalid(by_id: dict[str, Question]) -> None:
    with pytest.raises(InvalidAnswer):
        check_answer(by_id["single"], "Something else")


def test_true_false_accepts_text_and_bool(by_id: dict[str, Question]) -> None:
    question = by_id["tf"]
    assert check_answer(question, "True").correct
    assert check_answer(question, True).correct
    assert check_answer(question, "t").correct
    assert not check_answer(question, "False").correct
    with pytest.raises(InvalidAnswer):
        check_answer(question, "maybe")


@pytest.mark.parametrize(
    ("picked", "credit"),
    [
        (["Unite", "GMB"], 1.0),
        (["GMB", "Unite"], 1.0),
        (["Unite"], 0.5),
        (["Unite", "RMT"], 0.0),
        (["Unite", "GMB", "RMT"], 0.5),
        (["RMT", "Unison"], 0.0),
        ([], 0.0),
    ],
)
def test_multiple_partial_credit(
    by_id: dict[str, Question], picked: list[str], credit: float
) -> None:
    check = check_answer(by_id["multiple"], picked)
    assert check.credit == credit
    assert check.correct == (credit == 1.0)


def test_multiple_given_keeps_choice_order(by_id: dict[str, Question]) -> None:
    assert check_answer(by_id["multiple"], ["GMB", "Unite"]).given == "Unite, GMB"


def test_typed_reports_what_was_accepted(by_id: dict[str, Question]) -> None:
    check = check_answer(by_id["typed"], "Milibland")
    assert check.correct and check.fuzzy
    assert check.accepted == "Accepted 'Milibland' as David Miliband"
    assert not check_answer(by_id["typed"], "Ed Balls").correct


def test_typed_refuses_the_questions_other_names_even_as_a_near_miss() -> None:
    question = Question(
        id="nick",
        type="typed",
        prompt="What does the article call David Miliband?",
        answers=("Milibland",),
        other_names=("Miliband", "Ed Miliband"),
    )
    assert check_answer(question, "Milibland").correct
    refused = check_answer(question, "Miliband")
    assert not refused.correct and refused.accepted == ""


def test_numeric_tolerance(by_id: dict[str, Question]) -> None:
    question = by_id["numeric"]
    assert check_answer(question, "236").correct
    assert check_answer(question, "238").correct
    assert check_answer(question, 234.0).correct
    assert not check_answer(question, "239").correct
    with pytest.raises(InvalidAnswer):
        check_answer(question, "lots")


@pytest.mark.parametrize(
    ("order", "credit"),
    [
        (["first", "second", "third"], 1.0),
        (["third", "first", "second"], 0.5),
        (["second", "third", "first"], 0.5),
        (["third", "second", "first"], 0.0),
        (["first", "third", "second"], 0.0),
    ],
)
def test_ordering_credit_is_share_of_adjacent_pairs_kept(
    by_id: dict[str, Question], order: list[str], credit: float
) -> None:
    assert check_answer(by_id["ordering"], order).credit == credit


def test_ordering_must_use_every_item_once(by_id: dict[str, Question]) -> None:
    with pytest.raises(InvalidAnswer):
        check_answer(by_id["ordering"], ["first", "first", "third"])
    with pytest.raises(InvalidAnswer):
        check_answer(by_id["ordering"], ["first", "second"])


def test_matching_credit_is_share_of_pairs_right(by_id: dict[str, Question]) -> None:
    question = by_id["matching"]
    right = {"Mandelson": "David", "Whelan": "Ed", "Dromey": "Harman"}
    assert check_answer(question, right).correct
    swapped = {"Mandelson": "Ed", "Whelan": "David", "Dromey": "Harman"}
    assert check_answer(question, swapped).credit == pytest.approx(1 / 3)
    as_pairs = [("Mandelson", "David"), ("Whelan", "Ed")]
    assert check_answer(question, as_pairs).credit == pytest.approx(2 / 3)
    with pytest.raises(InvalidAnswer):
        check_answer(question, {"Nobody": "David"})
