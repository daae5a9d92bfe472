"""Check that every quote in a pack is really in its source text.

Quotes are compared after normalising what editors and typists change without meaning to:
runs of whitespace, curly versus straight quotes, and `…` versus `...`. A quote that is not
found is reported with the closest passage of the source, so the author can copy it.
"""

from __future__ import annotations

from quiz.packs.errors import Problem
from quiz.packs.locate import LineFinder, format_key
from quiz.packs.models import PackFile
from quiz.packs.quote_text import normalise_quote

# The closest passage is shown with this much context, at most.
_PASSAGE_LIMIT = 160


def quote_places(pack: PackFile) -> list[tuple[tuple[str | int, ...], str]]:
    """(key path, quote) for every non-empty quote of facts and hand-written questions."""
    places: list[tuple[tuple[str | int, ...], str]] = []
    places += [(("facts", n, "quote"), f.quote) for n, f in enumerate(pack.facts) if f.quote]
    places += [
        (("questions", n, "quote"), q.quote) for n, q in enumerate(pack.questions) if q.quote
    ]
    return places


def closest_passage(quote: str, source: str) -> str:
    """The passage of (normalised) `source` that best matches (normalised) `quote`."""
    from rapidfuzz import fuzz

    alignment = fuzz.partial_ratio_alignment(quote, source)
    if alignment is None:
        return ""
    # Widen the aligned window to whole words: it has the quote's length, so it often
    # starts and ends mid-word.
    start = source.rfind(" ", 0, alignment.dest_start) + 1
    end = source.find(" ", max(alignment.dest_end - 1, start))
    passage = source[start : end if end != -1 else len(source)].strip()
    if len(passage) > _PASSAGE_LIMIT:
        passage = passage[: _PASSAGE_LIMIT - 1] + "…"
    return passage


def check_quotes(
    pack: PackFile, source_text: str, filename: str, pack_text: str | None = None
) -> list[Problem]:
    """A Problem for every quote of `pack` that does not appear in `source_text`.

    `filename` names the pack in each problem; give `pack_text` (the TOML) to get line
    numbers too.
    """
    source = normalise_quote(source_text)
    missing: list[tuple[tuple[str | int, ...], str]] = []
    for path, quote in quote_places(pack):
        wanted = normalise_quote(quote)
        if wanted and wanted not in source:
            passage = closest_passage(wanted, source)
            hint = f'; closest passage: "{passage}"' if passage else ""
            missing.append((path, f"quote not found in the source{hint}"))
    lines = LineFinder(pack_text).lines_of(p for p, _ in missing) if pack_text is not None else {}
    return [
        Problem(filename, lines.get(path), format_key(path), message) for path, message in missing
    ]
