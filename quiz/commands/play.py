"""`quiz play`: start a round — in the Textual app, as plain lines (`--plain`), or as a team
game at one keyboard (`--teams`). `quiz` with no command also lands here, with
`args.menu = True`, to open the main menu instead of a round.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from quiz.commands.common import add_saves_option
from quiz.game.modes import MODES

MAX_COUNT = 1000
MAX_SECONDS = 3600


def _positive_int(limit: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if not 1 <= value <= limit:
            raise argparse.ArgumentTypeError(f"expected 1 to {limit}, got {value}")
        return value

    return parse


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {value}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "play",
        help="play a round",
        description="Play a round of the quiz. Opens the game in the terminal; "
        "--plain plays as numbered lines on stdout, reading answers from stdin.",
    )
    parser.add_argument("--pack", metavar="P", help="pack name or path to a .toml pack")
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="classic",
        help="classic (default), blitz (60 s), sudden_death, daily or practice",
    )
    parser.add_argument(
        "--count",
        type=_positive_int(MAX_COUNT),
        metavar="N",
        help="number of questions (default 10; blitz and sudden death: the whole pack)",
    )
    parser.add_argument(
        "--seed", type=_seed, metavar="S", help="seed for a repeatable round (daily: ignored)"
    )
    parser.add_argument(
        "--time",
        type=_positive_int(MAX_SECONDS),
        metavar="SECONDS",
        help="seconds per question (default 20; --plain has no time limit unless given)",
    )
    parser.add_argument(
        "--no-speed",
        dest="no_speed",
        action="store_true",
        help="score a flat 1000 per correct answer, however long it took",
    )
    parser.add_argument("--player", metavar="NAME", help="who is playing")
    add_saves_option(parser)
    parser.add_argument(
        "--plain",
        action="store_true",
        help="play as numbered lines (for screen readers, pipes and scripts)",
    )
    parser.add_argument(
        "--teams",
        metavar="NAMES",
        help='a team game at one keyboard, e.g. --teams "Reds,Blues"',
    )


def run(args: argparse.Namespace) -> int:
    from quiz.errors import QuizError

    if getattr(args, "plain", False) and getattr(args, "teams", None):
        raise QuizError("--plain and --teams cannot be combined")
    if getattr(args, "teams", None):
        from quiz.tui.teams import run_teams

        return int(run_teams(args) or 0)
    if getattr(args, "plain", False):
        from quiz.play_plain import run_plain

        return run_plain(args)
    from quiz.tui.app import run_app

    return int(run_app(args) or 0)
