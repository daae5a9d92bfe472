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
    from pathlib import Path

    from quiz.packs.formats.pack_writer import write_new_file

    write_new_file(Path(args.output), text, force=True)
    return 0
