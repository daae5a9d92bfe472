"""Other question formats: which exist, which module reads or writes each, and guessing a
file's format.

Readers (`import_text(text, filename) -> ImportResult`) and writers
(`export_questions(questions, meta) -> Exported`) live one module per format; they are
imported only when used, so `quiz pack …` stays quick to start.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType

IMPORTERS = {
    "gift": "quiz.packs.formats.gift",
    "aiken": "quiz.packs.formats.aiken",
    "csv": "quiz.packs.formats.kahoot_csv",
    "opentdb": "quiz.packs.formats.opentdb",
    "json": "quiz.packs.formats.json_questions",
}
EXPORTERS = {
    "json": "quiz.packs.formats.json_questions",
    "opentdb": "quiz.packs.formats.opentdb",
    "gift": "quiz.packs.formats.gift_export",
    "aiken": "quiz.packs.formats.aiken",
    "csv": "quiz.packs.formats.kahoot_csv",
    "moodle-xml": "quiz.packs.formats.moodle_xml",
    "anki": "quiz.packs.formats.anki",
}
BINARY_EXPORTS = frozenset({"anki"})
_EXTENSIONS = {".gift": "gift", ".csv": "csv", ".aiken": "aiken"}


def importer(name: str) -> ModuleType:
    """The module that reads format `name` (a key of IMPORTERS)."""
    return importlib.import_module(IMPORTERS[name])


def exporter(name: str) -> ModuleType:
    """The module that writes format `name` (a key of EXPORTERS)."""
    return importlib.import_module(EXPORTERS[name])


def guess_format(path: str, text: str) -> str | None:
    """The import format of a file, from its extension, else from its content; None if
    neither tells."""
    by_extension = _EXTENSIONS.get(Path(path).suffix.lower())
    if by_extension:
        return by_extension
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        return _guess_json(text)
    lines = [line.strip() for line in head.splitlines()[:200] if line.strip()]
    if any(line.startswith("ANSWER:") for line in lines) and not any("{" in line for line in lines):
        return "aiken"
    if any(line.startswith(("::", "$CATEGORY:", "//")) or line.endswith("}") for line in lines):
        return "gift"
    if lines and "," in lines[0]:
        return "csv"
    return None


def _guess_json(text: str) -> str | None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return "json"  # let the JSON reader report where it is broken
    if isinstance(data, dict):
        return "opentdb" if "results" in data or "response_code" in data else "json"
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return "opentdb" if "correct_answer" in data[0] else "json"
    return "json"
