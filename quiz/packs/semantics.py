"""Checks that need the whole pack: unique ids, references that resolve, answers among the
choices, distinct choices, templates that make sense, aliases that are not ambiguous.

Each finding is an `Issue`: a key path into the pack (as in the TOML file) and a message
that says what would be right. The loader turns paths into line numbers, only when there is
something to report, so a good pack pays for none of that.
"""

from __future__ import annotations

import string
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

from quiz.packs.models import (
    Matching,
    MultipleChoice,
    Ordering,
    PackFile,
    SingleChoice,
    Typed,
)

KeyPath = tuple[str | int, ...]
TEMPLATE_FIELDS = ("subject", "object")
# Which placeholder each template must contain: it names the known side of the fact.
TEMPLATE_NEEDS = {
    "ask_object": ("subject",),
    "ask_subject": ("object",),
    "statement": ("subject", "object"),
}


@dataclass(frozen=True, slots=True)
class Issue:
    """One whole-pack problem: where (a key path such as ("questions", 3, "answer")) and what."""

    path: KeyPath
    message: str
    # Another place the message refers to (e.g. the first use of a duplicate id); the
    # loader appends its line number.
    related: KeyPath | None = None


def check_semantics(
    pack: PackFile,
    *,
    unchecked_entities: Collection[str] = (),
    unchecked_relations: Collection[str] = (),
    unchecked_facts: Collection[str] = (),
) -> list[Issue]:
    """Every whole-pack problem of `pack`, in the order of the file's sections.

    References to the `unchecked_*` ids (items the file has but that failed validation, so
    are not in `pack`) are not reported as unknown.
    """
    issues: list[Issue] = []
    issues += _unique_ids(pack)
    issues += _aliases(pack)
    issues += _relations(pack)
    issues += _facts(pack, set(unchecked_entities), set(unchecked_relations))
    issues += _questions(pack, set(unchecked_entities), set(unchecked_facts))
    return issues


def quoted_list(items: Sequence[str], limit: int = 6) -> str:
    """`["a", "b", …]`: a short, readable list for messages."""
    shown = ", ".join(f'"{item}"' for item in items[:limit])
    return f"[{shown}{', …' if len(items) > limit else ''}]"


def did_you_mean(value: str, options: Sequence[str]) -> str:
    """`; did you mean "X"?` for the closest option, or "" when nothing is close."""
    if not options:
        return ""
    from rapidfuzz import fuzz, process

    best = process.extractOne(value, options, scorer=fuzz.WRatio, score_cutoff=70)
    return f'; did you mean "{best[0]}"?' if best else ""


def _fold(text: str) -> str:
    return text.strip().casefold()


def _duplicates(section: str, ids: Sequence[str], what: str) -> list[Issue]:
    issues: list[Issue] = []
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            issues.append(
                Issue(
                    (section, index, "id"),
                    f'duplicate {what} id "{item_id}"; ids must be unique',
                    related=(section, first[item_id], "id"),
                )
            )
        else:
            first[item_id] = index
    return issues


def _unique_ids(pack: PackFile) -> list[Issue]:
    return [
        *_duplicates("entities", [e.id for e in pack.entities], "entity"),
        *_duplicates("relations", [r.id for r in pack.relations], "relation"),
        *_duplicates("facts", [f.id for f in pack.facts], "fact"),
        *_duplicates("questions", [q.id for q in pack.questions], "question"),
    ]


def _aliases(pack: PackFile) -> list[Issue]:
    """A name or alias that could mean two entities makes typed answers ambiguous."""
    issues: list[Issue] = []
    owner: dict[str, tuple[int, KeyPath]] = {}
    for index, entity in enumerate(pack.entities):
        names: list[tuple[KeyPath, str]] = [(("entities", index, "name"), entity.name)]
        names += [(("entities", index, "aliases", n), a) for n, a in enumerate(entity.aliases)]
        for path, name in names:
            other, other_path = owner.setdefault(_fold(name), (index, path))
            if other != index:
                issues.append(
                    Issue(
                        path,
                        f'"{name}" already names entity "{pack.entities[other].id}";'
                        " a name or alias must point to one entity only",
                        related=other_path,
                    )
                )
    return issues


