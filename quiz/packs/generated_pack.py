"""The questions a pack's facts generate, written out as a hand-editable pack.

`quiz pack generate` uses this so an author can see, edit and keep generated questions: each
becomes a `[[questions]]` table of the matching hand-written type, and the result is itself
a valid pack (same source and entities, no facts, so nothing is generated twice).
"""

from __future__ import annotations

from typing import Any

import tomli_w

from quiz.packs.generate import generate_questions
from quiz.packs.hand_questions import hand_fields
from quiz.packs.models import MAX_ALIASES, MAX_ID, MAX_NAME, PackFile

_SUFFIX = "-generated"


def generated_pack(pack: PackFile) -> PackFile:
    """A pack holding the questions `pack`'s facts generate, as hand-written questions.

    Ids, prompts, choices, answers, explanations, quotes, difficulty and tags are kept, so
    loading the result and generating again gives the same questions (origin 'hand').
    """
    meta = pack.pack
    document: dict[str, Any] = {
        "pack": {
            **meta.model_dump(mode="json", exclude_none=True),
            "id": meta.id[: MAX_ID - len(_SUFFIX)] + _SUFFIX,
            "title": _shorten(f"{meta.title} (generated)", MAX_NAME),
            "description": f"Questions generated from the facts of pack “{meta.id}” by "
            "`quiz pack generate`; edit them freely.",
        },
        "entities": [entity.model_dump(mode="json") for entity in pack.entities],
        "questions": [
            _capped(hand_fields(question))
            for question in generate_questions(pack)
            if question.origin == "generated"
        ],
    }
    return PackFile.model_validate(document)


def generated_pack_toml(pack: PackFile, schema_path: str) -> str:
    """`generated_pack(pack)` as TOML, first line `#:schema <schema_path>`."""
    result = generated_pack(pack)
    document: dict[str, Any] = {
        "pack": result.pack.model_dump(mode="json", exclude_none=True, exclude_defaults=True),
        "entities": [_compact(e.model_dump(mode="json")) for e in result.entities],
        "questions": [
            _ordered(_compact(question.model_dump(mode="json"), keep=("type",)))
            for question in result.questions
        ],
    }
    # `pack.id` and `title` have no defaults, so they are always there; keep them first.
    document["pack"] = {"id": result.pack.id, "title": result.pack.title, **document["pack"]}
    if not document["entities"]:
        del document["entities"]
    return f"#:schema {schema_path}\n\n" + tomli_w.dumps(document)


def _capped(table: dict[str, Any]) -> dict[str, Any]:
    """A typed question accepts the entity's name and every alias; a pack holds fewer."""
    if "accept" in table:
        table["accept"] = table["accept"][:MAX_ALIASES]
    return table


def _number(value: float) -> int | float:
    """Whole numbers as integers: `236`, not `236.0`, is what an author would write."""
    return int(value) if float(value).is_integer() else value


def _compact(table: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Leave out empty values and model defaults an author need not see."""
    defaults: dict[str, Any] = {"difficulty": 1, "tolerance": 0, "description": ""}
    return {
        key: _number(value) if isinstance(value, float) else value
        for key, value in table.items()
        if key in keep
        or not (value is None or value == "" or value == [] or defaults.get(key, ...) == value)
    }


# The order an author reads a question in: what it is, what it asks, the answer, the rest.
_KEY_ORDER = (
    "id", "type", "prompt", "choices", "answer", "answers", "accept", "entity", "items", "pairs",
    "tolerance", "unit", "explanation", "quote", "difficulty", "tags", "time_limit",
)  # fmt: skip


def _ordered(table: dict[str, Any]) -> dict[str, Any]:
    rank = {key: index for index, key in enumerate(_KEY_ORDER)}
    return dict(sorted(table.items(), key=lambda item: rank.get(item[0], len(rank))))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
