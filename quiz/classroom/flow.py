"""The automatic flow of a game: wait for players, then ask, close, reveal, and move on.

Used by `quiz host --plain --auto` and by tests; the teacher's screen drives the same server
actions by key instead. The waits here are the game's own timers (answer time, reveal time),
each bounded.
"""

from __future__ import annotations

import asyncio

from quiz.classroom.server import ClassroomServer


async def wait_for_players(server: ClassroomServer, minimum: int) -> None:
    """Return once at least `minimum` active players have joined."""
    while server.session.active_count < minimum:
        server.players_changed.clear()
        await server.players_changed.wait()


async def wait_for_connected(server: ClassroomServer, minimum: int, seconds: float) -> None:
    """After a resume: give students up to `seconds` to reconnect, until `minimum` are back."""
    try:
        async with asyncio.timeout(seconds):
            while len(server.connections) < minimum:
                server.players_changed.clear()
                await server.players_changed.wait()
    except TimeoutError:
        pass


async def wait_for_answers(server: ClassroomServer, seconds: float) -> None:
    """Return when every player has answered or `seconds` have passed."""
    if server.session.everyone_answered():
        return
    try:
        async with asyncio.timeout(seconds):
            await server.all_answered.wait()
    except TimeoutError:
        pass


async def wait_while_paused(server: ClassroomServer) -> None:
    while server.session.paused:
        server.pause_changed.clear()
        await server.pause_changed.wait()


async def run_auto(server: ClassroomServer, *, min_players: int, reveal_seconds: float) -> None:
    """Play the whole game without a teacher at the keys, then end it."""
    session = server.session
    if session.phase == "lobby":
        await wait_for_players(server, min_players)
    # After a resume the players are known but not yet back: give them time to reconnect
    # (in a fresh game everyone who joined is connected, so this returns at once).
    await wait_for_connected(server, min(min_players, session.active_count), 30.0)
    if session.phase in ("open", "closed"):
        # Resumed mid-question: ask it again; answers already recorded stand.
        message = server.ask_again()
        await wait_for_answers(server, message.seconds)
        server.reveal()
        await asyncio.sleep(reveal_seconds)
    while session.has_next:
        await wait_while_paused(server)
        message = server.ask_next()
        await wait_for_answers(server, message.seconds)
        server.reveal()
        await asyncio.sleep(reveal_seconds)
    server.finish()
