"""Options shared by several subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from quiz.packs.catalog import DEFAULT_PACK


def add_saves_option(parser: argparse.ArgumentParser) -> None:
    """`--saves DIR` on a subcommand, without hiding `quiz --saves DIR COMMAND`."""
    parser.add_argument(
        "--saves",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder for save files (default: $QUIZ_SAVES_DIR, ./saves in a checkout, "
        "else the user data folder)",
    )


def add_pack_argument(parser: argparse.ArgumentParser) -> None:
    """The optional PACK positional of commands that read one pack (default: the bank)."""
    parser.add_argument(
        "pack",
        nargs="?",
        metavar="PACK",
        help=f"a pack file, or the id of a bundled pack (default: {DEFAULT_PACK})",
    )


def positive_int(limit: int) -> Callable[[str], int]:
    """An argparse `type` for a whole number from 1 to `limit`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if not 1 <= value <= limit:
            raise argparse.ArgumentTypeError(f"expected 1 to {limit}, got {value}")
        return value

    return parse
