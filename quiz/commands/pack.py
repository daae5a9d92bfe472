"""`quiz pack …`: each subcommand lives in its own module `quiz/commands/pack_<name>.py`
with `register(subparsers)` and `run(args) -> int`. Nothing here imports Textual."""

from __future__ import annotations

import argparse
import importlib

PACK_COMMANDS = ("list", "check", "show", "stats", "export", "generate", "schema", "new", "import")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "pack",
        help="list, check, show, count, generate, import and export question packs",
        description="Work with question packs (TOML files; see questions/README.md).",
    )
    pack_subparsers = parser.add_subparsers(dest="pack_command", metavar="PACK_COMMAND")
    for name in PACK_COMMANDS:
        importlib.import_module(f"quiz.commands.pack_{name}").register(pack_subparsers)
    parser.set_defaults(pack_parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.pack_command is None:
        args.pack_parser.print_help()
        return 2
    module = importlib.import_module(f"quiz.commands.pack_{args.pack_command}")
    return int(module.run(args) or 0)
