"""The daily challenge's result as one line a player can paste anywhere:

    quiz daily 2026-12-01 · 7/10 · 6,420 · ✓✓✗✓✓✓✗✓✓✓

the challenge's date, the questions answered fully right of those asked, the score, and one
mark per question in the order asked (✓ fully right, ✗ anything else). It gives no question
or answer away, so sharing it spoils nobody's daily.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.game.result import RoundResult


def share_line(day: date, result: RoundResult) -> str:
    """The shareable line for `result`, the daily challenge of `day`."""
    marks = "".join("✓" if answer.correct else "✗" for answer in result.answers)
    right, asked = result.correct_count, len(result.answers)
    return f"quiz daily {day.isoformat()} · {right}/{asked} · {result.score:,} · {marks}"
