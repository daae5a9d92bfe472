"""The game's view of the save files: players, themes, recorded rounds, practice order.

Every call imports `quiz.store` lazily (start-up stays fast) and turns a save problem into a
one-line notice: the game stays playable without saving and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.game.result import RoundResult
    from quiz.game.selection import Prioritise
    from quiz.packs.question import Question
    from quiz.tui.pack_source import PlayPack

DEFAULT_PLAYER = "Player"


class PlayerSaves:
    """Save-file operations for the app, given the `--saves` folder (None: the default)."""

    def __init__(self, saves_dir: str | None) -> None:
        self.saves_dir = saves_dir
        self.problems: list[str] = []

    def players(self) -> list[str]:
        return []

    def default_player(self) -> str:
        return DEFAULT_PLAYER

    def theme(self, player: str) -> str | None:
        return None

    def set_theme(self, player: str, theme: str) -> None:
        return None

    def record_round(self, result: RoundResult) -> list[str]:
        """Record `result`; returns notes for the summary ('New high score!', problems)."""
        return []

    def due_count(self, player: str, pack_id: str, questions: Sequence[Question]) -> int | None:
        return None

    def practice_order(self, player: str, pack_id: str) -> Prioritise | None:
        return None

    def scores_report(self, player: str, pack: PlayPack) -> dict[str, Any]:
        return {}
