"""A pack written out as TOML text an author can read and edit.

`quiz pack import` and `quiz pack generate` both write packs this way: a `#:schema` line
pointing at the bundled schema (so editors complete and check), then `[pack]`, the other
tables, and every question as its own `[[questions]]` table with its keys in the order an
author reads them (`QUESTION_KEY_ORDER`, which the editor uses too) and nothing written that
is at its default.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import tomli_w

from quiz.packs.models import PackFile

# The order an author reads a question in: what it is, what it asks, the answer, the rest.
QUESTION_KEY_ORDER = (
    "id", "type", "prompt", "choices", "answer", "answers", "accept", "entity", "items", "pairs",
    "tolerance", "unit", "explanation", "quote", "difficulty", "tags", "time_limit",
)  # fmt: skip
# Defaults an author need not see, besides empty values.
_DEFAULTS: dict[str, Any] = {"difficulty": 1, "tolerance": 0, "description": ""}


def schema_reference(pack_path: Path, schema_path: Path | None = None) -> str:
    """The `#:schema` target for a pack written at `pack_path` (default schema: the bundled
    `pack.schema.json`).

    A path relative to the pack's folder when there is one (so the repository can move),
    the absolute path otherwise (e.g. on another drive).
    """
    if schema_path is None:
        from quiz.packs.catalog import bundled_schema_path

        schema_path = bundled_schema_path()
    schema = schema_path.resolve()
    folder = pack_path.resolve().parent
    try:
        return Path(os.path.relpath(schema, folder)).as_posix()
    except ValueError:
        return schema.as_posix()


def ordered_question(table: dict[str, Any]) -> dict[str, Any]:
    """`table` with its keys in `QUESTION_KEY_ORDER`; keys it does not know come last."""
    rank = {key: index for index, key in enumerate(QUESTION_KEY_ORDER)}
    return dict(sorted(table.items(), key=lambda item: rank.get(item[0], len(rank))))


def pack_toml(pack: PackFile, schema: str) -> str:
    """`pack` as TOML text whose first line is `#:schema <schema>`."""
    meta = pack.pack.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    # `pack.id` and `title` have no defaults, so they are always there; keep them first.
    document: dict[str, Any] = {"pack": {"id": pack.pack.id, "title": pack.pack.title, **meta}}
    for section in ("entities", "relations", "facts"):
        items = [_compact(item.model_dump(mode="json")) for item in getattr(pack, section)]
        if items:
            document[section] = items
    if pack.questions:
        document["questions"] = [
            ordered_question(_compact(question.model_dump(mode="json"), keep=("type",)))
            for question in pack.questions
        ]
    return f"#:schema {schema}\n\n" + tomli_w.dumps(document)


def _compact(table: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Leave out empty values and defaults; whole numbers as integers (`236`, not `236.0`)."""
    return {
        key: _number(value) if isinstance(value, float) else value
        for key, value in table.items()
        if key in keep
        or not (value is None or value == "" or value == [] or _DEFAULTS.get(key, ...) == value)
    }


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value
