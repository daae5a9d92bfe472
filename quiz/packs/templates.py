"""Small pure helpers for question generation: template filling, stable ids, number text.

Pack text is untrusted, so templates are filled by plain substitution of `{subject}` and
`{object}` only: never `str.format`, which would let `{subject.__class__}` reach into Python
objects.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata

from quiz.packs.question import format_number

ACCORDING = "according to the article"
# What every multiple-answer question says, so nobody picks one answer and stops.
ALL_THAT_APPLY = "Choose all that apply."
# Facts and questions tagged with one of these state an opinion of the source or a claim
# (or spelling) that history disputes; their prompts must say "according to the article".
FLAGGED_TAGS = frozenset({"opinion", "disputed"})

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(subject|object)\}")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def fill(template: str, subject: str, obj: str) -> str:
    """Replace `{subject}` and `{object}` in `template`, and `{{`/`}}` by literal braces.

    Nothing else is substituted: `{subject.__class__}` stays as written. One pass over the
    template, so a name that itself contains `{object}` stays literal too.
    """
    values = {"subject": subject, "object": obj}

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group(0)[0]
        return values[match.group(1)]

    return _PLACEHOLDER.sub(replace, template)


def slug(text: str) -> str:
    """A lower-case id fragment for a phrase: 'Hattie’s vote!' -> 'hattie-s-vote'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = _NOT_SLUG.sub("-", ascii_text.casefold()).strip("-")
    return cleaned or "x" + _digest(text)[:8]


def make_id(*parts: str) -> str:
    """Join id parts with '.', shortened with a hash when longer than a pack id may be.

    The result depends only on the parts, so the same fact gives the same id in every run
    and every version of the pack where its parts are unchanged.
    """
    joined = ".".join(parts)
    from quiz.packs.models import MAX_ID  # here: drawing a round must not build the models

    if len(joined) <= MAX_ID:
        return joined
    suffix = _digest(joined)[:10]
    head, tail = ".".join(parts[:-1]), parts[-1]
    room = MAX_ID - len(tail) - len(suffix) - 2
    if head and room >= 8:
        # Shorten the middle, keep the last part: '….ask-subject' still says what it asks.
        return f"{head[:room].rstrip('.-_')}-{suffix}.{tail}"
    return joined[: MAX_ID - len(suffix) - 1].rstrip(".-_") + "-" + suffix


def rng_for(question_id: str) -> random.Random:
    """A random generator seeded from the question id (not `hash()`, which varies per run)."""
    return random.Random(int(_digest(question_id)[:16], 16))


def number_text(value: float, unit: str) -> str:
    """'25%' for percentages, '236 hours' otherwise, '50' without a unit.

    A unit written in the plural loses its final 's' for exactly one: '1 day', '1 MP'.
    """
    number = format_number(value)
    if not unit:
        return number
    if unit == "%":
        return number + unit
    if abs(value) == 1 and unit.endswith("s") and len(unit) > 1:
        unit = unit[:-1]
    return f"{number} {unit}"


def is_flagged(tags: list[str] | tuple[str, ...]) -> bool:
    """Whether these tags mark an opinion or a disputed claim."""
    return any(tag.casefold() in FLAGGED_TAGS for tag in tags)


def say_according(prompt: str) -> str:
    """Make sure a prompt says 'according to the article', adding it before the end mark."""
    if ACCORDING in prompt.casefold():
        return prompt
    body = prompt.rstrip()
    end = ""
    while body and body[-1] in "?.!":
        end = body[-1] + end
        body = body[:-1]
    return f"{body}, {ACCORDING}{end or '?'}"


def with_instruction(prompt: str, instruction: str) -> str:
    """The prompt followed by what to do ("Choose all that apply."), unless it says so
    already (ignoring case)."""
    if instruction.casefold().rstrip(".") in prompt.casefold():
        return prompt
    return f"{prompt.rstrip()} {instruction}"


def unique(values: list[str], *, limit: int | None = None) -> list[str]:
    """Keep the first of values that are equal ignoring case, in order."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept if limit is None else kept[:limit]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
