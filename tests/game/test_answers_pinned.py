"""Typed-answer thresholds and partial-credit formulas, pinned on their boundaries.

Everything goes through `check_answer`, the one check every front end and the classroom use,
with literal expected values from the README ("Typed answers", "Partial credit").
"""

from __future__ import annotations

import pytest

from quiz.game.checking import check_answer
from quiz.packs.question import Question


def _typed(*answers: str) -> Question:
    return Question(id="typed", type="typed", prompt="Who?", answers=answers)


def _verdict(given: str, *answers: str) -> str:
    check = check_answer(_typed(*answers), given)
    if not check.correct:
        return "refused"
    return "fuzzy" if check.fuzzy else "exact"


@pytest.mark.parametrize(
    ("given", "answer", "verdict"),
    [
        # Under 4 letters nothing is a typo: "GMC" is another union, not "GMB".
        ("GMC", "GMB", "refused"),
        ("GM", "GMB", "refused"),
        ("G MB", "GMB", "refused"),  # an extra space in a 3-letter answer is not a typo
        ("gmb", "GMB", "exact"),
        # From 4 letters, one edit.
        ("Rum", "Rump", "fuzzy"),
        ("Rimp", "Rump", "fuzzy"),
        ("Rumps", "Rump", "fuzzy"),
        ("Rim", "Rump", "refused"),  # two edits
        # Up to 6 letters one edit, whatever the similarity ratio (83 here).
        ("Harmon", "Harman", "fuzzy"),
        ("Hermon", "Harman", "refused"),  # two edits
        # From 7 letters, a ratio of at least 88: one changed letter in 7 is 85.7.
        ("Burnhan", "Burnham", "refused"),
        ("Burnam", "Burnham", "fuzzy"),  # one letter missing: 92.3
        ("Mandelsen", "Mandelson", "fuzzy"),  # 88.9
        ("Australia", "Austria", "refused"),  # 87.5
        ("Austria", "Australia", "refused"),
        ("Volverhamptn", "Wolverhampton", "fuzzy"),  # exactly 88.0
        # Several words: word by word, so an initial must be exact.
        ("E. Miliband", "D. Miliband", "refused"),
        ("David Milibland", "David Miliband", "fuzzy"),
        ("edballs", "Ed Balls", "fuzzy"),  # one edit over the whole text
        # Numbers are never typos, and an answer with a digit in it is never a near miss.
        ("Labour 1997", "Labour 1979", "refused"),
        ("Harm4n", "Harman", "refused"),
    ],
)
def test_typed_answer_thresholds(given: str, answer: str, verdict: str) -> None:
    assert _verdict(given, answer) == verdict


def test_numeric_tolerance_includes_its_edge() -> None:
    seats = Question(id="seats", type="numeric", prompt="How many?", value=236.0, tolerance=2.0)
    assert [check_answer(seats, text).credit for text in ("234", "238", "238.5", "233")] == [
        1.0,
        1.0,
        0.0,
        0.0,
    ]


def _unions(answers: tuple[str, ...] = ("Unite", "GMB")) -> Question:
    return Question(
        id="unions",
        type="multiple",
        prompt="Which unions?",
        choices=("Unite", "GMB", "Unison", "RMT", "Aslef"),
        answers=answers,
    )


@pytest.mark.parametrize(
    ("picked", "credit"),
    [
        (["Unite", "GMB"], 1.0),
        (["Unite"], 0.5),
        (["Unite", "GMB", "RMT"], 0.5),
        (["Unite", "RMT"], 0.0),
        (["Unite", "RMT", "Aslef"], 0.0),  # never below 0
        (["Unite", "GMB", "Unison", "RMT", "Aslef"], 0.0),
    ],
)
def test_multiple_answer_credit(picked: list[str], credit: float) -> None:
    assert check_answer(_unions(), picked).credit == credit


def test_multiple_answer_credit_divides_by_the_right_choices() -> None:
    three_right = _unions(("Unite", "GMB", "Unison"))
    assert check_answer(three_right, ["Unite", "GMB"]).credit == pytest.approx(2 / 3)
    assert check_answer(three_right, ["Unite", "GMB", "RMT"]).credit == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("order", "credit"),
    [
        ("ABCD", 1.0),
        ("DABC", 2 / 3),  # the last item moved to the front keeps A→B and B→C
        ("BCDA", 2 / 3),
        ("ABDC", 1 / 3),
        ("ACBD", 0.0),
        ("DCBA", 0.0),
    ],
)
def test_ordering_credit_is_the_share_of_neighbouring_pairs_kept(order: str, credit: float) -> None:
    question = Question(id="order", type="ordering", prompt="Order", items=("A", "B", "C", "D"))
    assert check_answer(question, list(order)).credit == pytest.approx(credit)


def test_ordering_credit_from_the_readme() -> None:
    question = Question(id="order", type="ordering", prompt="Order", items=("A", "B", "C"))
    assert check_answer(question, ["C", "A", "B"]).credit == 0.5
    assert check_answer(question, ["A", "C", "B"]).credit == 0.0


@pytest.mark.parametrize(
    ("chosen", "credit"),
    [
        ({"Mandelson": "David", "Whelan": "Ed", "Dromey": "Harman"}, 1.0),
        ({"Mandelson": "David", "Whelan": "Harman", "Dromey": "Ed"}, 1 / 3),
        ({"Mandelson": "David"}, 1 / 3),  # unmatched items count as wrong
        ({"Mandelson": "Ed", "Whelan": "David"}, 0.0),
    ],
)
def test_matching_credit_is_pairs_right_over_all_pairs(
    chosen: dict[str, str], credit: float
) -> None:
    question = Question(
        id="backers",
        type="matching",
        prompt="Match",
        pairs=(("Mandelson", "David"), ("Whelan", "Ed"), ("Dromey", "Harman")),
    )
    assert check_answer(question, chosen).credit == pytest.approx(credit)
