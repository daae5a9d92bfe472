"""Other question formats: which exist, which module reads or writes each, guessing a
file's format, and reading an import file whole (`read_import`).

Readers (`import_text(text, filename) -> ImportResult`, or `import_bytes(data, filename)` for
formats that are bytes: `.xlsx`, and XML, which names its own encoding) and writers
(`export_questions(questions, meta) -> Exported`) live one module per format; they are
imported only when used, so `quiz pack …` stays quick to start.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from quiz.errors import UsageError
from quiz.packs.errors import Problem
from quiz.packs.formats.common import ImportResult

IMPORTERS = {
    "gift": "quiz.packs.formats.gift",
    "aiken": "quiz.packs.formats.aiken",
    "csv": "quiz.packs.formats.kahoot_csv",
    "xlsx": "quiz.packs.formats.kahoot_xlsx",
    "moodle-xml": "quiz.packs.formats.moodle_xml_import",
    "quizlet": "quiz.packs.formats.quizlet",
    "opentdb": "quiz.packs.formats.opentdb",
    "json": "quiz.packs.formats.json_questions",
}
EXPORTERS = {
    "json": "quiz.packs.formats.json_questions",
    "opentdb": "quiz.packs.formats.opentdb",
    "gift": "quiz.packs.formats.gift_export",
    "aiken": "quiz.packs.formats.aiken",
    "csv": "quiz.packs.formats.kahoot_csv",
    "xlsx": "quiz.packs.formats.kahoot_xlsx",
    "moodle-xml": "quiz.packs.formats.moodle_xml",
    "anki": "quiz.packs.formats.anki",
}
BINARY_IMPORTS = frozenset({"xlsx", "moodle-xml"})
BINARY_EXPORTS = frozenset({"anki", "xlsx"})
# Files Excel on Windows saves in its own code page when they are not saved as UTF-8.
WINDOWS_FALLBACK = frozenset({"csv", "aiken", "quizlet"})
_EXTENSIONS = {
    ".gift": "gift",
    ".csv": "csv",
    ".aiken": "aiken",
    ".xlsx": "xlsx",
    ".xml": "moodle-xml",
}


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """How to read an import file; commands build it from their flags."""

    format: str | None = None  # None: guessed from the extension, else the content
    encoding: str = "auto"  # Open Trivia DB: auto, html, url3986 or base64
    quizlet_as: str = "typed"  # Quizlet cards become typed or single-choice questions
    separator: str = "\t"  # Quizlet: between term and definition
    row_separator: str = "\n"  # Quizlet: between cards


def read_import(data: bytes, filename: str, options: ImportOptions) -> tuple[str, ImportResult]:
    """The format of an import file's bytes and what its reader made of them.

    Text formats must be UTF-8 (a byte-order mark is fine); a CSV, Aiken or Quizlet file
    that is not falls back to Windows-1252, as Excel on Windows saves it, with a note.
    Raises `PackError` (malformed or refused input) or `UsageError` (format unknown).
    """
    fmt = options.format
    if fmt is None and (Path(filename).suffix.lower() == ".xlsx" or data[:4] == b"PK\x03\x04"):
        fmt = "xlsx"
    if fmt is None and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] in (b"<?xml", b"<quiz"):
        fmt = "moodle-xml"
    if fmt in BINARY_IMPORTS:
        return fmt, importer(fmt).import_bytes(data, filename)
    fallback: Problem | None = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        from quiz.packs.loader import decode_pack_bytes

        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = decode_pack_bytes(data, filename)  # raises, naming the line
        guessed = fmt or guess_format(filename, text)
        if guessed not in WINDOWS_FALLBACK:
            decode_pack_bytes(data, filename)  # raises, naming the line
        line = data.count(b"\n", 0, error.start) + 1
        fallback = Problem(
            filename,
            line,
            "",
            "not UTF-8; read as Windows-1252 (cp1252), as Excel on Windows saves files: "
            "check accented letters, or save the file as UTF-8",
        )
    text = text.removeprefix("\ufeff")
    fmt = fmt or guess_format(filename, text)
    if fmt is None:
        raise UsageError(f"{filename}: cannot tell its format; give --format {'|'.join(IMPORTERS)}")
    module = importer(fmt)
    if fmt == "opentdb":
        result = module.import_text(text, filename, encoding=options.encoding)
    elif fmt == "quizlet":
        result = module.import_text(
            text,
            filename,
            kind=options.quizlet_as,
            separator=options.separator,
            row_separator=options.row_separator,
        )
    else:
        result = module.import_text(text, filename)
    if fallback is not None:
        result.notes.insert(0, fallback)
    return fmt, result


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
    if head.startswith(("<?xml", "<quiz")):
        return "moodle-xml"
    lines = [line.strip() for line in head.splitlines()[:200] if line.strip()]
    if any(line.startswith("ANSWER:") for line in lines) and not any("{" in line for line in lines):
        return "aiken"
    if (
        lines
        and all(line.count("\t") == 1 for line in lines)
        and not any(line.endswith("}") for line in lines)
    ):
        return "quizlet"
    if any(line.startswith(("::", "$CATEGORY:", "//")) or line.endswith("}") for line in lines):
        return "gift"
    if lines and "," in lines[0]:
        return "csv"
    return None


def _guess_json(text: str) -> str:
    """Open Trivia DB or our own JSON, from the keys near the start of the file (a file is
    not parsed whole just to be told apart: that would cost a 20 MB file's memory twice)."""
    head = text[:65_536]
    if re.search(r'"(?:results|response_code|correct_answer|incorrect_answers)"\s*:', head):
        return "opentdb"
    return "json"
