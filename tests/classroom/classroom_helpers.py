"""Helpers for classroom tests: questions, a fake clock, a real host on 127.0.0.1 (in this
process or as a `quiz host --plain` process)."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fakes import FakeClock
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static
from websockets.asyncio.client import ClientConnection, connect

from quiz.classroom.client import ClassroomClient
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import HostSession
from quiz.packs.question import Question

CODE = "123456"
PACK_ID = "secret-pack-id"
PACK_TITLE = "Secret Pack Title"
QUIZ = [sys.executable, "-m", "quiz"]


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_host(*extra: str, preexec_fn: Callable[[], None] | None = None) -> subprocess.Popen[str]:
    """`quiz host --plain --bind 127.0.0.1 *extra` as a process, its output piped as text."""
    return subprocess.Popen(
        [*QUIZ, "host", "--plain", "--bind", "127.0.0.1", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=preexec_fn,
    )


def read_until(process: subprocess.Popen[str], prefix: str) -> list[str]:
    """Read a process's stdout until a line starts with `prefix`: the lines read, stripped,
    that one last (bounded by the process: if it ends first, fail with its stderr)."""
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line.strip())
        if line.startswith(prefix):
            return lines
    raise AssertionError(f"no {prefix!r} line: {lines} {process.stderr.read()}")  # type: ignore[union-attr]


def wait_for_line(process: subprocess.Popen[str], prefix: str) -> str:
    """The first line of a process's stdout that starts with `prefix`, stripped."""
    return read_until(process, prefix)[-1]


def sample_questions() -> list[Question]:
    """Four questions, one of each type a classroom asks."""
    return [
        Question(
            id=f"{PACK_ID}.q1",
            type="single",
            prompt="Who is 'the vacancy', according to the article?",
            choices=("David Miliband", "Ed Balls", "Andy Burnham", "John McDonnell"),
            answers=("David Miliband",),
            explanation="The article calls him the ultimate vacant man.",
            quote="the ultimate vacant man",
            attribution="the article",
        ),
        Question(
            id=f"{PACK_ID}.q2",
            type="true_false",
            prompt="Harriet Harman ran for leader.",
            choices=("True", "False"),
            answers=("False",),
        ),
        Question(
            id=f"{PACK_ID}.q3",
            type="multiple",
            prompt="Which two are Milibands?",
            choices=("David", "Ed", "Alan", "Peter"),
            answers=("David", "Ed"),
        ),
        Question(
            id=f"{PACK_ID}.q4",
            type="typed",
            prompt="Which union backs Ed Miliband?",
            answers=("Unite", "Unite the Union"),
        ),
    ]


def more_questions() -> list[Question]:
    """One question of each type the first classroom left out: ordering, matching, numeric."""
    return [
        Question(
            id=f"{PACK_ID}.q5",
            type="ordering",
            prompt="Put these in the order they happened.",
            items=("Election day", "Coalition talks", "Brown resigns", "Nominations close"),
        ),
        Question(
            id=f"{PACK_ID}.q6",
            type="matching",
            prompt="Match each name to the nickname the article gives.",
            pairs=(("Tony Blair", "Cheesie"), ("Gordon Brown", "Chalkie"), ("Geoff Hoon", "Taxi")),
        ),
        Question(
            id=f"{PACK_ID}.q7",
            type="numeric",
            prompt="How many parliamentary hours were spent sparing vermin?",
            value=236,
            tolerance=4,
            unit="hours",
        ),
    ]


def every_type() -> list[Question]:
    """The seven question types, in the order of sample_questions() then more_questions()."""
    return sample_questions() + more_questions()


@dataclass
class Host:
    server: ClassroomServer
    session: HostSession
    clock: FakeClock
    events: list[dict]
    clients: list[ClassroomClient] = field(default_factory=list)
    slept: list[float] = field(default_factory=list)  # waits for a code check, in seconds
    raw_students: list[RawStudent] = field(default_factory=list)

    @property
    def uri(self) -> str:
        return f"ws://127.0.0.1:{self.server.port}"

    async def raw(self) -> RawStudent:
        """A connected raw student (closed when the test ends)."""
        student = await RawStudent.connect(self.uri)
        self.raw_students.append(student)
        return student

    def client(self, name: str = "", **kwargs: object) -> ClassroomClient:
        kwargs.setdefault("reconnect", False)
        client = ClassroomClient(self.uri, kwargs.pop("code", CODE), name, **kwargs)  # type: ignore[arg-type]
        self.clients.append(client)
        return client


async def next_of(client: ClassroomClient, kind: str, timeout: float = 5.0):  # type: ignore[no-untyped-def]
    """Read messages until one of type `kind` arrives (others are skipped)."""
    while True:
        message = await client.next_message(timeout)
        if message.type == kind:
            return message


def text_of(app: App[Any], selector: str) -> str:
    """What the Static at `selector` shows, as plain text."""
    return str(app.query_one(selector, Static).render())


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], limit: int = 500) -> None:
    """Let the app process messages until `condition()` holds (bounded)."""
    for _ in range(limit):
        if condition():
            return
        await pilot.pause()
        await asyncio.sleep(0)  # yield to the network tasks too
    raise AssertionError("condition never held")


class RawStudent:
    """A student written from docs/classroom-protocol.md alone: a bare websockets connection
    sending and reading JSON objects, nothing of quiz.classroom's client or models."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.received: list[dict[str, Any]] = []

    @classmethod
    async def connect(cls, uri: str, **options: Any) -> RawStudent:
        return cls(await connect(uri, open_timeout=5, **options))

    async def send(self, **fields: Any) -> None:
        await self.ws.send(json.dumps({"v": 2, **fields}))

    async def join(self, name: str = "", token: str | None = None, code: str = CODE) -> dict:
        """Send a join and return the host's answer to it (a welcome or an error)."""
        await self.send(type="join", code=code, name=name, token=token)
        return await self.next()

    async def answer(self, question: int, choices: list[int], text: str | None = None) -> None:
        await self.send(type="answer", question=question, choices=choices, text=text)

    async def next(self, kind: str | None = None, timeout: float = 5.0) -> dict[str, Any]:
        """The next message (of type `kind`, skipping others), as a dict."""
        async with asyncio.timeout(timeout):
            while True:
                message = json.loads(await self.ws.recv())
                self.received.append(message)
                if kind is None or message["type"] == kind:
                    return message

    async def close(self) -> None:
        await self.ws.close()
