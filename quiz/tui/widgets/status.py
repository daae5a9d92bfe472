"""The round's status line and the countdown shown next to the question.

The status line, always on screen: question number, score, streak, the 50:50 (ready, used,
or not offered for this question) on the left; the mode with the round's seed, or the date
of a daily challenge ("Daily · 1 Dec"), on the right. The countdown is drawn with block
characters and the seconds in figures, so it reads the same without colour (NO_COLOR) as
with it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from quiz.game.modes import mode_title

BAR_CELLS = 20
URGENT_SECONDS = 5
SHORT_TITLES = {"daily": "Daily"}
# Month names written out, not strftime's %b, which follows the C library's locale.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def countdown_text(remaining: float | None, limit: float | None) -> str:
    """'⏱ ████░░░░ 12 s' for `remaining` of `limit` seconds; 'no clock' when untimed."""
    if remaining is None or not limit:
        return "no clock"
    remaining = max(0.0, min(remaining, limit))
    filled = math.ceil(BAR_CELLS * remaining / limit)
    return "⏱ " + "█" * filled + "░" * (BAR_CELLS - filled) + f" {math.ceil(remaining):>2} s"


def round_label(mode: str, *, seed: int | None, day: date | None) -> str:
    """'Classic · seed 7', or 'Daily · 1 Dec' for a daily challenge (its seed is the date)."""
    title = SHORT_TITLES.get(mode, mode_title(mode))
    if mode == "daily" and day is not None:
        return f"{title} · {day.day} {MONTHS[day.month - 1]}"
    return f"{title} · seed {seed}" if seed is not None else title


def lifeline_text(*, used: bool, offered: bool, answering: bool) -> str:
    """The 50:50's state for the status line."""
    if used:
        return "50:50 used"
    if not answering:
        return "50:50 left"
    return "50:50 ready (0)" if offered else "no 50:50 here"


class RoundStatus(Horizontal):
    """One line: `show(parts, label)` puts the parts on the left and the label on the right."""

    DEFAULT_CSS = """
    RoundStatus { height: 1; background: $panel; }
    RoundStatus > #status-parts { width: 1fr; padding: 0 1; text-wrap: nowrap; }
    RoundStatus > #status-label { width: auto; padding: 0 1; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="status-parts")
        yield Static(id="status-label")

    def show(self, parts: Sequence[str], label: str) -> None:
        self.query_one("#status-parts", Static).update(Content("  ".join(parts)))
        self.query_one("#status-label", Static).update(Content(label))


class Countdown(Static):
    """The question's clock, beside it: a bar and the seconds left, bold near the end."""

    DEFAULT_CSS = """
    Countdown { width: 1fr; height: 1; padding: 0 1; text-align: right; }
    Countdown.-urgent { color: $error; text-style: bold; }
    """

    def show(self, remaining: float | None, limit: float | None) -> None:
        self.update(Content(countdown_text(remaining, limit)))
        self.set_class(remaining is not None and remaining <= URGENT_SECONDS, "-urgent")

    def clear(self) -> None:
        self.update(Content(""))
        self.remove_class("-urgent")
