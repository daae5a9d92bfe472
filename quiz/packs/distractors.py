"""Wrong answers for generated questions.

The rules (questions/README.md, "How distractors are chosen"):
- an entity answer gets entities of the same kind that share a role with it;
- a phrase answer gets the fact's own `distractors`, then other facts' values of the relation;
- a number answer gets nearby numbers, and other facts' values of the relation;
- a distractor never equals an answer (ignoring case, and counting an answer's aliases),
  never equals another distractor, and is never itself a correct answer by the facts.

Every choice is drawn from a generator seeded by the question id, so the same pack always
gives the same distractors, whatever order its facts are in.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from quiz.packs.models import Entity

T = TypeVar("T")

# Multipliers for "nearby" numbers: close enough to be plausible, far enough to be wrong.
_NEARBY_FACTORS = (0.5, 0.75, 1.5, 2.0, 0.25, 1.25, 3.0)


def names_of(entity: Entity) -> set[str]:
    """Every name a player might know this entity by, casefolded."""
    return {entity.name.casefold(), *(alias.casefold() for alias in entity.aliases)}


class EntityPools:
    """Candidate distractors by (kind, role), built once per pack so lookups stay cheap."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_kind_role: dict[tuple[str, str], list[Entity]] = defaultdict(list)
        for entity in sorted(entities, key=lambda item: item.id):
            for role in dict.fromkeys(entity.roles):
                self._by_kind_role[(entity.kind, role)].append(entity)
        self._unions: dict[tuple[tuple[str, str], ...], list[Entity]] = {}

    def pool(self, answers: Sequence[Entity]) -> list[Entity]:
        """Entities of the same kind as some answer, sharing a role with that answer."""
        keys = tuple(sorted({(a.kind, role) for a in answers for role in a.roles}))
        if keys not in self._unions:
            merged: dict[str, Entity] = {}
            for key in keys:
                for entity in self._by_kind_role.get(key, ()):
                    merged.setdefault(entity.id, entity)
            self._unions[keys] = [merged[entity_id] for entity_id in sorted(merged)]
        return self._unions[keys]

    def pick(
        self,
        rng: random.Random,
        answers: Sequence[Entity],
        excluded_ids: set[str],
        count: int,
        *,
        like: Sequence[Entity] | None = None,
        prefer: Sequence[Entity] = (),
    ) -> list[Entity]:
        """Up to `count` entities from the pool of `like` (default: `answers`), none correct.

        `answers` are every correct answer; `excluded_ids` holds their ids and any other id
        that must not appear (such as the question's own subject). A candidate is also
        refused when its name is a name of an answer or an answer's name is one of its
        aliases, so the same person under two ids never becomes a wrong choice. Candidates
        in `prefer` (say, entities that play the same part in other facts of the relation)
        are taken first, as long as they are in the pool too.
        """
        answer_names = set().union(*(names_of(a) for a in answers)) if answers else set()
        answer_display = {a.name.casefold() for a in answers}

        def acceptable(candidate: Entity) -> bool:
            return (
                candidate.id not in excluded_ids
                and candidate.name.casefold() not in answer_names
                and not (names_of(candidate) & answer_display)
            )

        pool = self.pool(answers if like is None else like)
        in_pool = {entity.id for entity in pool}
        peers = sorted({e.id: e for e in prefer if e.id in in_pool}.values(), key=_entity_id)
        chosen = pick_distinct(rng, peers, acceptable, count, _entity_name)
        taken = {entity.name.casefold() for entity in chosen}
        chosen += pick_distinct(
            rng,
            pool,
            lambda entity: acceptable(entity) and entity.name.casefold() not in taken,
            count - len(chosen),
            _entity_name,
        )
        return chosen


def _entity_id(entity: Entity) -> str:
    return entity.id


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

    Samples a few more than needed and filters, so a large pool costs little; scans the whole
    pool only when the sample falls short.
    """
    if count <= 0 or not pool:
        return []
    sample_size = min(len(pool), 2 * count + 8)
    order = rng.sample(range(len(pool)), sample_size)
    chosen = _filter(pool, order, acceptable, count, text_of)
    if len(chosen) < count and sample_size < len(pool):
        sampled = set(order)
        rest = [index for index in range(len(pool)) if index not in sampled]
        rng.shuffle(rest)
        chosen = _filter(pool, order + rest, acceptable, count, text_of)
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
        picked = pick_distinct(
            rng,
            sorted(set(tier), key=lambda text: (text.casefold(), text)),
            lambda text, refused=refused: text.casefold() not in refused,
            count - len(chosen),
            lambda text: text,
        )
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
    """Up to `count` plausible wrong numbers, each outside the tolerance of every right one."""
    integral = float(value).is_integer()
    candidates: list[float] = list(others)
    for factor in _NEARBY_FACTORS:
        scaled = value * factor
        candidates.append(float(round(scaled)) if integral else round(scaled, 2))
    step = max(2 * tolerance, 1.0 if integral else abs(value) * 0.1 or 1.0)
    candidates += [value + 2 * step, value - 2 * step, value + 4 * step]

    def acceptable(number: float) -> bool:
        if any(abs(number - right) <= tolerance or number == right for right in correct):
            return False
        if value > 0 and number <= 0:
            return False
        return not (unit == "%" and 0 <= value <= 100 and number > 100)

    pool = sorted(set(candidates))
    return pick_distinct(rng, pool, acceptable, count, lambda n: repr(float(n)))
