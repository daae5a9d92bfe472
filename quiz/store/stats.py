"""What the Scores screen, the menu and `quiz scores` show, computed from a profile and its totals.

All functions here are pure; `scores_data` gathers them for one player from a SaveStore.
Names, pack ids, tags and question ids come from files and are untrusted: whoever shows
them passes them through `quiz.safe_text.safe_text` and never parses them as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from quiz.game.modes import daily_seed, mode_title
from quiz.store.aggregates import UNRANKED_MODES
from quiz.store.schema import PackStats, Profile, QuestionStats, RecentRound, StatsFile, TagStats

if TYPE_CHECKING:
    from quiz.store.savestore import SaveStore

MIN_ANSWERS_FOR_TOPIC = 3
# How the words of a high-score table's key read ('classic 30s no-speed').
_SETTING_TITLES = {"no-speed": "no speed points", "no-timeouts": "no time-outs"}


def table_title(key: str) -> str:
    """What players read for a high-score table's key: 'Classic', 'Classic · 30 s per
    question · no speed points', 'Classic · no time-outs'. Unknown words are shown as written."""
    mode, *settings = key.split(" ")
    words = [mode_title(mode)]
    for setting in settings:
        if setting.endswith("s") and setting[:-1].replace(".", "", 1).isdigit():
            words.append(f"{setting[:-1]} s per question")
        else:
            words.append(_SETTING_TITLES.get(setting, setting))
    return " · ".join(words)


@dataclass(frozen=True)
class HighScoreRow:
    """One line of a top-10 table. `table` is the table's key ('classic', 'classic 30s')."""

    pack_id: str
    table: str
    rank: int
    score: int
    accuracy: float
    date: datetime
    round: int

    @property
    def mode(self) -> str:
        return self.table.split(" ")[0]

    @property
    def title(self) -> str:
        return table_title(self.table)


@dataclass(frozen=True)
class ScorePoint:
    """One recorded round of a pack and mode: a point of the Scores chart."""

    mode: str
    round: int
    date: datetime
    score: int
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
    """Everything the Scores screen shows for one player, for one pack (or every pack) and
    one mode (or every mode). `packs` lists every pack the player has played, for choosing."""

    player: str
    rounds: int
    high_scores: list[HighScoreRow]
    points: list[ScorePoint]
    weakest_topics: list[TopicStat]
    most_missed: list[MissedQuestion]
    recent: list[RecentRound]
    packs: list[str]


def high_score_rows(
    profile: Profile, pack_id: str | None = None, mode: str | None = None
) -> list[HighScoreRow]:
    """Every top-10 table flattened, by pack then table then rank; one pack and one mode (all
    of that mode's tables) if given. Tables of unranked modes, kept by older versions, are
    left out."""
    rows: list[HighScoreRow] = []
    for pack in sorted(profile.high_scores):
        if pack_id is not None and pack != pack_id:
            continue
        for key in sorted(profile.high_scores[pack]):
            table_mode = key.split(" ")[0]
            if table_mode in UNRANKED_MODES or (mode is not None and table_mode != mode):
                continue
            for rank, entry in enumerate(profile.high_scores[pack][key], 1):
                rows.append(
                    HighScoreRow(
                        pack, key, rank, entry.score, entry.accuracy, entry.date, entry.round
                    )
                )
    return rows


def _packs(stats: StatsFile, pack_id: str | None) -> list[PackStats]:
    if pack_id is None:
        return list(stats.packs.values())
    return [stats.packs[pack_id]] if pack_id in stats.packs else []


def score_points(stats: StatsFile, pack_id: str, mode: str | None = None) -> list[ScorePoint]:
    """The pack's latest recorded rounds (up to 100 per mode), one point each, oldest first;
    one mode if given."""
    pack = stats.packs.get(pack_id)
    if pack is None:
        return []
    points = [
        ScorePoint(point_mode, point.round, point.date, point.score, point.accuracy)
        for point_mode, kept in pack.rounds.items()
        if mode is None or point_mode == mode
        for point in kept
    ]
    points.sort(key=lambda point: point.round)
    return points


def recent_scores(stats: StatsFile, pack_id: str, mode: str, count: int = 10) -> list[int]:
    """The scores of the player's last `count` rounds of `mode` in the pack, oldest first."""
    return [point.score for point in score_points(stats, pack_id, mode)[-count:]]


def daily_played(store: SaveStore, player: str, pack_id: str, day: date) -> bool:
    """True when `player` has recorded the daily challenge of `day` in this pack (known by
    its seed): it scores once, and the game plays a replay as practice. False for a player
    with no saves."""
    if store.find_player(player) is None:
        return False
    seed = daily_seed(day, pack_id)
    pack = store.stats(player).packs.get(pack_id)
    return pack is not None and any(point.seed == seed for point in pack.rounds.get("daily", []))


def weakest_topics(stats: StatsFile, pack_id: str | None = None, limit: int = 5) -> list[TopicStat]:
    """Tags with the lowest share answered right (at least 3 answers each), worst first; in
    one pack if given, else over every pack."""
    totals: dict[str, TagStats] = {}
    for pack in _packs(stats, pack_id):
        for tag, counted in pack.tags.items():
            total = totals.setdefault(tag, TagStats())
            total.asked += counted.asked
            total.correct += counted.correct
    topics = [
        TopicStat(tag, total.asked, total.correct)
        for tag, total in totals.items()
        if total.asked >= MIN_ANSWERS_FOR_TOPIC
    ]
    topics.sort(key=lambda topic: (topic.accuracy, -topic.asked, topic.tag))
    return topics[:limit]


def most_missed(
    stats: StatsFile, pack_id: str | None = None, limit: int = 10
) -> list[MissedQuestion]:
    """Question ids missed most often (at least once), most missed first; in one pack if
    given, else over every pack."""
    totals: dict[str, QuestionStats] = {}
    for pack in _packs(stats, pack_id):
        for qid, counted in pack.questions.items():
            total = totals.setdefault(qid, QuestionStats())
            total.asked += counted.asked
            total.missed += counted.missed
    missed = [
        MissedQuestion(qid, total.asked, total.missed)
        for qid, total in totals.items()
        if total.missed > 0
    ]
    missed.sort(key=lambda item: (-item.missed, -item.missed / item.asked, item.question_id))
    return missed[:limit]


def scores_data(
    store: SaveStore, player: str, pack_id: str | None = None, mode: str | None = None
) -> ScoresData:
    """The Scores screen's data for `player` (PlayerNameError if unknown), for one pack and
    one mode if given. Topics and missed questions count every mode."""
    profile = store.open_profile(player)
    stats = store.stats(player)
    recent = [
        entry
        for entry in profile.recent
        if (pack_id is None or entry.pack_id == pack_id) and (mode is None or entry.mode == mode)
    ]
    return ScoresData(
        player=profile.name,
        rounds=profile.rounds,
        high_scores=high_score_rows(profile, pack_id, mode),
        points=score_points(stats, pack_id, mode) if pack_id is not None else [],
        weakest_topics=weakest_topics(stats, pack_id),
        most_missed=most_missed(stats, pack_id),
        recent=list(reversed(recent)),
        packs=sorted(set(stats.packs) | set(profile.high_scores)),
    )
