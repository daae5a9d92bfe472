"""The teacher's projector screen: lobby, questions, reveals, leaderboard and podium.

The screen keeps up with a class of 1,000 without slowing it down:

- The server runs on its own loop (quiz.classroom.server_thread.ServerThread, in a thread),
  and the screen reaches it only through `calls`: host actions (ask, reveal, kick, …) and
  reading the session run there, between the server's own messages.
- The server's events (a join, an answer, a student who left) are only queued; the screen
  takes them up at most `REFRESHES_PER_SECOND` times a second, in one batch.
- The lobby draws only the names on screen (quiz.tui.classroom.name_grid.NameGrid).

Ending and quitting ask first. `k` opens the players dialog at any stage (kick, or ban:
refused by name and token for the rest of the session). When a student without a token asks
for a player's name (quiz.classroom.claims: the server's `"claim"` event), the screen asks
the teacher, one claim at a time, and answers with `server.claims.approve` or `refuse`; a
claim that lapses meanwhile (the player came back with their token) closes its dialog.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import ContentSwitcher, Header

from quiz.classroom import protocol as p
from quiz.classroom.journal import Journal
from quiz.classroom.server import ClassroomServer
from quiz.classroom.server_thread import ServerThread
from quiz.classroom.session import HostSession
from quiz.tui.classroom.dialogs import ReclaimDialog
from quiz.tui.classroom.host_panels import (
    LeaderboardPanel,
    LobbyPanel,
    PodiumPanel,
    QuestionPanel,
    RevealPanel,
)
from quiz.tui.classroom.teacher_app import TeacherApp, run_teacher_app
from quiz.tui.widgets.key_footer import KeyFooter

REFRESHES_PER_SECOND = 10


@dataclass(frozen=True)
class HostView:
    """What the screen shows of the session, read on the server's loop in one go."""

    players: int  # not removed (away ones too): the lobby's count
    connected: int  # who can answer now: "answered 3 of 5"
    answered: int
    seconds_left: float | None  # None: no timer (accuracy only)
    everyone_answered: bool
    locked: bool
    paused: bool


class Refresh(Message):
    """Time to bring the screen up to date with what the server did meanwhile. The timer's
    refreshes do nothing when nothing can have changed (no event queued and no question
    open); `everything` asks for a full look after the teacher did something."""

    def __init__(self, *, everything: bool = False) -> None:
        super().__init__()
        self.everything = everything


