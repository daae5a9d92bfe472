"""SaveStore: one saves folder, its players, and recording rounds durably.

Every read-modify-write of a player happens under `<player folder>/.lock` (filelock), so two
terminals playing as the same player never lose each other's rounds. A round is written to
the history first (that is the moment it is safe); profile.toml, stats.toml and study.toml
are derived from the history and rewritten when a history chunk is complete (see
player_files.py), so recording costs the same however long the history is.

A player's folder never moves while the player exists: the name lives in profile.toml, so
renaming rewrites one file and a session playing meanwhile keeps saving where it did.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout
from fsrs import Card

from quiz.durable import TEMP_MARKER
from quiz.game import study
from quiz.game.result import RoundResult
from quiz.store.aggregates import apply_round, high_score_table
from quiz.store.errors import NewerSaveError, PlayerNameError, SaveError
from quiz.store.files import make_folders, remove_stale_temps
from quiz.store.history import (
    file_index,
    history_path,
    read_chunk,
    sealed_path,
    write_chunk,
)
from quiz.store.paths import clean_player_name, player_folder_name, player_key
from quiz.store.player_files import PlayerFiles, stored_round
from quiz.store.reading import ParsedFiles
from quiz.store.schema import (
    HISTORY_VERSION,
    ROUNDS_PER_FILE,
    HistoryFile,
    Profile,
    StatsFile,
    StoredRound,
)

if TYPE_CHECKING:
    from quiz.store.players import PlayerSummary

LOCK_TIMEOUT = 30.0
# profile.toml, stats.toml and study.toml are derived from the history; rewriting them every
# round would make recording cost grow with the number of questions seen. They are written
# when a history chunk is complete, or after this many rounds whatever happens.
CHECKPOINT_EVERY = ROUNDS_PER_FILE


@dataclass(frozen=True)
class RecordOutcome:
    """What `record_round` did. `saved` False means the round was not saved, and then no
    rank is claimed. `warning` is one line saying what went wrong with this round: "Not
    saved: …", or "Round 32 saved; your stats could not be updated (…)"."""

    saved: bool
    round: int | None
    rank: int | None
    previous_best: int | None
    warning: str | None = None

    @property
    def new_high_score(self) -> bool:
        """The round tops its pack-and-mode table (the first round of a table does too)."""
        return self.rank == 1


