"""The teacher's screen keeps up with a big class without slowing the server: events are
batched, the lobby draws only what is on screen, and the server answers while the screen's
own loop is busy. Also banning, and the teacher approving a claim to a name."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

from classroom_helpers import CODE, Host, sample_questions
from textual.widgets import Button
from websockets.sync.client import connect

from quiz.classroom.deck import prepare
from quiz.classroom.flow import wait_until
from quiz.classroom.server import ClassroomServer
from quiz.classroom.server_thread import ServerThread
from quiz.classroom.session import HostSession
from quiz.tui.classroom.dialogs import PlayersDialog, ReclaimDialog
from quiz.tui.classroom.host_app import HostApp
from quiz.tui.classroom.host_panels import LobbyPanel
from quiz.tui.classroom.name_grid import NameGrid

NEVER = 3600.0


async def test_server_events_are_queued_and_taken_up_in_one_batch(host: Host) -> None:
    app = HostApp(host.server, start_server=False, addresses=[], refresh_seconds=NEVER)
    async with app.run_test(size=(100, 40)):
        shown: list[int] = []
        lobby = app.query_one(LobbyPanel)
        original = lobby.show
        lobby.show = lambda *args: (shown.append(args[2]), original(*args))[1]  # type: ignore[method-assign]
        for number in range(8):
            await host.client(f"Student {number}").join()
        # Eight joins: queued as they happened, nothing drawn yet.
        assert [event for event, _ in app.events] == ["joined"] * 8
        assert lobby.names.names == []
        await app.update_view()
        assert shown == [8] and len(lobby.names) == 8 and not app.events


async def test_a_lobby_of_1000_names_draws_only_the_rows_on_screen() -> None:
    class CountingGrid(NameGrid):
        lines = 0

        def render_line(self, y: int):  # type: ignore[no-untyped-def]
            CountingGrid.lines += 1
            return super().render_line(y)

    from textual.app import App, ComposeResult

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield CountingGrid(id="names")

    app = One()
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.query_one(CountingGrid)
        for number in range(1000):
            grid.add(f"p{number}", f"Student {number:04}")
        CountingGrid.lines = 0
        await pilot.pause()
        # Two columns of 28 cells fit in 80: 500 rows, of which 24 are on screen.
        assert grid.columns == 2 and grid.virtual_size.height == 500
        assert 0 < CountingGrid.lines <= 24 * 2
        grid.focus()
        for _ in range(30):
            await pilot.press("down")
        assert grid.selected == "p60" and grid.scroll_offset.y > 0


async def test_the_ban_button_bans_name_and_token(host: Host) -> None:
    app = HostApp(host.server, start_server=False, addresses=[], refresh_seconds=NEVER)
    async with app.run_test(size=(100, 40)) as pilot:
        ann = await host.raw()
        token = (await ann.join("Ann"))["token"]
        await app.update_view()
        await pilot.press("k")
        assert isinstance(app.screen, PlayersDialog)
        assert not app.screen.query_one("#ban", Button).disabled
        await pilot.click("#ban")
        assert (await ann.next("kicked"))["banned"] is True
        assert (await (await host.raw()).join(token=token))["code"] == "banned"
        assert (await (await host.raw()).join("ann"))["code"] == "banned"


async def test_a_claim_asks_the_teacher_who_approves_or_refuses(host: Host) -> None:
    host.server.away_grace = 0
    host.server.teacher_approves = True
    app = HostApp(host.server, start_server=False, addresses=[], refresh_seconds=NEVER)
    async with app.run_test(size=(100, 40)) as pilot:
        mia = await host.raw()
        await mia.join("[b]Mia[/b]")
        await mia.close()
        await wait_for(host, lambda: host.session.players["p1"].away)
        claimant = await host.raw()
        await claimant.send(type="join", code=CODE, name="[b]Mia[/b]", token=None)
        assert (await claimant.next())["type"] == "pending"
        await app.update_view()
        await pilot.pause()
        assert isinstance(app.screen, ReclaimDialog)
        assert "[b]Mia[/b]" in str(app.screen.query_one(".question").render())  # literally
        await pilot.click("#approve")
        welcome = await claimant.next()
        assert welcome["type"] == "welcome" and welcome["player"] == "p1"

        await claimant.close()
        await wait_for(host, lambda: host.session.players["p1"].away)
        second = await host.raw()
        await second.send(type="join", code=CODE, name="[b]Mia[/b]", token=None)
        assert (await second.next())["type"] == "pending"
        await app.update_view()
        await pilot.pause()
        await pilot.press("escape")  # Escape refuses
        assert (await second.next())["code"] == "name_taken"


async def test_a_claim_that_lapses_closes_its_dialog(host: Host) -> None:
    host.server.away_grace = 0
    host.server.teacher_approves = True
    app = HostApp(host.server, start_server=False, addresses=[], refresh_seconds=NEVER)
    async with app.run_test(size=(100, 40)) as pilot:
        bob = await host.raw()
        token = (await bob.join("Bob"))["token"]
        await bob.close()
        await wait_for(host, lambda: host.session.players["p1"].away)
        claimant = await host.raw()
        await claimant.send(type="join", code=CODE, name="Bob", token=None)
        assert (await claimant.next())["type"] == "pending"
        await app.update_view()
        await pilot.pause()
        assert isinstance(app.screen, ReclaimDialog)
        await (await host.raw()).join(token=token)  # Bob is back on his own
        assert (await claimant.next())["code"] == "name_taken"
        await app.update_view()
        await pilot.pause()
        assert not isinstance(app.screen, ReclaimDialog)


async def wait_for(host: Host, condition: Any) -> None:
    await asyncio.wait_for(wait_until(host.server, condition), timeout=5)


def student_in_another_thread(port: int, done: threading.Event, log: list[str]) -> None:
    """A student with its own connection and thread: join, wait for the question, answer."""
    with connect(f"ws://127.0.0.1:{port}", open_timeout=10) as ws:
        ws.send(json.dumps({"v": 2, "type": "join", "code": CODE, "name": "Ann", "token": None}))
        while True:
            message = json.loads(ws.recv(timeout=10))
            log.append(message["type"])
            if message["type"] == "question":
                answer = {"v": 2, "type": "answer", "question": 1, "choices": [0], "text": None}
                ws.send(json.dumps(answer))
            if message["type"] == "accepted":
                done.set()  # and stay connected: a student who left is not waited for
            if message["type"] == "reveal":
                return


async def test_the_server_on_its_own_thread_answers_while_the_screen_is_blocked() -> None:
    session = HostSession(prepare(sample_questions(), seconds=20, seed=3), code=CODE)
    server = ClassroomServer(session, port=0)
    thread = ServerThread(server)
    thread.start()
    try:
        app = HostApp(server, calls=thread, start_server=False, addresses=[], refresh_seconds=NEVER)
        async with app.run_test(size=(100, 40)) as pilot:
            answered = threading.Event()
            log: list[str] = []
            student = threading.Thread(
                target=student_in_another_thread, args=(server.port, answered, log)
            )
            student.start()
            await thread.call_async(lambda: wait_until(server, lambda: session.present_count > 0))
            assert session.present_count == 1
            await app.update_view()
            await pilot.press("space")
            assert app.stage == "question"
            # The screen's loop is stuck (a long repaint, say) until the answer is
            # acknowledged: with the server on the same loop this would never happen.
            assert answered.wait(timeout=10), log
            await app.update_view()
            assert app.stage == "reveal"
            student.join(timeout=10)
    finally:
        thread.stop()
