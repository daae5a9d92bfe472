"""Questions as the host asks them: choices shuffled by the host, and answers judged.

A `HostedQuestion` keeps the correct choice indices on the host. Only `choices` (shuffled)
and the prompt ever go to students before the reveal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from quiz.game.checking import Check, check_answer
from quiz.packs.draw import shuffled_choices
from quiz.packs.question import Question

HOSTED_TYPES = ("single", "multiple", "true_false", "typed")
Kind = Literal["single", "multiple", "true_false", "typed"]


class HostedQuestion(BaseModel):
    """One question of a session: the original plus the host's choice order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question: Question
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    seconds: float

    @property
    def kind(self) -> Kind:
        return self.question.type  # type: ignore[return-value]  # prepare() hosts only Kinds


def prepare(questions: Sequence[Question], *, seconds: float, seed: int) -> list[HostedQuestion]:
    """Shuffle each question's choices as a round with `seed` shows its choices
    (`quiz.packs.draw.shuffled_choices`) and note the correct indices. Question types a
    classroom can't ask (ordering, matching, numeric) are left out."""
    hosted = []
    for question in questions:
        if question.type not in HOSTED_TYPES:
            continue
        choices = list(shuffled_choices(question, seed).choices)
        correct = tuple(i for i, choice in enumerate(choices) if choice in question.answers)
        limit = float(question.time_limit or seconds)
        hosted.append(
            HostedQuestion(
                question=question, choices=tuple(choices), correct=correct, seconds=limit
            )
        )
    return hosted


def judge(hosted: HostedQuestion, choices: Sequence[int], text: str | None) -> Check:
    """Judge an answer with the game's own rules (quiz.game.checking: the same partial
    credit and typed matching as solo play). Choice indices are the host's shuffled ones.

    Raises ValueError, with a message for the student, if the answer's shape does not fit
    the question: no choice, an index out of range, text for a choice question, choices
    for a typed one…
    """
    if hosted.kind == "typed":
        if choices:
            raise ValueError("a typed answer has no choices: send the text alone")
        if text is None or not text.strip():
            raise ValueError("this question needs a typed answer in 'text'")
        return check_answer(hosted.question, text)
    if text is not None:
        raise ValueError("this question is answered by choice number, not text")
    if not choices and hosted.kind != "multiple":
        raise ValueError("pick a choice")  # (multiple: the game's own rule says it below)
    if any(index >= len(hosted.choices) for index in choices):
        raise ValueError(f"choices are numbered 0 to {len(hosted.choices) - 1}")
    picked = [hosted.choices[i] for i in sorted(set(choices))]
    if hosted.kind == "multiple":
        return check_answer(hosted.question, picked)
    if len(picked) != 1:
        raise ValueError("pick exactly one choice")
    return check_answer(hosted.question, picked[0])
