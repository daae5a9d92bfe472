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
    parser.add_argument(
        "--player",
        metavar="NAME",
        help="at the end, save the game in this player's history; what you missed is due in "
        "their practice (also the name in class, unless --name says otherwise)",
    )
    parser.add_argument(
        "--pack",
        metavar="P",
        help="with --player: the pack the class plays, when it is not a bundled one",
    )
    add_saves_option(parser)


def run(args: argparse.Namespace) -> int:
    import asyncio
    from pathlib import Path

    from quiz.classroom.client import student_connection
    from quiz.classroom.options import JoinOptions
    from quiz.classroom.results.student_save import ClassTranscript, local_packs
    from quiz.errors import UsageError
    from quiz.name_identity import NameRefused, player_name
    from quiz.packs.playable import open_playable

    player = None
    if args.player is not None:
        try:
            player = player_name(args.player)
        except NameRefused as error:
            raise UsageError(f"--player: {error}") from None
    elif args.pack:
        raise UsageError("--pack goes with --player NAME (the saves the game goes into)")
    name = args.name or player or ""
    if not name and not args.token:
        raise UsageError("give your name with --name NAME")
    # Checked before joining, so a wrong --pack is said before the game, not after it.
    packs = [open_playable(args.pack)] if args.pack else []
    options = JoinOptions(
        address=args.address,
        code=args.code,
        name=name,
        token=args.token,
        ca=Path(args.ca) if args.ca else None,
        saves=getattr(args, "saves", None),
    )
    client, memory = student_connection(options)
    if player is not None:
        client.transcript = ClassTranscript()
    if not args.plain:
        from quiz.tui.classroom.student_app import run_student_app

        code = run_student_app(client, memory)
    else:
        from quiz.plain.join import join_plain

        code = asyncio.run(join_plain(client, memory=memory))
    if player is not None and client.transcript is not None:
        from quiz.classroom.results.student_save import save_class_round
        from quiz.store import SaveStore

        store = SaveStore.from_cli(options.saves)
        packs += local_packs()
        print(save_class_round(client.transcript, player, store, packs).message)
    return code
