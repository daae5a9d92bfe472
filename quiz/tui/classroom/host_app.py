"""The teacher's projector screen: lobby, questions, reveals, leaderboard and podium.

The websockets server runs in the app's own event loop. Server events arrive as Textual
messages; the handlers own every change to what is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import ContentSwitcher, Footer, Header

from quiz.classroom import protocol as p
from quiz.classroom.journal import Journal
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import HostSession
from quiz.tui.classroom.host_panels import (
    LeaderboardPanel,
    LobbyPanel,
    PodiumPanel,
    QuestionPanel,
    RevealPanel,
)


class ServerEvent(Message):
    """Something happened on the server (a join, an answer, …)."""

    def __init__(self, event: str, detail: dict[str, Any]) -> None:
        super().__init__()
        self.event = event
        self.detail = detail


class HostApp(App[int]):
    """Drive a classroom game: Space moves on, and the teacher can kick, lock, pause, end."""

    CSS_PATH = "host.tcss"
    TITLE = "quiz — classroom"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "advance", "Start / next"),
        Binding("s", "skip", "Skip (reveal now)"),
        Binding("k", "kick", "Kick"),
        Binding("l", "lock", "Lock joining"),
        Binding("p", "pause", "Pause"),
        Binding("e", "end", "End"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        server: ClassroomServer,
        *,
        addresses: list[str] | None = None,
        start_server: bool = True,
        save_results: Callable[[], Path] | None = None,
        tick: float = 0.25,
    ) -> None:
        super().__init__()
        self.server = server
        self.session = server.session
        self.addresses = addresses
        self.start_server = start_server
        self.save_results = save_results
        self.tick_seconds = tick
        self.stage = "lobby"
        self.last_question: p.QuestionMessage | None = None
        self.paused_at: float | None = None
        server.listener = self._server_event

    def _server_event(self, event: str, detail: dict[str, Any]) -> None:
        # Called on the server's side of the loop: hand the event to the app as a message.
        self.post_message(ServerEvent(event, detail))

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="lobby"):
            yield LobbyPanel(id="lobby")
            yield QuestionPanel(id="question")
            yield RevealPanel(id="reveal")
            yield LeaderboardPanel(id="leaderboard")
            yield PodiumPanel(id="podium")
        yield Footer()

    async def on_mount(self) -> None:
        if self.start_server:
            await self.server.start()
        if self.addresses is None:
            from quiz.classroom.addresses import lan_addresses

            port = self.server.port
            bound = self.server.host
            hosts = lan_addresses() if bound in ("0.0.0.0", "", "::") else [bound]
            self.addresses = [f"quiz join {a}:{port}" for a in hosts]
        self.refresh_lobby()
        if self.session.phase in ("open", "closed"):  # resumed mid-question
            self.show_question(self.server.ask_again())
        elif self.session.phase == "revealed":
            self.stage = "leaderboard"
            self.query_one(LeaderboardPanel).show(self.session.leaderboard())
            self.switch("leaderboard")
        self.set_interval(self.tick_seconds, self.tick)

    async def on_unmount(self) -> None:
        if self.start_server:
            await self.server.stop()

    def switch(self, panel: str) -> None:
        self.query_one(ContentSwitcher).current = panel

    # --- what the server tells us ---------------------------------------------------------

    @on(ServerEvent)
    def server_event(self, message: ServerEvent) -> None:
        if message.event in ("joined", "rejoined", "left", "kicked"):
            self.refresh_lobby()
        if message.event == "answered":
            self.tick()

    def refresh_lobby(self) -> None:
        players = [(pl.id, pl.name) for pl in self.session.active_players()]
        self.query_one(LobbyPanel).show(
            self.addresses or [], self.session.code, players, self.session.locked
        )

    # --- the flow ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Refresh the countdown; close and reveal when time is up or everyone answered."""
        if self.stage != "question" or self.last_question is None:
            return
        session = self.session
        now = self.paused_at if self.paused_at is not None else session.clock()
        left = self.last_question.seconds - (now - session.opened_at)
        self.query_one(QuestionPanel).tick(
            left,
            session.answered_count(),
            session.active_count,
            self.paused_at is not None,
        )
        if self.paused_at is None and (left <= 0 or session.everyone_answered()):
            self.reveal()

    def show_question(self, message: p.QuestionMessage) -> None:
        self.stage = "question"
        self.last_question = message
        self.query_one(QuestionPanel).show(message)
        self.switch("question")
        self.tick()

    def reveal(self) -> None:
        public, board = self.server.reveal()
        self.stage = "reveal"
        self.query_one(RevealPanel).show(public, list(self.session.hosted.choices))
        self.query_one(LeaderboardPanel).show(board)
        self.switch("reveal")

    def finish(self) -> None:
        finals = self.server.finish()
        self.stage = "podium"
        podium = next(iter(finals.values())).podium if finals else []
        saved = str(self.save_results()) if self.save_results else ""
        self.query_one(PodiumPanel).show(podium, saved)
        self.switch("podium")

    def action_advance(self) -> None:
        if self.stage == "lobby" and self.session.active_players():
            self.show_question(self.server.ask_next())
        elif self.stage == "question":
            return  # Space does not skip by accident; `s` does.
        elif self.stage == "reveal":
            self.stage = "leaderboard"
            self.switch("leaderboard")
        elif self.stage == "leaderboard":
            if self.session.has_next:
                self.show_question(self.server.ask_next())
            else:
                self.finish()

    def action_skip(self) -> None:
        if self.stage == "question":
            self.reveal()

    async def action_kick(self) -> None:
        player = self.query_one(LobbyPanel).selected_player
        if self.stage == "lobby" and player is not None:
            await self.server.kick(player)

    def action_lock(self) -> None:
        self.server.set_locked(not self.session.locked)
        self.refresh_lobby()

    def action_pause(self) -> None:
        if self.stage == "podium":
            return
        if self.paused_at is None:
            self.paused_at = self.session.clock()
            self.server.set_paused(True)
        else:
            # The time paused does not count against the students.
            self.session.opened_at += self.session.clock() - self.paused_at
            self.paused_at = None
            self.server.set_paused(False)
        self.tick()

    def action_end(self) -> None:
        if self.stage != "podium":
            self.finish()


def run_host_app(
    session: HostSession, journal: Journal, session_id: str, *, bind: str, port: int
) -> int:
    """Run the projector screen for a session until the teacher quits; results are saved
    when the game ends."""
    from quiz.classroom.results import build_results
    from quiz.classroom.results import save_results as write_results

    journal.group_commit = True
    server = ClassroomServer(session, host=bind, port=port, durable=journal.durable)

    def save() -> Path:
        return write_results(journal.folder, build_results(session, session_id))

    try:
        HostApp(server, save_results=save).run()
    finally:
        journal.close()
    return 0
