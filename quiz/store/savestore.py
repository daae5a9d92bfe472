"""SaveStore: one saves folder, its players, and recording rounds durably.

Every read-modify-write of a player happens under `<player folder>/.lock` (filelock), so two
terminals playing as the same player never lose each other's rounds. A round is written to
the history first (that is the moment it is safe); profile.toml, stats.toml and study.toml
are derived from the history and rewritten every CHECKPOINT_EVERY rounds (see
player_files.py), so recording costs the same however long the history is.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout
from fsrs import Card

from quiz.durable import TEMP_MARKER
from quiz.game import study
from quiz.game.result import RoundResult
from quiz.store.aggregates import apply_round, high_score_rank
from quiz.store.errors import SaveError
from quiz.store.files import ParsedFiles, make_folders, remove_stale_temps
from quiz.store.history import append_round, file_index, history_path
from quiz.store.history import read_history_file as _read_history_file
from quiz.store.paths import clean_player_name, player_folder_name, player_key
from quiz.store.player_files import PROFILE_FILE, PlayerFiles, stored_round
from quiz.store.schema import (
    HISTORY_VERSION,
    HighScore,
    HistoryFile,
    Profile,
    StatsFile,
    StoredRound,
)

if TYPE_CHECKING:
    from quiz.store.players import PlayerSummary

LOCK_TIMEOUT = 30.0
# profile.toml and study.toml are derived from the history; rewriting them every round
# would make recording cost grow with the number of questions seen.
CHECKPOINT_EVERY = 10


@dataclass(frozen=True)
class RecordOutcome:
    """What `record_round` did. `saved` False means the round was not saved; `warning` is
    set (once per store) when saving stopped working, even if this round made it."""

    saved: bool
    round: int | None
    rank: int | None
    previous_best: int | None
    warning: str | None = None

    @property
    def new_high_score(self) -> bool:
        """The round tops its pack-and-mode table (the first round of a table does too)."""
        return self.rank == 1


class SaveStore:
    """The players in one saves folder. See quiz/store/__init__.py for the whole API."""

    def __init__(
        self,
        root: Path,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> None:
        self.root = Path(root)
        self.players_dir = self.root / "players"
        self.clock = clock
        self.lock_timeout = lock_timeout
        self.warnings: list[str] = []
        self.unavailable: str | None = None
        self._unavailable_reported = False
        self._locks: dict[Path, FileLock] = {}
        self._parsed = ParsedFiles()

    @classmethod
    def from_cli(cls, cli_value: str | None) -> SaveStore:
        """The store for `--saves DIR` (or the default folder when None)."""
        from quiz.store.paths import resolve_saves_dir

        return cls(resolve_saves_dir(cli_value))

    # -- folders, locks, availability ---------------------------------------------------

    def take_warnings(self) -> list[str]:
        """One-line warnings (recovered files) not shown yet; the list is emptied."""
        warnings, self.warnings = self.warnings, []
        return warnings

    def check_writable(self) -> str | None:
        """Try to write in the saves folder. Returns (and remembers) why it can't, or None."""
        if self.unavailable is None:
            try:
                make_folders(self.players_dir)
                probe = self.players_dir / f".probe{TEMP_MARKER}{os.getpid()}"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as error:
                self._mark_unavailable(error)
        return self.unavailable

    def _mark_unavailable(self, error: OSError) -> None:
        reason = error.strerror or type(error).__name__
        where = error.filename or self.root
        self.unavailable = f"can't save to {where} ({reason}); the game goes on without saving"

    def _unavailable_warning(self) -> str | None:
        """The unavailable message the first time it is asked for, then None."""
        if self.unavailable is None or self._unavailable_reported:
            return None
        self._unavailable_reported = True
        return self.unavailable

    def folder_for(self, name: str) -> Path:
        """The folder a player with this name has (or would have)."""
        return self.players_dir / player_folder_name(clean_player_name(name))

    def _lock(self, folder: Path) -> FileLock:
        lock = self._locks.get(folder)
        if lock is None:
            lock = FileLock(folder / ".lock", timeout=self.lock_timeout)
            self._locks[folder] = lock
        return lock

    @contextlib.contextmanager
    def locked(self, folder: Path) -> Iterator[None]:
        """Hold the player's lock (creating the folder). Raises OSError if it can't."""
        make_folders(folder)
        try:
            with self._lock(folder):
                yield
        except Timeout:
            raise SaveError(
                f"{folder / '.lock'}: another quiz has held this player for over "
                f"{self.lock_timeout:g} s; close it and try again"
            ) from None

    def recovery_lock(
        self, folder: Path
    ) -> Callable[[], contextlib.AbstractContextManager[object]]:
        """The lock a reader takes to set a damaged file of the player in `folder` aside:
        the player's lock when the folder can be written, else none (a folder nobody can
        write has no writers to race with). Raises SaveError if another quiz holds it."""

        @contextlib.contextmanager
        def lock() -> Iterator[None]:
            try:
                held = self._lock(folder)
                held.acquire()
            except Timeout:  # a TimeoutError, so an OSError: must come first
                raise SaveError(
                    f"{folder / '.lock'}: another quiz has held this player for over "
                    f"{self.lock_timeout:g} s; close it and try again"
                ) from None
            except OSError:
                yield  # a folder nobody can write has no writers to race with
                return
            try:
                yield
            finally:
                held.release()

        return lock

    def player_files(self, folder: Path) -> PlayerFiles:
        """The save files of the player in `folder` (profile, history, stats, study), read
        through this store's parse cache and recovery lock; damage found while reading
        becomes one warning in `take_warnings()`. Writing needs `locked(folder)`."""
        lock = self.recovery_lock(folder)
        return PlayerFiles(folder, lock, self.warnings, self.clock, self._parsed)

    def forget_lock(self, folder: Path) -> None:
        """Let go of the lock object kept for `folder`, once the folder has been renamed or
        deleted (its lock file went with it); a player created there later gets a new one."""
        self._locks.pop(folder, None)

    # -- reading a player ---------------------------------------------------------------

    def find_player(self, name: str) -> Path | None:
        """The folder of the player called `name` (case-insensitively), or None."""
        folder = self.folder_for(name)
        if (folder / PROFILE_FILE).exists() or (folder / "history").exists():
            return folder
        key = player_key(clean_player_name(name))
        for summary in self.list_players():
            if player_key(summary.name) == key:
                return summary.folder
        return None

    def list_players(self) -> list[PlayerSummary]:
        """Every player with a readable profile, by name. Unreadable ones add a warning."""
        from quiz.store.players import list_players

        return list_players(self)

    def require_player(self, name: str) -> tuple[Path, str]:
        """The folder and the cleaned-up name of the player called `name`.
        Raises PlayerNameError if there is no such player."""
        clean = clean_player_name(name)
        folder = self.find_player(clean)
        if folder is None:
            from quiz.store.errors import PlayerNameError

            raise PlayerNameError(f"no player named {clean!r} in {self.players_dir}")
        return folder, clean

    def open_profile(self, name: str) -> Profile:
        """The player's profile: settings, high scores and Scores-screen aggregates, up to
        date with the history. Reads profile.toml plus the newest history file or two.
        Raises PlayerNameError if there is no such player, NewerSaveError for a newer save.
        """
        folder, clean = self.require_player(name)
        return self.player_files(folder).state(clean).profile

    def stats(self, name: str) -> StatsFile:
        """The player's Scores-screen totals (tags, questions, days), up to date.
        Raises PlayerNameError if there is no such player."""
        folder, _clean = self.require_player(name)
        return self.player_files(folder).stats()[0]

    def study_cards(self, name: str) -> dict[str, Card]:
        """The player's FSRS cards by question id (empty for an unknown player)."""
        folder = self.find_player(clean_player_name(name))
        if folder is None:
            return {}
        return self.player_files(folder).study()[2]

    def due_count(
        self,
        name: str,
        questions: Sequence[str] | Sequence[study.HasId],
        now: datetime | None = None,
    ) -> int:
        """How many of these questions (ids, or Questions) are due for the player — the
        number the menu shows next to Practice. 0 for an unknown player."""
        ids = [item if isinstance(item, str) else item.id for item in questions]
        return study.due_count(self.study_cards(name), ids, now or self.clock())

    def practice_order(
        self, name: str, questions: Sequence[study.Q], now: datetime | None = None
    ) -> list[study.Q]:
        """`questions` in practice order for the player: due, then new, then the rest."""
        return study.practice_order(questions, self.study_cards(name), now or self.clock())

    # -- recording ----------------------------------------------------------------------

    def record_round(self, player: str, result: RoundResult) -> RecordOutcome:
        """Record a finished round for `player` (created if new); returns once it is durable.

        The outcome says the round's number, its high-score rank in its pack and mode
        (1 = new best) and the best score before it. If the saves folder can't be written,
        nothing raises: `saved` is False and `warning` carries the reason (the first time).
        Raises NewerSaveError if the player's files come from a newer quiz.
        """
        name = clean_player_name(player)
        if self.unavailable is None:
            try:
                folder = self.find_player(name) or self.folder_for(name)
                with self.locked(folder):
                    return self._record_locked(folder, name, result)
            except OSError as error:
                self._mark_unavailable(error)
        return self._unsaved(name, result)

    def _unsaved(self, name: str, result: RoundResult) -> RecordOutcome:
        folder = self.find_player(name) if self.players_dir.is_dir() else None
        table: list[HighScore] = []
        if folder is not None:
            with contextlib.suppress(OSError, SaveError):
                profile = self.open_profile(name)
                table = profile.high_scores.get(result.pack_id, {}).get(result.mode, [])
        return RecordOutcome(
            saved=False,
            round=None,
            rank=high_score_rank(table, result.score),
            previous_best=table[0].score if table else None,
            warning=self._unavailable_warning(),
        )

    def _record_locked(self, folder: Path, name: str, result: RoundResult) -> RecordOutcome:
        remove_stale_temps(folder)
        state = self.player_files(folder).state(name)
        number = state.last_round + 1
        stored = stored_round(result, number)
        path = history_path(folder, file_index(number))
        if path in state.files:
            current = state.files[path]
        else:
            loaded = _read_history_file(path, self.recovery_lock(folder), self._parsed)
            self.warnings.extend(loaded.warnings)
            current = loaded.value
        if current is not None:
            remove_stale_temps(path.parent)
        append_round(path, stored, current)
        # The round is durable from here on: profile.toml and study.toml can always be
        # brought up to date from the history, so they are rewritten only every few rounds.
        state.files[path] = HistoryFile.model_construct(
            schema_version=HISTORY_VERSION, rounds=[*(current.rounds if current else []), stored]
        )
        self._parsed.put(path, state.files[path])  # we hold the lock: the file is ours
        table = state.profile.high_scores.get(stored.pack_id, {}).get(stored.mode, [])
        previous_best = table[0].score if table else None
        rank = apply_round(state.profile, stored)
        warning = None
        if not state.profile_current or number - state.checkpointed >= CHECKPOINT_EVERY:
            try:
                self.player_files(folder).checkpoint(state)
            except OSError as error:
                # The round itself is safe in the history; only the totals could not be
                # rewritten (they are rebuilt from the history later). Say so, once.
                self._mark_unavailable(error)
                warning = self._unavailable_warning()
        return RecordOutcome(
            saved=True, round=number, rank=rank, previous_best=previous_best, warning=warning
        )

    def import_rounds(self, player: str, results: Sequence[RoundResult]) -> int:
        """Record many rounds under one lock, writing each history file once (for imports
        and the benchmark). Returns the number of the last round. Raises OSError/SaveError.
        """
        from quiz.store.players import write_history_batch

        name = clean_player_name(player)
        folder = self.find_player(name) or self.folder_for(name)
        with self.locked(folder):
            state = self.player_files(folder).state(name)
            batch = [
                stored_round(result, state.last_round + n) for n, result in enumerate(results, 1)
            ]
            write_history_batch(folder, batch, state.files, self.recovery_lock(folder))
            for stored in batch:
                apply_round(state.profile, stored)
            state.files = {}
            self.player_files(folder).checkpoint(state)
            return state.profile.applied_through

    # -- players --------------------------------------------------------------------------

    def create_player(self, name: str) -> Profile:
        """A new player. Raises PlayerNameError (empty or taken name) or OSError."""
        from quiz.store.players import create_player

        return create_player(self, name)

    def rename_player(self, old: str, new: str) -> Path:
        """Rename a player (folder too). Raises PlayerNameError or OSError."""
        from quiz.store.players import rename_player

        return rename_player(self, old, new)

    def delete_player(self, name: str) -> None:
        """Delete a player and every file of theirs. Raises PlayerNameError or OSError."""
        from quiz.store.players import delete_player

        delete_player(self, name)

    def export_player(self, name: str, destination: Path | None = None) -> str:
        """Everything about the player as one TOML text (written to `destination` too)."""
        from quiz.store.players import export_player

        return export_player(self, name, destination)

    # -- player settings ----------------------------------------------------------------

    def get_theme(self, name: str) -> str | None:
        """The player's remembered theme, or None (unknown player or never chosen)."""
        try:
            return self.open_profile(name).settings.theme
        except SaveError:
            return None

    def set_theme(self, name: str, theme: str | None) -> bool:
        """Remember the player's theme. Returns False (with `unavailable` set) if it can't."""
        folder, clean = self.require_player(name)
        try:
            with self.locked(folder):
                state = self.player_files(folder).state(clean)
                state.profile.settings.theme = theme
                self.player_files(folder).write_profile(state)
        except OSError as error:
            self._mark_unavailable(error)
            return False
        return True

    def history(
        self,
        name: str,
        *,
        pack_id: str | None = None,
        mode: str | None = None,
        limit: int | None = None,
    ) -> list[StoredRound]:
        """Recorded rounds, newest first, optionally only one pack and/or mode; reads only
        as many history files as it takes to find `limit` rounds."""
        from quiz.store.history import rounds_newest_first

        folder, _clean = self.require_player(name)
        found: list[StoredRound] = []
        for stored in rounds_newest_first(folder, self.recovery_lock(folder), self.warnings):
            if (pack_id is None or stored.pack_id == pack_id) and (
                mode is None or stored.mode == mode
            ):
                found.append(stored)
                if limit is not None and len(found) >= limit:
                    break
        return found
