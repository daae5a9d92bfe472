"""`quiz pack schema [-o FILE]`: the JSON Schema of a pack, for editors (taplo, VS Code)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a pack",
        description="Print the JSON Schema of a question pack, made from the pack models. "
        "Start a pack with '#:schema ./pack.schema.json' (no space after #) so editors "
        "using taplo complete keys and flag mistakes.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead")


def run(args: argparse.Namespace) -> int:
    import sys

    from quiz.packs.schema import schema_text

    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_atomically(args.output, text)
    return 0


def write_atomically(path: str, text: str) -> None:
    """Replace `path` with `text` all at once, or raise QuizError and leave it as it was."""
    from pathlib import Path

    from quiz.durable import write_durably
    from quiz.errors import QuizError

    if Path(path).is_dir():
        raise QuizError(f"{path}: is a directory; give a file name")
    try:
        write_durably(path, text)
    except OSError as error:
        raise QuizError(f"{path}: cannot write: {error.strerror or error}") from None
