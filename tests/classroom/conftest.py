"""Fixtures for classroom tests: a fake clock and a real host on 127.0.0.1 (port 0)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

# --import-mode=importlib does not put test folders on sys.path; the helpers live beside us.
sys.path.insert(0, str(Path(__file__).parent))

from classroom_helpers import CODE, FakeClock, Host, every_type, sample_questions, unused_port
from homework_helpers import Homework, homework_host

from quiz.classroom.deck import HostedQuestion, prepare
from quiz.classroom.guesses import CodeGuesses
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import HostSession


@pytest.fixture
def free_port() -> int:
    """A port nothing listens on at the moment (for hosts run as processes)."""
    return unused_port()


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def homework() -> AsyncIterator[Homework]:
    """A homework of seven questions (one of each type), seed 3, due an hour from the fake
    wall clock."""
    async for the_homework in homework_host():
        yield the_homework


@pytest.fixture
async def host(fake_clock: FakeClock) -> AsyncIterator[Host]:
    """A host of four questions (single, true/false, multiple, typed), seed 3."""
    async for the_host in _serve(prepare(sample_questions(), seconds=20, seed=3), fake_clock):
        yield the_host


@pytest.fixture
async def every_host(fake_clock: FakeClock) -> AsyncIterator[Host]:
    """A host of seven questions, one of each type (see classroom_helpers.every_type)."""
    async for the_host in _serve(prepare(every_type(), seconds=20, seed=3), fake_clock):
        yield the_host


async def _serve(questions: list[HostedQuestion], fake_clock: FakeClock) -> AsyncIterator[Host]:
    events: list[dict] = []
    session = HostSession(
        questions, code=CODE, max_players=8, clock=fake_clock, record=events.append
    )
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        """Waiting for a code check moves the fake clock instead of the test's time."""
        slept.append(seconds)
        fake_clock.now += seconds
        await asyncio.sleep(0)

    guesses = CodeGuesses(clock=fake_clock, sleep=sleep)
    server = ClassroomServer(session, port=0, open_timeout=2, guesses=guesses)
    await server.start()
    try:
        the_host = Host(server, session, fake_clock, events, slept=slept)
        yield the_host
    finally:
        for client in the_host.clients:
            await client.close()
        for student in the_host.raw_students:
            await student.close()
        await server.stop()
