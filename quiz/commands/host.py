"""`quiz host`: host a live classroom game (the projector screen, or `--plain` lines)."""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.classroom.options import DEFAULT_PORT, HostOptions
from quiz.commands.common import add_saves_option

if TYPE_CHECKING:
    import ssl

    from quiz.classroom.journal import Journal
    from quiz.classroom.self_paced import SelfPacedSession

DEFAULTS = HostOptions()  # what a flag not given means, in one place


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "host",
        help="host a live classroom game that students join from their terminals",
        description="Host a live game. Students run `quiz join HOST:PORT --code CODE --name NAME`.",
    )
    parser.add_argument("--pack", metavar="P", help="pack name or file (default: the bundled bank)")
    parser.add_argument(
        "--count",
        type=int,
        default=DEFAULTS.count,
        metavar="N",
        help=f"questions (default {DEFAULTS.count})",
    )
    parser.add_argument(
        "--time",
        type=float,
        default=DEFAULTS.time_limit,
        metavar="S",
        help=f"seconds per question (default {DEFAULTS.time_limit:g})",
    )
    parser.add_argument("--no-speed", action="store_true", help="a flat 1000 per correct answer")
    parser.add_argument(
        "--no-timer",
        action="store_true",
        help="accuracy only: no clock, no time-outs, no speed points, on every student's screen",
    )
    parser.add_argument(
        "--port", type=int, default=None, metavar="PORT", help=f"port (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--bind", default=DEFAULTS.bind, metavar="ADDR", help="address to listen on"
    )
    parser.add_argument("--max-players", type=int, default=DEFAULTS.max_players, metavar="N")
    parser.add_argument(
        "--nicknames",
        action="store_true",
        help='give students generated names ("Brave Otter") instead of the names they type',
    )
    parser.add_argument(
        "--tls-cert", metavar="FILE", help="serve wss:// with this PEM certificate (and --tls-key)"
    )
    parser.add_argument("--tls-key", metavar="FILE", help="the certificate's PEM private key")
    parser.add_argument("--seed", type=int, default=None, help="seed for the draw and shuffles")
    parser.add_argument("--code", default=None, help="a fixed 6-digit join code (for scripts)")
    parser.add_argument(
        "--questions-json",
        metavar="FILE",
        help="questions from a JSON list (Question fields) instead of a pack",
    )
    parser.add_argument(
        "--qr-png",
        metavar="FILE",
        help="also save the QR code of the student page's address as a PNG (for a projector)",
    )
    parser.add_argument("--plain", action="store_true", help="no screen: events as lines")
    parser.add_argument("--auto", action="store_true", help="start and move on by itself")
    parser.add_argument(
        "--min-players",
        type=int,
        default=DEFAULTS.min_players,
        metavar="N",
        help="with --auto: start once N are in (default 1; resuming: as many as were there)",
    )
    parser.add_argument(
        "--reveal-seconds",
        type=float,
        default=DEFAULTS.reveal_seconds,
        metavar="S",
        help="with --auto",
    )
    parser.add_argument(
        "--resume",
        nargs="?",
        const="",
        default=None,
        metavar="SESSION",
        help="continue a session that stopped (default: the newest unfinished one)",
    )
    homework = parser.add_argument_group("self-paced homework")
    homework.add_argument(
        "--self-paced",
        action="store_true",
        help="homework: students join any time before the deadline and work at their own pace",
    )
    homework.add_argument(
        "--until",
        metavar='"YYYY-MM-DD HH:MM"',
        help="the deadline, local time (with --resume: move it)",
    )
    homework.add_argument(
        "--for", dest="for_", metavar="LENGTH", help="the deadline from now: 3d, 12h, 90m"
    )
    homework.add_argument(
        "--leaderboard", action="store_true", help="rank the students (off by default)"
    )
    add_saves_option(parser)


def homework_deadline(args: argparse.Namespace, now: float) -> float | None:
    """The deadline `--until` or `--for` give (POSIX seconds), None without either; a
    UsageError (one line) for one that can't be read or has passed."""
    from quiz.classroom.deadline import BadDeadline, parse_deadline, parse_duration
    from quiz.errors import UsageError

    until, length = args.until, args.for_
    if until is not None and length is not None:
        raise UsageError("give the deadline once: --until or --for, not both")
    try:
        if until is not None:
            return parse_deadline(until, now)
        if length is not None:
            return now + parse_duration(length)
    except BadDeadline as error:
        option = "--until" if until is not None else "--for"
        raise UsageError(f"{option}: {error}") from None
    return None


