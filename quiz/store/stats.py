"""What the Scores screen and `quiz scores` show, computed from a profile and its totals.

All functions here are pure; `scores_data` gathers them for one player from a SaveStore.
Names, pack ids, tags and question ids come from files and are untrusted: whoever shows
them passes them through `quiz.safe_text.safe_text` and never parses them as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from quiz.store.schema import Profile, RecentRound, StatsFile

if TYPE_CHECKING:
    from quiz.store.savestore import SaveStore

MIN_ANSWERS_FOR_TOPIC = 3


@dataclass(frozen=True)
class HighScoreRow:
    """One line of a top-10 table."""

    pack_id: str
    mode: str
    rank: int
    score: int
    accuracy: float
    date: datetime
    round: int


@dataclass(frozen=True)
class ProgressPoint:
    """One day of play: how many rounds, the mean score and the share answered right."""

    day: date
    rounds: int
    mean_score: float
    accuracy: float


@dataclass(frozen=True)
class TopicStat:
    tag: str
    asked: int
    correct: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class MissedQuestion:
    question_id: str
    asked: int
    missed: int


@dataclass(frozen=True)
class ScoresData:
    """Everything the Scores screen shows for one player."""

    player: str
    rounds: int
    high_scores: list[HighScoreRow]
    progress: list[ProgressPoint]
    weakest_topics: list[TopicStat]
    most_missed: list[MissedQuestion]
    recent: list[RecentRound]


def high_score_rows(profile: Profile, pack_id: str | None = None) -> list[HighScoreRow]:
    """Every top-10 table flattened, by pack then mode then rank; one pack if given."""
    rows: list[HighScoreRow] = []
    for pack in sorted(profile.high_scores):
        if pack_id is not None and pack != pack_id:
            continue
        for mode in sorted(profile.high_scores[pack]):
            for rank, entry in enumerate(profile.high_scores[pack][mode], 1):
                rows.append(
                    HighScoreRow(
                        pack, mode, rank, entry.score, entry.accuracy, entry.date, entry.round
                    )
                )
    return rows


def progress(stats: StatsFile) -> list[ProgressPoint]:
    """Score and accuracy over time, one point per day played, oldest first."""
    points: list[ProgressPoint] = []
    for key in sorted(stats.days):
        totals = stats.days[key]
        if totals.rounds == 0:
            continue
        points.append(
            ProgressPoint(
                day=date.fromisoformat(key),
                rounds=totals.rounds,
                mean_score=totals.score / totals.rounds,
                accuracy=totals.correct / totals.answered if totals.answered else 0.0,
            )
        )
    return points


def weakest_topics(stats: StatsFile, limit: int = 5) -> list[TopicStat]:
    """Tags with the lowest share answered right (at least 3 answers each), worst first."""
    topics = [
        TopicStat(tag, totals.asked, totals.correct)
        for tag, totals in stats.tags.items()
        if totals.asked >= MIN_ANSWERS_FOR_TOPIC
    ]
    topics.sort(key=lambda topic: (topic.accuracy, -topic.asked, topic.tag))
    return topics[:limit]


def most_missed(stats: StatsFile, limit: int = 10) -> list[MissedQuestion]:
    """Question ids missed most often (at least once), most missed first."""
    missed = [
        MissedQuestion(qid, totals.asked, totals.missed)
        for qid, totals in stats.questions.items()
        if totals.missed > 0
    ]
    missed.sort(key=lambda item: (-item.missed, -item.missed / item.asked, item.question_id))
    return missed[:limit]


def scores_data(store: SaveStore, player: str, pack_id: str | None = None) -> ScoresData:
    """The Scores screen's data for `player` (PlayerNameError if unknown)."""
    profile = store.open_profile(player)
    stats = store.stats(player)
    recent = [entry for entry in profile.recent if pack_id is None or entry.pack_id == pack_id]
    return ScoresData(
        player=profile.name,
        rounds=profile.rounds,
        high_scores=high_score_rows(profile, pack_id),
        progress=progress(stats),
        weakest_topics=weakest_topics(stats),
        most_missed=most_missed(stats),
        recent=list(reversed(recent)),
    )
