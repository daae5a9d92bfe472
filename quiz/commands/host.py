"""`quiz host`: host a live classroom game (the projector screen, or `--plain` lines)."""

from __future__ import annotations

import argparse

from quiz.commands.common import add_saves_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "host",
        help="host a live classroom game that students join from their terminals",
        description="Host a live game. Students run `quiz join HOST:PORT --code CODE --name NAME`.",
    )
    parser.add_argument("--pack", metavar="P", help="pack name or file (default: the bundled bank)")
    parser.add_argument("--count", type=int, default=10, metavar="N", help="questions (default 10)")
    parser.add_argument(
        "--time", type=float, default=20.0, metavar="S", help="seconds per question"
    )
    parser.add_argument("--no-speed", action="store_true", help="a flat 1000 per correct answer")
    parser.add_argument(
        "--port", type=int, default=None, metavar="PORT", help="port (default 8765)"
    )
    parser.add_argument("--bind", default="0.0.0.0", metavar="ADDR", help="address to listen on")
    parser.add_argument("--max-players", type=int, default=200, metavar="N")
    parser.add_argument("--seed", type=int, default=None, help="seed for the draw and shuffles")
    parser.add_argument("--code", default=None, help="a fixed 6-digit join code (for scripts)")
    parser.add_argument(
        "--questions-json",
        metavar="FILE",
        help="questions from a JSON list (Question fields) instead of a pack",
    )
    parser.add_argument("--plain", action="store_true", help="no screen: events as lines")
    parser.add_argument("--auto", action="store_true", help="start and move on by itself")
    parser.add_argument("--min-players", type=int, default=1, metavar="N", help="with --auto")
    parser.add_argument(
        "--reveal-seconds", type=float, default=3.0, metavar="S", help="with --auto"
    )
    parser.add_argument(
        "--resume",
        nargs="?",
        const="",
        default=None,
        metavar="SESSION",
        help="continue a session that stopped (default: the newest unfinished one)",
    )
    add_saves_option(parser)


def run(args: argparse.Namespace) -> int:
    import asyncio

    from quiz.classroom.hosting import check_host_args, open_session
    from quiz.errors import UsageError

    check_host_args(args)
    session, journal, session_id, port = open_session(args)
    if not args.plain:
        from quiz.tui.classroom.host_app import run_host_app

        return run_host_app(session, journal, session_id, bind=args.bind, port=port)
    if not args.auto:
        raise UsageError("--plain needs --auto: the keys that drive a game are on the host screen")
    from quiz.plain.host import PlainHostOptions, host_plain

    options = PlainHostOptions(
        bind=args.bind, port=port, min_players=args.min_players, reveal_seconds=args.reveal_seconds
    )
    asyncio.run(host_plain(session, journal, session_id, options))
    return 0
