"""The game's view of the save files: players, themes and the bell, recorded rounds, practice
order.

`quiz.store` is imported on first use, not at start-up. A save problem never stops play:
`record_round` reports it as a note on the summary ("Not saved: …") and the game goes on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.game.result import RoundResult
    from quiz.game.selection import Prioritise
    from quiz.packs.question import Question
    from quiz.store import SaveStore
    from quiz.store.stats import ScoresData

DEFAULT_PLAYER = "Player"


class PlayerSaves:
    """Save-file operations for the app, given the `--saves` folder (None: the default)."""

    def __init__(self, saves_dir: str | None) -> None:
        self.saves_dir = saves_dir
        self._store: SaveStore | None = None

    @property
    def store(self) -> SaveStore:
        if self._store is None:
            from quiz.store import SaveStore

            self._store = SaveStore.from_cli(self.saves_dir)
        return self._store

    def take_warnings(self) -> list[str]:
        """One-line notices about recovered or unwritable save files, each shown once."""
        return self.store.take_warnings()

    def players(self) -> list[str]:
        """Names of the saved players (a damaged folder lists none rather than failing)."""
        from quiz.errors import QuizError

        try:
            players = self.store.list_players()
        except (QuizError, OSError):
            return []
        return [summary.name for summary in players if summary.problem is None]

    def default_player(self) -> str:
        """Who plays when nobody was named: the only saved player, else 'Player'."""
        players = self.players()
        return players[0] if len(players) == 1 else DEFAULT_PLAYER

    def ensure_player(self, name: str) -> str | None:
        """Create `name` if new; returns a one-line problem, or None when all is well."""
        from quiz.errors import QuizError

        try:
            if self.store.find_player(name) is None:
                self.store.create_player(name)
        except (QuizError, OSError) as error:
            return str(error)
        return None

    def theme(self, player: str) -> str | None:
        from quiz.errors import QuizError

        try:
            return self.store.get_theme(player)
        except (QuizError, OSError):
            return None

    def set_theme(self, player: str, theme: str) -> None:
        from quiz.errors import QuizError

        # A theme is a nicety: failing to remember it must not interrupt play.
        with contextlib.suppress(QuizError, OSError):
            self.store.set_theme(player, theme)

    def bell(self, player: str) -> bool:
        """Whether `player` asked for the bell on a miss (False when unknown or unreadable)."""
        from quiz.errors import QuizError

        try:
            return self.store.get_bell(player)
        except (QuizError, OSError):
            return False

    def set_bell(self, player: str, on: bool) -> None:
        from quiz.errors import QuizError

        # Like the theme, a nicety: failing to remember it must not interrupt play.
        with contextlib.suppress(QuizError, OSError):
            self.store.set_bell(player, on)

    def record_round(self, result: RoundResult) -> list[str]:
        """Record `result`; returns notes for the summary ('New high score!', problems)."""
        from quiz.errors import QuizError

        try:
            outcome = self.store.record_round(result.player, result)
        except (QuizError, OSError) as error:
            return [f"Not saved: {error}"]
        notes = []
        if outcome.new_high_score:
            notes.append("New high score!")
        elif outcome.rank is not None:
            notes.append(f"Number {outcome.rank} in your top 10.")
        if outcome.warning:  # "Not saved: …", or "Round 32 saved; your stats could not…"
            notes.append(outcome.warning)
        return notes + self.take_warnings()

    def due_count(self, player: str, questions: Sequence[Question]) -> int | None:
        """How many of `questions` are due for practice (None when unknown)."""
        from quiz.errors import QuizError

        try:
            return self.store.due_count(player, [question.id for question in questions])
        except (QuizError, OSError):
            return None

    def practice_order(self, player: str) -> Prioritise:
        """Orders a pool for practice: the player's due questions first, then new ones."""

        def prioritise(questions: Sequence[Question]) -> Sequence[Question]:
            from quiz.errors import QuizError

            try:
                return self.store.practice_order(player, questions)
            except (QuizError, OSError):
                return questions  # no schedule readable: practise in the pack's order

        return prioritise

    def scores(self, player: str, pack_id: str) -> ScoresData | None:
        """Everything the Scores screen shows for `player` (None when nothing could be read)."""
        from quiz.errors import QuizError
        from quiz.store.stats import scores_data

        try:
            return scores_data(self.store, player, pack_id)
        except (QuizError, OSError):
            return None
