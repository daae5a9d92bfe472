"""The round state machine: the one object a UI (Textual, --plain, classroom) drives.

Usage::

    round_ = Round(questions, RoundConfig(mode="classic", count=10, seed=7), clock=clock)
    view = round_.next_question()          # QuestionView, or None when the round is over
    while view is not None:
        ...show view; every frame call round_.tick() -> Feedback | None (a timeout)...
        feedback = round_.answer("David Miliband")   # texts, never positions
        ...show feedback...
        view = round_.next_question()
    result = round_.result()               # quiz.game.result.RoundResult

Phases: "ready" (before the first question) → "asking" (a question is on screen, its timer
running) → "answered" (feedback on screen) → "asking" … → "finished". Methods called in
the wrong phase raise `RoundStateError`; an answer of the wrong shape raises
`InvalidAnswer` and changes nothing, so the UI can re-prompt.

The clock is any callable returning monotonic seconds (tests pass a fake one). Nothing here
sleeps, reads files or imports a UI. The 50:50 lifeline (`use_fifty_fifty`), once per
round, removes about half the choices of a single or multiple question, all wrong, always
leaving at least one wrong choice (`quiz.game.lifeline`), chosen deterministically from the
seed; it halves that question's points. `fifty_fifty_refusal` says why it can't be used.
Scoring follows `quiz.game.scoring`; the modes are described in `quiz.game.modes`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal

from quiz.game.checking import Answer, Check, InvalidAnswer, check_answer
from quiz.game.layout import layout
from quiz.game.lifeline import fifty_fifty, view_refusal
from quiz.game.modes import DEFAULT_TIME_LIMIT, Mode, daily_seed, rules_for
from quiz.game.scoring import score_answer
from quiz.game.selection import Prioritise, draw, missed_first
from quiz.game.views import Feedback, QuestionView
from quiz.packs.draw import shuffled_choices
from quiz.packs.question import Question

if TYPE_CHECKING:
    from quiz.game.result import RoundResult

__all__ = [
    "Clock",
    "Feedback",
    "InvalidAnswer",
    "QuestionView",
    "Round",
    "RoundConfig",
    "RoundStateError",
]

Clock = Callable[[], float]
Phase = Literal["ready", "asking", "answered", "finished"]


class RoundStateError(RuntimeError):
    """A method was called in a phase where it makes no sense (a bug in the caller)."""


@dataclass(frozen=True)
class RoundConfig:
    """How to play a round.

    `count` None means the mode's default (10, or the whole pool for blitz and sudden
    death). `time_limit` is the per-question limit unless a question sets its own.
    `timeouts` False keeps the clock for speed points but never times a question out
    (--plain without --time). `seed` None picks one at random (recorded in the result).
    `day` is the daily challenge's date (default: today); `round_seconds` overrides the
    blitz length.
    """

    mode: Mode = "classic"
    count: int | None = None
    time_limit: float = DEFAULT_TIME_LIMIT
    speed: bool = True
    seed: int | None = None
    timeouts: bool = True
    day: date | None = None
    round_seconds: float | None = None
    player: str = ""
    pack_id: str = ""
    pack_version: str = ""


class Round:
    """One round of play over `questions` (the pool to draw from)."""

    def __init__(
        self,
        questions: Sequence[Question],
        config: RoundConfig | None = None,
        *,
        clock: Clock = time.monotonic,
        prioritise: Prioritise | None = None,
        missed: Collection[str] = (),
        wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """Draw the round's questions now. `prioritise` (or `missed`) orders practice."""
        self.config = config or RoundConfig()
        self.rules = rules_for(self.config.mode)
        self._clock = clock
        self._wall_clock = wall_clock
        self.day: date | None
        if self.rules.date_seed:
            self.day = self.config.day or date.today()
            self.seed = daily_seed(self.day, self.config.pack_id)
        else:
            self.day = self.config.day
            self.seed = (
                self.config.seed
                if self.config.seed is not None
                else random.SystemRandom().randrange(2**31)
            )
        self.questions: tuple[Question, ...] = tuple(self._select(questions, prioritise, missed))
        if not self.questions:
            raise ValueError("there are no questions to ask")
        self.round_seconds = (
            self.config.round_seconds
            if self.config.round_seconds is not None
            else self.rules.round_seconds
        )
        self.phase: Phase = "ready"
        self.score = 0
        self.streak = 0
        self.best_streak = 0
        self.feedback: list[Feedback] = []
        self._index = -1
        self._view: QuestionView | None = None
        self._asked_at = 0.0
        self._round_start: float | None = None
        self._round_end: float | None = None
        self._started_at: datetime | None = None
        self._fifty_fifty_on: str | None = None

    def _select(
        self, pool: Sequence[Question], prioritise: Prioritise | None, missed: Collection[str]
    ) -> list[Question]:
        count = self.config.count if self.config.count is not None else self.rules.count
        if self.config.mode != "practice":
            return draw(pool, seed=self.seed, count=count)
        order = (prioritise or missed_first(missed, seed=self.seed))(pool)
        chosen = list(order)[: count if count is not None else None]
        return [shuffled_choices(question, self.seed) for question in chosen]

    # -- what a UI shows ---------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.phase == "finished"

    @property
    def current(self) -> QuestionView | None:
        """The question on screen (also during its feedback); None before and after."""
        return None if self.phase in ("ready", "finished") else self._view

    @property
    def number(self) -> int:
        """1-based number of the current (or last) question; 0 before the first."""
        return self._index + 1

    @property
    def total(self) -> int | None:
        """How many questions the round has; None in blitz (as many as fit in the time)."""
        return None if self.round_seconds is not None else len(self.questions)

    @property
    def last_feedback(self) -> Feedback | None:
        return self.feedback[-1] if self.feedback else None

    @property
    def fifty_fifty_available(self) -> bool:
        """True when `use_fifty_fifty()` would work now."""
        return self.fifty_fifty_refusal is None

    @property
    def fifty_fifty_refusal(self) -> str | None:
        """Why `use_fifty_fifty()` would not work now, in one sentence; None when it would.
        What rules this question out is said before that the lifeline is used up."""
        if self.phase != "asking" or self._view is None:
            return "The 50:50 can only be used while a question waits for an answer."
        view = self._view
        # A view the 50:50 already trimmed is this round's one use: say so below.
        reason = None if view.removed else view_refusal(view)
        if reason is None and self._fifty_fifty_on is not None:
            reason = "You have used your 50:50 in this round."
        return reason

    @property
    def fifty_fifty_used(self) -> bool:
        return self._fifty_fifty_on is not None

    def question_limit(self, question: Question) -> float | None:
        """Seconds allowed for `question`; None when it has no timer of its own."""
        if not (self.rules.question_timer and self.rules.timed and self.config.timeouts):
            return None
        return float(question.time_limit or self.config.time_limit)

    def time_left(self) -> float | None:
        """Seconds left on the clock that matters now; None when none runs.

        While asking: the question's timer (or the round's, in blitz). Between questions:
        the round's timer in blitz, otherwise None.
        """
        now = self._clock()
        if self.round_seconds is not None and self._round_start is not None:
            if self.phase == "finished":
                return 0.0
            return max(0.0, self.round_seconds - (now - self._round_start))
        if self.phase != "asking" or self._view is None:
            return None
        limit = self.question_limit(self._view.question)
        return None if limit is None else max(0.0, limit - (now - self._asked_at))

    def elapsed(self) -> float:
        """Seconds since the first question was shown (frozen once the round ends)."""
        if self._round_start is None:
            return 0.0
        end = self._round_end if self._round_end is not None else self._clock()
        return max(0.0, end - self._round_start)

    # -- moves ---------------------------------------------------------------------------

    def next_question(self) -> QuestionView | None:
        """Show the next question and start its timer; None (and finished) when none is left.

        The round is over when every question was asked, sudden death saw a miss, or
        blitz time ran out.
        """
        if self.phase == "asking":
            raise RoundStateError("answer the current question first")
        if self.phase == "finished":
            return None
        now = self._clock()
        if self._round_start is None:
            self._round_start = now
            self._started_at = self._wall_clock()
        last = self.last_feedback
        if (
            self._index + 1 >= len(self.questions)
            or (last is not None and last.ends_round)
            or self._blitz_over(now)
        ):
            self._finish(now)
            return None
        self._index += 1
        question = self.questions[self._index]
        self._asked_at = now
        self._view = self._make_view(question)
        self.phase = "asking"
        return self._view

    def answer(self, answer: Answer) -> Feedback:
        """Score `answer` to the question on screen (texts, not positions; see `checking`).

        If its time had already run out, it counts as a timeout instead. Raises
        `InvalidAnswer` (changing nothing) when the answer does not fit the question.
        """
        view = self._asking()
        now = self._clock()
        if self._blitz_over(now):
            return self._record(view, None, now, timed_out=True, counted=False)
        limit = self.question_limit(view.question)
        if limit is not None and now - self._asked_at >= limit:
            return self._record(view, None, now, timed_out=True)
        if view.removed:
            picked: set[object]
            if view.type == "multiple" and not isinstance(answer, str | bool | float | Mapping):
                answer = [str(choice) for choice in answer]
                picked = set(answer)
            else:
                picked = {answer}
            if picked & set(view.removed):
                raise InvalidAnswer("that choice was removed by the 50:50")
        check = check_answer(view.question, answer)
        return self._record(view, check, now, timed_out=False)

    def tick(self) -> Feedback | None:
        """Check the clock: a Feedback (timed out) when the question's or blitz's time is
        up, else None. Call it as often as the UI likes; it is cheap and idempotent."""
        if self.phase != "asking" or self._view is None:
            return None
        now = self._clock()
        if self._blitz_over(now):
            return self._record(self._view, None, now, timed_out=True, counted=False)
        limit = self.question_limit(self._view.question)
        if limit is not None and now - self._asked_at >= limit:
            return self._record(self._view, None, now, timed_out=True)
        return None

    def use_fifty_fifty(self) -> QuestionView:
        """Remove about half the choices, all wrong, from the question on screen (once per
        round).

        Raises RoundStateError, saying why, when the lifeline is used up or the question does
        not allow it (see `fifty_fifty_refusal`).
        """
        view = self._asking()
        reason = self.fifty_fifty_refusal
        if reason is not None:
            raise RoundStateError(reason)
        self._fifty_fifty_on = view.question.id
        self._view = fifty_fifty(view, self.seed)
        return self._view

    def stop(self) -> None:
        """End the round now (player quit, end of input). An unanswered question on
        screen is not recorded."""
        if self.phase != "finished":
            self._finish(self._clock())

    def result(self) -> RoundResult:
        """The record of the round so far (complete once `finished`)."""
        from quiz.game.result import RoundResult

        answers = tuple(item.record for item in self.feedback if item.counted)
        return RoundResult(
            player=self.config.player,
            pack_id=self.config.pack_id,
            pack_version=self.config.pack_version,
            mode=self.config.mode,
            seed=self.seed,
            time_limit=self.config.time_limit,
            speed=self.config.speed,
            timeouts=self.config.timeouts,
            started_at=self._started_at or self._wall_clock(),
            duration=self.elapsed(),
            score=self.score,
            best_streak=self.best_streak,
            answers=answers,
        )

    def missed_ids(self) -> list[str]:
        """Ids of the questions not answered fully right, in the order asked."""
        return [item.question.id for item in self.feedback if item.counted and not item.correct]

    # -- internals -----------------------------------------------------------------------

    def _asking(self) -> QuestionView:
        if self.phase != "asking" or self._view is None:
            raise RoundStateError(f"no question is waiting for an answer (phase {self.phase})")
        return self._view

    def _blitz_over(self, now: float) -> bool:
        return (
            self.round_seconds is not None
            and self._round_start is not None
            and now - self._round_start >= self.round_seconds
        )

    def _finish(self, now: float) -> None:
        self.phase = "finished"
        if self._round_end is None:
            self._round_end = now if self._round_start is not None else None

    def _make_view(self, question: Question) -> QuestionView:
        limit = self.question_limit(question)
        if limit is None and self.round_seconds is not None:
            limit = self.round_seconds
        return layout(
            question, number=self._index + 1, total=self.total, time_limit=limit, seed=self.seed
        )

    def _record(
        self,
        view: QuestionView,
        check: Check | None,
        now: float,
        *,
        timed_out: bool,
        counted: bool = True,
    ) -> Feedback:
        question = view.question
        seconds = max(0.0, now - self._asked_at)
        credit = 0.0 if check is None else check.credit
        correct = check is not None and check.correct
        fifty = view.fifty_fifty_used
        self.streak = self.streak + 1 if correct else 0
        self.best_streak = max(self.best_streak, self.streak)
        speed = self.config.speed and self.rules.timed
        parts = score_answer(
            credit=credit,
            elapsed=seconds,
            limit=float(question.time_limit or self.config.time_limit),
            streak=self.streak,
            speed=speed,
            fifty_fifty=fifty,
        )
        points = parts.total
        if counted:
            self.score += points
        ends_round = (
            not counted
            or self._index + 1 >= len(self.questions)
            or (self.rules.ends_on_miss and not correct)
        )
        given = "" if check is None else check.given
        # Imported here: the results are pydantic models, and the first question should not
        # wait for pydantic to load (the TUI warms it up while the player reads).
        from quiz.game.result import AnswerResult

        record = AnswerResult(
            question_id=question.id,
            given=given,
            correct=correct,
            credit=credit,
            points=points,
            seconds=round(seconds, 3),
            timed_out=timed_out,
            fifty_fifty=fifty,
            fuzzy=check is not None and check.fuzzy,
            tags=question.tags,
        )
        item = Feedback(
            question=question,
            number=view.number,
            correct=correct,
            credit=credit,
            points=points,
            streak_points=parts.streak,
            speed_scored=speed,
            timed_out=timed_out,
            given=given,
            right_answer=question.answer_text,
            explanation=question.explanation,
            quote=question.quote,
            attribution=question.attribution,
            accepted="" if check is None else check.accepted,
            fuzzy=record.fuzzy,
            fifty_fifty=fifty,
            seconds=seconds,
            streak=self.streak,
            ends_round=ends_round,
            counted=counted,
            record=record,
        )
        self.feedback.append(item)
        self.phase = "answered"
        if not counted:
            self._finish(now)
        return item
