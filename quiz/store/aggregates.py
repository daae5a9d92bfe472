"""Fold one recorded round into the totals kept beside the history (pure: no I/O).

Keeping these totals in profile.toml and stats.toml, updated a round at a time, is what
lets a profile and the Scores screen open without reading 10,000 rounds of history.
"""

from __future__ import annotations

from datetime import UTC, datetime

from quiz.store.schema import (
    HIGH_SCORES_KEPT,
    RECENT_KEPT,
    DayStats,
    HighScore,
    Profile,
    QuestionStats,
    RecentRound,
    StatsFile,
    StoredRound,
    TagStats,
)


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken as local time (what datetime.now() gives)."""
    return moment.astimezone(UTC)


def high_score_rank(table: list[HighScore], score: int) -> int | None:
    """Where `score` would enter a top table (1 = best), or None if it would not."""
    position = sum(1 for entry in table if entry.score >= score) + 1
    return position if position <= HIGH_SCORES_KEPT else None


def _insert_high_score(profile: Profile, stored: StoredRound) -> int | None:
    table = profile.high_scores.setdefault(stored.pack_id, {}).setdefault(stored.mode, [])
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
    for answer in stored.answers:
        for tag in answer.tags:
            tag_stats = stats.tags.setdefault(tag, TagStats())
            tag_stats.asked += 1
            tag_stats.correct += int(answer.correct)
        question = stats.questions.setdefault(answer.question_id, QuestionStats())
        question.asked += 1
        question.missed += int(not answer.correct)
        question.last_seen = started
    day = stats.days.setdefault(started.date().isoformat(), DayStats())
    day.rounds += 1
    day.score += stored.score
    day.correct += stored.correct_count
    day.answered += len(stored.answers)
    stats.applied_through = stored.round
