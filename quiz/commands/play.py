"""`quiz play`: start a round — in the Textual app, as plain lines (`--plain`), or as a team
game at one keyboard (`--teams`). `quiz` with no command also lands here, with
`args.menu = True`, to open the main menu instead of a round.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, cast

from quiz.commands.common import add_saves_option, positive_int
from quiz.game.modes import DEFAULT_COUNT, DEFAULT_TIME_LIMIT, MODES
from quiz.game.options import RoundOptions

if TYPE_CHECKING:
    from quiz.game.modes import Mode

MAX_COUNT = 1000
MAX_SECONDS = 3600


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
        type=positive_int(MAX_COUNT),
        metavar="N",
        help=f"number of questions (default {DEFAULT_COUNT}; "
        "blitz and sudden death: the whole pack)",
    )
    parser.add_argument(
        "--seed", type=_seed, metavar="S", help="seed for a repeatable round (daily: ignored)"
    )
    parser.add_argument(
        "--time",
        type=positive_int(MAX_SECONDS),
        metavar="SECONDS",
        help=f"seconds per question (default {DEFAULT_TIME_LIMIT:g}; "
        "--plain has no time limit unless given)",
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
        "--bell",
        action="store_true",
        help="ring the terminal bell on a wrong answer or a time-out (off by default; "
        "also a per-player setting: Ctrl+P → Bell)",
    )
    parser.add_argument(
        "--teams",
        metavar="NAMES",
        help='a team game at one keyboard, e.g. --teams "Reds,Blues"',
    )


def round_options(args: argparse.Namespace) -> RoundOptions:
    """The round `quiz play` was asked for. A `--player` name is kept as it will be saved
    (quiz.name_identity.player_name); one with nothing visible is refused, as
    `quiz player new` refuses it."""
    from quiz.errors import QuizError
    from quiz.name_identity import NameRefused, player_name

    try:
        player = None if args.player is None else player_name(args.player)
    except NameRefused as error:
        raise QuizError(f"--player: {error}") from None
    return RoundOptions(
        pack=args.pack,
        mode=cast("Mode", args.mode),
        count=args.count,
        seed=args.seed,
        time_limit=args.time,
        speed=not args.no_speed,
        player=player,
        saves=getattr(args, "saves", None),
        bell=bool(getattr(args, "bell", False)),
    )


def run(args: argparse.Namespace) -> int:
    from quiz.errors import QuizError

    if args.plain and args.teams:
        raise QuizError("--plain and --teams cannot be combined")
    if args.teams:
        from quiz.classroom.options import TeamsOptions
        from quiz.tui.teams import run_teams

        count = args.count if args.count is not None else DEFAULT_COUNT
        seconds = args.time if args.time is not None else DEFAULT_TIME_LIMIT
        options = TeamsOptions(
            args.teams, pack=args.pack, count=count, seed=args.seed, time_limit=seconds
        )
        return run_teams(options)
    if args.plain:
        from quiz.plain.play import run_plain

        return run_plain(round_options(args))
    from quiz.tui.app import run_app

    return run_app(round_options(args), menu=bool(getattr(args, "menu", False)))
