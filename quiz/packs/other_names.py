"""The names a typed question must never accept: the pack's names that are not its answer's.

A typed answer forgives a typo, but a typo rule must not turn one real name into another:
"Miliband" is one letter from the nickname "Milibland", and it is the surname of both
brothers. So every typed question carries `other_names` (see `Question`): the names,
aliases and surnames of the pack's other entities that a player could confuse with an
accepted answer. The game refuses them (`quiz.game.typed_answers`).

Only names near an accepted answer matter (a far-away name is refused anyway), so a
question carries at most `MAX_OTHER_NAMES` of them, nearest first. A pack with more than
`FULL_SCAN_NAMES` names is searched by shared words only, so generation stays linear.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from quiz.packs.models import Entity

MAX_OTHER_NAMES = 64
FULL_SCAN_NAMES = 5_000
# Generous on purpose: a near miss of the answer can be this far from another name.
RELEVANT_RATIO = 60.0
SHARED_WORD = 90.0

_NOT_WORD = re.compile(r"[^\w]+")
_QUOTES = "‘’“”'\"`"


def plain(text: str) -> str:
    """Casefolded words only: enough to compare names here (the game normalises fully)."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def surname(entity: Entity) -> str | None:
    """A person's last name (the last word of `name`), which players type on its own."""
    if entity.kind != "person":
        return None
    words = entity.name.split()
    if len(words) < 2:
        return None
    return words[-1].strip(_QUOTES) or None


def names_of_entity(entity: Entity) -> list[str]:
    """Every name a player might type for `entity`: name, aliases and surname."""
    names = [entity.name, *entity.aliases]
    last = surname(entity)
    if last is not None:
        names.append(last)
    return names


class NameIndex:
    """Every name of a pack's entities, built once per pack."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        # name (plain) -> (a display form, ids of the entities it names)
        self._owners: dict[str, set[str]] = defaultdict(set)
        self._shown: dict[str, str] = {}
        for entity in sorted(entities, key=lambda item: item.id):
            for name in names_of_entity(entity):
                key = plain(name)
                if key:
                    self._owners[key].add(entity.id)
                    self._shown.setdefault(key, name)
        self._keys = sorted(self._owners)
        self._by_word: dict[str, list[str]] = defaultdict(list)
        for key in self._keys:
            for word in set(key.split()):
                self._by_word[word].append(key)

    def entity_named(self, text: str) -> str | None:
        """The id of the one entity `text` names, or None (no entity, or several)."""
        owners = self._owners.get(plain(text), set())
        return next(iter(owners)) if len(owners) == 1 else None

    def other_names(self, accepted: Sequence[str], answer_entity: str | None) -> tuple[str, ...]:
        """The names near `accepted` that are not the answer's, nearest first.

        A name shared by the answer and another entity (a surname both brothers have) is
        another's name too, unless the question accepts it outright.
        """
        wanted = [key for key in dict.fromkeys(plain(text) for text in accepted) if key]
        if not wanted:
            return ()
        taken = set(wanted)
        scored: dict[str, float] = {}
        for key in self._candidates(wanted):
            if key in taken or self._owners[key] <= {answer_entity}:
                continue
            scored[key] = max(_closeness(key, answer) for answer in wanted)
        kept = [key for key, score in scored.items() if score >= RELEVANT_RATIO]
        kept.sort(key=lambda key: (-scored[key], key))
        return tuple(self._shown[key] for key in kept[:MAX_OTHER_NAMES])

    def _candidates(self, wanted: list[str]) -> Iterable[str]:
        if len(self._keys) <= FULL_SCAN_NAMES:
            return self._keys
        found: set[str] = set()
        for answer in wanted:
            for word in answer.split():
                found.update(self._by_word.get(word, ()))
        return sorted(found)


def _closeness(name: str, answer: str) -> float:
    """rapidfuzz's ratio, and at least 90 when the two share a word (a bare surname)."""
    from rapidfuzz import fuzz

    score = fuzz.ratio(name, answer)
    return max(score, SHARED_WORD) if set(name.split()) & set(answer.split()) else score
