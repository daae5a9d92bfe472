"""Wrong answers for generated questions.

The rules (questions/README.md, "How distractors are chosen"):
- an entity answer gets entities of the same kind, with the relation's role for that side
  (else a role of the answer), in the answer's pronoun, never one the prompt names;
- a phrase answer gets the fact's own `distractors`, then values the relation gives to
  subjects of the same kind and role, rewritten to fit the subject's pronoun;
- a number answer gets nearby numbers (between half and double it), and other facts'
  values of the relation;
- a distractor never equals an answer (ignoring case, and counting an answer's aliases),
  never equals another distractor, and is never itself a correct answer by the facts.

Every choice is drawn from a generator seeded by the question id, so the same pack always
gives the same distractors, whatever order its facts are in.
"""

from __future__ import annotations

import bisect
import random
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from quiz.packs.models import Entity

T = TypeVar("T")
PoolKey = tuple[tuple[str, str, str], ...]
# The most candidates one question looks at when most of a pool is ruled out.
SCAN_LIMIT = 64

_NOT_WORD = re.compile(r"[^\w]+")
# Multipliers for "nearby" numbers: close enough to be plausible, far enough to be wrong.
_NEARBY_FACTORS = (0.5, 0.75, 1.5, 2.0, 0.25, 1.25, 3.0)


def names_of(entity: Entity) -> set[str]:
    """Every name a player might know this entity by, casefolded."""
    return {entity.name.casefold(), *(alias.casefold() for alias in entity.aliases)}


class EntityPools:
    """Candidate distractors by kind, role and pronoun, built once per pack so lookups stay
    cheap.

    An entity is a candidate for a right answer when it is of the same kind, has one of the
    roles (the relation's roles for that side, else the answer's own roles), and agrees in
    pronoun: "he" for "he", never "she" (an unknown pronoun agrees with anything).
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_kind_role: dict[tuple[str, str], list[Entity]] = defaultdict(list)
        for entity in sorted(entities, key=lambda item: item.id):
            for role in dict.fromkeys(entity.roles):
                self._by_kind_role[(entity.kind, role)].append(entity)
        self._unions: dict[PoolKey, list[Entity]] = {}
        self._preferred: dict[tuple[PoolKey, Hashable], list[Entity]] = {}

    @staticmethod
    def key(answers: Sequence[Entity], roles: Sequence[str] = (), *, agree: bool = True) -> PoolKey:
        """What decides a pool: (kind, pronoun, role) for every answer and usable role.

        `agree` False leaves the pronoun out (a phrase is rewritten to fit instead).
        """
        return tuple(
            sorted(
                {
                    (a.kind, (a.pronoun or "") if agree else "*", role)
                    for a in answers
                    for role in (roles or a.roles)
                }
            )
        )

    def pool(
        self, answers: Sequence[Entity], roles: Sequence[str] = (), *, agree: bool = True
    ) -> list[Entity]:
        """Entities of an answer's kind, with one of `roles` (default: a role of that answer),
        in that answer's pronoun (unless `agree` is False), sorted by id."""
        keys = self.key(answers, roles, agree=agree)
        if keys not in self._unions:
            merged: dict[str, Entity] = {}
            for kind, pronoun, role in keys:
                for entity in self._by_kind_role.get((kind, role), ()):
                    if pronoun in ("", "*") or entity.pronoun in (None, pronoun):
                        merged.setdefault(entity.id, entity)
            self._unions[keys] = [merged[entity_id] for entity_id in sorted(merged)]
        return self._unions[keys]

    def pick(
        self,
        rng: random.Random,
        right: RightAnswers,
        count: int,
        *,
        like: Sequence[Entity],
        roles: Sequence[str] = (),
        prefer: Preferred | None = None,
        also_not: str | None = None,
        prompt: str = "",
    ) -> list[Entity]:
        """Up to `count` entities from the pool of `like` (and `roles`), none of them right.

        A candidate is refused when it is one of `right`, when its name is a name of a right
        answer, or when a right answer's name is one of its aliases (so the same person under
        two ids never becomes a wrong choice), when its id is `also_not` (the question's own
        subject, say), and when the prompt names it ("Cameron's little friend" never offers
        Cameron). Candidates in `prefer` (entities that play the same part in other facts of
        the relation) are taken first, as long as they are in the pool too.
        """
        named = _NamedIn(prompt)

        def acceptable(candidate: Entity) -> bool:
            return (
                candidate.id not in right.ids
                and candidate.id != also_not
                and candidate.name.casefold() not in right.names
                and not (names_of(candidate) & right.display)
                and not named.names(candidate)
            )

        chosen: list[Entity] = []
        if prefer is not None:
            chosen = pick_distinct(
                rng, self._preferred_in(like, roles, prefer), acceptable, count, _entity_name
            )
        taken = {entity.name.casefold() for entity in chosen}
        chosen += pick_distinct(
            rng,
            self.pool(like, roles),
            lambda entity: acceptable(entity) and entity.name.casefold() not in taken,
            count - len(chosen),
            _entity_name,
        )
        return chosen

    def _preferred_in(
        self, source: Sequence[Entity], roles: Sequence[str], prefer: Preferred
    ) -> list[Entity]:
        """The preferred entities that are in the pool, computed once per pool and list."""
        cache_key = (self.key(source, roles), prefer.token)
        if cache_key not in self._preferred:
            in_pool = {entity.id for entity in self.pool(source, roles)}
            self._preferred[cache_key] = [e for e in prefer.entities if e.id in in_pool]
        return self._preferred[cache_key]


