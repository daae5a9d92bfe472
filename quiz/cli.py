"""The `quiz` command: parses arguments, imports what a command needs lazily, dispatches.

Each subcommand lives in `quiz/commands/<name>.py` with two functions: `register(subparsers)`,
which must stay cheap (no heavy imports at module level), and `run(args) -> int`.
Starting `quiz pack …` must not import Textual; a test checks it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

COMMAND_MODULES = ("play", "pack", "scores", "player", "edit", "host", "join", "report")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `only` the parser of that one command (faster start-up:
    `quiz play` need not import every other command's module)."""
    from quiz import __version__

    parser = argparse.ArgumentParser(
        prog="quiz",
        description="A political quiz and trivia game for the terminal. "
        "With no command, opens the game.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    parser.add_argument(
        "--saves", metavar="DIR", help="folder for save files (default: see README)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only else COMMAND_MODULES:
        module = importlib.import_module(f"quiz.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from quiz.errors import QuizError
    from quiz.safe_text import safe_text

    # Our models need no pydantic plugins; looking them up scans every installed package's
    # metadata, a noticeable share of start-up. A user who wants plugins can set it to ''.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_named(arguments))
    args = parser.parse_args(arguments)
    if args.command is None:
        parser = build_parser("play")
        args = parser.parse_args(["play", *(["--saves", args.saves] if args.saves else [])])
        args.menu = True
    module = importlib.import_module(f"quiz.commands.{args.command}")
    try:
        return int(module.run(args) or 0)
    except QuizError as error:
        # Messages can quote user paths and pack text: never let them drive the terminal.
        print(f"quiz: {safe_text(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `quiz pack show | head` closes our stdout early; that is not an error.
        return 0


def _command_named(arguments: list[str]) -> str | None:
    """The command the arguments name, if it is the first of them; else None (full parser).

    Only a leading command is trusted: after an option such as `--saves DIR` the next word
    may be the option's value, so the full parser decides.
    """
    if arguments and arguments[0] in COMMAND_MODULES:
        return arguments[0]
    return None
