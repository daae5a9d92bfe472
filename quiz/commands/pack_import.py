"""`quiz pack import FILE [-o OUT.toml | --into PACK.toml [--dry-run]] [--format F] …`: turn
a GIFT, Moodle XML, Aiken, Kahoot CSV or .xlsx, Quizlet, Open Trivia DB or quiz JSON file
into a TOML pack, or merge it into one.

Malformed input: every problem on stderr as FILE:LINE: …, exit 1, nothing written. What the
source holds that a pack cannot is reported per question on stderr, never dropped silently.
What is written always loads: it is checked with the pack loader first.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.packs.errors import Problem
    from quiz.packs.formats.common import ImportResult

IMPORT_FORMATS = ("gift", "moodle-xml", "aiken", "csv", "xlsx", "quizlet", "opentdb", "json")
MAX_IMPORT_BYTES = 20 * 1024 * 1024


def _separator(text: str) -> str:
    """A separator as typed on a command line: `\\t` and `\\n` mean a tab and a newline."""
    value = text.replace("\\t", "\t").replace("\\n", "\n")
    if not value:
        raise argparse.ArgumentTypeError("give at least one character")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="turn a GIFT, Moodle XML, Aiken, Kahoot CSV/.xlsx, Quizlet or Open Trivia DB file "
        "into a TOML pack, or merge it into one",
        description="Read questions from another format and write them as a TOML pack "
        "(to stdout unless -o is given), or merge them into an existing pack with --into. "
        "Anything the pack cannot hold is reported on stderr with its line.",
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", metavar="OUT.toml", help="write a new pack here")
    target.add_argument(
        "--into",
        metavar="PACK.toml",
        help="merge into this pack: questions it has are updated in place (its comments kept), "
        "new ones added",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="with --into: print what would change and write nothing",
    )
    parser.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help="the file's format (default: guessed from its extension and content)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace OUT.toml if it already exists"
    )
    parser.add_argument(
        "--encoding",
        choices=("auto", "html", "url3986", "base64"),
        default="auto",
        help="Open Trivia DB: how the API encoded the texts (default: detected)",
    )
    parser.add_argument(
        "--as",
        dest="quizlet_as",
        choices=("typed", "single"),
        default="typed",
        help="Quizlet: ask for each term typed (default) or as a single choice among the "
        "set's other terms",
    )
    parser.add_argument(
        "--separator",
        type=_separator,
        default="\t",
        metavar="SEP",
        help="Quizlet: between term and definition (default: a tab, written \\t)",
    )
    parser.add_argument(
        "--row-separator",
        type=_separator,
        default="\n",
        metavar="SEP",
        help="Quizlet: between cards (default: a new line, written \\n)",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.errors import UsageError
    from quiz.packs.errors import PackError
    from quiz.packs.formats import ImportOptions, read_import
    from quiz.packs.formats.pack_writer import check_writable, verified_toml, write_new_file
    from quiz.safe_text import safe_text

    if args.dry_run and not args.into:
        raise UsageError("--dry-run goes with --into PACK.toml")
    filename = args.file
    output = Path(args.output) if args.output else None
    if output is not None:
        check_writable(output, force=args.force)
    into = _existing_pack(Path(args.into)) if args.into else None
    options = ImportOptions(
        format=args.format,
        encoding=args.encoding,
        quizlet_as=args.quizlet_as,
        separator=args.separator,
        row_separator=args.row_separator,
    )
    try:
        _, result = read_import(read_bytes(filename), filename, options)
    except PackError as error:
        _print_all(error.problems)
        return 1
    if into is not None:
        return _merge(result, filename, into, dry_run=args.dry_run)
    try:
        toml_text = verified_toml(result, filename, output)
    except PackError as error:
        _print_all(_in_file_order(result.notes))
        _print_all(error.problems)
        return 1
    _print_all(_in_file_order(result.notes))
    if output is None:
        # On a terminal the pack is being shown, not saved: no control sequences.
        sys.stdout.write(safe_text(toml_text) if sys.stdout.isatty() else toml_text)
    else:
        write_new_file(output, toml_text, force=args.force)
        count = toml_text.count("\n[[questions]]")
        print(safe_text(f"wrote {count} questions to {output}", single_line=True), file=sys.stderr)
    return 0


def _existing_pack(path: Path) -> tuple[Path, str]:
    """The pack to merge into and its text; it must load as it is."""
    from quiz.packs.loader import decode_pack_bytes, parse_pack_text, read_pack_bytes

    text = decode_pack_bytes(read_pack_bytes(path), str(path))
    parse_pack_text(text, filename=str(path))
    return path, text


def _merge(result: ImportResult, filename: str, into: tuple[Path, str], *, dry_run: bool) -> int:
    from quiz.durable import write_durably
    from quiz.errors import QuizError
    from quiz.packs.errors import PackError
    from quiz.packs.formats.merge import merge_questions
    from quiz.packs.formats.pack_writer import check_pack_size
    from quiz.safe_text import safe_text

    path, text = into
    _print_all(_in_file_order(result.notes))
    try:
        plan = merge_questions(text, result.questions, pack_name=str(path))
        check_pack_size(plan.text, filename)
    except PackError as error:
        print(f"{path}: the merged pack would not load; nothing written", file=sys.stderr)
        _print_all(error.problems)
        return 1
    summary = plan.summary(str(path))
    lines = [
        safe_text(summary + (" (dry run: nothing written)" if dry_run else ""), single_line=True)
    ]
    lines += ["  " + safe_text(line, single_line=True) for line in plan.details()]
    if not dry_run and plan.text != text:
        try:
            write_durably(path, plan.text, replace=True)
        except OSError as error:
            raise QuizError(f"{path}: cannot write: {error.strerror or error}") from None
    # A dry run's plan is what was asked for: stdout. A merge reports on stderr.
    print("\n".join(lines), file=sys.stdout if dry_run else sys.stderr)
    return 0


def _in_file_order(notes: list[Problem]) -> list[Problem]:
    return sorted(notes, key=lambda note: note.line or 0)


def _print_all(lines: Iterable[object]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def read_bytes(filename: str) -> bytes:
    """The file's bytes; a missing file, a folder, an empty file or one over the size limit
    is a one-line error naming the file. The limit is checked before the file is read."""
    from quiz.errors import QuizError

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
    return data
