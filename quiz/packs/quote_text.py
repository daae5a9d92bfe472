"""How quoted words of the source are compared: the one normalisation of quotes.

Editors and typists change quote marks and whitespace without meaning to, so a quote is
compared with curly and straight quotes made the same, `…` as `...` and whitespace runs as
one space. Kept apart from `quiz.packs.quotes` (which checks quotes against the source and
needs the pack models) because drawing a round compares quotes too, and must stay light.
"""

from __future__ import annotations

import re

_SAME_CHARACTER = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "\u00a0": " ",
        "…": "...",
    }
)
_WHITESPACE = re.compile(r"\s+")


def normalise_quote(text: str) -> str:
    """`text` with quotes straightened, `…` as `...` and whitespace runs as one space."""
    return _WHITESPACE.sub(" ", text.translate(_SAME_CHARACTER)).strip()
