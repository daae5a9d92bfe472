"""Questions as the host asks them: shown in the host's order, and answers judged.

A `HostedQuestion` keeps the right answer on the host. Only the prompt, the choices shown
(shuffled) and, for matching, the `left` column ever go to students before the reveal. Every
question type is hosted; what is shown and what an answer's indices mean depends on the type:

| type               | shown                            | an answer's indices                    |
|--------------------|----------------------------------|----------------------------------------|
| single, true_false | the choices, shuffled            | one index                              |
| multiple           | the choices, shuffled            | every index picked                     |
| ordering           | the items, shuffled              | every index once, first to last        |
| matching           | the right-hand column, shuffled  | per `left` item, its partner's index   |
| typed, numeric     | nothing                          | none (the answer is text)              |

`correct` uses the same shape as an answer, so a fully right answer's indices equal it.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from quiz.classroom import protocol as p
from quiz.game.checking import Check, check_answer
from quiz.game.layout import layout
from quiz.packs.draw import shuffled_choices
from quiz.packs.question import Question, QuestionType

CHOICE_KINDS = ("single", "multiple", "true_false")
TEXT_KINDS = ("typed", "numeric")


class HostedQuestion(BaseModel):
    """One question of a session: the original plus what the host shows, in its order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question: Question
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    seconds: float
    left: tuple[str, ...] = ()

    @property
    def kind(self) -> QuestionType:
        return self.question.type

    def message(self, *, number: int, total: int, left: float | None) -> p.QuestionMessage:
        """What students are sent of this question (never its answer): asked as `number` of
        `total`, with `left` seconds to answer (None: no timer)."""
        return p.QuestionMessage(
            number=number,
            total=total,
            kind=self.kind,
            prompt=self.question.prompt,
            choices=list(self.choices),
            seconds=None if left is None else round(max(0.0, left), 2),
            left=list(self.left),
            unit=self.question.unit if self.kind == "numeric" else "",
        )

    def reveal(self, number: int, *, counts: list[int], distribution: list[p.Tally]) -> p.Reveal:
        """The right answer of this question, asked as `number`, with how the class
        answered: `counts` per choice and the `distribution` bars (both empty in homework,
        where a student is told no class counts)."""
        question = self.question
        return p.Reveal(
            question=number,
            correct=list(self.correct),
            answer=question.answer_text,
            counts=counts,
            distribution=distribution,
            explanation=question.explanation,
            quote=question.quote,
            attribution=question.attribution,
        )


def positions(wanted: Sequence[str], shown: Sequence[str]) -> tuple[int, ...]:
    """The index in `shown` of each text in `wanted`; a repeated text takes the next unused
    index, so two equal items still make a permutation. Front ends turn the texts a panel or
    a typed line gives into an answer's indices with it. ValueError if a text is not shown."""
    used: set[int] = set()
    found = []
    for text in wanted:
        index = next((i for i, item in enumerate(shown) if item == text and i not in used), -1)
        if index < 0:
            raise ValueError(f"{text!r} is not one of the choices shown")
        used.add(index)
        found.append(index)
    return tuple(found)


def host_question(question: Question, *, seconds: float, seed: int) -> HostedQuestion:
    """`question` as a round with `seed` lays it out (`quiz.game.layout`, which uses the one
    shuffle `quiz.packs.draw.shown_order`), with the right answer as indices."""
    shown = layout(
        shuffled_choices(question, seed), number=1, total=None, time_limit=None, seed=seed
    )
    kind = question.type
    if kind in CHOICE_KINDS:
        choices = shown.choices
        correct = tuple(i for i, choice in enumerate(choices) if choice in question.answers)
    elif kind == "ordering":
        choices = shown.items
        correct = positions(question.items, choices)
    elif kind == "matching":
        choices = shown.rights
        correct = positions([right for _, right in question.pairs], choices)
    else:
        choices, correct = (), ()
    return HostedQuestion(
        question=question,
        choices=choices,
        correct=correct,
        seconds=float(question.time_limit or seconds),
        left=shown.lefts,
    )


def prepare(questions: Sequence[Question], *, seconds: float, seed: int) -> list[HostedQuestion]:
    """Every question as the host asks it (see `host_question`)."""
    return [host_question(question, seconds=seconds, seed=seed) for question in questions]


def judge(hosted: HostedQuestion, choices: Sequence[int], text: str | None) -> Check:
    """Judge an answer with the game's own rules (quiz.game.checking: the same partial
    credit, typed matching and numeric tolerance as solo play). Indices are the host's.

    Raises ValueError, with a message for the student, if the answer's shape does not fit
    the question: no choice, an index out of range, text for a choice question, choices
    for a typed one…
    """
    kind = hosted.kind
    if kind in TEXT_KINDS:
        if choices:
            raise ValueError("this question is answered with text, not choice numbers")
        if text is None or not text.strip():
            raise ValueError("this question needs a typed answer in 'text'")
        return check_answer(hosted.question, text)
    if text is not None:
        raise ValueError("this question is answered by choice number, not text")
    shown = hosted.choices
    if any(index >= len(shown) for index in choices):
        raise ValueError(f"choices are numbered 0 to {len(shown) - 1}")
    if kind == "ordering":
        if sorted(choices) != list(range(len(shown))):
            raise ValueError(f"give each of the {len(shown)} items once, first to last")
        return check_answer(hosted.question, [shown[i] for i in choices])
    if kind == "matching":
        if len(choices) != len(hosted.left):
            raise ValueError(f"pair each of the {len(hosted.left)} items with one choice")
        pairs = [(left, shown[i]) for left, i in zip(hosted.left, choices, strict=True)]
        return check_answer(hosted.question, pairs)
    if not choices and kind != "multiple":
        raise ValueError("pick a choice")  # (multiple: the game's own rule says it below)
    picked = [shown[i] for i in sorted(set(choices))]
    if kind == "multiple":
        return check_answer(hosted.question, picked)
    if len(picked) != 1:
        raise ValueError("pick exactly one choice")
    return check_answer(hosted.question, picked[0])


def recorded_choices(hosted: HostedQuestion, choices: Sequence[int]) -> list[int]:
    """An accepted answer's indices as the journal keeps them: a set (sorted) for choice
    questions; for ordering and matching the order is the answer, so it is kept."""
    if hosted.kind in ("ordering", "matching"):
        return list(choices)
    return sorted(set(choices))
