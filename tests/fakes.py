"""Test doubles and answer keys shared by the game, TUI and classroom tests."""

from __future__ import annotations

from typing import Any

from quiz.packs.question import Question


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def right_answer(question: Question) -> Any:
    """The fully right answer to `question`, in the form the round's `answer` takes."""
    if question.type in ("single", "true_false", "typed"):
        return question.answers[0]
    if question.type == "multiple":
        return list(question.answers)
    if question.type == "ordering":
        return list(question.items)
    if question.type == "matching":
        return dict(question.pairs)
    return str(question.value)
