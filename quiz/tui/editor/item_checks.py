"""Live checks of the one item in the editor's form, in the context of the rest of the pack.

`EditContext` holds what the checks need from the document: the items of every section that
validate on their own (as models), every item's id, and the source text the pack quotes, if
known. `item_problems` says what stops an item from being saved (its shape in words, the
whole-pack checks that concern it, an id another item already has); `item_warnings` what is
probably a mistake (lint, a quote the source does not contain, an id other items refer to
that is about to change). Pure: no Textual here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from quiz.packs.editing import ARRAY_SECTIONS, PackDocument
from quiz.packs.errors import validation_messages
from quiz.packs.models import Entity, Fact, PackFile, PackMeta, Relation
from quiz.packs.quote_text import normalise_quote
from quiz.packs.quotes import closest_passage
from quiz.packs.semantics import check_semantics
from quiz.tui.editor.form_data import (
    QUESTION_ADAPTER,
    describe_field_problem,
    question_problems,
    question_warnings,
)

_PLACEHOLDER_META = {"id": "edit", "title": "edit"}
_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "pack": TypeAdapter(PackMeta),
    "entities": TypeAdapter(Entity),
    "relations": TypeAdapter(Relation),
    "facts": TypeAdapter(Fact),
    "questions": QUESTION_ADAPTER,
}
SINGULAR = {
    "pack": "pack",
    "entities": "entity",
    "relations": "relation",
    "facts": "fact",
    "questions": "question",
}


@dataclass
class EditContext:
    """The rest of the pack, as the checks of one item see it."""

    # Per section, (index in the document, model) of each item that validates on its own.
    valid: dict[str, list[tuple[int, BaseModel]]]
    # Per section, every item's id in document order (None where there is no string id).
    ids: dict[str, list[str | None]]
    meta: PackMeta
    source_text: str | None = None
    # Ids of entities and relations that do not validate, so references to them are not
    # reported as unknown.
    unchecked: dict[str, set[str]] = field(default_factory=dict)

    def pack(self, section: str = "", index: int = -1, model: BaseModel | None = None) -> PackFile:
        """The valid items as a pack, with item `index` of `section` replaced by `model`."""
        parts: dict[str, Any] = {"pack": self.meta}
        for name in ARRAY_SECTIONS:
            items = [(n, m) for n, m in self.valid[name] if not (name == section and n == index)]
            if name == section and model is not None:
                items.append((index, model))
                items.sort(key=lambda pair: pair[0])
            parts[name] = [m for _, m in items]
        if section == "pack" and isinstance(model, PackMeta):
            parts["pack"] = model
        return PackFile.model_construct(**parts)

    def relation(self, relation_id: str) -> Relation | None:
        """The valid relation with this id, if any."""
        for _, model in self.valid["relations"]:
            if isinstance(model, Relation) and model.id == relation_id:
                return model
        return None


def build_context(document: PackDocument, source_text: str | None = None) -> EditContext:
    """The context of checks for items of `document` (every item validated once)."""
    valid: dict[str, list[tuple[int, BaseModel]]] = {}
    ids: dict[str, list[str | None]] = {}
    unchecked: dict[str, set[str]] = {}
    for section in ARRAY_SECTIONS:
        valid[section], ids[section], unchecked[section] = [], [], set()
        for index, item in enumerate(document.items(section)):
            item_id = item.get("id")
            ids[section].append(item_id if isinstance(item_id, str) else None)
            try:
                valid[section].append((index, _ADAPTERS[section].validate_python(item)))
            except ValidationError:
                if isinstance(item_id, str):
                    unchecked[section].add(item_id)
    metas = document.items("pack")
    try:
        meta = PackMeta.model_validate(metas[0] if metas else {})
    except ValidationError:
        meta = PackMeta.model_validate(_PLACEHOLDER_META)
    return EditContext(valid, ids, meta, source_text, unchecked)


def validate_item(section: str, item: Mapping[str, Any]) -> BaseModel | list[str]:
    """The item as its model, or its problems in words (`field: message`)."""
    try:
        model: BaseModel = _ADAPTERS[section].validate_python(dict(item))
    except ValidationError as error:
        return [
            describe_field_problem(path, message, item)
            for path, message in validation_messages(error, dict(item))
        ]
    return model


def item_problems(
    section: str, index: int, item: Mapping[str, Any], context: EditContext
) -> list[str]:
    """What stops item `index` of `section` (as the form now has it) from being saved, as
    `field: message` lines in words; empty when it is valid."""
    if section == "questions":
        pack = context.pack()
        problems = question_problems(item, pack)
    else:
        checked = validate_item(section, item)
        if isinstance(checked, list):
            return checked
        problems = _semantic_problems(section, index, checked, context)
    return [*problems, *_duplicate_id(section, index, item, context)]


def _semantic_problems(
    section: str, index: int, model: BaseModel, context: EditContext
) -> list[str]:
    pack = context.pack(section, index, model)
    # Only what concerns this item: the others' problems are the pack's, shown apart.
    if section == "pack":
        return []
    if section == "entities":
        # Every entity takes part (a name or alias may clash with another's).
        pack = pack.model_copy(update={"relations": [], "facts": [], "questions": []})
        here = sum(1 for n, _ in context.valid["entities"] if n < index)
    else:
        pack = pack.model_copy(update={"questions": [], section: [model]})
        if section == "relations":
            pack = pack.model_copy(update={"facts": []})
        here = 0
    problems = []
    for issue in check_semantics(
        pack,
        unchecked_entities=context.unchecked.get("entities", set()),
        unchecked_relations=context.unchecked.get("relations", set()),
    ):
        if issue.path[:2] == (section, here) and not issue.message.startswith("duplicate"):
            field_name = ".".join(str(part) for part in issue.path[2:]) or SINGULAR[section]
            problems.append(f"{field_name}: {issue.message}")
    return problems


def _duplicate_id(
    section: str, index: int, item: Mapping[str, Any], context: EditContext
) -> list[str]:
    if section == "pack":
        return []
    item_id = item.get("id")
    ids = context.ids.get(section, [])
    for other, other_id in enumerate(ids):
        if other != index and other_id == item_id:
            what = SINGULAR[section]
            return [f'id: {what} {other + 1} already has the id "{item_id}"; ids must be unique']
    return []


def item_warnings(
    section: str, index: int, item: Mapping[str, Any], context: EditContext, original_id: str
) -> list[str]:
    """Probable mistakes in a valid item, as `warning: field: message` lines.

    `original_id` is the item's id in the document before this edit: other items that
    refer to it will not find it under a new id."""
    warnings: list[str] = []
    if section == "questions":
        warnings += question_warnings(item, context.pack(), context.source_text)
    if section == "facts":
        warnings += quote_warnings(str(item.get("quote", "")), context.source_text)
    if section == "relations" and not any(
        item.get(key) for key in ("ask_object", "ask_subject", "statement")
    ):
        warnings.append(
            "warning: relation: asks nothing yet; write ask_object, ask_subject or statement"
        )
    new_id = item.get("id")
    if section in ("entities", "relations") and original_id and new_id != original_id:
        users = referring_items(context, section, original_id)
        if users:
            warnings.append(
                f'warning: id: {users} refer to "{original_id}"; change them too, or they'
                " will not be found"
            )
    return warnings


def referring_items(context: EditContext, section: str, item_id: str) -> str:
    """'3 facts and 1 question': the valid items that refer to an entity or relation id."""
    facts = 0
    questions = 0
    for _, model in context.valid["facts"]:
        assert isinstance(model, Fact)
        if section == "entities" and item_id in (model.subject, model.object):
            facts += 1
        if section == "relations" and model.relation == item_id:
            facts += 1
    if section == "entities":
        questions = sum(
            1 for _, m in context.valid["questions"] if getattr(m, "entity", None) == item_id
        )
    parts = [_count(facts, "fact"), _count(questions, "question")]
    return " and ".join(part for part in parts if part)


def _count(number: int, what: str) -> str:
    return "" if not number else f"{number} {what}{'s' if number != 1 else ''}"


def quote_warnings(quote: str, source_text: str | None) -> list[str]:
    """A warning when `quote` is not in the source text (compared as `quiz pack check
    --source` compares), with the source's closest passage; none without a source."""
    if source_text is None or not quote.strip():
        return []
    wanted = normalise_quote(quote)
    source = normalise_quote(source_text)
    if wanted in source:
        return []
    passage = closest_passage(wanted, source)
    hint = f'; closest passage: "{passage}"' if passage else ""
    return [f"warning: quote: not found in the source{hint}"]


def ids_of(context: EditContext, section: str) -> Sequence[str]:
    """The ids of `section`'s items, for completing references."""
    return [item_id for item_id in context.ids.get(section, []) if item_id]
