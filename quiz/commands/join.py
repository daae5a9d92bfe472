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
    parser.add_argument("address", metavar="HOST[:PORT]", help="the address the host shows")
    parser.add_argument("--code", required=True, help="the 6-digit code the host shows")
    parser.add_argument("--name", default="", help="your name as the class will see it")
    parser.add_argument("--token", default=None, help="rejoin as the player this token belongs to")
    parser.add_argument("--plain", action="store_true", help="lines on stdout, answers from stdin")
    add_saves_option(parser)


def run(args: argparse.Namespace) -> int:
    import asyncio

    from quiz.classroom.client import ClassroomClient, host_uri
    from quiz.classroom.journal import sessions_root
    from quiz.classroom.plain_join import TokenMemory, join_plain
    from quiz.errors import UsageError
    from quiz.store.paths import resolve_saves_dir

    if not args.name and not args.token:
        raise UsageError("give your name with --name NAME")
    client = ClassroomClient(host_uri(args.address), args.code.strip(), args.name, token=args.token)
    saves = resolve_saves_dir(getattr(args, "saves", None))
    memory = TokenMemory(sessions_root(saves) / "tokens.json")
    if not args.plain:
        from quiz.tui.classroom.student_app import run_student_app

        return run_student_app(client, memory)
    return asyncio.run(join_plain(client, memory=memory))
