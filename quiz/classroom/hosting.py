"""Setting up a hosted session from `HostOptions`: new (questions, code, journal) or
resumed from its journal."""

from __future__ import annotations

import secrets
from typing import Any

from quiz.classroom.deck import prepare
from quiz.classroom.journal import (
    Journal,
    find_session,
    new_session_id,
    replay,
    session_header,
)
from quiz.classroom.options import DEFAULT_PORT, HostOptions
from quiz.classroom.question_source import json_questions, pack_questions
from quiz.classroom.self_paced import SelfPacedSession
from quiz.classroom.session import HostSession
from quiz.errors import QuizError
from quiz.store.paths import resolve_saves_dir


def open_session(options: HostOptions) -> tuple[HostSession, Journal, str, int]:
    """(session, journal, session id, port) for a new game, or for a resumed one."""
    saves = resolve_saves_dir(options.saves)
    if options.resume is not None:
        folder = find_session(saves, options.resume or None, unfinished=True)
        journal = Journal(folder)
        session, header = replay(journal.read(), record=journal.append)
        if session.phase == "over":
            raise QuizError(f"session {header['id']} has already ended; see `quiz report`")
        if options.deadline is not None:
            if not isinstance(session, SelfPacedSession):
                raise QuizError(f"session {header['id']} is a live game: it has no deadline")
            session.set_deadline(options.deadline)
        port = options.port if options.port is not None else int(header.get("port", DEFAULT_PORT))
        return session, journal, header["id"], port

    seed = options.seed if options.seed is not None else secrets.randbits(32)
    if options.questions_json is not None:
        pack_id, pack_title = "", ""
        questions = json_questions(options.questions_json, count=options.count)
    else:
        pack_id, pack_title, questions = pack_questions(
            options.pack, count=options.count, seed=seed
        )
    hosted = prepare(questions, seconds=options.time_limit, seed=seed)
    if not hosted:
        raise QuizError("no questions to ask: the pack or the question file is empty")
    code = options.code or f"{secrets.randbelow(10**6):06d}"
    session_id = new_session_id()
    journal = Journal.create(saves, session_id)
    settings: dict[str, Any] = {
        "code": code,
        "speed": options.speed,
        "timer": options.timer,
        "max_players": options.max_players,
        "nicknames": options.nicknames,
        "record": journal.append,
    }
    if options.self_paced:
        if options.deadline is None:
            raise QuizError("self-paced homework needs a deadline (--until or --for)")
        session = SelfPacedSession(
            hosted,
            deadline=options.deadline,
            seed=seed,
            leaderboard=options.leaderboard,
            **settings,
        )
    else:
        session = HostSession(hosted, **settings)
    port = options.port if options.port is not None else DEFAULT_PORT
    journal.append(
        session_header(
            session,
            session_id,
            port=port,
            pack_id=pack_id,
            pack_title=pack_title,
            seed=seed,
        )
    )
    return session, journal, session_id, port
