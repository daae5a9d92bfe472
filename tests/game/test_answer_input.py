"""Reading typed lines as answers: numbers, letters, lists, orders and pairs."""

from __future__ import annotations

import pytest

from quiz.game.answer_input import expected_form, parse_answer
from quiz.game.checking import InvalidAnswer
from quiz.game.labels import line_label
from quiz.game.views import QuestionView
from quiz.packs.question import Question


def view_of(question: Question, **shown: tuple[str, ...]) -> QuestionView:
    return QuestionView(question=question, number=1, total=1, **shown)


@pytest.fixture
def views(questions_of_every_type: list[Question]) -> dict[str, QuestionView]:
    by_id = {question.id: question for question in questions_of_every_type}
    return {
        "single": view_of(by_id["single"], choices=by_id["single"].choices),
        "multiple": view_of(by_id["multiple"], choices=by_id["multiple"].choices),
        "tf": view_of(by_id["tf"], choices=("True", "False")),
        "typed": view_of(by_id["typed"]),
        "numeric": view_of(by_id["numeric"]),
        "ordering": view_of(by_id["ordering"], items=("third", "first", "second")),
        "matching": view_of(
            by_id["matching"],
            lefts=("Mandelson", "Whelan", "Dromey"),
            rights=("Harman", "David", "Ed"),
        ),
    }


def test_label_has_number_and_letter() -> None:
    assert line_label(0) == "1) A." and line_label(3) == "4) D."


@pytest.mark.parametrize("line", ["2", "b", "B", " b ", "2)", "W1", "w1"])
def test_single_by_number_letter_or_text(views: dict[str, QuestionView], line: str) -> None:
    assert parse_answer(views["single"], line) == "W1"


@pytest.mark.parametrize("line", ["5", "e", "0", "", "12", "W9"])
def test_single_out_of_range(views: dict[str, QuestionView], line: str) -> None:
    with pytest.raises(InvalidAnswer, match="Answer with a number 1-4 or a letter A-D"):
        parse_answer(views["single"], line)


@pytest.mark.parametrize("line", ["1,2", "a b", "A, B", "1 b", "2,1,1"])
def test_multiple_lists(views: dict[str, QuestionView], line: str) -> None:
    assert sorted(parse_answer(views["multiple"], line)) == ["GMB", "Unite"]


def test_true_false_words_and_labels(views: dict[str, QuestionView]) -> None:
    for line, expected in (("t", "True"), ("false", "False"), ("1", "True"), ("b", "False")):
        assert parse_answer(views["tf"], line) == expected


def test_ordering_numbers_refer_to_shown_items(views: dict[str, QuestionView]) -> None:
    assert parse_answer(views["ordering"], "2 3 1") == ["first", "second", "third"]
    assert parse_answer(views["ordering"], "231") == ["first", "second", "third"]
    for bad in ("1 2", "1 1 2", "1 2 4"):
        with pytest.raises(InvalidAnswer, match="first to last"):
            parse_answer(views["ordering"], bad)


def test_matching_pairs(views: dict[str, QuestionView]) -> None:
    expected = {"Mandelson": "David", "Whelan": "Ed", "Dromey": "Harman"}
    assert parse_answer(views["matching"], "1b 2c 3a") == expected
    assert parse_answer(views["matching"], "1-B, 2=c 3a") == expected
    for bad in ("1b 2c", "1b 1c 3a", "1z 2c 3a", "b1 c2 a3"):
        with pytest.raises(InvalidAnswer, match=r"e\.g\. 1b 2a 3c"):
            parse_answer(views["matching"], bad)


def test_numeric_and_typed(views: dict[str, QuestionView]) -> None:
    assert parse_answer(views["numeric"], " 1,000 ") == "1,000"
    with pytest.raises(InvalidAnswer, match="Type a number"):
        parse_answer(views["numeric"], "many")
    assert parse_answer(views["typed"], "  Miliband ") == "Miliband"
    with pytest.raises(InvalidAnswer):
        parse_answer(views["typed"], "   ")


def test_expected_form_says_how_to_answer(views: dict[str, QuestionView]) -> None:
    assert "1,3" in expected_form(views["multiple"])
    assert "3 1 2" in expected_form(views["ordering"])
    assert "1b 2a 3c" in expected_form(views["matching"])