def host_options(args: argparse.Namespace) -> HostOptions:
    """The options `quiz host` was given; a UsageError (one line) for impossible ones."""
    from quiz.errors import UsageError

    checks = [
        (args.count >= 1, "--count must be at least 1"),
        (0 < args.time <= 600, "--time must be between 0 and 600 seconds"),
        (args.max_players >= 1, "--max-players must be at least 1"),
        (args.min_players is None or args.min_players >= 1, "--min-players must be at least 1"),
        (
            (args.tls_cert is None) == (args.tls_key is None),
            "--tls-cert and --tls-key go together",
        ),
        (args.reveal_seconds >= 0, "--reveal-seconds must not be negative"),
        (args.port is None or 0 <= args.port <= 65535, "--port must be 0–65535"),
        (args.code is None or re.fullmatch(r"\d{6}", args.code), "--code must be 6 digits"),
    ]
    for ok, message in checks:
        if not ok:
            raise UsageError(message)
    deadline = homework_deadline(args, time.time())
    if args.self_paced and args.resume is None and deadline is None:
        raise UsageError("--self-paced needs a deadline: --until \"2026-12-05 17:00\" or --for 3d")
    if deadline is not None and not args.self_paced and args.resume is None:
        raise UsageError("--until and --for set a homework's deadline: add --self-paced")
    if args.leaderboard and not args.self_paced:
        raise UsageError("--leaderboard is for --self-paced homework (a live game always has one)")
    return HostOptions(
        pack=args.pack,
        questions_json=Path(args.questions_json) if args.questions_json else None,
        count=args.count,
        time_limit=args.time,
        speed=not args.no_speed,
        timer=not args.no_timer,
        max_players=args.max_players,
        nicknames=args.nicknames,
        seed=args.seed,
        code=args.code,
        bind=args.bind,
        port=args.port,
        tls_cert=Path(args.tls_cert) if args.tls_cert else None,
        tls_key=Path(args.tls_key) if args.tls_key else None,
        min_players=args.min_players,
        reveal_seconds=args.reveal_seconds,
        resume=args.resume,
        saves=getattr(args, "saves", None),
        self_paced=args.self_paced,
        deadline=deadline,
        leaderboard=args.leaderboard,
        qr_png=Path(args.qr_png) if args.qr_png else None,
    )


def run(args: argparse.Namespace) -> int:
    import asyncio

    from quiz.classroom.capacity import raise_open_file_limit, room_for
    from quiz.classroom.hosting import open_session
    from quiz.classroom.self_paced import SelfPacedSession
    from quiz.classroom.tls import server_context
    from quiz.errors import UsageError

    options = host_options(args)
    plain_alone = args.plain and not args.auto
    if plain_alone and not options.self_paced and options.resume is None:
        raise UsageError("--plain needs --auto: the keys that drive a game are on the host screen")
    cert, key = options.tls_cert, options.tls_key
    tls = server_context(cert, key) if cert and key else None
    limit = raise_open_file_limit()
    print(room_line(limit, room_for(limit), options.max_players), flush=True)
    session, journal, session_id, port = open_session(options)
    try:
        if isinstance(session, SelfPacedSession):
            return run_homework(session, journal, session_id, options, port, tls, plain=args.plain)
        if plain_alone:
            raise UsageError(
                "--plain needs --auto: the keys that drive a game are on the host screen"
            )
        if not args.plain:
            from quiz.tui.classroom.host_app import run_host_app

            return run_host_app(
                session,
                journal,
                session_id,
                bind=options.bind,
                port=port,
                tls=tls,
                qr_png=options.qr_png,
            )
        from quiz.plain.host import host_plain

        asyncio.run(host_plain(session, journal, session_id, options, port=port, tls=tls))
        return 0
    finally:
        # A game nobody joined (a start that failed on a busy port, say) leaves nothing
        # behind for --resume to pick.
        journal.discard_unstarted()


def run_homework(
    session: SelfPacedSession,
    journal: Journal,
    session_id: str,
    options: HostOptions,
    port: int,
    tls: ssl.SSLContext | None,
    *,
    plain: bool,
) -> int:
    """Host self-paced homework until its deadline: the teacher's progress screen, or lines."""
    import asyncio

    if not plain:
        from quiz.tui.classroom.homework_app import run_homework_app

        return run_homework_app(
            session,
            journal,
            session_id,
            bind=options.bind,
            port=port,
            tls=tls,
            qr_png=options.qr_png,
        )
    from quiz.plain.host import host_homework_plain

    asyncio.run(host_homework_plain(session, journal, session_id, options, port=port, tls=tls))
    return 0


def room_line(limit: int | None, room: int | None, wanted: int) -> str:
    """The line saying how many students the host can hold, and whether --max-players fits."""
    if room is None:
        return "room: no limit on open files known"
    line = f"room: {room} students (open-file limit {limit})"
    if wanted > room:
        line += f"; --max-players {wanted} needs a higher `ulimit -n`"
    return line
