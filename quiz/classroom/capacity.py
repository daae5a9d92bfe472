"""How many students a host can hold at once: each connection is one open file, and a
process may only have so many (`ulimit -n`, often 1,024 or even 256).

At start the host raises its soft open-file limit toward the hard limit (which needs no
privilege), keeps some files for itself (the journal, the results, the terminal, Python's
own imports) and takes no more connections than the rest. A host out of files would
otherwise fail every `accept` with a logged traceback, thousands a minute.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import sys
import time
from collections.abc import Callable
from typing import Any

RESERVED_FILES = 64  # journal, results, stdio, listening sockets, the screen, late imports
CEILING = 65_536  # far beyond any class; asks no more of the system than that
_OUT_OF_FILES = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}


def raise_open_file_limit() -> int | None:
    """Raise the soft open-file limit toward the hard one (at most CEILING); the soft limit
    in force afterwards, or None on a system without such limits."""
    if sys.platform == "win32":
        return None
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = CEILING if hard == resource.RLIM_INFINITY else min(hard, CEILING)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        with contextlib.suppress(ValueError, OSError):  # e.g. macOS below its kernel cap
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    return open_file_limit()


def open_file_limit() -> int | None:
    """The soft open-file limit as it is, or None on a system without one."""
    if sys.platform == "win32":
        return None
    import resource

    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return CEILING if soft == resource.RLIM_INFINITY else int(soft)


def room_for(limit: int | None) -> int | None:
    """How many connections fit under an open-file limit (None: no known limit)."""
    return None if limit is None else max(1, limit - RESERVED_FILES)


class RefusedConnections:
    """Connections the host had no room for: counted, and `report`ed (with the count) at
    most once every `every` seconds. Installed on the event loop, it also takes asyncio's
    report of each `accept` that failed for want of open files, which would otherwise be a
    traceback each, thousands a minute."""

    def __init__(
        self,
        report: Callable[[int], None],
        *,
        every: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.report = report
        self.every = every
        self.clock = clock
        self._count = 0
        self._reported_at: float | None = None
        self._previous: Any = None

    def note(self) -> None:
        """One more connection refused."""
        self._count += 1
        now = self.clock()
        if self._reported_at is None or now - self._reported_at >= self.every:
            self.report(self._count)
            self._reported_at = now
            self._count = 0

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        self._previous = loop.get_exception_handler()
        loop.set_exception_handler(self._exception)

    def uninstall(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.set_exception_handler(self._previous)

    def _exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, OSError) and error.errno in _OUT_OF_FILES:
            self.note()
        elif self._previous is not None:
            self._previous(loop, context)
        else:
            loop.default_exception_handler(context)
