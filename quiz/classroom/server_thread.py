"""Where the host's server runs, as seen by a front end that drives it.

The teacher's screen does its drawing on its own event loop. If the server shared that loop,
every repaint would delay a student's join or answer; with a class of 1,000 it did (joins
took seconds). So `quiz host` runs the server on a loop of its own in a thread
(`ServerThread`), and the screen reaches the session only through `call`: the action runs
on the server's loop, between two of its messages, and the result comes back. Nothing the
screen does can hold up an acknowledgement for longer than a thread switch.

`SameLoop` is the same interface for a server already running on the caller's loop (tests,
which drive the server and the screen from one loop).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import sys
import threading
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

from quiz.classroom.server import ClassroomServer

T = TypeVar("T")
SWITCH_INTERVAL = 0.001  # seconds; see ServerThread.start


class HostCalls(Protocol):
    """Run an action where the server lives and hand back its result."""

    async def call(self, action: Callable[[], T]) -> T: ...

    async def call_async(self, action: Callable[[], Awaitable[T]]) -> T: ...


class SameLoop:
    """The server runs on the caller's own loop: an action is simply called."""

    async def call(self, action: Callable[[], T]) -> T:
        return action()

    async def call_async(self, action: Callable[[], Awaitable[T]]) -> T:
        return await action()


class ServerThread:
    """A ClassroomServer on its own event loop in a daemon thread.

    `start()` returns once the server listens (or raises its QuizError, e.g. port in use);
    `stop(finally_=...)` stops the server, awaits `finally_` on the server's loop (closing
    the journal there, say) and joins the thread.
    """

    def __init__(self, server: ClassroomServer) -> None:
        self.server = server
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="quiz-host-server", daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()
        self.loop.close()

    def start(self) -> None:
        # Two threads share the interpreter lock. Python hands it over every 5 ms by
        # default, so a repaint of the screen could hold up an answer that long; 1 ms
        # keeps the server's wait for the lock well under the acknowledgement target.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        self._thread.start()
        self.run(self.server.start)

    def run(self, action: Callable[[], Awaitable[T]]) -> T:
        """Run `action` on the server's loop and wait for it, from any other thread."""
        return self._submit(action).result()

    def _submit(self, action: Callable[[], Awaitable[T]]) -> concurrent.futures.Future[T]:
        async def run() -> T:
            return await action()

        return asyncio.run_coroutine_threadsafe(run(), self.loop)

    async def call(self, action: Callable[[], T]) -> T:
        async def run() -> T:
            return action()

        return await asyncio.wrap_future(self._submit(run))

    async def call_async(self, action: Callable[[], Awaitable[T]]) -> T:
        return await asyncio.wrap_future(self._submit(action))

    def stop(self, finally_: Callable[[], Awaitable[None]] | None = None) -> None:
        if not self._thread.is_alive():
            return
        try:
            self.run(self.server.stop)
            if finally_ is not None:
                self.run(finally_)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)
