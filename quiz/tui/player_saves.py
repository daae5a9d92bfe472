"""The game's view of the save files: players, themes and the bell, recorded rounds, practice
order, scores.

`quiz.store` (and pydantic with it) is imported on first use, not at start-up. The slow
parts (opening a player, recording a round, remembering a theme) run on one background
thread, `in_background`, in the order they were asked for, so the event loop never waits on
a disk; a lock keeps the store to one thread at a time when the app asks it something
directly. A save problem never stops play: it comes back as a one-line note
("Not saved: …") and the game goes on.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from quiz.game.result import RoundResult
    from quiz.game.selection import Prioritise
    from quiz.packs.question import Question
    from quiz.store import SaveStore
    from quiz.store.stats import ScoresData

DEFAULT_PLAYER = "Player"
T = TypeVar("T")


@dataclass(frozen=True)
class Settled:
    """A player made ready to play: their name, remembered theme, and what went wrong."""

    player: str
    theme: str | None
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recorded:
    """What recording a round said: whether it set a record, and notes for the summary
    (its place in the top 10, problems)."""

    notes: tuple[str, ...] = ()
    new_high_score: bool = False


class PlayerSaves:
    """Save-file operations for the app, given the `--saves` folder (None: the default).
    Every method may be called from any thread; they run one at a time."""

    def __init__(self, saves_dir: str | None) -> None:
        self.saves_dir = saves_dir
        self._store: SaveStore | None = None
        self._lock = threading.RLock()
        self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quiz-saves")
        self._background_thread: int | None = None
        self._closed = False

    @contextlib.contextmanager
    def _turn(self) -> Iterator[None]:
        """The store to this thread alone; asked from any other thread than the saves thread,
        only after everything asked of the saves thread before (a round being recorded is
        in the scores read next)."""
        if threading.get_ident() != self._background_thread:
            self.wait_idle()
        with self._lock:
            yield

    def in_background(
        self,
        work: Callable[[], T],
        then: Callable[[T], object],
        failed: Callable[[BaseException], object],
    ) -> None:
        """Run `work` on the saves thread, after everything asked for before it; then call
        `then` with its result, or `failed` with what it raised (both on that thread)."""

        def run() -> None:
            self._background_thread = threading.get_ident()
            try:
                value = work()
            except Exception as error:  # a bug in saving must not pass silently or stop play
                failed(error)
                return
            then(value)

        self._background.submit(run)

    def wait_idle(self) -> None:
        """Return once everything asked of the saves thread so far is done."""
        if not self._closed:
            self._background.submit(lambda: None).result()

    def close(self) -> None:
        """Finish what the saves thread was asked to do (a round being recorded is never
        cut short by quitting), then stop it."""
        self._closed = True
        self._background.shutdown(wait=True)

    @property
    def store(self) -> SaveStore:
        """The store (opened on first use); use it inside `_turn`."""
        with self._lock:
            if self._store is None:
                from quiz.store import SaveStore

                self._store = SaveStore.from_cli(self.saves_dir)
            return self._store

    def players(self) -> list[str]:
        """Names of the saved players (a damaged folder lists none rather than failing)."""
        from quiz.errors import QuizError

        with self._turn():
            try:
                players = self.store.list_players()
            except (QuizError, OSError):
                return []
            return [summary.name for summary in players if summary.problem is None]

    def default_player(self) -> str:
        """Who plays when nobody was named: the only saved player, else 'Player'."""
        players = self.players()
        return players[0] if len(players) == 1 else DEFAULT_PLAYER

    def settle(self, name: str | None) -> Settled:
        """Make `name` (None: the default player) ready to play: create their save if new and
        read their theme. Problems come back as lines to show once."""
        from quiz.errors import QuizError

        with self._turn():
            player = name or self.default_player()
            problems: list[str] = []
            try:
                if self.store.find_player(player) is None:
                    self.store.create_player(player)
            except (QuizError, OSError) as error:
                problems.append(str(error))
            theme = None
            with contextlib.suppress(QuizError, OSError):
                theme = self.store.get_theme(player)
            with contextlib.suppress(QuizError, OSError):
                problems.extend(self.store.take_warnings())
            return Settled(player, theme, tuple(problems))

    def set_theme(self, player: str, theme: str) -> None:
        from quiz.errors import QuizError

        # A theme is a nicety: failing to remember it must not interrupt play.
        with self._turn(), contextlib.suppress(QuizError, OSError):
            self.store.set_theme(player, theme)

    def bell(self, player: str) -> bool:
        """Whether `player` asked for the bell on a miss (False when unknown or unreadable)."""
        from quiz.errors import QuizError

        with self._turn():
            try:
                return self.store.get_bell(player)
            except (QuizError, OSError):
                return False

    def set_bell(self, player: str, on: bool) -> None:
        from quiz.errors import QuizError

        # Like the theme, a nicety: failing to remember it must not interrupt play.
        with self._turn(), contextlib.suppress(QuizError, OSError):
            self.store.set_bell(player, on)

    def record_round(self, result: RoundResult) -> Recorded:
        """Record `result`; says whether it is a new high score, with notes for the summary
        ('Number 3 in your top 10.', problems)."""
        from quiz.errors import QuizError

        with self._turn():
            try:
                outcome = self.store.record_round(result.player, result)
            except (QuizError, OSError) as error:
                return Recorded((f"Not saved: {error}",))
            # Nothing scored is no record to celebrate, even as the first round of its table.
            record = outcome.new_high_score and result.score > 0
            notes = []
            if outcome.rank is not None and not record and result.score > 0:
                notes.append(f"Number {outcome.rank} in your top 10.")
            if outcome.warning:  # "Not saved: …", or "Round 32 saved; your stats could not…"
                notes.append(outcome.warning)
            notes.extend(self.store.take_warnings())
            return Recorded(tuple(notes), record)

    def due_count(self, player: str, questions: Sequence[Question]) -> int | None:
        """How many of `questions` are due for practice (None when unknown)."""
        from quiz.errors import QuizError

        with self._turn():
            try:
                return self.store.due_count(player, [question.id for question in questions])
            except (QuizError, OSError):
                return None

    def practice_order(self, player: str) -> Prioritise:
        """Orders a pool for practice: the player's due questions first, then new ones."""

        def prioritise(questions: Sequence[Question]) -> Sequence[Question]:
            from quiz.errors import QuizError

            with self._turn():
                try:
                    return self.store.practice_order(player, questions)
                except (QuizError, OSError):
                    return questions  # no schedule readable: practise in the pack's order

        return prioritise

    def daily_played(self, player: str, pack_id: str, day: date) -> bool:
        """Whether the player's daily challenge of `day` in this pack is already recorded
        (False when the saves can't say: the round then counts)."""
        from quiz.errors import QuizError
        from quiz.store.stats import daily_played

        with self._turn():
            try:
                return daily_played(self.store, player, pack_id, day)
            except (QuizError, OSError):
                return False

    def recent_scores(self, player: str, pack_id: str, mode: str) -> list[int]:
        """The player's last 10 scores in this pack and mode, oldest first ([] if unknown)."""
        from quiz.errors import QuizError
        from quiz.store.stats import recent_scores

        with self._turn():
            try:
                if self.store.find_player(player) is None:
                    return []
                return recent_scores(self.store.stats(player), pack_id, mode)
            except (QuizError, OSError):
                return []

    def scores(self, player: str, pack_id: str | None, mode: str | None) -> ScoresData | None:
        """Everything the Scores screen shows for `player`, for one pack and mode if given
        (None when nothing could be read)."""
        from quiz.errors import QuizError
        from quiz.store.stats import scores_data

        with self._turn():
            try:
                return scores_data(self.store, player, pack_id, mode)
            except (QuizError, OSError):
                return None
