"""A homework's deadline as the teacher writes it: a local date and time ("2026-12-05 17:00")
or a length of time from now ("3d", "12h", "90m", "1d12h"; "30s" to try it out).

Deadlines are kept as POSIX seconds (UTC), so a journal read after a change of time zone or
of summer time still closes at the same moment; they are shown in the host's local time.
"""

from __future__ import annotations

import re
from datetime import datetime

from quiz.safe_text import safe_text

UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}  # seconds: for trying it out, and tests
_DURATION = re.compile(r"(?:(\d+)([dhms]))+")
_PART = re.compile(r"(\d+)([dhms])")
LOCAL_FORMAT = "%Y-%m-%d %H:%M"


class BadDeadline(ValueError):
    """A deadline that can't be read, or that has already passed; the message says how to
    write one."""


def parse_duration(text: str) -> float:
    """Seconds in a length of time such as "3d", "12h", "90m" or "1d12h"; BadDeadline if
    it is not one, or is zero."""
    compact = text.strip().lower().replace(" ", "")
    if not _DURATION.fullmatch(compact):
        raise BadDeadline(f"{text!r} is not a length of time; write it as 3d, 12h or 90m")
    seconds = sum(int(amount) * UNITS[unit] for amount, unit in _PART.findall(compact))
    if seconds <= 0:
        raise BadDeadline(f"{text!r} is no time at all; give at least 1m")
    return float(seconds)


def parse_local_time(text: str) -> float:
    """POSIX seconds of a local date and time "YYYY-MM-DD HH:MM"; BadDeadline if it is not
    one."""
    try:
        moment = datetime.strptime(text.strip(), LOCAL_FORMAT)
    except ValueError:
        raise BadDeadline(
            f'{text!r} is not a local date and time; write it as "2026-12-05 17:00"'
        ) from None
    return moment.astimezone().timestamp()


def parse_deadline(text: str, now: float) -> float:
    """The deadline `text` means at POSIX time `now`: a local date and time, or a length of
    time from now (a leading "+" is allowed: "+1d"). BadDeadline if it can't be read or is
    not after `now`."""
    stripped = text.strip()
    if re.fullmatch(r"\+?\s*[\d\sdhmsDHMS]+", stripped) and not re.fullmatch(r"[\d\s]+", stripped):
        deadline = now + parse_duration(stripped.lstrip("+"))
    else:
        deadline = parse_local_time(stripped)
    if deadline <= now:
        raise BadDeadline(f"{text.strip()!r} has already passed; give a time to come")
    return deadline


def local_text(moment: float) -> str:
    """A deadline as people read it: the host's local time, "2026-12-05 17:00"."""
    return datetime.fromtimestamp(moment).astimezone().strftime(LOCAL_FORMAT)


def iso_text(moment: float) -> str:
    """A deadline as a client reads it: local time with its offset, to the second."""
    return datetime.fromtimestamp(moment).astimezone().isoformat(timespec="seconds")


def shown_deadline(deadline: str) -> str:
    """An `assignment`'s deadline (ISO 8601, the host's local time) as people read it,
    "2026-12-05 17:00", in the host's time zone; anything else from the network made safe."""
    try:
        return datetime.fromisoformat(deadline).strftime(LOCAL_FORMAT)
    except ValueError:
        return safe_text(deadline, single_line=True)[:40]
