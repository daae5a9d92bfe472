"""Typed and numeric answers: when does what a player typed count as the answer?

The rules, in order:

1. Normalise both sides: Unicode NFKD with accents dropped, casefold, apostrophes removed,
   other punctuation turned into spaces, a leading "the", "a" or "an" dropped, spaces
   collapsed. "The Labour Party!" and "labour party" are the same answer.
2. Exact match of the normalised text against every accepted text (`Question.answers`:
   the canonical answer first, then accepted alternatives and the entity's aliases).
3. Only if nothing matched exactly, a fuzzy match, and only for words of at least
   `MIN_FUZZY_LETTERS` letters: at most one edit (Levenshtein) for words of up to 6
   letters, a rapidfuzz `ratio` of at least 88 for longer ones. "Austria" for "Australia"
   scores 87.5, so it is refused. Texts with the same number of words are compared word by
   word (so an initial must be exact: "E. Miliband" is not "D. Miliband"); texts with a
   different number of words may differ by one edit in all (a space: "edballs").
4. A near miss never turns one real name into another. `refused` holds the pack's names
   that are not the answer's (other entities' names, aliases and surnames): an input that
   is one of them (normalised) is refused, and so is a near miss that is at least as close
   (rapidfuzz `ratio`) to one of them as to the answer. "Miliband" is one letter from the
   nickname "Milibland", but it is a surname both brothers share: refused. Common spellings
   ("Hatty") are accepted as explicit aliases, never by loosening the fuzz.
5. Numbers are never fuzzy. If the player typed a number and an accepted text is a number,
   the two are compared as numbers (with the question's tolerance); "236", "236.0" and
   "1,000" all parse.

Everything here is pure: no I/O, no clock.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

SHORT_WORD_LETTERS = 6
MIN_FUZZY_LETTERS = 4
MAX_SHORT_EDITS = 1
MIN_LONG_RATIO = 88.0

_ARTICLES = ("the", "a", "an")
_APOSTROPHES = re.compile("['’`ʼ]")
_NOT_WORD = re.compile(r"[^\w]+|_+")
_NUMBER = re.compile(
    r"""^[+-]?(
        \d{1,3}(,\d{3})+(\.\d+)?   # 1,000 or 12,345.5: commas only as thousands separators
      | \d+(\.\d*)?                # 236, 236.0, 236.
      | \.\d+                      # .5
    )$""",
    re.VERBOSE,
)
_CURRENCY = "£$€"


@dataclass(frozen=True)
class TypedMatch:
    """What became of a typed answer.

    `accepted`: it counts as right. `fuzzy`: only as a near-miss spelling. `matched`: the
    accepted text it matched ('' when refused). `message`: a line for the player, e.g.
    "Accepted 'Milibland' as David Miliband", or '' when the answer was taken as typed.
    """

    accepted: bool
    fuzzy: bool = False
    matched: str = ""
    message: str = ""


REFUSED = TypedMatch(accepted=False)


def normalise(text: str) -> str:
    """Return the comparable form of an answer; `normalise(normalise(x)) == normalise(x)`."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Casefold after dropping accents, and normalise again: casefold can produce new
    # decomposable characters (e.g. 'ß' → 'ss' is fine, but some letters expand).
    folded = unicodedata.normalize("NFKD", plain.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _APOSTROPHES.sub("", folded)
    words = _NOT_WORD.sub(" ", folded).split()
    # Drop leading articles, but never the whole answer ("The" alone stays "the").
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def parse_number(text: str) -> float | None:
    """Read a number a player typed: '236', '236.0', '1,000', '-3.5', '£5'; else None.

    A trailing unit word ('236 seats') is allowed; any other text makes it not a number.
    """
    cleaned = text.strip().replace("\u2212", "-").replace("_", "")
    if not cleaned:
        return None
    head = cleaned.split()[0] if len(cleaned.split()) <= 2 else cleaned
    head = head.lstrip(_CURRENCY).rstrip("%")
    if head.startswith(("-", "+")) and head[1:2] in tuple(_CURRENCY):
        head = head[0] + head[2:]
    if not _NUMBER.match(head):
        return None
    value = float(head.replace(",", ""))
    return value if math.isfinite(value) else None


def numbers_match(given: float, expected: float, tolerance: float = 0.0) -> bool:
    """True when `given` is within `tolerance` of `expected` (a tiny float slack besides)."""
    return abs(given - expected) <= tolerance + 1e-12 * max(1.0, abs(expected))


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _word_close(given: str, target: str) -> bool:
    """The near-miss rule for one word (or a whole text), both normalised, no digits."""
    letters = _letters(target)
    if letters < MIN_FUZZY_LETTERS:
        return False
    if letters <= SHORT_WORD_LETTERS:
        from rapidfuzz.distance import Levenshtein  # only a near miss needs it

        return Levenshtein.distance(given, target, score_cutoff=MAX_SHORT_EDITS) <= MAX_SHORT_EDITS
    from rapidfuzz import fuzz

    return fuzz.ratio(given, target, score_cutoff=MIN_LONG_RATIO) >= MIN_LONG_RATIO


def _fuzzy_close(given: str, target: str) -> bool:
    """Near miss for two normalised texts with no digits.

    With as many words on both sides, each word must be exact or a near miss on its own:
    a short word such as an initial must be exact, so "E. Miliband" is not taken for
    "D. Miliband" even though the two strings differ by one letter. Otherwise only one edit
    over the whole text is allowed (a missing or extra space: "edballs" for "Ed Balls"), so
    an extra word ("E. Miliband" for "Miliband") is never a typo.
    """
    given_words, target_words = given.split(), target.split()
    if len(given_words) == len(target_words):
        return all(
            mine == theirs or _word_close(mine, theirs)
            for mine, theirs in zip(given_words, target_words, strict=True)
        )
    if _letters(target) < MIN_FUZZY_LETTERS:
        return False
    from rapidfuzz.distance import Levenshtein  # only a near miss needs it

    return Levenshtein.distance(given, target, score_cutoff=MAX_SHORT_EDITS) <= MAX_SHORT_EDITS


def match_typed(
    given: str,
    accepted: Iterable[str],
    *,
    tolerance: float = 0.0,
    refused: Iterable[str] = (),
) -> TypedMatch:
    """Check a typed answer against every accepted text (canonical answer first).

    Exact (normalised) matches win over everything else; numbers compare as numbers only. A
    fuzzy match is refused when the input is one of the `refused` names, or is at least as
    close to one of them as to the accepted text it nearly matches.
    """
    texts = [text for text in accepted if text.strip()]
    if not texts:
        return REFUSED
    canonical = texts[0]
    wanted = normalise(given)
    if not wanted:
        return REFUSED

    def found(text: str, *, fuzzy: bool) -> TypedMatch:
        message = ""
        if fuzzy or normalise(text) != normalise(canonical):
            message = f"Accepted '{given.strip()}' as {canonical}"
        return TypedMatch(accepted=True, fuzzy=fuzzy, matched=text, message=message)

    given_number = parse_number(given)
    for text in texts:
        if given_number is not None:
            expected_number = parse_number(text)
            if expected_number is not None:
                if numbers_match(given_number, expected_number, tolerance):
                    return found(text, fuzzy=False)
                continue
        if normalise(text) == wanted:
            return found(text, fuzzy=False)

    if _has_digit(wanted):
        return REFUSED
    others = {normalise(name) for name in refused} - {""}
    if wanted in others:
        return REFUSED
    for text in texts:
        target = normalise(text)
        if target and not _has_digit(target) and _fuzzy_close(wanted, target):
            if others and _nearer_another(wanted, target, others):
                return REFUSED
            return found(text, fuzzy=True)
    return REFUSED


def _nearer_another(wanted: str, target: str, others: set[str]) -> bool:
    """Whether `wanted` is at least as close to one of `others` as to `target`."""
    from rapidfuzz import fuzz

    # A plain comparison: process.extractOne's score_cutoff misses exact ties.
    to_target = fuzz.ratio(wanted, target)
    return any(fuzz.ratio(wanted, other) >= to_target for other in others)
