"""The teacher's screen for self-paced homework: how to join (a terminal's address, the
browser's URL and its QR code), the deadline, and each student's progress (answered /
total, score, last seen), kept up to date twice a second.

`d` moves the deadline (a small dialog), `k` removes a student, `e` closes the homework now
and `q` quits (the homework can be continued with `quiz host --resume`); both ask first. At
the deadline the server closes the homework by itself and the screen saves the results.

As on the live game's screen (quiz.tui.classroom.host_app), the server runs on its own
thread and the screen reaches the session only through `calls`.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.widgets import Header

from quiz.classroom.deadline import local_text
from quiz.classroom.journal import Journal
from quiz.classroom.self_paced import SelfPacedSession, StudentProgress
from quiz.classroom.self_paced_server import SelfPacedServer
from quiz.classroom.server_thread import ServerThread
from quiz.tui.classroom.dialogs import DeadlineDialog
from quiz.tui.classroom.progress_panel import ProgressPanel
from quiz.tui.classroom.teacher_app import TeacherApp, run_teacher_app
from quiz.tui.widgets.key_footer import KeyFooter


@dataclass(frozen=True)
class HomeworkView:
    """What the screen shows of the session, read on the server's loop in one go."""

    rows: list[StudentProgress]
    deadline: float
    now: float
    closed: bool


class HomeworkApp(TeacherApp[SelfPacedServer]):
    """Watch self-paced homework, move its deadline, remove a student, close it."""

    TITLE = "quiz — homework"
    REFRESH_SECONDS = 0.5
    END_QUESTION = (
        "Close the homework now? Students can no longer join or answer, and the "
        "results are saved as they stand."
    )
    END_YES = "Close now"
    QUIT_QUESTION = (
        "Quit? Students cannot work on the homework until you continue it with "
        "`quiz host --resume`."
    )
    KEEP = "Keep it open"
    session: SelfPacedSession
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "deadline", "Deadline"),
        Binding("k", "players", "Kick/ban"),
        Binding("e", "end", "Close now"),
        Binding("q", "quit_game", "Quit"),
        Binding("ctrl+q", "quit_game", "Quit", show=False, priority=True),
    ]

    def __init__(self, server: SelfPacedServer, **settings: Any) -> None:
        super().__init__(server, **settings)
        self.saved: str | None = None  # the results file, once the homework closed

    def compose(self) -> ComposeResult:
        yield Header()
        yield ProgressPanel(id="homework")
        yield KeyFooter()

    @property
    def panel(self) -> ProgressPanel:
        return self.query_one(ProgressPanel)

    async def begin(self) -> None:
        self.panel.show_join(self.addresses, self.session.code)
        self.set_interval(self.refresh_seconds, self.update_view)
        await self.update_view()

    def _read_view(self) -> HomeworkView:
        """Runs on the server's loop."""
        session = self.session
        return HomeworkView(
            rows=session.progress_rows(),
            deadline=session.deadline,
            now=session.wall(),
            closed=session.phase == "over",
        )

    async def update_view(self) -> None:
        """Read the session once and bring the screen up to date; once the homework has
        closed (its deadline passed), save the results, once."""
        view = await self.calls.call(self._read_view)
        if view.closed and self.saved is None:
            self.saved = str(await self.calls.call(self.save_results)) if self.save_results else ""
        with_saved = self.saved or ""
        try:
            self.panel.show_deadline(view.deadline, view.now, view.closed, with_saved)
            self.panel.show_progress(view.rows, view.now)
        except NoMatches:  # the app is closing
            pass

    # --- the teacher's keys -----------------------------------------------------------------

    async def action_deadline(self) -> None:
        session = self.session
        deadline, closed = await self.calls.call(lambda: (session.deadline, session.phase))
        if closed == "over":
            self.notify("The homework has closed.")
            return

        async def decided(moved: float | None) -> None:
            if moved is None:
                return
            if await self.calls.call(lambda: self.server.extend(moved)):
                self.notify(f"Now due {local_text(moved)}.")
            await self.update_view()

        self.push_screen(DeadlineDialog(local_text(deadline), session.wall), decided)

    @property
    def over(self) -> bool:
        return self.saved is not None

    async def end_now(self) -> None:
        await self.calls.call(self.server.finish)
        await self.update_view()

    async def catch_up(self) -> None:
        await self.update_view()


def run_homework_app(
    session: SelfPacedSession,
    journal: Journal,
    session_id: str,
    *,
    bind: str,
    port: int,
    tls: ssl.SSLContext | None = None,
    qr_png: Path | None = None,
) -> int:
    """Run the teacher's homework screen until they quit (run_teacher_app); the results
    are saved when the homework closes."""
    from quiz.classroom.results import save_session_results

    # Homework runs for days without the teacher at the keys: a name in use is refused
    # (`name_taken`) rather than left waiting for an approval; the token brings them back.
    server = SelfPacedServer(session, host=bind, port=port, tls=tls, durable=journal.durable)

    def save() -> Path:
        return save_session_results(journal.folder, session, session_id)

    def homework_app(calls: ServerThread) -> HomeworkApp:
        return HomeworkApp(server, calls=calls, start_server=False, save_results=save)

    return run_teacher_app(server, journal, qr_png, homework_app)
