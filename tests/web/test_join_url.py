"""The join URL and its QR code: on the teacher's screen (a live game's and a homework's), in
`quiz host --plain`'s lines and as a PNG for a projector (`--qr-png`), live and homework."""

from __future__ import annotations

import http.client
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import segno
from classroom_helpers import every_type, read_until, start_host, unused_port

from quiz.classroom import addresses
from quiz.classroom.deck import prepare
from quiz.classroom.self_paced import SelfPacedSession
from quiz.classroom.self_paced_server import SelfPacedServer
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import HostSession
from quiz.classroom.web.join_url import join_url, qr_lines, save_qr_png
from quiz.errors import QuizError
from quiz.tui.classroom.teacher_app import TeacherApp

URL = "http://192.168.1.20:8765/?code=123456"
TOP = {"█": (True, True), "▀": (True, False), "▄": (False, True), " ": (False, False)}


def modules(lines: list[str]) -> list[list[bool]]:
    """The QR code's modules read back from its half blocks (True: drawn)."""
    rows: list[list[bool]] = []
    for line in lines:
        rows.append([TOP[char][0] for char in line])
        rows.append([TOP[char][1] for char in line])
    return rows


def test_the_terminal_qr_code_is_the_code_of_the_url_with_a_quiet_zone() -> None:
    expected = [[bool(m) for m in row] for row in segno.make(URL).matrix_iter(border=2)]
    lines = qr_lines(URL)
    assert len(lines) == 17 and {len(line) for line in lines} == {33}
    assert modules(lines)[:33] == expected
    assert modules(lines)[33] == [False] * 33  # the odd row out is quiet zone
    inverted = qr_lines(URL, light_on_dark=True)
    assert modules(inverted)[:33] == [[not m for m in row] for row in expected]
    assert inverted[0] == "█" * 33


def test_the_url_names_the_address_students_can_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(addresses, "lan_addresses", lambda: ["10.0.0.7", "127.0.0.1"])
    assert join_url("0.0.0.0", 8765, "123456", tls=False) == "http://10.0.0.7:8765/?code=123456"
    assert join_url("10.1.2.3", 9000, "654321", tls=True) == "https://10.1.2.3:9000/?code=654321"
    assert join_url("::1", 8765, "123456", tls=False) == "http://[::1]:8765/?code=123456"


def test_the_png_for_a_projector(tmp_path: Path) -> None:
    path = tmp_path / "join.png"
    save_qr_png(URL, path)
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(QuizError, match=r"missing/join.png: cannot write the QR code"):
        save_qr_png(URL, tmp_path / "missing" / "join.png")


@asynccontextmanager
async def teacher_screen(
    server: ClassroomServer, app_type: type[TeacherApp[Any]]
) -> AsyncIterator[TeacherApp[Any]]:
    """The teacher's screen for `server` at 80×24, its join URL and whole QR code checked: the
    QR code above the footer and inside 80 columns."""
    await server.start()
    app = app_type(
        server,
        start_server=False,
        addresses=["quiz join 192.168.1.20:8765"],
        join_url=URL,
        refresh_seconds=3600,
    )
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert str(app.query_one("#join-url").render()) == f"or in a browser: {URL}"
            qr = app.query_one("#join-qr")
            assert str(qr.render()).splitlines() == qr_lines(URL)
            footer = app.query_one("Footer")
            assert qr.region.bottom <= footer.region.y  # all of it above the footer
            assert qr.region.right <= 80
            yield app
    finally:
        await server.stop()


async def test_the_teacher_screen_shows_the_url_and_its_code_at_80x24() -> None:
    from quiz.tui.classroom.host_app import HostApp

    session = HostSession(prepare(every_type(), seconds=20, seed=3), code="123456")
    async with teacher_screen(ClassroomServer(session, port=0), HostApp):
        pass


async def test_the_homework_screen_shows_the_url_and_its_code_at_80x24() -> None:
    from quiz.tui.classroom.homework_app import HomeworkApp

    session = SelfPacedSession(
        prepare(every_type(), seconds=20, seed=3),
        code="123456",
        deadline=2_000_000_000.0,
        seed=3,
        wall=lambda: 1_999_990_000.0,
    )
    async with teacher_screen(SelfPacedServer(session, port=0), HomeworkApp) as app:
        due = app.query_one("#due")
        assert due.region.right <= app.query_one("#join-qr").region.x  # beside it, not under


@pytest.mark.parametrize(
    ("argv", "last"),
    [
        (["--auto"], "port:"),
        (["--self-paced", "--for", "1h"], "deadline:"),
    ],
    ids=["live", "homework"],
)
def test_plain_host_prints_the_url_and_code_and_saves_the_png(
    tmp_path: Path, argv: list[str], last: str
) -> None:
    port = unused_port()
    png = tmp_path / "join.png"
    host = start_host(*argv, "--port", str(port), "--code", "123456", "--qr-png", str(png))
    try:
        lines = read_until(host, last)
        url = f"http://127.0.0.1:{port}/?code=123456"
        assert f"QR code of {url}: {png}" in lines
        at = lines.index(f"browser: {url}")
        assert lines[at + 1 : at + 18] == qr_lines(url, light_on_dark=True)
        assert png.read_bytes().startswith(b"\x89PNG")
        page = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        page.request("GET", "/?code=123456")
        assert page.getresponse().status == 200
        page.close()
    finally:
        host.terminate()
        host.communicate(timeout=30)
