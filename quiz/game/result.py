"""What a finished round produced: the record the save files keep and the review shows."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from quiz.game.modes import DEFAULT_TIME_LIMIT


class AnswerResult(BaseModel):
    """One answered (or timed-out) question."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question_id: str
    given: str = Field(description="The answer as the player gave it, as text; '' on timeout.")
    correct: bool
    credit: float = Field(ge=0, le=1, description="Share of the question earned (partial credit).")
    points: int = Field(ge=0)
    seconds: float = Field(ge=0)
    timed_out: bool = False
    fifty_fifty: bool = Field(default=False, description="The 50:50 lifeline was used.")
    fuzzy: bool = Field(default=False, description="Accepted as a near-miss spelling.")
    tags: tuple[str, ...] = ()

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


class RoundResult(BaseModel):
    """A whole round, as recorded in the player's save file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    player: str
    pack_id: str
    pack_version: str
    mode: str
    seed: int | None = None
    # How the clock was set: rounds played by other rules are ranked apart (quiz.store).
    time_limit: float = Field(
        default=DEFAULT_TIME_LIMIT, gt=0, description="Seconds per question (--time, else 20)."
    )
    speed: bool = Field(default=True, description="Speed points (False: --no-speed).")
    timeouts: bool = Field(
        default=True, description="Questions could time out (False: --plain without --time)."
    )
    started_at: datetime
    duration: float = Field(ge=0, description="Seconds from the first question to the end.")
    score: int = Field(ge=0)
    best_streak: int = Field(ge=0)
    answers: tuple[AnswerResult, ...] = ()

    @property
    def correct_count(self) -> int:
        return sum(1 for answer in self.answers if answer.correct)

    @property
    def accuracy(self) -> float:
        """Share of questions answered right, 0.0–1.0 (0.0 for an empty round)."""
        return self.correct_count / len(self.answers) if self.answers else 0.0
