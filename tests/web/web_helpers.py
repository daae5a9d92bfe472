"""A real host for browser tests: the classroom server on its own thread (as `quiz host`
runs it), driven from the test's thread, plus raw WebSocket students written from
docs/classroom-protocol.md alone."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from websockets.sync.client import ClientConnection, connect

from quiz.classroom.deck import prepare
from quiz.classroom.self_paced import SelfPacedSession
from quiz.classroom.self_paced_server import SelfPacedServer
from quiz.classroom.server import ClassroomServer
from quiz.classroom.server_thread import ServerThread
from quiz.classroom.session import HostSession
from quiz.packs.question import Question

T = TypeVar("T")
CODE = "123456"
HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
# Debian's chromium, as tests run it: no sandbox (root in CI), nothing fetched in the
# background (the network is closed and its refusals only slow the browser down).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def needed(path: str | None, what: str) -> str:
    """`path`, or a skip saying what is missing; in CI (`CI` set) a failure instead, since
    .ci/run installs it and the browser tests must run there."""
    if path:
        return path
    message = f"{what} is not installed ({'see .ci/run' if os.environ.get('CI') else 'skipped'})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def chromium_path() -> str:
    return needed(shutil.which("chromium"), "chromium (apt-get install -y chromium)")


def axe_source() -> str:
    found = str(AXE) if AXE.is_file() else None
    return Path(needed(found, f"axe-core (npm install --prefix {HERE} axe-core)")).read_text()


class WebHost:
    """A ClassroomServer (or a SelfPacedServer) on a ServerThread; host actions are called
    from the test thread, and `wait_for` waits (on the server's events, never a sleep) for a
    condition."""

    def __init__(
        self, session: HostSession, server_type: type[ClassroomServer] = ClassroomServer
    ) -> None:
        self.session = session
        self.server = server_type(session, port=0, listener=self._event)
        self.thread = ServerThread(self.server)
        self.events: list[tuple[str, dict[str, Any]]] = []
        self._changed = threading.Condition()

    def _event(self, event: str, detail: dict[str, Any]) -> None:
        with self._changed:
            self.events.append((event, detail))
            self._changed.notify_all()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/"

    @property
    def uri(self) -> str:
        return f"ws://127.0.0.1:{self.server.port}/"

    def call(self, action: Callable[[], T]) -> T:
        """Run a host action on the server's loop and return its result."""

        async def run() -> T:
            return action()

        return self.thread.run(run)

    def wait_for(self, condition: Callable[[HostSession], bool], timeout: float = 10.0) -> None:
        """Wait until `condition(session)` holds, checked on the server's loop after each of
        the server's events."""

        deadline = time.monotonic() + timeout
        while True:
            with self._changed:
                seen = len(self.events)
            # Read on the server's loop, without our lock: its listener takes the lock.
            if self.call(lambda: condition(self.session)):
                return
            with self._changed:
                left = deadline - time.monotonic()
                assert left > 0, "the host never got there"
                self._changed.wait_for(lambda seen=seen: len(self.events) > seen, left)

    def answered(self, count: int) -> None:
        self.wait_for(lambda session: session.answered_count() == count)


@contextmanager
def web_host(
    questions: list[Question], clock: Callable[[], float], *, timer: bool = True
) -> Iterator[WebHost]:
    session = HostSession(
        prepare(questions, seconds=20, seed=3), code=CODE, max_players=40, clock=clock, timer=timer
    )
    with _running(WebHost(session)) as host:
        yield host


@contextmanager
def homework_web_host(
    questions: list[Question],
    clock: Callable[[], float],
    wall: Callable[[], float],
    *,
    deadline: float,
    timer: bool = True,
) -> Iterator[WebHost]:
    """Self-paced homework until `deadline` (POSIX seconds on the `wall` clock)."""
    session = SelfPacedSession(
        prepare(questions, seconds=20, seed=3),
        code=CODE,
        deadline=deadline,
        seed=3,
        max_players=40,
        clock=clock,
        wall=wall,
        timer=timer,
    )
    with _running(WebHost(session, SelfPacedServer)) as host:
        yield host


@contextmanager
def _running(host: WebHost) -> Iterator[WebHost]:
    host.thread.start()
    try:
        yield host
    finally:
        host.thread.stop()


class RawStudent:
    """A bare WebSocket student speaking JSON, as a page or any other client would."""

    def __init__(self, uri: str) -> None:
        self._opened = connect(uri, open_timeout=5)
        self.ws: ClientConnection = self._opened.__enter__()

    def send(self, **fields: Any) -> None:
        self.ws.send(json.dumps({"v": 2, **fields}))

    def receive(self, timeout: float = 10.0) -> dict[str, Any]:
        """The very next message, whatever it is."""
        return dict(json.loads(self.ws.recv(timeout)))

    def next(self, kind: str, timeout: float = 10.0) -> dict[str, Any]:
        while True:
            message = json.loads(self.ws.recv(timeout))
            if message["type"] == kind:
                return dict(message)

    def join(self, name: str, token: str | None = None) -> dict[str, Any]:
        self.send(type="join", code=CODE, name=name, token=token)
        return self.next("welcome")

    def answer(self, number: int, choices: list[int], text: str | None = None) -> None:
        self.send(type="answer", question=number, choices=choices, text=text)
        self.next("accepted")

    def close(self) -> None:
        self._opened.__exit__(None, None, None)
