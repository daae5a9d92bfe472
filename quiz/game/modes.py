"""The five ways to play a round, as data the round state machine reads.

- classic: N questions (default 10), each with its own timer (default 20 s).
- blitz: as many questions as possible in 60 s in all; no per-question timer; the round
  ends when the clock passes 60 s (the question then on screen is not counted).
- sudden_death: questions until the first answer that is not fully right (a wrong answer,
  a timeout, or only partial credit) — that answer ends the round.
- daily: like classic, but the questions (and their choice order) are the same for
  everyone on a date: the seed comes from sha256 of the ISO date and the pack id, never
  from Python's per-process `hash()`. `--seed` is ignored.
- practice: no clock and no speed points (a correct answer scores a flat 1000); questions
  come in the order a `prioritise` function gives (by default, missed questions first).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Literal, cast, get_args

Mode = Literal["classic", "blitz", "sudden_death", "daily", "practice"]
MODES: tuple[str, ...] = get_args(Mode)


def as_mode(name: str) -> Mode:
    """`name` as a Mode; ValueError naming the modes for anything else."""
    if name in MODES:
        return cast(Mode, name)
    raise ValueError(f"unknown mode {name!r}; the modes are {', '.join(MODES)}")


DEFAULT_COUNT = 10
DEFAULT_TIME_LIMIT = 20.0  # seconds per question, unless the question or --time says
BLITZ_SECONDS = 60.0


@dataclass(frozen=True)
class ModeRules:
    """What a mode changes about a round.

    `count`: how many questions to draw by default (None = the whole pool, shuffled).
    `question_timer`: each question has its own time limit.
    `round_seconds`: the whole round ends after this many seconds (blitz).
    `ends_on_miss`: the first answer that is not fully right ends the round.
    `date_seed`: the seed comes from the date and pack, not from the player.
    `timed`: a clock runs at all (speed points, timeouts).
    """

    name: Mode
    title: str
    count: int | None
    question_timer: bool
    round_seconds: float | None = None
    ends_on_miss: bool = False
    date_seed: bool = False
    timed: bool = True


RULES: dict[str, ModeRules] = {
    "classic": ModeRules("classic", "Classic", DEFAULT_COUNT, question_timer=True),
    "blitz": ModeRules("blitz", "Blitz", None, question_timer=False, round_seconds=BLITZ_SECONDS),
    "sudden_death": ModeRules(
        "sudden_death", "Sudden death", None, question_timer=True, ends_on_miss=True
    ),
    "daily": ModeRules("daily", "Daily challenge", DEFAULT_COUNT, True, date_seed=True),
    "practice": ModeRules("practice", "Practice", DEFAULT_COUNT, False, timed=False),
}


def rules_for(mode: str) -> ModeRules:
    """The rules of `mode`; raises ValueError naming the known modes for anything else."""
    try:
        return RULES[mode]
    except KeyError:
        known = ", ".join(RULES)
        raise ValueError(f"unknown mode {mode!r} (choose one of: {known})") from None


def mode_title(mode: str) -> str:
    """What players read for `mode`: 'Sudden death' for sudden_death; an unknown mode (from a
    newer save file, say) as it is written."""
    rules = RULES.get(mode)
    return rules.title if rules is not None else mode


def daily_seed(day: date, pack_id: str) -> int:
    """A seed that is the same on every machine for this date and pack (sha256-based)."""
    digest = hashlib.sha256(f"quiz-daily:{day.isoformat()}:{pack_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1
