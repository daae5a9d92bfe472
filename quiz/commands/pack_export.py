"""`quiz pack export PACK --format F [-o FILE] [--force]`: write every concrete question of a
pack (hand-written and generated) as JSON, Open Trivia DB JSON, GIFT, Aiken, Kahoot CSV or
.xlsx, Moodle XML or an Anki deck.

What a format cannot hold is named on stderr (one line per skipped question, one per kind
of field left out). Binary formats (.xlsx, Anki) need -o; an existing file is replaced only with
--force, and writes are atomic.
"""

from __future__ import annotations

import argparse
import sys

from quiz.commands.common import add_pack_argument

EXPORT_FORMATS = ("json", "opentdb", "gift", "aiken", "csv", "xlsx", "moodle-xml", "anki")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a pack's questions as JSON, Open Trivia DB, GIFT, Aiken, Kahoot CSV or "
        ".xlsx, Moodle XML or an Anki deck",
        description="Write every question a pack asks (hand-written and generated) in another "
        "format, to stdout unless -o is given. What the format cannot hold is reported on "
        "stderr.",
    )
    add_pack_argument(parser)
    parser.add_argument(
        "--format", required=True, choices=EXPORT_FORMATS, help="the format to write"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write here (needed for xlsx and anki)"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.errors import UsageError
    from quiz.packs.catalog import resolve_pack
    from quiz.packs.formats import BINARY_EXPORTS, exporter
    from quiz.packs.formats.pack_writer import check_writable, write_new_file
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack
    from quiz.safe_text import safe_text

    output = Path(args.output) if args.output else None
    if output is None and args.format in BINARY_EXPORTS:
        raise UsageError(f"--format {args.format} writes a binary file: give -o FILE")
    if output is not None:
        check_writable(output, force=args.force)
    path = resolve_pack(args.pack)
    pack = load_pack(path)
    exported = exporter(args.format).export_questions(generate_questions(pack), pack.pack)
    for note in exported.notes:
        print(safe_text(f"{path}: {note}", single_line=True), file=sys.stderr)
    if output is None:
        assert isinstance(exported.data, str)
        # On a terminal the output is being shown, not saved: no control sequences.
        sys.stdout.write(safe_text(exported.data) if sys.stdout.isatty() else exported.data)
    else:
        write_new_file(output, exported.data, force=args.force)
    return 0
