"""What a round hands to a UI: the question on screen, and the feedback after an answer.

Both are frozen snapshots; the UI renders them and never needs the Round's internals. All
texts in them come from the pack and are untrusted: pass them through `safe_text` and show
them literally (never as markup).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.packs.question import Question

if TYPE_CHECKING:
    from quiz.game.result import AnswerResult


@dataclass(frozen=True)
class QuestionView:
    """The question being asked, as it should be shown.

    - `number` counts from 1; `total` is None in blitz (as many as fit in the time).
    - `choices`: single/multiple/true_false choices in display order, without the ones the
      50:50 removed (`removed`). Answer with the choice TEXTS.
    - `items`: an ordering question's items, shuffled for display. Answer with every item
      in the order the player puts them.
    - `lefts` / `rights`: a matching question's two columns, the right one shuffled.
      Answer with a mapping left → right.
    - `time_limit`: seconds the countdown bar spans (the question's limit, or the whole
      round's in blitz); None when no clock runs (practice, or --plain without --time).
    """

    question: Question
    number: int
    total: int | None
    choices: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    lefts: tuple[str, ...] = ()
    rights: tuple[str, ...] = ()
    time_limit: float | None = None
    fifty_fifty_used: bool = False

    @property
    def prompt(self) -> str:
        return self.question.prompt

    @property
    def type(self) -> str:
        return self.question.type


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer (or timeout), with everything the feedback panel shows.

    - `correct`: fully right; `credit` 0–1 (partial credit below 1); `points` earned.
    - `right_answer`: the right answer as one line; `explanation`, `quote`, `attribution`
      from the pack (may be '').
    - `accepted`: what a typed answer was taken for, e.g. "Accepted 'Milibland' as David
      Miliband" ('' otherwise); `fuzzy`: it was a near-miss spelling.
    - `streak`: the streak after this answer; `ends_round`: no further question follows.
    - `counted`: False only for the blitz question cut off by the end of the round, which
      is not part of the result.
    - `record`: the `AnswerResult` the round result (and save file) keeps.
    """

    question: Question
    number: int
    correct: bool
    credit: float
    points: int
    timed_out: bool
    given: str
    right_answer: str
    explanation: str
    quote: str
    attribution: str
    accepted: str
    fuzzy: bool
    fifty_fifty: bool
    seconds: float
    streak: int
    ends_round: bool
    counted: bool
    record: AnswerResult

    @property
    def mark(self) -> str:
        """✓ for fully right, ½ for partial credit, ✗ otherwise."""
        if self.correct:
            return "✓"
        return "½" if self.credit > 0 else "✗"

    @property
    def verdict(self) -> str:
        """The mark as a word, for screen readers: Correct, Partly correct, Wrong, Time's up."""
        if self.correct:
            return "Correct"
        if self.timed_out:
            return "Time's up"
        return "Partly correct" if self.credit > 0 else "Wrong"
