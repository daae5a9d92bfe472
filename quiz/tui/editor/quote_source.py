"""A fact made from a passage of the source text: the sentence around a place in the text,
and a first guess at the fact's subject and object from the entities the passage names.

The guess is only a start: the author chooses the relation and checks the rest in the form.
Pure: no Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from quiz.packs.models import MAX_ID, MAX_QUOTE
from quiz.packs.templates import slug

# A sentence ends at . ! ? or … (with any closing quotes or brackets after it) before
# whitespace, or at a blank line.
_SENTENCE_END = re.compile(r"[.!?…]+[”’\"')\]]*(?=\s)|\n[ \t]*\n")
_ID_WORDS = 5


def sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` that holds character `offset`, on one line (in the blank
    after a sentence, that sentence)."""
    start = 0
    end = len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.end() > offset:
            end = match.end()
            break
        start = match.end()
    sentence = " ".join(text[start:end].split())
    if not sentence and start > 0:
        return sentence_at(text, start - 1)
    return sentence


def quote_of(passage: str) -> str:
    """`passage` on one line, cut at a word to fit a quote (a quote must be in the source,
    so it is shortened, never changed)."""
    quote = " ".join(passage.split())
    if len(quote) <= MAX_QUOTE:
        return quote
    cut = quote.rfind(" ", 0, MAX_QUOTE)
    return quote[: cut if cut > 0 else MAX_QUOTE]


def fact_from_quote(quote: str, entities: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A new fact for `quote`: the first entity the quote names (by name or alias) as its
    subject, the next one as its object; an id from the quote's first words (the caller
    makes it unique). The relation is left for the author."""
    named = _entities_named(quote, entities)
    fact: dict[str, Any] = {
        "id": _fact_id(quote),
        "subject": named[0] if named else "",
        "relation": "",
    }
    if len(named) > 1:
        fact["object"] = named[1]
    fact["quote"] = quote
    return fact


def _entities_named(quote: str, entities: Sequence[Mapping[str, Any]]) -> list[str]:
    """Ids of the entities `quote` names, in the order it first names them."""
    folded = quote.casefold()
    found: list[tuple[int, str]] = []
    for entity in entities:
        entity_id = entity.get("id")
        if not isinstance(entity_id, str):
            continue
        names = [entity.get("name"), *(entity.get("aliases") or [])]
        places = [
            match.start()
            for name in names
            if isinstance(name, str) and name.strip()
            for match in [re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded)]
            if match
        ]
        if places:
            found.append((min(places), entity_id))
    return [entity_id for _, entity_id in sorted(found)]


def _fact_id(quote: str) -> str:
    words = slug(quote).split("-")[:_ID_WORDS]
    return ("fact-" + "-".join(words))[: MAX_ID - 4].rstrip("-")