def _template_issues(path: KeyPath, template: str, field: str) -> list[Issue]:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        return [Issue(path, f"{error}; write a literal brace as {{{{ or }}}}")]
    used: set[str] = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in TEMPLATE_FIELDS or spec or conversion:
            return [
                Issue(
                    path,
                    f'unknown placeholder "{{{name}}}";'
                    " only {subject} and {object} are allowed",
                )
            ]
        used.add(name)
    return [
        Issue(path, f"{field} must mention {{{need}}}")
        for need in TEMPLATE_NEEDS[field]
        if need not in used
    ]


def _relations(pack: PackFile) -> list[Issue]:
    issues: list[Issue] = []
    roles = sorted({role for entity in pack.entities for role in entity.roles})
    for index, relation in enumerate(pack.relations):
        for field in TEMPLATE_NEEDS:
            template = getattr(relation, field)
            if template is not None:
                issues += _template_issues(("relations", index, field), template, field)
        for side in ("subject_roles", "object_roles"):
            for number, role in enumerate(getattr(relation, side)):
                if role not in roles:
                    # Wrong choices come from entities with this role: a typo means none.
                    issues.append(
                        Issue(
                            ("relations", index, side, number),
                            f'no entity has role "{role}"'
                            f"{did_you_mean(role, roles) or '; give an entity that role'}",
                        )
                    )
    return issues


def _facts(
    pack: PackFile, unchecked_entities: set[str], unchecked_relations: set[str]
) -> list[Issue]:
    issues: list[Issue] = []
    entity_ids = {e.id for e in pack.entities}
    known_entities = entity_ids | unchecked_entities
    relations = {r.id: r for r in pack.relations}
    for index, fact in enumerate(pack.facts):
        here = ("facts", index)
        if fact.subject not in known_entities:
            issues.append(_unknown(here, "subject", fact.subject, "entity", entity_ids))
        relation = relations.get(fact.relation)
        if relation is None:
            if fact.relation not in unchecked_relations:
                issues.append(_unknown(here, "relation", fact.relation, "relation", relations))
            continue
        kind = relation.object
        if kind == "entity":
            if fact.object is None:
                issues.append(
                    Issue(
                        (*here, "object"),
                        f'relation "{relation.id}" links two entities: add object = "<entity id>"',
                    )
                )
            elif fact.object not in known_entities:
                issues.append(_unknown(here, "object", fact.object, "entity", entity_ids))
            if fact.value is not None:
                issues.append(
                    Issue(
                        (*here, "value"),
                        f'relation "{relation.id}" takes an entity object, not a value;'
                        " remove value",
                    )
                )
            if fact.accept:
                issues.append(
                    Issue(
                        (*here, "accept"),
                        f'relation "{relation.id}" takes an entity object: a typed answer'
                        " accepts the entity's aliases; add spellings there",
                    )
                )
            continue
        if fact.object is not None:
            issues.append(
                Issue(
                    (*here, "object"),
                    f'relation "{relation.id}" takes a {kind} value, not an object;'
                    " write value = … instead",
                )
            )
        if fact.accept and kind != "phrase":
            issues.append(
                Issue(
                    (*here, "accept"),
                    f'relation "{relation.id}" takes a {kind} value; accepted spellings are'
                    " for phrase facts only",
                )
            )
        if kind == "number" and not isinstance(fact.value, float):
            issues.append(
                Issue((*here, "value"), f'relation "{relation.id}" needs a number, e.g. value = 13')
            )
        if kind == "phrase" and not isinstance(fact.value, str):
            issues.append(
                Issue(
                    (*here, "value"),
                    f'relation "{relation.id}" needs a phrase, e.g. value = "…" (a quoted string)',
                )
            )
    return issues