class HostApp(TeacherApp[ClassroomServer]):
    """Drive a classroom game: Space moves on, and the teacher can kick, lock, pause, end."""

    TITLE = "quiz — classroom"
    REFRESH_SECONDS = 1 / REFRESHES_PER_SECOND
    END_QUESTION = (
        "End the game now? The podium shows the scores so far, and answers to a "
        "question not yet revealed do not count."
    )
    END_YES = "End the game"
    QUIT_QUESTION = (
        "Quit? The game stops for every student. It can be continued later with "
        "`quiz host --resume`."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "advance", "Next"),
        Binding("s", "skip", "Reveal now"),
        Binding("k", "players", "Kick/ban"),
        Binding("l", "lock", "Lock"),
        Binding("p", "pause", "Pause"),
        Binding("e", "end", "End"),
        Binding("q", "quit_game", "Quit"),
        Binding("ctrl+q", "quit_game", "Quit", show=False, priority=True),
    ]

    def __init__(self, server: ClassroomServer, **settings: Any) -> None:
        super().__init__(server, **settings)
        self.stage = "lobby"
        self.last_question: p.QuestionMessage | None = None
        self.view = HostView(0, 0, 0, 0.0, False, False, False)
        # The server's events, queued by the server's loop and taken up by `update_view`.
        self.events: deque[tuple[str, dict[str, Any]]] = deque()
        self.claims: deque[dict[str, Any]] = deque()  # waiting for the teacher, oldest first
        self.asking: int | None = None  # the claim the teacher is being asked about
        self._acting = asyncio.Lock()
        server.listener = self._server_event

    def _server_event(self, event: str, detail: dict[str, Any]) -> None:
        # Called on the server's loop: queue it (deque.append is thread-safe), nothing more.
        self.events.append((event, detail))

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="lobby"):
            yield LobbyPanel(id="lobby")
            yield QuestionPanel(id="question")
            yield RevealPanel(id="reveal")
            yield LeaderboardPanel(id="leaderboard")
            yield PodiumPanel(id="podium")
        yield KeyFooter()

    async def begin(self) -> None:
        session = self.session
        players, phase = await self.calls.call(
            lambda: ([(pl.id, pl.name) for pl in session.active_players()], session.phase)
        )
        names = self.query_one(LobbyPanel).names
        for player, name in players:
            names.add(player, name)
        if phase in ("open", "closed"):  # resumed mid-question
            self.show_question(await self.calls.call(self.server.ask_again))
        elif phase == "revealed":
            self.stage = "leaderboard"
            self.query_one(LeaderboardPanel).show(await self.calls.call(session.leaderboard))
            self.switch("leaderboard")
        self.set_interval(self.refresh_seconds, lambda: self.post_message(Refresh()))
        await self.update_view()

    def switch(self, panel: str) -> None:
        self.query_one(ContentSwitcher).current = panel

    # --- keeping up with the server, in batches -------------------------------------------

    @on(Refresh)
    async def refreshed(self, message: Refresh) -> None:
        if not (message.everything or self.events or self.stage == "question"):
            return  # idle: no need to wake the server's thread, nor to repaint
        # NoMatches: the app closed while the server was being read; nothing left to update.
        with suppress(NoMatches):
            await self.update_view()

    async def update_view(self) -> None:
        """Take up the events queued since the last time, read the session once, update
        what is shown; reveal when the time is up or everyone has answered."""
        if self._acting.locked() or not self.query(LobbyPanel):
            return  # an action is changing the stage (the next refresh catches up), or closing
        async with self._acting:
            self._take_events()
            self.view = await self.calls.call(self._read_view)
            self.query_one(LobbyPanel).show(
                self.addresses, self.session.code, self.view.players, self.view.locked
            )
            if self.stage == "question":
                view = self.view
                panel = self.query_one(QuestionPanel)
                panel.tick(view.seconds_left, view.answered, view.connected, view.paused)
                left = view.seconds_left
                time_up = left is not None and left <= 0
                if not view.paused and (time_up or view.everyone_answered):
                    await self._reveal()
        await self._ask_teacher()

    def _take_events(self) -> None:
        names = self.query_one(LobbyPanel).names
        while self.events:
            event, detail = self.events.popleft()
            if event in ("joined", "rejoined"):
                names.add(detail["player"], detail["name"])
            elif event in ("left", "away"):
                names.set_away(detail["player"], True)
            elif event == "kicked":
                names.drop(detail["player"])
            elif event == "claim":
                self.claims.append(detail)
            elif event == "claim_closed":
                self._claim_closed(detail["claim"])

    def _read_view(self) -> HostView:
        """Runs on the server's loop: everything the screen needs, in O(1)."""
        session = self.session
        open_now = self.last_question is not None and session.phase == "open"
        return HostView(
            players=session.player_count,
            connected=session.connected_count,
            answered=session.answered_count(),
            seconds_left=session.seconds_left() if open_now else 0.0,
            everyone_answered=session.everyone_answered(),
            locked=session.locked,
            paused=session.paused,
        )

    # --- the flow ---------------------------------------------------------------------------

    def show_question(self, message: p.QuestionMessage) -> None:
        self.stage = "question"
        self.last_question = message
        self.query_one(QuestionPanel).show(message)
        self.query_one(QuestionPanel).tick(message.seconds, 0, self.view.players, False)
        self.switch("question")

    async def _reveal(self) -> None:
        public, board = await self.calls.call(self.server.reveal)
        self.stage = "reveal"
        kind = self.last_question.kind if self.last_question else ""
        self.query_one(RevealPanel).show(public, kind)
        self.query_one(LeaderboardPanel).show(board)
        self.switch("reveal")

    async def _finish(self) -> None:
        finals = await self.calls.call(self.server.finish)
        self.stage = "podium"
        podium = next(iter(finals.values())).podium if finals else []
        saved = str(await self.calls.call(self.save_results)) if self.save_results else ""
        self.query_one(PodiumPanel).show(podium, saved)
        self.switch("podium")

    async def _act(self, action: Callable[[], Awaitable[None]]) -> None:
        async with self._acting:
            await action()

    async def action_advance(self) -> None:
        await self._act(self._advance)

    async def _advance(self) -> None:
        if await self.calls.call(lambda: self.session.paused):
            self.notify("Paused: press p to resume first.")
        elif self.stage == "lobby" and self.view.players:
            self.show_question(await self.calls.call(self.server.ask_next))
        elif self.stage == "reveal":
            self.stage = "leaderboard"
            self.switch("leaderboard")
        elif self.stage == "leaderboard":
            has_next = await self.calls.call(lambda: self.session.has_next)
            if has_next:
                self.show_question(await self.calls.call(self.server.ask_next))
            else:
                await self._finish()
        # In a question, Space does nothing: `s` reveals at once, on purpose.

    async def action_skip(self) -> None:
        async def skip() -> None:
            if self.stage == "question":
                await self._reveal()

        await self._act(skip)

    async def action_lock(self) -> None:
        await self.calls.call(lambda: self.server.set_locked(not self.session.locked))
        self.post_message(Refresh(everything=True))

    async def action_pause(self) -> None:
        if self.stage == "podium":
            return
        await self.calls.call(self._toggle_pause)
        self.post_message(Refresh(everything=True))

    def _toggle_pause(self) -> None:
        """Runs on the server's loop. The session stops the clock: the time paused does not
        count against the students, and answers are refused until it resumes."""
        self.server.set_paused(not self.session.paused)

    # --- asking first -----------------------------------------------------------------------

    @property
    def over(self) -> bool:
        return self.stage == "podium"

    async def end_now(self) -> None:
        await self._act(self._finish)

    async def catch_up(self) -> None:
        self.post_message(Refresh(everything=True))

    async def _ask_teacher(self) -> None:
        """One claim at a time: the teacher approves or refuses it."""
        if self.asking is not None or not self.claims:
            return
        claim = self.claims.popleft()
        self.asking = claim_id = int(claim["claim"])
        session, claims = self.session, self.server.claims
        player = session.players.get(claim["player"])
        score = player.score if player is not None else 0

        async def decided(approved: bool | None) -> None:
            if self.asking == claim_id:
                self.asking = None
            decide = claims.approve if approved else claims.refuse
            await self.calls.call(lambda: decide(claim_id))
            await self._ask_teacher()

        self.push_screen(ReclaimDialog(str(claim["name"]), score), decided)

    def _claim_closed(self, claim_id: int) -> None:
        """A claim decided or lapsed on the server: forget it, and close its dialog if the
        teacher is looking at it (the player came back with their token meanwhile)."""
        self.claims = deque(c for c in self.claims if c["claim"] != claim_id)
        if self.asking == claim_id:
            self.asking = None
            if isinstance(self.screen, ReclaimDialog):
                self.screen.dismiss(None)


def run_host_app(
    session: HostSession,
    journal: Journal,
    session_id: str,
    *,
    bind: str,
    port: int,
    tls: ssl.SSLContext | None = None,
    qr_png: Path | None = None,
) -> int:
    """Run the projector screen for a session until the teacher quits (run_teacher_app);
    results are saved when the game ends, with who left before it."""
    from quiz.classroom.results import Attendance, save_session_results

    server = ClassroomServer(
        session, host=bind, port=port, tls=tls, durable=journal.durable, teacher_approves=True
    )

    def host_app(calls: ServerThread) -> HostApp:
        app = HostApp(server, calls=calls, start_server=False)
        attendance = Attendance(server.listener)  # the screen's listener, after it
        server.listener = attendance

        def save() -> Path:
            return save_session_results(journal.folder, session, session_id, away=attendance.away)

        app.save_results = save
        return app

    return run_teacher_app(server, journal, qr_png, host_app)
