"""Always on screen while a question is asked: question number, score, streak, lifeline, clock.

The countdown is drawn with block characters and the seconds in words, so it reads the same
without colour (NO_COLOR) as with it.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

BAR_CELLS = 20


def countdown_text(remaining: float | None, limit: float | None) -> str:
    """'████░░░░ 12 s' for `remaining` of `limit` seconds; 'no clock' when untimed."""
    if remaining is None or not limit:
        return "no clock"
    remaining = max(0.0, min(remaining, limit))
    filled = math.ceil(BAR_CELLS * remaining / limit)
    return "█" * filled + "░" * (BAR_CELLS - filled) + f" {math.ceil(remaining):>2} s"


class RoundStatus(Horizontal):
    """One line of round status; `show` updates every part."""

    DEFAULT_CSS = """
    RoundStatus { height: 1; background: $panel; }
    RoundStatus > Static { width: auto; padding: 0 1; }
    RoundStatus > #countdown { width: 1fr; text-align: right; }
    RoundStatus.-urgent > #countdown { color: $error; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="number")
        yield Static(id="score")
        yield Static(id="streak")
        yield Static(id="lifeline")
        yield Static(id="countdown")

    def show(
        self,
        *,
        number: int,
        total: int | None,
        score: int,
        streak: int,
        lifeline: bool | None,
        remaining: float | None,
        limit: float | None,
    ) -> None:
        """Show question `number` of `total` (None: open-ended), and the rest."""
        of = f"/{total}" if total else ""
        self.query_one("#number", Static).update(Content(f"Q {number}{of}"))
        self.query_one("#score", Static).update(Content(f"Score {score:,}"))
        self.query_one("#streak", Static).update(Content(f"Streak {streak}"))
        life = "" if lifeline is None else ("50:50 (f) ready" if lifeline else "50:50 used")
        self.query_one("#lifeline", Static).update(Content(life))
        self.show_clock(remaining, limit)

    def hide_clock(self) -> None:
        self.query_one("#countdown", Static).update(Content(""))

    def show_clock(self, remaining: float | None, limit: float | None) -> None:
        self.query_one("#countdown", Static).update(Content(countdown_text(remaining, limit)))
        self.set_class(remaining is not None and remaining <= 5, "-urgent")
