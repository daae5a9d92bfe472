"""Options shared by several subcommands."""

from __future__ import annotations

import argparse


def add_saves_option(parser: argparse.ArgumentParser) -> None:
    """`--saves DIR` on a subcommand, without hiding `quiz --saves DIR COMMAND`."""
    parser.add_argument(
        "--saves",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder for save files (default: $QUIZ_SAVES_DIR, ./saves in a checkout, "
        "else the user data folder)",
    )