def _unknown(here: KeyPath, field: str | int, value: str, what: str, known: Iterable[str]) -> Issue:
    options = sorted(known)
    hint = did_you_mean(value, options) or (
        f"; known {what} ids: {quoted_list(options)}"
        if options
        else f"; the pack has no {'entities' if what == 'entity' else what + 's'}"
    )
    return Issue((*here, field), f'unknown {what} "{value}"{hint}')


def _repeats(texts: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(index, index of the first) for each text that repeats an earlier one, ignoring case
    and spaces."""
    seen: dict[str, int] = {}
    for index, text in enumerate(texts):
        first = seen.setdefault(_fold(text), index)
        if first != index:
            yield index, first


def _distinct(path: KeyPath, items: Sequence[str], what: str) -> list[Issue]:
    return [
        Issue(
            (*path, index),
            f'"{items[index]}" repeats {what} {first + 1} (ignoring case and spaces);'
            f" each {what} must be different",
        )
        for index, first in _repeats(items)
    ]


def _questions(
    pack: PackFile, unchecked_entities: set[str], unchecked_facts: set[str]
) -> list[Issue]:
    issues: list[Issue] = []
    entity_ids = {e.id for e in pack.entities}
    known_entities = entity_ids | unchecked_entities
    fact_ids = {f.id for f in pack.facts}
    known_facts = fact_ids | unchecked_facts
    for index, question in enumerate(pack.questions):
        here = ("questions", index)
        for number, fact_id in enumerate(question.facts):
            if fact_id not in known_facts:
                issues.append(_unknown((*here, "facts"), number, fact_id, "fact", fact_ids))
        if isinstance(question, SingleChoice | MultipleChoice):
            # (At least two choices is the model's min_length; here, that they differ.)
            issues += _distinct((*here, "choices"), question.choices, "choice")
        if isinstance(question, SingleChoice):
            if question.answer not in question.choices:
                issues.append(_not_a_choice((*here, "answer"), question.answer, question.choices))
        elif isinstance(question, MultipleChoice):
            for number, answer in enumerate(question.answers):
                if answer not in question.choices:
                    issues.append(
                        _not_a_choice((*here, "answers", number), answer, question.choices)
                    )
            issues += _distinct((*here, "answers"), question.answers, "answer")
        elif isinstance(question, Ordering):
            issues += _distinct((*here, "items"), question.items, "item")
        elif isinstance(question, Matching):
            lefts = [pair.left for pair in question.pairs]
            rights = [pair.right for pair in question.pairs]
            issues += _pair_duplicates(here, lefts, "left")
            issues += _pair_duplicates(here, rights, "right")
        elif isinstance(question, Typed) and _unresolved(question.entity, known_entities):
            issues.append(_unknown(here, "entity", str(question.entity), "entity", entity_ids))
    return issues


def _unresolved(reference: str | None, known: set[str]) -> bool:
    return reference is not None and reference not in known


def _not_a_choice(path: KeyPath, answer: str, choices: Sequence[str]) -> Issue:
    return Issue(
        path,
        f'answer "{answer}" is not one of choices {quoted_list(choices)}'
        f"{did_you_mean(answer, choices)}",
    )


def _pair_duplicates(here: KeyPath, sides: Sequence[str], side: str) -> list[Issue]:
    return [
        Issue(
            (*here, "pairs", number, side),
            f'{side} "{sides[number]}" repeats pair {first + 1}; each {side} side must differ',
        )
        for number, first in _repeats(sides)
    ]


def check_generated_ids(pack: PackFile, generated: Iterable[tuple[str, str]]) -> list[Issue]:
    """A hand-written question whose id a generated one also has (they share a namespace).

    `generated` holds (question id, fact id) of every question the facts generate.
    """
    hand = {q.id: index for index, q in enumerate(pack.questions)}
    issues: list[Issue] = []
    for question_id, fact_id in generated:
        if question_id in hand:
            where = ("questions", hand[question_id], "id")
            issues.append(
                Issue(
                    where,
                    f'question id "{question_id}" is also the id of a question generated from'
                    f' fact "{fact_id}"; rename this question',
                )
            )
    return issues
