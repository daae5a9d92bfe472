"""The names a typed question must never accept: the pack's names that are not its answer's.

A typed answer forgives a typo, but a typo rule must not turn one real name into another:
"Miliband" is one letter from the nickname "Milibland", and it is the surname of both
brothers. So every typed question carries `other_names` (see `Question`): the names,
aliases and surnames of the pack's other entities that a player could confuse with an
accepted answer. The game refuses them (`quiz.game.typed_answers`).

Only names near an accepted answer matter (a far-away name is refused anyway), so a
question carries at most `MAX_OTHER_NAMES` of them, nearest first. A pack with more than
`FULL_SCAN_NAMES` names is searched by shared (uncommon) words only, so generation stays
linear.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from quiz.packs.models import Entity

MAX_OTHER_NAMES = 64
FULL_SCAN_NAMES = 2_000
# Generous on purpose: a near miss of the answer can be this far from another name.
RELEVANT_RATIO = 60.0
SHARED_WORD = 90.0
# Words in more names than this are too common to link a name to an answer.
RARE_WORD = 16
# Room for the answer's own names among the nearest, which are then left out.
_SLACK = 8

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
        by_word: dict[str, list[str]] = defaultdict(list)
        for key in self._keys:
            for word in set(key.split()):
                by_word[word].append(key)
        # A word many names share ("lord", "the") says nothing about which one is meant.
        self._by_word = {word: keys for word, keys in by_word.items() if len(keys) <= RARE_WORD}

    def entity_named(self, text: str) -> str | None:
        """The id of the one entity `text` names, or None (no entity, or several)."""
        owners = self._owners.get(plain(text), set())
        return next(iter(owners)) if len(owners) == 1 else None

    def other_names(self, accepted: Sequence[str], answer_entity: str | None) -> tuple[str, ...]:
        """The names near `accepted` that are not the answer's, nearest first: within
        rapidfuzz ratio `RELEVANT_RATIO` of an accepted text, or sharing a word with one.

        A name shared by the answer and another entity (a surname both brothers have) is
        another's name too, unless the question accepts it outright.
        """
        from rapidfuzz import fuzz, process

        wanted = [key for key in dict.fromkeys(plain(text) for text in accepted) if key]
        if not wanted:
            return ()
        scored: dict[str, float] = {}
        searched = self._keys if len(self._keys) <= FULL_SCAN_NAMES else []
        for answer in wanted:
            near = process.extract(
                answer,
                searched,
                scorer=fuzz.ratio,
                score_cutoff=RELEVANT_RATIO,
                limit=MAX_OTHER_NAMES + len(wanted) + _SLACK,
            )
            for key, score, _ in near:
                scored[key] = max(scored.get(key, 0.0), score)
            for word in answer.split():
                for key in self._by_word.get(word, ()):
                    scored[key] = max(scored.get(key, 0.0), SHARED_WORD)
        taken = set(wanted)
        kept = [
            key for key in scored if key not in taken and not self._owners[key] <= {answer_entity}
        ]
        kept.sort(key=lambda key: (-scored[key], key))
        return tuple(self._shown[key] for key in kept[:MAX_OTHER_NAMES])
