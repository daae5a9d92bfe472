"""`quiz pack import FILE [-o OUT.toml] [--format F] [--force]`: turn a GIFT, Aiken,
Kahoot CSV, Open Trivia DB or quiz JSON file into a TOML pack.

Malformed input: every problem on stderr as FILE:LINE: …, exit 1, nothing written. What the
source holds that a pack cannot is reported per question on stderr, never dropped silently.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.packs.formats.common import ImportResult

IMPORT_FORMATS = ("gift", "aiken", "csv", "opentdb", "json")
MAX_IMPORT_BYTES = 20 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="turn a GIFT, Aiken, Kahoot CSV or Open Trivia DB file into a TOML pack",
        description="Read questions from another format and write them as a TOML pack "
        "(to stdout unless -o is given). Anything the pack cannot hold is reported "
        "on stderr with its line.",
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument("-o", "--output", metavar="OUT.toml", help="write the pack here")
    parser.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help="the file's format (default: guessed from its extension and content)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace OUT.toml if it already exists"
    )


def run(args: argparse.Namespace) -> int:
    from quiz.errors import UsageError
    from quiz.packs.errors import PackError
    from quiz.packs.formats import guess_format, importer
    from quiz.packs.formats.pack_writer import check_writable, verified_toml, write_new_file
    from quiz.safe_text import safe_text

    filename = args.file
    output = Path(args.output) if args.output else None
    if output is not None:
        check_writable(output, force=args.force)
    text = read_text(filename)
    fmt = args.format or guess_format(filename, text)
    if fmt is None:
        raise UsageError(
            f"{filename}: cannot tell its format; give --format {'|'.join(IMPORT_FORMATS)}"
        )
    try:
        result: ImportResult = importer(fmt).import_text(text, filename)
    except PackError as error:
        _print_all(error.problems)
        return 1
    notes = sorted(result.notes, key=lambda note: note.line or 0)
    try:
        toml_text = verified_toml(result, filename, output)
    except PackError as error:
        _print_all(notes)
        _print_all(error.problems)
        return 1
    _print_all(notes)
    if output is None:
        # On a terminal the pack is being shown, not saved: no control sequences.
        sys.stdout.write(safe_text(toml_text) if sys.stdout.isatty() else toml_text)
    else:
        write_new_file(output, toml_text, force=args.force)
        count = toml_text.count("\n[[questions]]")
        print(safe_text(f"wrote {count} questions to {output}", single_line=True), file=sys.stderr)
    return 0


def _print_all(lines: Iterable[object]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def read_text(filename: str) -> str:
    """The file's text; a missing file, a folder, a huge file or invalid UTF-8 is a one-line
    error naming the file (and the line, for bad UTF-8)."""
    from quiz.errors import QuizError
    from quiz.packs.loader import decode_pack_bytes

    path = Path(filename)
    try:
        if path.is_dir():
            raise QuizError(f"{filename}: is a folder; give a file to import")
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise QuizError(f"{filename}: no such file") from None
    except OSError as error:
        raise QuizError(f"{filename}: cannot read: {error.strerror or error}") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise QuizError(f"{filename}: over the {MAX_IMPORT_BYTES // 2**20} MB limit")
    if not data.strip():
        raise QuizError(f"{filename}: the file is empty")
    return decode_pack_bytes(data, filename)
