"""Fold one recorded round into the totals kept beside the history (pure: no I/O).

Keeping these totals in profile.toml and stats.toml, updated a round at a time, is what
lets a profile and the Scores screen open without reading 10,000 rounds of history.
"""

from __future__ import annotations

from datetime import UTC, datetime

from quiz.game.modes import DEFAULT_TIME_LIMIT, RULES
from quiz.game.result import RoundResult
from quiz.store.schema import (
    HIGH_SCORES_KEPT,
    RECENT_KEPT,
    ROUND_POINTS_KEPT,
    HighScore,
    PackStats,
    Profile,
    QuestionStats,
    RecentRound,
    RoundPoint,
    StatsFile,
    StoredRound,
    TagStats,
)

# Practice has no clock and scores flat points: it is never ranked.
UNRANKED_MODES = frozenset({"practice"})


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken as local time (what datetime.now() gives)."""
    return moment.astimezone(UTC)


def score_table(result: RoundResult) -> str | None:
    """The key of the high-score table `result` is ranked in, under its pack; None for a
    mode that is never ranked (practice).

    A round played by the standard rules is ranked under its mode ('classic'). One played by
    other rules gets a table of its own, named by the mode and each setting that changed
    its score: 'classic 30s' (--time 30), 'classic no-speed', 'classic no-timeouts' (line
    mode without --time), in that order. A setting that cannot change the score is left
    out (the time limit of a blitz round without speed points, say).
    """
    if result.mode in UNRANKED_MODES:
        return None
    rules = RULES.get(result.mode)
    question_clock = rules is None or rules.question_timer
    times_out = question_clock and result.timeouts
    parts = [result.mode]
    if result.time_limit != DEFAULT_TIME_LIMIT and (result.speed or times_out):
        parts.append(f"{result.time_limit:g}s")
    if not result.speed:
        parts.append("no-speed")
    if question_clock and not result.timeouts:
        parts.append("no-timeouts")
    return " ".join(parts)


def high_score_table(profile: Profile, result: RoundResult) -> list[HighScore] | None:
    """The top table `result` would enter, as it stands (empty if new); None if unranked."""
    key = score_table(result)
    if key is None:
        return None
    return profile.high_scores.get(result.pack_id, {}).get(key, [])


def high_score_rank(table: list[HighScore], score: int) -> int | None:
    """Where `score` would enter a top table (1 = best), or None if it would not. A round
    that scored nothing never does: 0 points is no one's high score."""
    if score <= 0:
        return None
    position = sum(1 for entry in table if entry.score >= score) + 1
    return position if position <= HIGH_SCORES_KEPT else None


def _insert_high_score(profile: Profile, stored: StoredRound) -> int | None:
    key = score_table(stored)
    if key is None:
        return None
    table = profile.high_scores.setdefault(stored.pack_id, {}).setdefault(key, [])
    date = as_utc(stored.started_at)
    for index, entry in enumerate(table):
        # A migrated version-1 entry for this very round: adopt it instead of doubling it,
        # taking the round's number and accuracy (version 1 could leave accuracy out).
        if entry.score == stored.score and as_utc(entry.date) == date:
            if entry.round == 0:
                adopted = {"round": stored.round, "accuracy": stored.accuracy}
                table[index] = entry.model_copy(update=adopted)
            return index + 1
    rank = high_score_rank(table, stored.score)
    if rank is None:
        return None
    table.insert(
        rank - 1,
        HighScore(
            score=stored.score,
            accuracy=stored.accuracy,
            date=date,
            round=stored.round,
            pack_version=stored.pack_version,
        ),
    )
    del table[HIGH_SCORES_KEPT:]
    return rank


def apply_round(profile: Profile, stored: StoredRound) -> int | None:
    """Add `stored` to `profile` in place; return its high-score rank (1 = best) or None.

    Rounds at or below `profile.applied_through` are already counted and are skipped.
    """
    if stored.round <= profile.applied_through:
        return None
    rank = _insert_high_score(profile, stored)
    profile.recent.append(
        RecentRound(
            round=stored.round,
            date=as_utc(stored.started_at),
            pack_id=stored.pack_id,
            mode=stored.mode,
            score=stored.score,
            accuracy=stored.accuracy,
        )
    )
    del profile.recent[:-RECENT_KEPT]
    profile.rounds += 1
    profile.applied_through = stored.round
    return rank


def apply_stats(stats: StatsFile, stored: StoredRound) -> None:
    """Add `stored` to the Scores-screen totals in place (skipped if already counted)."""
    if stored.round <= stats.applied_through:
        return
    started = as_utc(stored.started_at)
    pack = stats.packs.setdefault(stored.pack_id, PackStats())
    for answer in stored.answers:
        for tag in answer.tags:
            tag_stats = pack.tags.setdefault(tag, TagStats())
            tag_stats.asked += 1
            tag_stats.correct += int(answer.correct)
        question = pack.questions.setdefault(answer.question_id, QuestionStats())
        question.asked += 1
        question.missed += int(not answer.correct)
        question.last_seen = started
    points = pack.rounds.setdefault(stored.mode, [])
    points.append(
        RoundPoint(
            round=stored.round,
            date=started,
            score=stored.score,
            accuracy=stored.accuracy,
            seed=stored.seed,
        )
    )
    del points[:-ROUND_POINTS_KEPT]
    stats.applied_through = stored.round
