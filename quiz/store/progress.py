"""A player's progress read from their history: every round (score and accuracy) and each
day's totals; for one pack or all of them. What `quiz scores --json` reports beside the high
scores (its weakest topics and most missed questions are `scores_data`'s, from stats.toml).

Built from the history itself (the source of truth), so it covers every round, and any pack
alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from quiz.store.aggregates import as_utc
from quiz.store.schema import StoredRound

if TYPE_CHECKING:
    from quiz.store.savestore import SaveStore


@dataclass(frozen=True)
class RoundProgress:
    """One recorded round: a point of the progress by round."""

    round: int
    round_id: str
    date: datetime
    pack_id: str
    mode: str
    score: int
    accuracy: float


@dataclass(frozen=True)
class DayProgress:
    """One (UTC) day of play: how many rounds, their mean score, and the share of that
    day's answers that were right."""

    day: date
    rounds: int
    mean_score: float
    accuracy: float


@dataclass(frozen=True)
class PlayerProgress:
    """Rounds and days oldest first."""

    rounds: list[RoundProgress]
    days: list[DayProgress]


def player_progress(store: SaveStore, name: str, pack_id: str | None = None) -> PlayerProgress:
    """The progress of the player called `name` (PlayerNameError if there is none), in one
    pack if given. Reads the whole history, one small file at a time."""
    return progress_of(store.history(name, pack_id=pack_id))


def progress_of(history: list[StoredRound]) -> PlayerProgress:
    """The progress the rounds of `history` (newest first, as `SaveStore.history` gives
    them) make."""
    rounds = list(reversed(history))
    by_day: dict[date, list[StoredRound]] = {}
    for stored in rounds:
        by_day.setdefault(as_utc(stored.started_at).date(), []).append(stored)
    return PlayerProgress(
        rounds=[
            RoundProgress(
                round=stored.round,
                round_id=stored.round_id,
                date=as_utc(stored.started_at),
                pack_id=stored.pack_id,
                mode=stored.mode,
                score=stored.score,
                accuracy=stored.accuracy,
            )
            for stored in rounds
        ],
        days=[_day(day, played) for day, played in sorted(by_day.items())],
    )


def _day(day: date, played: list[StoredRound]) -> DayProgress:
    answered = sum(len(stored.answers) for stored in played)
    correct = sum(stored.correct_count for stored in played)
    return DayProgress(
        day=day,
        rounds=len(played),
        mean_score=sum(stored.score for stored in played) / len(played),
        accuracy=correct / answered if answered else 0.0,
    )
