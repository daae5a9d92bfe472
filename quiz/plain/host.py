"""`quiz host --plain --auto`: the host without a screen, one line per event on stdout."""

from __future__ import annotations

import ssl
import sys
from pathlib import Path
from typing import Any, TextIO

from quiz.classroom import protocol as p
from quiz.classroom.deadline import local_text
from quiz.classroom.flow import run_auto
from quiz.classroom.journal import Journal
from quiz.classroom.options import HostOptions
from quiz.classroom.results import Attendance, save_session_results
from quiz.classroom.self_paced import SelfPacedSession
from quiz.classroom.self_paced_server import SelfPacedServer, run_until_closed
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import HostSession
from quiz.classroom.web.join_url import qr_lines, save_join_qr, where_to_join
from quiz.safe_text import safe_text


class EventPrinter:
    """Turns server events into lines (for scripts and screen readers)."""

    def __init__(self, out: TextIO = sys.stdout) -> None:
        self.out = out
        # Answers acknowledged in one journal batch report the same count: say it once.
        self._last_count: tuple[int, int] | None = None

    def line(self, text: str) -> None:
        """Print one line; names and answers in it are untrusted, so it is made safe whole."""
        print(safe_text(text, single_line=True), file=self.out, flush=True)

    def drawing(self, rows: list[str]) -> None:
        """Print our own drawing (a QR code) as it is: its runs of spaces are the picture."""
        for row in rows:
            print(row, file=self.out)
        self.out.flush()

    def __call__(self, event: str, detail: dict[str, Any]) -> None:
        if event in ("joined", "rejoined", "left", "away", "kicked"):
            self.line(f"{event}: {detail['name']}")
        elif event == "answered":
            count = (detail["answered"], detail["players"])
            if count != self._last_count:
                self._last_count = count
                self.line(f"answers: {count[0]}/{count[1]}")
        elif event == "question":
            self._last_count = None
            self.line(f"question {detail['number']}/{detail['total']}")
        elif event == "reveal":
            reveal: p.Reveal = detail["reveal"]
            bars = "; ".join(
                f"{'✓ ' if tally.right else ''}{tally.label}: {tally.count}"
                for tally in reveal.distribution
            )
            self.line(f"reveal {reveal.question}: {reveal.answer} | {bars}")
            board: p.Leaderboard = detail["leaderboard"]
            top = ", ".join(f"{s.rank}. {s.name} {s.score}" for s in board.top)
            self.line(f"leaderboard: {top}")
        elif event == "game_over":
            podium = ", ".join(f"{s.rank}. {s.name} {s.score}" for s in detail["podium"])
            self.line(f"podium: {podium}")
        elif event == "paused":
            self.line("paused" if detail["paused"] else "resumed")


async def host_plain(
    session: HostSession,
    journal: Journal,
    session_id: str,
    options: HostOptions,
    *,
    port: int,
    tls: ssl.SSLContext | None = None,
) -> Path:
    """Run a whole game automatically on `port` (the one `open_session` settled on), paced
    by `options.min_players` and `options.reveal_seconds`; returns the results file."""
    out = EventPrinter()
    journal.group_commit = True
    attendance = Attendance(out)
    server = ClassroomServer(
        session,
        durable=journal.durable,
        host=options.bind,
        port=port,
        tls=tls,
        listener=attendance,
    )
    await server.start()
    try:
        _announce(out, server, options, session_id)
        await run_auto(
            server, min_players=options.min_players, reveal_seconds=options.reveal_seconds
        )
        path = save_session_results(journal.folder, session, session_id, away=attendance.away)
        out.line(f"results: {path}")
        return path
    finally:
        await journal.aclose()
        await server.stop()


def _announce(
    out: EventPrinter, server: ClassroomServer, options: HostOptions, session_id: str
) -> None:
    """Where to join (a terminal's address, a browser's URL and its QR code, also saved as
    a PNG with `--qr-png`), with which code, and the session's id."""
    tls = server.tls is not None
    addresses, url = where_to_join(options.bind, server.port, server.session.code, tls=tls)
    if options.qr_png is not None:
        out.line(save_join_qr(url, options.qr_png))
    for address in addresses:
        out.line(f"join: {server.scheme}://{address}:{server.port}")
    out.line(f"browser: {url}")
    out.drawing(qr_lines(url, light_on_dark=True))
    out.line(f"port: {server.port}")
    out.line(f"code: {server.session.code}")
    out.line(f"session: {session_id}")


class HomeworkPrinter(EventPrinter):
    """Self-paced homework as lines: who joined and left, each student's progress after
    every answer ("progress: Ann 3/10, score 2870"), a moved deadline, the close."""

    def __call__(self, event: str, detail: dict[str, Any]) -> None:
        if event == "progress":
            self.line(
                f"progress: {detail['name']} {detail['answered']}/{detail['total']}, "
                f"score {detail['score']}"
            )
        elif event == "deadline":
            self.line(f"deadline: {detail['text']}")
        elif event == "game_over":
            self.line("closed: the homework is over")
        else:
            super().__call__(event, detail)


async def host_homework_plain(
    session: SelfPacedSession,
    journal: Journal,
    session_id: str,
    options: HostOptions,
    *,
    port: int,
    tls: ssl.SSLContext | None = None,
) -> Path:
    """Run self-paced homework on `port` until its deadline (a resumed one: until its
    deadline, which `open_session` may have moved); returns the results file."""
    out = HomeworkPrinter()
    journal.group_commit = True
    server = SelfPacedServer(
        session, durable=journal.durable, host=options.bind, port=port, tls=tls, listener=out
    )
    await server.start()
    try:
        _announce(out, server, options, session_id)
        out.line(f"deadline: {local_text(session.deadline)}")
        await run_until_closed(server)
        # Students come and go as they please: nobody "left" a homework.
        path = save_session_results(journal.folder, session, session_id)
        out.line(f"results: {path}")
        return path
    finally:
        await journal.aclose()
        await server.stop()
