"""Player names: cleaned for display, and folded so that look-alike duplicates collide."""

from __future__ import annotations

import unicodedata

from quiz.safe_text import safe_text

MAX_NAME = 24


class BadName(ValueError):
    """A name that cannot be used; the message says why."""


def clean_name(raw: str) -> str:
    """The name as shown: NFKC-normalised, controls stripped, one line, at most MAX_NAME chars.

    Raises BadName if nothing printable is left.
    """
    name = safe_text(unicodedata.normalize("NFKC", raw), single_line=True)
    # Zero-width and other format characters (Cf) would let "Ann" and "A\u200bnn" look alike.
    name = "".join(ch for ch in name if unicodedata.category(ch) != "Cf").strip()
    name = name[:MAX_NAME].strip()
    if not name:
        raise BadName("name is empty once control characters are removed")
    return name


def name_key(name: str) -> str:
    """The key two names must not share: NFKC + casefold (+ NFKC again, as casefold may
    denormalise), with spaces collapsed."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())
