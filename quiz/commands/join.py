"""`quiz join`: join a live classroom game as a student."""

from __future__ import annotations

import argparse

from quiz.commands.common import add_saves_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "join",
        help="join a live classroom game",
        description="Join a game hosted with `quiz host`.",
    )
    parser.add_argument(
        "address", metavar="HOST[:PORT]", help="the address the host shows (or a wss:// URI)"
    )
    parser.add_argument("--code", required=True, help="the 6-digit code the host shows")
    parser.add_argument("--name", default="", help="your name as the class will see it")
    parser.add_argument("--token", default=None, help="rejoin as the player this token belongs to")
    parser.add_argument(
        "--ca",
        metavar="FILE",
        help="trust the host's certificate from this PEM file (and use wss://)",
    )
    parser.add_argument("--plain", action="store_true", help="lines on stdout, answers from stdin")
    add_saves_option(parser)


def run(args: argparse.Namespace) -> int:
    import asyncio
    from pathlib import Path

    from quiz.classroom.client import student_connection
    from quiz.classroom.options import JoinOptions
    from quiz.errors import UsageError

    if not args.name and not args.token:
        raise UsageError("give your name with --name NAME")
    options = JoinOptions(
        address=args.address,
        code=args.code,
        name=args.name,
        token=args.token,
        ca=Path(args.ca) if args.ca else None,
        saves=getattr(args, "saves", None),
    )
    client, memory = student_connection(options)
    if not args.plain:
        from quiz.tui.classroom.student_app import run_student_app

        return run_student_app(client, memory)
    from quiz.plain.join import join_plain

    return asyncio.run(join_plain(client, memory=memory))
