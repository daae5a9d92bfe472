"""One player's folder: reading profile, stats and study state up to date with the history,
and writing them back (a checkpoint).

The history is the source of truth. profile.toml, stats.toml and study.toml each say how far
they got (`applied_through`); reading one folds in the history rounds recorded after that,
so they may be rewritten only every few rounds and a crash between writes loses nothing.
A profile that is missing or has no good copy is rebuilt from the history, name included.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fsrs import Card

from quiz.game import study
from quiz.game.result import RoundResult
from quiz.store.aggregates import apply_round, apply_stats, as_utc
from quiz.store.errors import NewerSaveError, SaveError
from quiz.store.files import write_toml
from quiz.store.history import (
    Chunk,
    chunks_needing_a_look,
    read_after,
    read_chunk,
    renew_sealed_copy,
    rounds_newest_first,
)
from quiz.store.reading import Loaded, LockFactory, ParsedFiles, looks_whole, read_recovering
from quiz.store.schema import (
    PROFILE,
    STATS,
    STUDY,
    Profile,
    SaveKind,
    StatsFile,
    StoredRound,
    StudyFile,
    round_id_of,
    to_toml_document,
)
from quiz.store.study_state import card_to_record, cards_from_file

PROFILE_FILE = "profile.toml"
STUDY_FILE = "study.toml"
STATS_FILE = "stats.toml"

KnownChunks = dict[int, Chunk]


@dataclass
class PlayerState:
    """A profile brought up to date, and what it took to get there."""

    profile: Profile
    profile_on_disk: bool
    checkpointed: int  # applied_through of profile.toml as on disk (-1: none usable)
    profile_current: bool  # profile.toml exists at the current schema version
    last_round: int
    files: KnownChunks  # history chunks read on the way, by index


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

    def read_profile(self, *, shared: bool = False) -> Loaded[Profile]:
        """profile.toml as on disk (migrated if older), recovering from backups. `shared`:
        the value may be the parse cache's own, to look at and never to change."""
        loaded = read_recovering(
            self.folder / PROFILE_FILE,
            PROFILE,
            lock=self.lock,
            cache=self.cache,
            copy=None if shared else _copy_profile,
        )
        self.warnings.extend(loaded.warnings)
        return loaded

    def check_all(self) -> None:
        """Take a quick look at the player's files (see `looks_whole`; history files of the
        newest blocks only, see `chunks_needing_a_look`) and read in full the ones that
        don't look whole, so that damage there is found, set aside and reported now, not
        when a file is next needed. A file from a newer quiz is reported as a warning and
        left alone."""
        derived: list[tuple[str, SaveKind[Any]]] = [
            (PROFILE_FILE, PROFILE),
            (STATS_FILE, STATS),
            (STUDY_FILE, STUDY),
        ]
        for name, kind in derived:
            if not looks_whole(self.folder / name, kind):
                try:
                    loaded = read_recovering(self.folder / name, kind, lock=self.lock)
                except NewerSaveError as error:
                    self.warnings.append(str(error))
                    continue
                self.warnings.extend(loaded.warnings)
        for index in chunks_needing_a_look(self.folder):
            try:
                chunk = read_chunk(self.folder, index, self.lock, self.warnings, self.cache)
            except NewerSaveError as error:
                self.warnings.append(str(error))
                continue
            if chunk.sealed:  # read whole: its copy is made newer than it again
                with self.lock():
                    renew_sealed_copy(self.folder, index)

    def _pending(self, after: int, known: KnownChunks | None = None) -> list[StoredRound]:
        pending, _ = read_after(
            self.folder, after, self.lock, self.warnings, known=known, cache=self.cache
        )
        return pending

    def name_in_history(self) -> str | None:
        """The name the newest recorded round was played under (None: no rounds)."""
        for stored in rounds_newest_first(self.folder, self.lock, self.warnings):
            return stored.player
        return None

    def state(self, name: str | None = None) -> PlayerState:
        """The profile with every history round folded in. With no usable profile.toml, one
        is rebuilt from the history, named as its newest round was (else `name`, else the
        folder's name)."""
        loaded = self.read_profile()
        profile = loaded.value
        current = profile is not None and profile._migrated_from is None
        pending, files = read_after(
            self.folder,
            profile.applied_through if profile is not None else 0,
            self.lock,
            self.warnings,
            cache=self.cache,
        )
        if profile is None:
            rebuilt_name = pending[-1].player if pending else (name or self.folder.name)
            created = as_utc(pending[0].started_at) if pending else self.clock()
            profile = Profile(name=rebuilt_name, created=created.replace(microsecond=0))
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

    def study(self, known: KnownChunks | None = None) -> tuple[StudyFile, bool, dict[str, Card]]:
        """study.toml, whether it was on disk, and every card up to date with the history."""
        loaded = read_recovering(self.folder / STUDY_FILE, STUDY, lock=self.lock)
        self.warnings.extend(loaded.warnings)
        study_file = loaded.value or StudyFile()
        cards = cards_from_file(study_file)
        for stored in self._pending(study_file.applied_through, known):
            cards = study.review_round(cards, stored)
            study_file.applied_through = stored.round
        return study_file, loaded.value is not None, cards

    def stats(self, known: KnownChunks | None = None) -> tuple[StatsFile, bool]:
        """stats.toml up to date with the history, and whether it was on disk."""
        loaded = read_recovering(self.folder / STATS_FILE, STATS, lock=self.lock)
        self.warnings.extend(loaded.warnings)
        stats_file = loaded.value or StatsFile()
        for stored in self._pending(stats_file.applied_through, known):
            apply_stats(stats_file, stored)
        return stats_file, loaded.value is not None

    def checkpoint(self, state: PlayerState) -> list[tuple[str, str]]:
        """Rewrite profile.toml, stats.toml and study.toml with every round folded in, each
        on its own: returns what could not be updated, as (what the file holds, why) pairs.
        Call only while holding the player's lock."""
        problems: list[tuple[str, str]] = []

        def attempt(kind: SaveKind[Any], write: Callable[[], None]) -> None:
            try:
                write()
            except (OSError, SaveError) as error:
                problems.append((kind.holds, _reason(error)))

        def write_study() -> None:
            study_file, on_disk, cards = self.study(known=state.files)
            study_file.cards = {qid: card_to_record(card) for qid, card in cards.items()}
            write_toml(self.folder / STUDY_FILE, to_toml_document(study_file), keep_backup=on_disk)

        def write_stats() -> None:
            stats_file, on_disk = self.stats(known=state.files)
            write_toml(self.folder / STATS_FILE, to_toml_document(stats_file), keep_backup=on_disk)

        attempt(PROFILE, lambda: self.write_profile(state))
        attempt(STATS, write_stats)
        attempt(STUDY, write_study)
        return problems

    def write_profile(self, state: PlayerState) -> None:
        """Rewrite profile.toml from `state`. Call only while holding the player's lock."""
        path = self.folder / PROFILE_FILE
        write_toml(path, to_toml_document(state.profile), keep_backup=state.profile_on_disk)
        state.profile._migrated_from = None  # it is on disk at the current version now
        if self.cache is not None:
            self.cache.put(path, _copy_profile(state.profile))
        state.profile_on_disk = state.profile_current = True
        state.checkpointed = state.profile.applied_through


def _reason(error: OSError | SaveError) -> str:
    """An error in a few words that name the file."""
    if isinstance(error, OSError):
        return f"{error.filename}: {error.strerror or type(error).__name__}"
    return str(error)
