"""Points for an answer: the rules the README documents, shared by solo play and classroom.

- A correct answer scores round(1000 × (1 − t / (2T))): the full 1000 under 0.5 s, never below
  500 (t is clamped to the time limit T).
- A streak bonus of +100 per consecutive correct answer from the second, capped at +500.
- "No speed" scores a flat 1000 for a correct answer.
- A wrong answer or a timeout scores 0 and resets the streak.
- Partial credit (multiple answer, ordering, matching) multiplies the base points; the streak
  only continues on a fully correct answer.
- The 50:50 lifeline halves the points of that question (bonus included).
"""

from __future__ import annotations

from dataclasses import dataclass

FULL_POINTS = 1000
INSTANT_SECONDS = 0.5
STREAK_STEP = 100
STREAK_CAP = 500


def speed_points(elapsed: float, limit: float, *, speed: bool = True) -> int:
    """Base points for a fully correct answer given after `elapsed` of `limit` seconds."""
    if not speed or limit <= 0 or elapsed < INSTANT_SECONDS:
        return FULL_POINTS
    t = min(max(elapsed, 0.0), limit)
    return round(FULL_POINTS * (1 - t / (2 * limit)))


def streak_bonus(streak: int) -> int:
    """Bonus for the `streak`-th consecutive correct answer (1 = the first: no bonus)."""
    if streak < 2:
        return 0
    return min(STREAK_STEP * (streak - 1), STREAK_CAP)


@dataclass(frozen=True)
class Points:
    """An answer's points in two parts, as the feedback shows them (`+828 speed +200 streak`).

    `answer` is the speed points (or the flat 1000) times the credit; `streak` the streak
    bonus. Both are already halved when the 50:50 was used, so they add up to `total`.
    """

    answer: int
    streak: int

    @property
    def total(self) -> int:
        return self.answer + self.streak


def score_answer(
    *,
    credit: float,
    elapsed: float,
    limit: float,
    streak: int,
    speed: bool = True,
    fifty_fifty: bool = False,
) -> Points:
    """One answer's points, in parts (see `answer_points` for the arguments)."""
    if credit <= 0:
        return Points(answer=0, streak=0)
    base = speed_points(elapsed, limit, speed=speed) * credit
    bonus = streak_bonus(streak) if credit >= 1 else 0
    if fifty_fifty:
        # Halve the sum, so the total rounds once; the bonus (a multiple of 100) halves exactly.
        total = round((base + bonus) / 2)
        bonus //= 2
    else:
        total = round(base + bonus)
    return Points(answer=total - bonus, streak=bonus)


def answer_points(
    *,
    credit: float,
    elapsed: float,
    limit: float,
    streak: int,
    speed: bool = True,
    fifty_fifty: bool = False,
) -> int:
    """Total points for one answer.

    `credit` is 0–1 (1 = fully correct); `streak` counts this answer if it is fully correct.
    """
    return score_answer(
        credit=credit,
        elapsed=elapsed,
        limit=limit,
        streak=streak,
        speed=speed,
        fifty_fifty=fifty_fifty,
    ).total
