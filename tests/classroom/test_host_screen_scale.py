"""The teacher's screen keeps up with a big class without slowing the server: events are
batched, the lobby draws only what is on screen, and the server answers while the screen's
own loop is busy. Also the hooks for banning and for approving a reclaim."""

from __future__ import annotations

import json
import threading
from typing import Any

from classroom_helpers import CODE, Host, sample_questions
from textual.widgets import Button
from websockets.sync.client import connect

from quiz.classroom.deck import prepare
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


class BanningServer(ClassroomServer):
    """The server side's hooks, as the host screen expects them (see host_app)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.banned: list[str] = []
        self.decided: list[tuple[str, bool]] = []

    async def ban(self, player_id: str) -> None:
        self.banned.append(player_id)
        await self.kick(player_id)

    def decide_reclaim(self, request: str, approved: bool) -> None:
        self.decided.append((request, approved))


async def test_ban_button_and_reclaim_approval_use_the_server_hooks(host: Host) -> None:
    server = BanningServer(host.session, port=0)
    await server.start()
    try:
        app = HostApp(server, start_server=False, addresses=[], refresh_seconds=NEVER)
        async with app.run_test(size=(100, 40)) as pilot:
            client = host.client("Ann")
            client.uri = f"ws://127.0.0.1:{server.port}"
            await client.join()
            await app.update_view()
            await pilot.press("k")
            assert isinstance(app.screen, PlayersDialog)
            assert not app.screen.query_one("#ban", Button).disabled
            await pilot.click("#ban")
            await pilot.pause()
            assert server.banned == ["p1"]

            server.listener("reclaim", {"request": "r1", "name": "[b]Mia[/b]", "score": 3200})
            await app.update_view()
            await pilot.pause()
            assert isinstance(app.screen, ReclaimDialog)
            await pilot.click("#approve")
            await pilot.pause()
            assert server.decided == [("r1", True)]
            server.listener("reclaim", {"request": "r2", "name": "Mia", "score": 3200})
            await app.update_view()
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert server.decided == [("r1", True), ("r2", False)]
    finally:
        await server.stop()


def student_in_another_thread(port: int, done: threading.Event, log: list[str]) -> None:
    """A student with its own connection and thread: join, wait for the question, answer."""
    with connect(f"ws://127.0.0.1:{port}", open_timeout=10) as ws:
        ws.send(json.dumps({"v": 2, "type": "join", "code": CODE, "name": "Ann"}))
        while True:
            message = json.loads(ws.recv(timeout=10))
            log.append(message["type"])
            if message["type"] == "question":
                answer = {"v": 2, "type": "answer", "question": 1, "choices": [0], "text": None}
                ws.send(json.dumps(answer))
            if message["type"] == "accepted":
                done.set()
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
            await thread.call_async(server.players_changed.wait)
            assert session.active_count == 1
            await app.update_view()
            await pilot.press("space")
            assert app.stage == "question"
            # The screen's loop is stuck (a long repaint, say) until the answer is
            # acknowledged: with the server on the same loop this would never happen.
            assert answered.wait(timeout=10), log
            student.join(timeout=10)
            await app.update_view()
            assert app.stage == "reveal"
    finally:
        thread.stop()
