"""The `quiz` command: parses arguments, imports what a command needs lazily, dispatches.

Each subcommand lives in `quiz/commands/<name>.py` with two functions: `register(subparsers)`,
which must stay cheap (no heavy imports at module level), and `run(args) -> int`.
Starting `quiz pack …` must not import Textual; a test checks it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMAND_MODULES = ("play", "pack", "scores", "player", "edit", "host", "join", "report")


def build_parser() -> argparse.ArgumentParser:
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
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"quiz.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from quiz.errors import QuizError
    from quiz.safe_text import safe_text

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
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
