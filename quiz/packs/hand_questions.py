"""Hand-written pack questions as concrete `Question`s and back, and the attribution of quotes."""

from __future__ import annotations

from typing import Any

from quiz.packs.models import (
    Entity,
    HandQuestion,
    Matching,
    MultipleChoice,
    Ordering,
    PackFile,
    SingleChoice,
    TrueFalse,
    Typed,
)
from quiz.packs.other_names import NameIndex
from quiz.packs.question import FALSE, TRUE, Question
from quiz.packs.templates import unique


def attribution_of(pack: PackFile) -> str:
    """The pack's source as 'Title, Author, Date', leaving out what is unknown."""
    source = pack.pack.source
    if source is None:
        return ""
    return ", ".join(part for part in (source.title, source.author, source.date) if part)


def hand_to_question(
    question: HandQuestion,
    entities: dict[str, Entity],
    attribution: str,
    names: NameIndex | None = None,
) -> Question:
    """A hand-written question as a concrete `Question` (origin 'hand').

    Its `facts` become `fact_ids`. A typed question carries the pack's other names near its
    answer (`names`, built from `entities` when not given), which the game never accepts.
    """
    fields: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "prompt": question.prompt,
        "explanation": question.explanation,
        "quote": question.quote,
        "attribution": attribution if question.quote else "",
        "difficulty": question.difficulty,
        "tags": tuple(question.tags),
        "time_limit": question.time_limit,
        "origin": "hand",
        "fact_ids": tuple(dict.fromkeys(question.facts)),
    }
    if isinstance(question, SingleChoice):
        fields.update(choices=tuple(question.choices), answers=(question.answer,))
    elif isinstance(question, MultipleChoice):
        fields.update(choices=tuple(question.choices), answers=tuple(question.answers))
    elif isinstance(question, TrueFalse):
        fields.update(choices=(TRUE, FALSE), answers=(TRUE if question.answer else FALSE,))
    elif isinstance(question, Typed):
        accepted = [question.answer, *question.accept]
        entity = entities.get(question.entity or "")
        if entity is not None:
            accepted += [entity.name, *entity.aliases]
        accepted = unique(accepted)
        names = names if names is not None else NameIndex(entities.values())
        answer_entity = entity.id if entity is not None else names.entity_named(question.answer)
        fields.update(
            answers=tuple(accepted), other_names=names.other_names(accepted, answer_entity)
        )
    elif isinstance(question, Ordering):
        fields.update(items=tuple(question.items))
    elif isinstance(question, Matching):
        fields.update(pairs=tuple((pair.left, pair.right) for pair in question.pairs))
    else:
        fields.update(value=question.answer, tolerance=question.tolerance, unit=question.unit)
    return Question(**fields)


def hand_fields(question: Question) -> dict[str, Any]:
    """The hand-written question (as a dict for the pack models) that asks what the concrete
    `Question` asks, leaving out what is at its default: the reverse of `hand_to_question`.
    Used to read back our own JSON, to write generated questions out as hand-written ones,
    and to compare round trips."""
    raw: dict[str, Any] = {"id": question.id, "type": question.type, "prompt": question.prompt}
    for key in ("explanation", "quote"):
        if getattr(question, key):
            raw[key] = getattr(question, key)
    if question.difficulty != 1:
        raw["difficulty"] = question.difficulty
    if question.tags:
        raw["tags"] = list(question.tags)
    if question.time_limit is not None:
        raw["time_limit"] = question.time_limit
    kind = question.type
    if kind == "single":
        raw.update(choices=list(question.choices), answer=next(iter(question.answers), ""))
    elif kind == "multiple":
        raw.update(choices=list(question.choices), answers=list(question.answers))
    elif kind == "true_false":
        raw["answer"] = question.answers[:1] == (TRUE,)
    elif kind == "typed":
        raw["answer"] = next(iter(question.answers), "")
        if len(question.answers) > 1:
            raw["accept"] = list(question.answers[1:])
    elif kind == "ordering":
        raw["items"] = list(question.items)
    elif kind == "matching":
        raw["pairs"] = [{"left": left, "right": right} for left, right in question.pairs]
    elif kind == "numeric":
        raw.update(answer=question.value, tolerance=question.tolerance)
        if question.unit:
            raw["unit"] = question.unit
    return raw
