"""The questions a pack's facts generate, written out as a hand-editable pack.

`quiz pack generate` uses this so an author can see, edit and keep generated questions: each
becomes a `[[questions]]` table of the matching hand-written type, and the result is itself
a valid pack (same source and entities, no facts, so nothing is generated twice).
"""

from __future__ import annotations

from typing import Any

from quiz.packs.generate import generate_questions
from quiz.packs.hand_questions import hand_fields
from quiz.packs.models import MAX_ALIASES, MAX_ID, MAX_NAME, PackFile
from quiz.packs.pack_toml import pack_toml

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
    return pack_toml(generated_pack(pack), schema_path)


def _capped(table: dict[str, Any]) -> dict[str, Any]:
    """A typed question accepts the entity's name and every alias; a pack holds fewer."""
    if "accept" in table:
        table["accept"] = table["accept"][:MAX_ALIASES]
    return table


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
