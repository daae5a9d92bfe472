"""How a name someone types becomes a name we show, and when two names are the same person.

Players name themselves in the game and in the classroom. Two rules hold for both:

- A shown name carries no invisible characters: zero-width spaces, joiners, bidi marks,
  variation selectors and the "filler" letters some scripts have (U+3164, U+FFA0, U+2800)
  are removed, so "A\u200bda" is shown (and stored) as "Ada". Nothing left means no name.
- Two names that look the same are the same name: the *key* of a name folds case,
  compatibility forms (fullwidth "Ａｄａ") and confusable letters from other scripts
  (Cyrillic "Аda") onto one skeleton, after Unicode TR39's idea of a skeleton, using the
  confusables table of the `confusable-homoglyphs` package. The shown name is kept as typed.
"""

from __future__ import annotations

import functools
import unicodedata

from quiz.safe_text import safe_text

# How much of a player's name is kept (saves, the plain header, the app).
PLAYER_NAME_LENGTH = 64
# Letters that draw as blank space though Unicode calls them letters or symbols.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


class NameRefused(ValueError):
    """A name that cannot be used; the message says why, in words."""


def _is_invisible(char: str) -> bool:
    if char in _BLANK_LOOKING:
        return True
    category = unicodedata.category(char)
    if category == "Cf":  # format characters: ZWSP, ZWJ, LRM/RLM, soft hyphen, tags …
        return True
    if category == "Mn" and unicodedata.name(char, "").startswith("VARIATION SELECTOR"):
        return True
    return char == "\u034f"  # combining grapheme joiner: invisible, category Mn


def visible_name(raw: str, *, max_length: int) -> str:
    """The name as shown and stored: terminal controls and invisible characters removed, any
    kind of space made one plain space, NFC, at most `max_length` characters.

    Raises NameRefused when nothing visible is left (an empty name, only spaces, only escape
    sequences or only invisible characters).
    """
    text = safe_text(raw, single_line=True)
    text = "".join(" " if ch.isspace() else ch for ch in text if not _is_invisible(ch))
    name = " ".join(unicodedata.normalize("NFC", text).split())
    name = name[:max_length].strip()
    if not any(ch.isalnum() for ch in name):
        raise NameRefused("a name needs at least one visible letter or digit")
    return name


def player_name(raw: str) -> str:
    """A player's name as saved and shown: `visible_name` cut to PLAYER_NAME_LENGTH.
    Raises NameRefused, saying so for a player name, when nothing visible is left."""
    try:
        return visible_name(raw, max_length=PLAYER_NAME_LENGTH)
    except NameRefused:
        raise NameRefused(
            "a player name needs at least one visible letter or digit "
            "(spaces, escape sequences and invisible characters don't count)"
        ) from None


@functools.cache
def _ascii_prototypes() -> dict[str, str]:
    """Each character that the confusables table says looks like one plain ASCII character,
    mapped to that character. Loaded on first use: most commands never key a name."""
    from confusable_homoglyphs.confusables import confusables_data

    table: dict[str, str] = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        plain = sorted(h["c"] for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii())
        if plain:
            table[char] = plain[0]
    return table


def name_key(name: str) -> str:
    """The identity of a name: names with the same key look alike and are one person.

    NFKC (fullwidth and other compatibility forms), casefold, invisible characters dropped,
    spaces collapsed, and each letter that looks like an ASCII letter replaced by it, before
    case folding and after: a Cyrillic capital В looks like B, its small letter в like no
    ASCII letter at all.
    """
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if not _is_invisible(ch))
    prototypes = _ascii_prototypes()
    text = "".join(prototypes.get(ch, ch) for ch in text).casefold()
    skeleton = "".join(prototypes.get(ch, ch) for ch in text).casefold()
    return " ".join(unicodedata.normalize("NFKC", skeleton).split())
