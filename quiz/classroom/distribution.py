"""How a class answered one question, as bars that make sense for its type.

The reveal, the teacher's screen, the student's screen and the reports all show these:

- single, true/false, multiple: one bar per choice (how many picked it).
- ordering: fully right / partly right / wrong.
- matching: everything paired right, then one bar per right pair (how many made it).
- numeric: too low / right (within the tolerance) / too high.
- typed: accepted / not accepted. What students typed is not shown to the class: the
  projector is no place for it (the teacher's report lists it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from quiz.classroom.deck import CHOICE_KINDS, HostedQuestion
from quiz.classroom.protocol import Tally
from quiz.game.typed_answers import numbers_match, parse_number
from quiz.packs.question import format_number, with_unit


class GivenAnswer(Protocol):
    """What the host keeps of an accepted answer (quiz.classroom.session.RecordedAnswer)."""

    @property
    def given(self) -> str: ...

    @property
    def credit(self) -> float: ...

    @property
    def choices(self) -> tuple[int, ...]: ...


def choice_counts(hosted: HostedQuestion, answers: Sequence[GivenAnswer]) -> list[int]:
    """How many picked each choice of a choice question (empty for other types)."""
    if hosted.kind not in CHOICE_KINDS:
        return []
    counts = [0] * len(hosted.choices)
    for answer in answers:
        for index in answer.choices:
            if index < len(counts):
                counts[index] += 1
    return counts


def tallies(hosted: HostedQuestion, answers: Sequence[GivenAnswer]) -> list[Tally]:
    """The bars of the reveal for `hosted`, from the answers accepted."""
    kind = hosted.kind
    if kind in CHOICE_KINDS:
        counts = choice_counts(hosted, answers)
        return [
            Tally(label=choice, count=count, right=index in hosted.correct)
            for index, (choice, count) in enumerate(zip(hosted.choices, counts, strict=True))
        ]
    if kind == "ordering":
        full = sum(1 for answer in answers if answer.credit >= 1)
        none = sum(1 for answer in answers if answer.credit <= 0)
        return [
            Tally(label="All in the right order", count=full, right=True),
            Tally(label="Partly in order", count=len(answers) - full - none, right=False),
            Tally(label="Wrong order", count=none, right=False),
        ]
    if kind == "matching":
        bars = [
            Tally(
                label="Every pair right",
                count=sum(1 for answer in answers if answer.credit >= 1),
                right=True,
            )
        ]
        for position, (left, right) in enumerate(zip(hosted.left, hosted.correct, strict=True)):
            made = sum(
                1
                for answer in answers
                if position < len(answer.choices) and answer.choices[position] == right
            )
            bars.append(Tally(label=f"{left} → {hosted.choices[right]}", count=made, right=True))
        return bars
    if kind == "numeric":
        return _numeric_tallies(hosted, answers)
    right = sum(1 for answer in answers if answer.credit >= 1)
    return [
        Tally(label="Accepted", count=right, right=True),
        Tally(label="Not accepted", count=len(answers) - right, right=False),
    ]


def _numeric_tallies(hosted: HostedQuestion, answers: Sequence[GivenAnswer]) -> list[Tally]:
    question = hosted.question
    value = question.value if question.value is not None else 0.0
    low = high = right = 0
    for answer in answers:
        number = parse_number(answer.given)
        if number is None:
            continue
        if numbers_match(number, value, question.tolerance):
            right += 1
        elif number < value:
            low += 1
        else:
            high += 1
    if question.tolerance:
        lowest = format_number(value - question.tolerance)
        highest = format_number(value + question.tolerance)
        band = with_unit(f"{lowest}–{highest}", question.unit)
    else:
        band = with_unit(format_number(value), question.unit)
        lowest = highest = format_number(value)
    return [
        Tally(label=f"Too low (under {lowest})", count=low, right=False),
        Tally(label=f"Right ({band})", count=right, right=True),
        Tally(label=f"Too high (over {highest})", count=high, right=False),
    ]
