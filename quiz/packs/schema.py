"""The JSON Schema of a pack, generated from the pydantic models.

Editors that use taplo (Even Better TOML) read it through a first line such as
`#:schema ./pack.schema.json` (no space after `#`) to complete keys and flag mistakes. The
repository ships it as `questions/pack.schema.json`; a test keeps that file current.
"""

from __future__ import annotations

import json
from typing import Any

from quiz.packs.models import PackFile

SCHEMA_ID = "urn:quiz:pack-schema:1"
SCHEMA_TITLE = "quiz question pack"
SCHEMA_FILE_NAME = "pack.schema.json"


def pack_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every pack file must follow."""
    schema = PackFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": SCHEMA_TITLE,
        "description": "One TOML question pack for the `quiz` game; see questions/README.md.",
    }


def schema_text() -> str:
    """The schema as stable text: keys sorted, two-space indent, one final newline."""
    return json.dumps(pack_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
