"""What the teacher's two screens share (the live game's, quiz.tui.classroom.host_app, and
the homework's, quiz.tui.classroom.homework_app): the server they watch and how they reach
it, where students join, `k` to remove a student, ending and quitting that ask first, and
`run_teacher_app`, which runs a screen with its server on its own thread.

The keys (BINDINGS) stay with each screen: Textual lists them in the footer base-first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from textual.app import App

from quiz.classroom.journal import Journal
from quiz.classroom.server import ClassroomServer
from quiz.classroom.server_thread import HostCalls, SameLoop, ServerThread
from quiz.classroom.session import HostSession
from quiz.classroom.web.join_url import save_join_qr, where_to_join
from quiz.tui.classroom.dialogs import ConfirmDialog, remove_a_player
from quiz.tui.classroom.host_panels import join_lines, show_join_url

ServerT = TypeVar("ServerT", bound=ClassroomServer)


class TeacherApp(App[int], Generic[ServerT]):
    """A teacher's screen over `server`. Each screen says what ending and quitting ask
    (END_QUESTION, END_YES, QUIT_QUESTION, KEEP), when it is `over`, how it ends (`end_now`)
    and how it catches up after a student was removed (`catch_up`); it starts in `begin`."""

    CSS_PATH = "host.tcss"
    # The keys are the teacher's; the palette would only crowd the footer at 80×24.
    ENABLE_COMMAND_PALETTE = False
    REFRESH_SECONDS: ClassVar[float]
    END_QUESTION: ClassVar[str]
    END_YES: ClassVar[str]
    QUIT_QUESTION: ClassVar[str]
    KEEP: ClassVar[str] = "Keep playing"  # the safe answer to both

    def __init__(
        self,
        server: ServerT,
        *,
        calls: HostCalls | None = None,
        addresses: list[str] | None = None,
        join_url: str | None = None,
        start_server: bool = True,
        save_results: Callable[[], Path] | None = None,
        refresh_seconds: float | None = None,
    ) -> None:
        super().__init__()
        self.server = server
        self.session: HostSession = server.session
        self.calls: HostCalls = calls or SameLoop()
        self.addresses = addresses or []  # the `quiz join …` lines
        self.join_url = join_url  # the student page's address (with the code) for the QR code
        self.start_server = start_server
        self.save_results = save_results
        self.refresh_seconds = self.REFRESH_SECONDS if refresh_seconds is None else refresh_seconds

    async def on_mount(self) -> None:
        if self.start_server:
            await self.calls.call_async(self.server.start)
        if self.join_url:
            show_join_url(self.screen, self.join_url)
        await self.begin()

    async def begin(self) -> None:
        """The rest of mounting, once the server listens and the join URL is shown."""

    async def on_unmount(self) -> None:
        if self.start_server:
            await self.calls.call_async(self.server.stop)

    @property
    def over(self) -> bool:
        """Whether the game or homework has ended (then quitting does not ask)."""
        raise NotImplementedError

    async def end_now(self) -> None:
        """End the game or close the homework (the teacher said yes)."""
        raise NotImplementedError

    async def catch_up(self) -> None:
        """Bring the screen up to date after a student was removed."""
        raise NotImplementedError

    async def action_players(self) -> None:
        await remove_a_player(self, self.server, self.calls, self.catch_up)

    def action_end(self) -> None:
        if self.over:
            return

        async def decided(end: bool | None) -> None:
            if end and not self.over:
                await self.end_now()

        self.push_screen(ConfirmDialog(self.END_QUESTION, yes=self.END_YES, no=self.KEEP), decided)

    def action_quit_game(self) -> None:
        if self.over:
            self.exit(0)
            return

        def decided(leave: bool | None) -> None:
            if leave:
                self.exit(0)

        self.push_screen(ConfirmDialog(self.QUIT_QUESTION, yes="Quit", no=self.KEEP), decided)


def run_teacher_app(
    server: ServerT,
    journal: Journal,
    qr_png: Path | None,
    make_app: Callable[[ServerThread], TeacherApp[ServerT]],
) -> int:
    """Run a teacher's screen until they quit: the journal syncs in batches, the server
    listens (or fails with a one-line error) before the screen opens and runs on its own
    thread, which `make_app` is given for the screen's calls. Where students join is looked
    up once the port is known, for the screen and the QR code's PNG (`qr_png`, if given).
    The journal is closed after the server stops."""
    journal.group_commit = True
    thread = ServerThread(server)
    try:
        thread.start()
    except BaseException:
        journal.close()
        raise
    try:
        tls = server.tls is not None
        addresses, url = where_to_join(server.host, server.port, server.session.code, tls=tls)
        if qr_png is not None:
            print(save_join_qr(url, qr_png), flush=True)
        app = make_app(thread)
        app.addresses, app.join_url = join_lines(server, addresses), url
        app.run()
    finally:
        thread.stop(finally_=journal.aclose)
    return 0
