"""Rewriting a phrase said of one subject so that it fits another: 'his' becomes 'her'.

A phrase the source says of one person ("is a smarter politician than his brother") is a
plausible wrong choice for another person of the same kind, but only in that person's
pronoun: offered for Harriet Harman it reads "… than her brother", so the pronoun never
gives the answer away. Rewrites that cannot be done word for word ('it' to 'him' or 'he'?)
return None, and the phrase is not borrowed.
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"\b(he|him|his|himself|she|her|hers|herself|it|its|itself)\b", re.I)

# What each pronoun's words become in another; 'her' from 'she' depends on its use.
_TABLE: dict[tuple[str, str], dict[str, str]] = {
    ("he", "she"): {"he": "she", "him": "her", "his": "her", "himself": "herself"},
    ("he", "it"): {"he": "it", "him": "it", "his": "its", "himself": "itself"},
    ("he", "they"): {"he": "they", "him": "them", "his": "their", "himself": "themselves"},
    ("she", "he"): {"she": "he", "hers": "his", "herself": "himself"},
    ("she", "it"): {"she": "it", "hers": "its", "herself": "itself"},
    ("she", "they"): {"she": "they", "hers": "theirs", "herself": "themselves"},
}
# After these words 'her' is the object ("than her", "to her"), elsewhere a possessive.
_HER = {"he": ("his", "him"), "it": ("its", "it"), "they": ("their", "them")}
_OBJECT_BEFORE = frozenset(
    [
        "to",
        "for",
        "and",
        "as",
        "in",
        "with",
        "than",
        "at",
        "on",
        "by",
        "from",
        "of",
        "about",
        "or",
        "but",
    ]
)


def fit_pronouns(text: str, source: str | None, target: str | None) -> str | None:
    """`text`, said of a subject referred to as `source`, rewritten for one that is `target`.

    Unchanged when either pronoun is unknown (None), when they are the same, or when the
    text holds no pronoun; None when the rewrite is not one this function can do.
    """
    if source is None or target is None or source == target or not _WORDS.search(text):
        return text
    table = _TABLE.get((source, target))
    if table is None:
        return None
    if source == "she":
        return _from_her(text, target, table)
    return _WORDS.sub(lambda match: _swap(match, table), text)


def _swap(match: re.Match[str], table: dict[str, str]) -> str:
    word = match.group(0)
    new = table.get(word.casefold())
    if new is None:
        return word
    return new.capitalize() if word[0].isupper() else new


def _from_her(text: str, target: str, table: dict[str, str]) -> str:
    """'her' is 'his'/'its'/'their' before a noun and 'him'/'it'/'them' elsewhere."""
    possessive, objective = _HER[target]

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.casefold() != "her":
            return _swap(match, table)
        following = re.match(r"\s+(\w+)", text[match.end() :])
        if following is None or following.group(1).casefold() in _OBJECT_BEFORE:
            new = objective
        else:
            new = possessive
        return new.capitalize() if word[0].isupper() else new

    return _WORDS.sub(swap, text)
