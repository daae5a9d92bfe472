"""One player's folder: reading profile, stats and study state up to date with the history,
and writing them back (a checkpoint).

The history is the source of truth. profile.toml, stats.toml and study.toml each say how far
they got (`applied_through`); reading one folds in the history rounds recorded after that,
so they may be rewritten only every few rounds and a crash between writes loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fsrs import Card

from quiz.game import study
from quiz.game.result import RoundResult
from quiz.store.aggregates import apply_round, apply_stats, as_utc
from quiz.store.files import Loaded, ParsedFiles, read_recovering, write_toml
from quiz.store.history import LockFactory, read_after
from quiz.store.schema import (
    PROFILE_VERSION,
    STATS_VERSION,
    STUDY_VERSION,
    HistoryFile,
    Profile,
    StatsFile,
    StoredRound,
    StudyFile,
    parse_profile,
    parse_stats,
    parse_study,
    round_id_of,
    to_toml_document,
)
from quiz.store.study_state import card_to_record, cards_from_file

PROFILE_FILE = "profile.toml"
STUDY_FILE = "study.toml"
STATS_FILE = "stats.toml"

KnownFiles = dict[Path, HistoryFile | None]


@dataclass
class PlayerState:
    """A profile brought up to date, and what it took to get there."""

    profile: Profile
    profile_on_disk: bool
    checkpointed: int  # applied_through of profile.toml as on disk (-1: none usable)
    profile_current: bool  # profile.toml exists at the current schema version
    last_round: int
    files: KnownFiles  # history files read on the way, by path


def stored_round(result: RoundResult, number: int) -> StoredRound:
    """`result` as history round `number`, its start time in UTC, with its id."""
    fields = {**dict(result), "started_at": as_utc(result.started_at)}
    return StoredRound(**fields, round=number, round_id=round_id_of(result))


def _copy_profile(profile: Profile) -> Profile:
    # Folding rounds in changes a profile in place; the cached one must stay as on disk.
    return profile.model_copy(deep=True)


class PlayerFiles:
    """The derived files of the player in `folder`. Warnings are appended to `warnings`."""

    def __init__(
        self,
        folder: Path,
        lock: LockFactory,
        warnings: list[str],
        clock: Callable[[], datetime],
        cache: ParsedFiles | None = None,
    ) -> None:
        self.folder = folder
        self.lock = lock
        self.warnings = warnings
        self.clock = clock
        self.cache = cache

    def read_profile(self) -> Loaded[Profile]:
        """profile.toml as on disk (migrated if older), recovering from backups."""
        loaded = read_recovering(
            self.folder / PROFILE_FILE,
            parse_profile,
            max_version=PROFILE_VERSION,
            lock=self.lock,
            cache=self.cache,
            copy=_copy_profile,
        )
        self.warnings.extend(loaded.warnings)
        return loaded

    def _pending(self, after: int, known: KnownFiles | None = None) -> list[StoredRound]:
        pending, _ = read_after(
            self.folder, after, self.lock, self.warnings, known=known, cache=self.cache
        )
        return pending

    def state(self, name: str) -> PlayerState:
        """The profile with every history round folded in (a new one if there is none)."""
        loaded = self.read_profile()
        created = self.clock().replace(microsecond=0)
        profile = loaded.value or Profile(name=name, created=created)
        current = loaded.value is not None and loaded.value._migrated_from is None
        pending, files = read_after(
            self.folder, profile.applied_through, self.lock, self.warnings, cache=self.cache
        )
        on_disk = profile.applied_through if current else -1
        for stored in pending:
            apply_round(profile, stored)
        return PlayerState(
            profile=profile,
            profile_on_disk=loaded.value is not None,
            checkpointed=on_disk,
            profile_current=current,
            last_round=profile.applied_through,
            files=files,
        )

    def study(self, known: KnownFiles | None = None) -> tuple[StudyFile, bool, dict[str, Card]]:
        """study.toml, whether it was on disk, and every card up to date with the history."""
        loaded = read_recovering(
            self.folder / STUDY_FILE, parse_study, max_version=STUDY_VERSION, lock=self.lock
        )
        self.warnings.extend(loaded.warnings)
        study_file = loaded.value or StudyFile()
        cards = cards_from_file(study_file)
        for stored in self._pending(study_file.applied_through, known):
            cards = study.review_round(cards, stored)
            study_file.applied_through = stored.round
        return study_file, loaded.value is not None, cards

    def stats(self, known: KnownFiles | None = None) -> tuple[StatsFile, bool]:
        """stats.toml up to date with the history, and whether it was on disk."""
        loaded = read_recovering(
            self.folder / STATS_FILE, parse_stats, max_version=STATS_VERSION, lock=self.lock
        )
        self.warnings.extend(loaded.warnings)
        stats_file = loaded.value or StatsFile()
        for stored in self._pending(stats_file.applied_through, known):
            apply_stats(stats_file, stored)
        return stats_file, loaded.value is not None

    def checkpoint(self, state: PlayerState) -> None:
        """Rewrite profile.toml, stats.toml and study.toml with every round folded in.
        Call only while holding the player's lock."""
        study_file, study_on_disk, cards = self.study(known=state.files)
        study_file.cards = {qid: card_to_record(card) for qid, card in cards.items()}
        stats_file, stats_on_disk = self.stats(known=state.files)
        self.write_profile(state)
        write_toml(
            self.folder / STATS_FILE, to_toml_document(stats_file), keep_backup=stats_on_disk
        )
        write_toml(
            self.folder / STUDY_FILE, to_toml_document(study_file), keep_backup=study_on_disk
        )

    def write_profile(self, state: PlayerState) -> None:
        """Rewrite profile.toml from `state`. Call only while holding the player's lock."""
        path = self.folder / PROFILE_FILE
        write_toml(path, to_toml_document(state.profile), keep_backup=state.profile_on_disk)
        state.profile._migrated_from = None  # it is on disk at the current version now
        if self.cache is not None:
            self.cache.put(path, _copy_profile(state.profile))
        state.profile_on_disk = state.profile_current = True
        state.checkpointed = state.profile.applied_through
