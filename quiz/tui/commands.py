"""Command palette commands: new round, switch pack, switch mode, theme."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from quiz.game.modes import MODES, mode_title
from quiz.safe_text import safe_text

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

class QuizCommands(Provider):
    """The game's own commands, listed when the palette opens and found by fuzzy search."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: QuizApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("New round", app.start_round, "Start a round in the current mode"),
            ("Switch pack", app.action_packs, "Choose another question pack"),
            ("Theme", app.action_change_theme, "Change the colours (remembered per player)"),
        ]
        for mode in MODES:
            title = mode_title(mode)
            commands.append(
                (f"Switch mode: {title}", partial(app.set_mode, mode), f"Play {title} rounds")
            )
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(safe_text(name)), callback, help=help_text)
