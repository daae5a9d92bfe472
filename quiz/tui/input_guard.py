"""Keys that arrive too soon after a question appears are not answers.

A second Enter (or a key held down) meant for the feedback of the last question would
otherwise answer the next one before the player has seen it. For `GUARD_SECONDS` after a
question appears (measured on the game's injected clock, so tests move time by hand),
answer keys are dropped; Esc, Help and the app's own keys still work.
"""

from __future__ import annotations

from collections.abc import Callable

GUARD_SECONDS = 0.3
# Keys that never answer a question: let them through at once.
ALWAYS_LET_THROUGH = frozenset({"escape", "question_mark", "f1", "ctrl+q", "ctrl+p"})


class InputGuard:
    """Drops answer keys for `GUARD_SECONDS` after each `start()`."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._open_at: float | None = None

    def start(self) -> None:
        """A question (or a team's turn) has just appeared."""
        self._open_at = self._clock() + GUARD_SECONDS

    def blocks(self, key: str) -> bool:
        """True when `key` arrived too soon to be taken as an answer."""
        if self._open_at is None or key in ALWAYS_LET_THROUGH:
            return False
        return self._clock() < self._open_at
