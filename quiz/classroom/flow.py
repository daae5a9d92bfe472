"""The automatic flow of a game: wait for players, then ask, close, reveal, and move on.

Used by `quiz host --plain --auto` and by tests; the teacher's screen drives the same server
actions by key instead. The waits here are the game's own timers (answer time, reveal time),
each bounded, and the waits for the class, which are what the teacher asked for.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import LATE_GRACE


async def wait_until(server: ClassroomServer, condition: Callable[[], bool]) -> None:
    """Return once `condition()` holds, checking it whenever the server says something
    changed (a join, an answer, a player away or back, a pause)."""
    while not condition():
        server.changed.clear()
        await server.changed.wait()


async def wait_for_players(server: ClassroomServer, minimum: int) -> None:
    """Return once at least `minimum` players are present (joined and not away)."""
    await wait_until(server, lambda: server.session.present_count >= minimum)


async def wait_for_connected(server: ClassroomServer, minimum: int) -> None:
    """After a resume: return once `minimum` players are connected again."""
    await wait_until(server, lambda: len(server.connections) >= minimum)


async def wait_for_answers(server: ClassroomServer) -> None:
    """Return when every present player has answered the open question or its time (and
    the grace for answers in flight) has run out. The clock stands still while paused."""
    session = server.session
    while session.phase == "open" and not session.everyone_answered() and not session.time_up():
        server.changed.clear()
        seconds = session.seconds_left()
        left = None if session.paused or seconds is None else max(0.0, seconds + LATE_GRACE)
        try:
            async with asyncio.timeout(left):
                await server.changed.wait()
        except TimeoutError:
            pass


async def wait_while_paused(server: ClassroomServer) -> None:
    await wait_until(server, lambda: not server.session.paused)


async def run_auto(
    server: ClassroomServer, *, min_players: int | None, reveal_seconds: float
) -> None:
    """Play the whole game without a teacher at the keys, then end it.

    A new game starts once `min_players` (None: 1) are present. A resumed one first waits
    for `min_players` to be connected again (None: as many as were present when it
    stopped), then asks the interrupted question again of those who had not answered it.
    """
    session = server.session
    if session.phase == "lobby":
        await wait_for_players(server, min_players or 1)
    else:
        await wait_for_connected(server, min_players or max(1, session.present_count))
    if session.phase in ("open", "closed"):
        server.ask_again()
        await wait_for_answers(server)
        server.reveal()
        await asyncio.sleep(reveal_seconds)
    while session.has_next:
        await wait_while_paused(server)
        server.ask_next()
        await wait_for_answers(server)
        server.reveal()
        await asyncio.sleep(reveal_seconds)
    server.finish()
