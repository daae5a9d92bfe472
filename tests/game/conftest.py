"""Fixtures for the game rules: a fake clock and a small pool of every question type."""

from __future__ import annotations

import pytest
from fakes import FakeClock

from quiz.packs.question import Question


def single(
    qid: str, answer: str = "Right", wrong: tuple[str, ...] = ("W1", "W2", "W3")
) -> Question:
    return Question(
        id=qid,
        type="single",
        prompt=f"Question {qid}?",
        choices=(answer, *wrong),
        answers=(answer,),
        explanation=f"Because {qid}.",
        quote="the vacancy",
        attribution="the article",
        tags=("people",),
    )


def every_type() -> list[Question]:
    """One question of each of the seven types."""
    return [
        single("single"),
        Question(
            id="multiple",
            type="multiple",
            prompt="Which unions?",
            choices=("Unite", "GMB", "Unison", "RMT"),
            answers=("Unite", "GMB"),
        ),
        Question(
            id="tf", type="true_false", prompt="True?", choices=("True", "False"), answers=("True",)
        ),
        Question(
            id="typed",
            type="typed",
            prompt="Who is the vacancy?",
            answers=("David Miliband", "Miliband", "D. Miliband"),
        ),
        Question(
            id="ordering", type="ordering", prompt="Order", items=("first", "second", "third")
        ),
        Question(
            id="matching",
            type="matching",
            prompt="Match",
            pairs=(("Mandelson", "David"), ("Whelan", "Ed"), ("Dromey", "Harman")),
        ),
        Question(id="numeric", type="numeric", prompt="How many?", value=236.0, tolerance=2.0),
    ]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def pool() -> list[Question]:
    return [single(f"q{index:02d}") for index in range(30)]


@pytest.fixture
def questions_of_every_type() -> list[Question]:
    return every_type()


@pytest.fixture
def make_single():  # type: ignore[no-untyped-def]
    return single
