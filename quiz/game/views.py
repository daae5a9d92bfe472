"""What a round hands to a UI: the question on screen, and the feedback after an answer.

Both are frozen snapshots; the UI renders them and never needs the Round's internals. All
texts in them come from the pack and are untrusted: pass them through `safe_text` and show
them literally (never as markup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quiz.packs.question import Question

if TYPE_CHECKING:
    from quiz.game.result import AnswerResult

WORD = re.compile(r"\w+(?:['’]\w+)*")


def _words(text: str) -> str:
    """`text` as its words only, lower case, one space apart."""
    return " ".join(WORD.findall(text.casefold()))


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

    - `correct`: fully right; `credit` 0–1 (partial credit below 1); `points` earned, of
      which `streak_points` came from the streak bonus; `speed_scored`: the rest depended
      on speed (False in practice and with --no-speed). `breakdown` puts them in words.
    - `right_answer`: the right answer as one line; `explanation`, `quote`, `attribution`
      from the pack (may be ''); `quote_to_show` drops a quote the explanation repeats.
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
    streak_points: int
    speed_scored: bool
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
        """✓ for fully right, ½ for partial credit, ✗ otherwise (the recorded answer's)."""
        return self.record.mark

    @property
    def quote_to_show(self) -> str:
        """The quote, or '' when the explanation already gives it word for word (ignoring
        case and punctuation): the evidence is then on screen once, not twice."""
        quote = _words(self.quote)
        if quote and f" {quote} " in f" {_words(self.explanation)} ":
            return ""
        return self.quote

    @property
    def breakdown(self) -> str:
        """'+828 speed +200 streak': where the points came from ('' when none were earned)."""
        if not self.points:
            return ""
        kind = "speed" if self.speed_scored else "answer"
        words = f"+{self.points - self.streak_points:,} {kind}"
        if self.streak_points:
            words += f" +{self.streak_points:,} streak"
        if self.fifty_fifty:
            words += ", halved by the 50:50"
        return words

    @property
    def verdict(self) -> str:
        """The mark as a word, for screen readers (the recorded answer's)."""
        return self.record.verdict