class Warnings(list[str]):
    """Warning lines not shown yet. A line this store has reported once is never added again,
    so the same damage found by several reads is reported once."""

    def __init__(self) -> None:
        super().__init__()
        self._reported: set[str] = set()

    def append(self, line: str) -> None:
        if line not in self._reported:
            self._reported.add(line)
            super().append(line)

    def extend(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.append(line)

    def take(self) -> list[str]:
        """The lines not shown yet; the list is emptied."""
        taken = list(self)
        self.clear()
        return taken

    def absorb(self, message: str) -> None:
        """Drop the lines not shown yet that `message` (about to be shown) already says."""
        self[:] = [line for line in self if line not in message]


class _FolderMoved(Exception):
    """The player's folder was deleted while this store waited for its lock."""


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
        self.warnings = Warnings()
        self.unavailable: str | None = None
        self._locks: dict[Path, FileLock] = {}
        self._parsed = ParsedFiles()
        self._checked: set[Path] = set()
        self._folders: dict[str, Path] = {}  # player key -> folder, as found or created here

    @classmethod
    def from_cli(cls, cli_value: str | None) -> SaveStore:
        """The store for `--saves DIR` (or the default folder when None)."""
        from quiz.store.paths import resolve_saves_dir

        return cls(resolve_saves_dir(cli_value))

    # -- folders, locks, availability ---------------------------------------------------

    def take_warnings(self) -> list[str]:
        """One-line warnings (recovered files) not shown yet; the list is emptied."""
        return self.warnings.take()

    def check_writable(self) -> str | None:
        """Try to write in the saves folder. Returns (and remembers in `unavailable`) why it
        can't, or None; asked again every time, so a freed disk is noticed."""
        try:
            make_folders(self.players_dir)
            probe = self.players_dir / f".probe{TEMP_MARKER}{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            self._mark_unavailable(error)
        else:
            self.unavailable = None
        return self.unavailable

    def _mark_unavailable(self, error: OSError) -> str:
        reason = error.strerror or type(error).__name__
        where = error.filename or self.root
        self.unavailable = f"can't save to {where} ({reason}); the game goes on without saving"
        return f"can't save to {where} ({reason})"

    def folder_for(self, name: str) -> Path:
        """The folder a new player with this name would get, if no other player has it."""
        return self.players_dir / player_folder_name(clean_player_name(name))

    def _lock(self, folder: Path) -> FileLock:
        lock = self._locks.get(folder)
        if lock is None:
            lock = FileLock(folder / ".lock", timeout=self.lock_timeout)
            self._locks[folder] = lock
        return lock

    def _held_too_long(self, folder: Path) -> SaveError:
        return SaveError(
            f"{folder / '.lock'}: another quiz has held this player for over "
            f"{self.lock_timeout:g} s; close it and try again"
        )

    @contextlib.contextmanager
    def locked(self, folder: Path) -> Iterator[None]:
        """Hold the player's lock (creating the folder). Raises OSError if it can't."""
        make_folders(folder)
        before = os.stat(folder).st_ino
        try:
            with self._lock(folder):
                try:
                    moved = os.stat(folder).st_ino != before
                except FileNotFoundError:
                    moved = True
                if moved:  # deleted while we waited: the lock we hold is the old folder's
                    raise _FolderMoved
                yield
        except Timeout:
            raise self._held_too_long(folder) from None

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
                raise self._held_too_long(folder) from None
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
        becomes one warning in `take_warnings()`. The first time a store meets a player it
        takes a quick look at their files (PlayerFiles.check_all), so that damage is
        reported then. Writing needs `locked(folder)`."""
        lock = self.recovery_lock(folder)
        files = PlayerFiles(folder, lock, self.warnings, self.clock, self._parsed)
        if folder not in self._checked:
            self._checked.add(folder)
            files.check_all()
        return files

    def forget_lock(self, folder: Path) -> None:
        """Let go of what this store keeps about `folder` (its lock object, where its player
        is), once the folder has been deleted; a player created there later starts anew."""
        self._locks.pop(folder, None)
        self._checked.discard(folder)
        self._folders = {key: known for key, known in self._folders.items() if known != folder}

    # -- finding players ----------------------------------------------------------------

    def player_folders(self) -> list[Path]:
        """Every player folder in the saves folder (real folders only, never a link)."""
        found: list[Path] = []
        with contextlib.suppress(OSError), os.scandir(self.players_dir) as entries:
            for entry in entries:
                if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False):
                    found.append(Path(entry.path))
        return sorted(found)

    def name_in(self, folder: Path) -> str | None:
        """The name of the player in `folder`: its profile's, else the one its newest round
        was played under; None when neither can be read."""
        files = self.player_files(folder)
        try:
            profile = files.read_profile(shared=True).value
        except NewerSaveError:
            profile = None
        if profile is not None:
            return profile.name
        try:
            return files.name_in_history()
        except NewerSaveError:
            return None

    def find_player(self, name: str) -> Path | None:
        """The folder of the player called `name`, or None. Names that look alike (case,
        fullwidth, look-alike letters) are one player. A player this store has already met
        keeps their folder even if someone renames them meanwhile."""
        key = player_key(clean_player_name(name))
        known = self._folders.get(key)
        if known is not None and known.is_dir():
            return known
        preferred = self.folder_for(name)
        candidates = [preferred] + [f for f in self.player_folders() if f != preferred]
        for folder in candidates:
            if folder.is_symlink() or not folder.is_dir():
                continue  # a player folder is a real folder, never a link to elsewhere
            try:
                found = self.name_in(folder)
            except SaveError as error:  # a lock held by another quiz: skip, say so
                self.warnings.append(str(error))
                continue
            if found is not None and player_key(found) == key:
                self._folders[key] = folder
                return folder
        return None

    def new_folder(self, name: str) -> Path:
        """A folder for a new player called `name`: the usual one (also when it holds no
        player yet: another quiz may be creating this very player in it), or, when a
        renamed player still has it, the same with a random suffix."""
        usual = folder = self.folder_for(name)
        while os.path.lexists(folder):
            if (
                folder == usual
                and not folder.is_symlink()
                and folder.is_dir()
                and (self.name_in(folder) is None)
            ):
                return folder
            folder = usual.with_name(f"{usual.name}-{secrets.token_hex(2)}")
        return folder

    def list_players(self) -> list[PlayerSummary]:
        """Every player, by name; one whose files can't be read has `problem` set."""
        from quiz.store.players import list_players

        return list_players(self)

    def require_player(self, name: str) -> tuple[Path, str]:
        """The folder and the cleaned-up name of the player called `name`.
        Raises PlayerNameError if there is no such player."""
        clean = clean_player_name(name)
        folder = self.find_player(clean)
        if folder is None:
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
        """The player's FSRS cards by question id (empty for an unknown player, and for a
        study.toml from a newer quiz, which is reported once and left alone)."""
        folder = self.find_player(clean_player_name(name))
        if folder is None:
            return {}
        try:
            return self.player_files(folder).study()[2]
        except NewerSaveError as error:
            self.warnings.append(str(error))
            return {}

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
        (1 = new best) and the best score before it. Nothing raises: a round that could not
        be saved (unwritable folder, a file from a newer quiz, a refused name) has `saved`
        False and a `warning` saying why; every round tries again, so a freed disk saves.
        """
        try:
            name = clean_player_name(player)
            key = player_key(name)
            for _attempt in range(3):
                folder = self.find_player(name) or self.new_folder(name)
                try:
                    with self.locked(folder):
                        outcome = self._record_locked(folder, name, result)
                except _FolderMoved:
                    self.forget_lock(folder)
                    continue
                self._folders[key] = folder
                self.unavailable = None
                return outcome
            raise SaveError(f"{self.players_dir}: the player's folder kept being deleted")
        except OSError as error:
            return self._unsaved(self._mark_unavailable(error))
        except SaveError as error:
            return self._unsaved(str(error))

    def _unsaved(self, reason: str) -> RecordOutcome:
        warning = f"Not saved: {reason}"
        self.warnings.absorb(warning)
        return RecordOutcome(
            saved=False, round=None, rank=None, previous_best=None, warning=warning
        )

    def _record_locked(self, folder: Path, name: str, result: RoundResult) -> RecordOutcome:
        remove_stale_temps(folder)
        files = self.player_files(folder)
        state = files.state(name)
        number = state.last_round + 1
        stored = stored_round(result, number)
        index = file_index(number)
        chunk = state.files.get(index)
        if chunk is None:
            chunk = read_chunk(
                folder, index, self.recovery_lock(folder), self.warnings, self._parsed
            )
        chunk = write_chunk(folder, index, chunk, [stored])
        # The round is durable from here on: profile.toml, stats.toml and study.toml can
        # always be brought up to date from the history, so they are rewritten only when a
        # chunk is complete.
        state.files[index] = chunk
        on_disk = HistoryFile.model_construct(schema_version=HISTORY_VERSION, rounds=chunk.rounds)
        if chunk.sealed:
            self._parsed.put(sealed_path(folder, index), on_disk)  # we hold the lock
        else:
            self._parsed.put(history_path(folder, index), on_disk, chunk.text)
        table = high_score_table(state.profile, stored)
        previous_best = table[0].score if table else None
        rank = apply_round(state.profile, stored)
        warning = None
        if (
            not state.profile_current
            or number % ROUNDS_PER_FILE == 0
            or number - state.checkpointed >= CHECKPOINT_EVERY
        ):
            problems = files.checkpoint(state)
            if problems:
                what = " and ".join(holds for holds, _reason in problems)
                warning = (
                    f"Round {number} saved; your {what} could not be updated ({problems[0][1]})"
                )
                self.warnings.absorb(warning)
        return RecordOutcome(
            saved=True, round=number, rank=rank, previous_best=previous_best, warning=warning
        )

    def import_rounds(self, player: str, results: Sequence[RoundResult]) -> int:
        """Record many rounds under one lock, writing each history file once (for imports
        and the benchmark). Returns the number of the last round. Raises OSError/SaveError.
        """
        name = clean_player_name(player)
        folder = self.find_player(name) or self.new_folder(name)
        with self.locked(folder):
            files = self.player_files(folder)
            state = files.state(name)
            batch = [
                stored_round(result, state.last_round + n) for n, result in enumerate(results, 1)
            ]
            by_index: dict[int, list[StoredRound]] = {}
            for stored in batch:
                by_index.setdefault(file_index(stored.round), []).append(stored)
            for index, added in by_index.items():
                chunk = state.files.get(index) or read_chunk(
                    folder, index, self.recovery_lock(folder), self.warnings
                )
                state.files[index] = write_chunk(folder, index, chunk, added)
            for stored in batch:
                apply_round(state.profile, stored)
            problems = files.checkpoint(state)
            if problems:
                raise SaveError(f"the rounds were saved; {problems[0][1]}")
            self._folders[player_key(name)] = folder
            return state.profile.applied_through

    # -- players --------------------------------------------------------------------------

    def create_player(self, name: str) -> Profile:
        """A new player. Raises PlayerNameError (no visible name, or taken) or OSError."""
        from quiz.store.players import create_player

        return create_player(self, name)

    def rename_player(self, old: str, new: str) -> Path:
        """Rename a player (one write of their profile; the folder stays). Returns the
        folder. Raises PlayerNameError or OSError."""
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
        return self._change_settings(name, theme=theme)

    def get_bell(self, name: str) -> bool:
        """Whether the player wants the bell on a wrong answer or time-out (False: unknown
        player, or never chosen)."""
        try:
            return bool(self.open_profile(name).settings.bell)
        except SaveError:
            return False

    def set_bell(self, name: str, on: bool) -> bool:
        """Remember the player's bell setting; False (with `unavailable` set) if it can't."""
        return self._change_settings(name, bell=on)

    def _change_settings(self, name: str, **changes: object) -> bool:
        folder, clean = self.require_player(name)
        try:
            with self.locked(folder):
                files = self.player_files(folder)
                state = files.state(clean)
                for key, value in changes.items():
                    setattr(state.profile.settings, key, value)
                files.write_profile(state)
        except (OSError, _FolderMoved) as error:
            if isinstance(error, OSError):
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
