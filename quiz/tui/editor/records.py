"""The form fields of the pack's other sections: the `[pack]` table, entities, relations and
facts, and the conversion between each item and its form's text, both ways.

As for questions (`form_data`), a key the author did not write and left at its default stays
unwritten, and keys the form does not show (`format` in `[pack]`) are kept as they are. Keys
of the `[pack.source]` sub-table are fields named `source.title` and so on; clearing them all
removes the sub-table. Pure: no Textual here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, get_args

from quiz.packs.models import EntityKind
from quiz.tui.editor.fields import (
    BOOL_OPTIONS,
    DIFFICULTY_OPTIONS,
    FieldSpec,
    text_from_value,
    value_from_text,
)

SOURCE_PREFIX = "source."
ENTITY_KINDS = tuple(get_args(EntityKind))
RELATION_OBJECTS = (
    ("entity: another entity", "entity"),
    ("number: a value such as 258", "number"),
    ("phrase: a value such as a nickname", "phrase"),
)
_REQUIRED = object()


@dataclass(frozen=True)
class RecordKind:
    """The form of one section: its fields in order and what an unwritten key means."""

    section: str
    fields: tuple[FieldSpec, ...]
    # What an unwritten key means; a key missing here is required.
    defaults: Mapping[str, Any] = field(default_factory=dict)

    def to_form(self, item: Mapping[str, Any]) -> dict[str, str]:
        """Each field's text for `item` (missing keys show their default)."""
        return {
            spec.key: text_from_value(_get(item, spec.key, self.defaults), spec.value)
            for spec in self.fields
        }

    def from_form(
        self, values: Mapping[str, str], original: Mapping[str, Any], *, number_value: bool = False
    ) -> dict[str, Any]:
        """The item the form describes. Keys `original` lacks stay out while at their
        default; keys the form does not show are kept. With `number_value`, a fact's
        `value` field is read as a number (its relation's object is a number)."""
        shown = {spec.key.split(".", 1)[0] for spec in self.fields}
        item: dict[str, Any] = {key: value for key, value in original.items() if key not in shown}
        source: dict[str, Any] = {}
        for spec in self.fields:
            kind = "float" if number_value and spec.key == "value" else spec.value
            value = value_from_text(values.get(spec.key, ""), kind)
            if spec.key == "value" and isinstance(value, str) and not value.strip():
                value = None
            if spec.key.startswith(SOURCE_PREFIX):
                if value not in (None, ""):
                    source[spec.key.removeprefix(SOURCE_PREFIX)] = value
                continue
            if value is None:
                continue
            default = self.defaults.get(spec.key, _REQUIRED)
            if spec.key not in original and _same(value, default):
                continue
            item[spec.key] = value
        if source:
            item["source"] = source
        return item


def _get(item: Mapping[str, Any], key: str, defaults: Mapping[str, Any]) -> Any:
    if key.startswith(SOURCE_PREFIX):
        source = item.get("source")
        return source.get(key.removeprefix(SOURCE_PREFIX)) if isinstance(source, Mapping) else None
    return item.get(key, defaults.get(key))


def _same(value: Any, default: Any) -> bool:
    if default is _REQUIRED:
        return False
    if isinstance(value, bool) != isinstance(default, bool):
        return False
    return bool(value == default)


PACK_KIND = RecordKind(
    "pack",
    (
        FieldSpec("id", "Id (save files follow it)"),
        FieldSpec("title", "Title"),
        FieldSpec("description", "Description", widget="area"),
        FieldSpec("language", "Language (e.g. en)"),
        FieldSpec("version", "Version of the content"),
        FieldSpec("licence", "Licence"),
        FieldSpec("source.title", "Source: title (blank: no [pack.source])"),
        FieldSpec("source.author", "Source: author", "optional"),
        FieldSpec("source.date", "Source: date", "optional"),
        FieldSpec("source.where", "Source: where (URL, book or file)", "optional"),
    ),
    {"description": "", "language": "en", "version": "1.0.0", "licence": ""},
)
ENTITY_KIND = RecordKind(
    "entities",
    (
        FieldSpec("id", "Id"),
        FieldSpec("name", "Name", hint="The name players see, e.g. David Miliband"),
        FieldSpec("aliases", "Aliases: other names (one a line)", "lines",
                  "area"),
        FieldSpec("kind", "Kind", widget="select", options=tuple((k, k) for k in ENTITY_KINDS)),
        FieldSpec("roles", "Roles (comma-separated)",
                  "commas"),
        FieldSpec("description", "Description", widget="area"),
    ),
    {"aliases": [], "roles": [], "description": ""},
)  # fmt: skip
RELATION_KIND = RecordKind(
    "relations",
    (
        FieldSpec("id", "Id"),
        FieldSpec("object", "Object of its facts", widget="select", options=RELATION_OBJECTS),
        FieldSpec("ask_object", "Ask for the object ({subject})", "optional", "area",
                  hint="Who backs {subject}?"),
        FieldSpec("ask_subject", "Ask for the subject ({object})", "optional", "area",
                  hint="Whom does {object} back?"),
        FieldSpec("statement", "True/false statement ({subject}, {object})",
                  "optional", "area", hint="{object} backs {subject}."),
        FieldSpec("typed", "Also ask for the object, typed", "bool", "select",
                  BOOL_OPTIONS),
        FieldSpec("unit", "Unit (number relations)"),
        FieldSpec("tolerance", "Tolerance (±, number relations)", "float"),
        FieldSpec("tags", "Tags (comma-separated)", "commas"),
    ),
    {"object": "entity", "typed": False, "unit": "", "tolerance": 0, "tags": []},
)  # fmt: skip
FACT_KIND = RecordKind(
    "facts",
    (
        FieldSpec("id", "Id"),
        FieldSpec("subject", "Subject (entity id)", suggest="entities"),
        FieldSpec("relation", "Relation (id)", suggest="relations"),
        FieldSpec("object", "Object (entity id)", "optional",
                  suggest="entities"),
        FieldSpec("value", "Value (number or phrase)"),
        FieldSpec("distractors", "Distractors (one a line)",
                  "lines", "area"),
        FieldSpec("quote", "Quote: the source's own words", widget="area"),
        FieldSpec("explanation", "Explanation", widget="area"),
        FieldSpec("difficulty", "Difficulty", "int", "select", DIFFICULTY_OPTIONS),
        FieldSpec("tags", "Tags (comma-separated)", "commas"),
    ),
    {"object": None, "value": None, "distractors": [], "explanation": "", "difficulty": 1,
     "tags": []},
)  # fmt: skip
RECORD_KINDS = {kind.section: kind for kind in (PACK_KIND, ENTITY_KIND, RELATION_KIND, FACT_KIND)}


def new_record(section: str, item_id: str) -> dict[str, Any]:
    """A new item of `section` with only its id (and a kind) filled in: not valid, so not
    saved, until the author writes it."""
    if section == "entities":
        return {"id": item_id, "name": "", "kind": "person"}
    if section == "relations":
        return {"id": item_id, "object": "entity"}
    return {"id": item_id, "subject": "", "relation": "", "quote": ""}
