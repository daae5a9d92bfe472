"""Setting up a hosted session from the command line: new (questions, code, journal) or
resumed from its journal."""

from __future__ import annotations

import argparse
import re
import secrets
from pathlib import Path

from quiz.classroom.deck import prepare
from quiz.classroom.journal import (
    Journal,
    find_session,
    new_session_id,
    replay,
    session_header,
)
from quiz.classroom.question_source import json_questions, pack_questions
from quiz.classroom.session import HostSession
from quiz.errors import QuizError, UsageError
from quiz.store.paths import resolve_saves_dir

DEFAULT_PORT = 8765


def check_host_args(args: argparse.Namespace) -> None:
    """Refuse impossible options with a one-line usage error."""
    checks = [
        (args.count >= 1, "--count must be at least 1"),
        (0 < args.time <= 600, "--time must be between 0 and 600 seconds"),
        (args.max_players >= 1, "--max-players must be at least 1"),
        (args.min_players >= 1, "--min-players must be at least 1"),
        (args.reveal_seconds >= 0, "--reveal-seconds must not be negative"),
        (args.port is None or 0 <= args.port <= 65535, "--port must be 0–65535"),
        (args.code is None or re.fullmatch(r"\d{6}", args.code), "--code must be 6 digits"),
    ]
    for ok, message in checks:
        if not ok:
            raise UsageError(message)


def open_session(args: argparse.Namespace) -> tuple[HostSession, Journal, str, int]:
    """(session, journal, session id, port) for a new game, or for `--resume`."""
    saves = resolve_saves_dir(getattr(args, "saves", None))
    if args.resume is not None:
        folder = find_session(saves, args.resume or None, unfinished=True)
        journal = Journal(folder)
        session, header = replay(journal.read(), record=journal.append)
        if session.phase == "over":
            raise QuizError(f"session {header['id']} has already ended; see `quiz report`")
        port = args.port if args.port is not None else int(header.get("port", DEFAULT_PORT))
        return session, journal, header["id"], port

    seed = args.seed if args.seed is not None else secrets.randbits(32)
    if args.questions_json:
        pack_id, pack_title = "", ""
        questions = json_questions(Path(args.questions_json), count=args.count)
    else:
        pack_id, pack_title, questions = pack_questions(args.pack, count=args.count, seed=seed)
    hosted = prepare(questions, seconds=args.time, seed=seed)
    if not hosted:
        raise QuizError("no question a classroom can ask (single, multiple, true/false, typed)")
    code = args.code or f"{secrets.randbelow(10**6):06d}"
    session_id = new_session_id()
    journal = Journal.create(saves, session_id)
    session = HostSession(
        hosted,
        code=code,
        speed=not args.no_speed,
        max_players=args.max_players,
        record=journal.append,
    )
    port = args.port if args.port is not None else DEFAULT_PORT
    journal.append(
        session_header(
            session, session_id, port=port, pack_id=pack_id, pack_title=pack_title, seed=seed
        )
    )
    return session, journal, session_id, port