class _NamedIn:
    """Whether a prompt names an entity (any of its names, as whole words)."""

    def __init__(self, prompt: str) -> None:
        self._folded = " ".join(_NOT_WORD.sub(" ", prompt.casefold()).split())
        self._padded = f" {self._folded} "

    def names(self, entity: Entity) -> bool:
        if not self._folded:
            return False
        for name in (entity.name, *entity.aliases):
            words = " ".join(_NOT_WORD.sub(" ", name.casefold()).split())
            if words and f" {words} " in self._padded:
                return True
        return False


@dataclass(frozen=True)
class RightAnswers:
    """The right answers of a question, as the sets distractor checks need (built once)."""

    ids: frozenset[str]
    names: frozenset[str]  # every name and alias, casefolded
    display: frozenset[str]  # the display names, casefolded

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> RightAnswers:
        entities = list(entities)
        names: set[str] = set()
        for entity in entities:
            names |= names_of(entity)
        return cls(
            frozenset(entity.id for entity in entities),
            frozenset(names),
            frozenset(entity.name.casefold() for entity in entities),
        )


@dataclass(frozen=True)
class Preferred:
    """Entities to try first, sorted by id and unique; `token` names the list for caching."""

    token: Hashable
    entities: tuple[Entity, ...]

    @classmethod
    def of(cls, token: Hashable, entities: Iterable[Entity]) -> Preferred:
        unique = {entity.id: entity for entity in entities}
        return cls(token, tuple(unique[entity_id] for entity_id in sorted(unique)))


def _entity_name(entity: Entity) -> str:
    return entity.name


def pick_distinct(
    rng: random.Random,
    pool: Sequence[T],
    acceptable: Callable[[T], bool],
    count: int,
    text_of: Callable[[T], str],
) -> list[T]:
    """Sample up to `count` acceptable items of `pool` whose texts differ ignoring case.

    Samples a few more than needed and filters, so a large pool costs little. When that
    falls short, a second sample looks at up to `SCAN_LIMIT` items: every item of a pool of
    that size or less, so small pools are searched exhaustively, while a huge pool that is
    nearly all right answers cannot make generation quadratic.
    """
    if count <= 0 or not pool:
        return []
    sample_size = min(len(pool), 2 * count + 8)
    order = rng.sample(range(len(pool)), sample_size)
    chosen = _filter(pool, order, acceptable, count, text_of)
    if len(chosen) < count and sample_size < len(pool):
        sampled = set(order)
        wider = rng.sample(range(len(pool)), min(len(pool), SCAN_LIMIT))
        order += [index for index in wider if index not in sampled]
        chosen = _filter(pool, order, acceptable, count, text_of)
    return chosen


def _filter(
    pool: Sequence[T],
    order: Sequence[int],
    acceptable: Callable[[T], bool],
    count: int,
    text_of: Callable[[T], str],
) -> list[T]:
    seen: set[str] = set()
    chosen: list[T] = []
    for index in order:
        item = pool[index]
        key = text_of(item).casefold()
        if key in seen or not acceptable(item):
            continue
        seen.add(key)
        chosen.append(item)
        if len(chosen) == count:
            break
    return chosen


def pick_phrases(
    rng: random.Random,
    tiers: Sequence[Sequence[str]],
    correct: set[str],
    count: int,
) -> list[str]:
    """Up to `count` wrong phrases, taken from each tier in turn until there are enough.

    Each tier must come in a stable order (generation sorts them), since which phrases
    are picked depends on it.

    Generation passes the fact's own distractors, then values the relation gives to
    similar subjects, then every value of the relation. `correct` holds every right
    answer casefolded; none of them is ever returned, and no two picks are equal.
    """
    chosen: list[str] = []
    taken = set(correct)
    for tier in tiers:
        if len(chosen) >= count:
            break
        refused = frozenset(taken)

        def not_taken(text: str, refused: frozenset[str] = refused) -> bool:
            return text.casefold() not in refused

        picked = pick_distinct(rng, tier, not_taken, count - len(chosen), str)
        chosen += picked
        taken |= {text.casefold() for text in picked}
    return chosen


def nearby_numbers(
    rng: random.Random,
    value: float,
    tolerance: float,
    unit: str,
    correct: Sequence[float],
    others: Sequence[float],
    count: int,
) -> list[float]:
    """Up to `count` plausible wrong numbers, each outside the tolerance of every right one.

    `others` are the relation's other values, sorted; the few nearest `value` are used. A
    wrong number for a positive value lies between half and double it: "39 years" for 13
    would give itself away by tone alone.
    """
    integral = float(value).is_integer()
    # Only the relation's values nearest this one: plausible, and cheap for a huge relation.
    sorted_others = list(others)
    middle = bisect.bisect_left(sorted_others, value)
    candidates: list[float] = sorted_others[max(0, middle - 3) : middle + 3]
    for factor in _NEARBY_FACTORS:
        scaled = value * factor
        candidates.append(float(round(scaled)) if integral else round(scaled, 2))
    step = max(2 * tolerance, 1.0 if integral else abs(value) * 0.1 or 1.0)
    candidates += [value + 2 * step, value - 2 * step, value + 4 * step]

    rights = sorted(correct)

    def acceptable(number: float) -> bool:
        # Only the right answers nearest `number` can be within the tolerance of it.
        at = bisect.bisect_left(rights, number)
        if any(abs(number - right) <= tolerance for right in rights[max(0, at - 1) : at + 1]):
            return False
        if value > 0 and not value / 2 <= number <= value * 2:
            return False
        return not (unit == "%" and 0 <= value <= 100 and number > 100)

    pool = sorted(set(candidates))
    return pick_distinct(rng, pool, acceptable, count, lambda n: repr(float(n)))
