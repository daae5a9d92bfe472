"""Helpers for self-paced homework tests: a real homework host on 127.0.0.1 with fake
clocks (the host's and the wall's), and right and wrong answers as raw fields."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from classroom_helpers import CODE, RawStudent, every_type
from fakes import FakeClock

from quiz.classroom.deck import prepare
from quiz.classroom.self_paced import SelfPacedSession
from quiz.classroom.self_paced_server import SelfPacedServer

# 2026-12-05 16:00 UTC, and a deadline an hour later.
NOW = 1_796_486_400.0
DEADLINE = NOW + 3600


@dataclass
class Homework:
    server: SelfPacedServer
    session: SelfPacedSession
    clock: FakeClock
    wall: FakeClock
    events: list[dict[str, Any]]
    students: list[RawStudent] = field(default_factory=list)

    @property
    def uri(self) -> str:
        return f"ws://127.0.0.1:{self.server.port}"

    async def student(self, name: str) -> tuple[RawStudent, dict[str, Any]]:
        """A raw student who joined as `name`, and the host's welcome."""
        student = await RawStudent.connect(self.uri)
        self.students.append(student)
        welcome = await student.join(name)
        assert welcome["type"] == "welcome", welcome
        return student, welcome


async def homework_host(leaderboard: bool = False, timer: bool = True) -> AsyncIterator[Homework]:
    events: list[dict[str, Any]] = []
    clock, wall = FakeClock(), FakeClock(NOW)
    session = SelfPacedSession(
        prepare(every_type(), seconds=20, seed=3),
        code=CODE,
        deadline=DEADLINE,
        seed=3,
        leaderboard=leaderboard,
        timer=timer,
        clock=clock,
        wall=wall,
        record=events.append,
    )
    server = SelfPacedServer(session, port=0, open_timeout=2)
    await server.start()
    homework = Homework(server, session, clock, wall, events)
    try:
        yield homework
    finally:
        for student in homework.students:
            await student.close()
        await server.stop()


def right_answer(session: SelfPacedSession, question: dict[str, Any]) -> dict[str, Any]:
    """The fields of a fully right answer to the question as the student was sent it."""
    hosted = next(h for h in session.questions if h.question.prompt == question["prompt"])
    if hosted.kind == "typed":
        return {"choices": [], "text": hosted.question.answers[0]}
    if hosted.kind == "numeric":
        return {"choices": [], "text": "236"}
    return {"choices": list(hosted.correct), "text": None}


def wrong_answer(question: dict[str, Any]) -> dict[str, Any]:
    kind = question["kind"]
    if kind in ("typed", "numeric"):
        return {"choices": [], "text": "999" if kind == "numeric" else "nobody"}
    if kind in ("ordering", "matching"):
        count = len(question["choices"]) if kind == "ordering" else len(question["left"])
        return {"choices": list(range(count)), "text": None}
    return {"choices": [0], "text": None}
