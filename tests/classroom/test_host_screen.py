"""The teacher's screen driven by keys through Pilot, with real students over 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from classroom_helpers import Host, next_of
from textual.widgets import Digits

from quiz.tui.classroom.dialogs import ConfirmDialog, PlayersDialog
from quiz.tui.classroom.host_app import HostApp
from quiz.tui.classroom.host_panels import LobbyPanel

# The screen refreshes by itself ten times a second; these tests refresh it when they
# choose (`update_view`), so what they see does not depend on timing.
NEVER = 3600.0


def text_of(app: HostApp, selector: str) -> str:
    return str(app.query_one(selector).render())


def host_app(host: Host, **kwargs: object) -> HostApp:
    kwargs.setdefault("addresses", ["quiz join 10.0.0.5:8765"])
    return HostApp(host.server, start_server=False, refresh_seconds=NEVER, **kwargs)  # type: ignore[arg-type]


async def test_host_screen_runs_a_game_by_keys(host: Host) -> None:
    saved: list[Path] = []

    def save_results() -> Path:
        saved.append(Path("results.json"))
        return saved[-1]

    app = host_app(host, save_results=save_results)
    async with app.run_test(size=(100, 40)) as pilot:
        ann = host.client("[@click=app.quit]x[/]")
        await ann.join()
        bob = host.client("Bob")
        await bob.join()
        await app.update_view()
        assert str(app.query_one("#code", Digits).value) == "123456"
        names = app.query_one(LobbyPanel).names
        assert names.names == ["[@click=app.quit]x[/]", "Bob"]
        assert text_of(app, "#lobby-count") == "2 players"

        await pilot.press("space")
        assert app.stage == "question"
        question = await next_of(ann, "question")
        await ann.answer(1, choices=[0])
        await next_of(ann, "accepted")
        await app.update_view()
        assert "1 of 2 answered" in text_of(app, "#answer-count")
        await bob.answer(1, choices=[1])
        await next_of(bob, "accepted")
        await app.update_view()  # everyone answered: the refresh reveals
        assert app.stage == "reveal"
        assert "David Miliband" in text_of(app, "#reveal-answer")
        assert question.number == 1

        await pilot.press("space")
        assert app.stage == "leaderboard"
        await pilot.press("space")
        assert app.stage == "question" and host.session.current == 2
        await pilot.press("s")  # skip: reveal now, nobody answered
        assert app.stage == "reveal"
        await pilot.press("e")  # End asks first
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        assert app.stage == "podium" and host.session.phase == "over"
        assert saved == [Path("results.json")]
        assert "results.json" in text_of(app, "#results-path")
        assert (await next_of(ann, "game_over")).players == 2
        assert app.is_running  # the markup name did not quit the app


async def test_end_and_quit_ask_first_and_escape_keeps_playing(host: Host) -> None:
    app = host_app(host)
    async with app.run_test(size=(100, 40)) as pilot:
        ann = host.client("Ann")
        await ann.join()
        await app.update_view()
        await pilot.press("space", "e")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert app.stage == "question" and host.session.phase == "open"
        await pilot.press("e", "enter")  # Enter on the focused, safe button: keep playing
        assert app.stage == "question" and host.session.phase == "open"
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert app.is_running
        await pilot.press("ctrl+q")  # the usual quit key asks too
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
    assert app.return_code == 0 and host.session.phase == "open"  # resumable, not ended


async def test_kick_during_a_question_from_the_players_dialog(host: Host) -> None:
    app = host_app(host)
    async with app.run_test(size=(100, 40)) as pilot:
        ann = host.client("Ann")
        await ann.join()
        bob = host.client("Bob")
        await bob.join()
        await app.update_view()
        await pilot.press("space")
        await next_of(ann, "question")
        await ann.answer(1, choices=[0])
        await next_of(ann, "accepted")
        await pilot.press("k")
        dialog = app.screen
        assert isinstance(dialog, PlayersDialog)
        await pilot.press(*"bo")  # find by name
        assert dialog.grid.names == ["Bob"]
        await pilot.click("#kick")
        assert (await next_of(bob, "kicked")).type == "kicked"
        await app.update_view()
        # Bob was the last to answer: kicked, the question closes and reveals.
        assert app.stage == "reveal"
        assert app.query_one(LobbyPanel).names.names == ["Ann"]


async def test_lock_key_in_the_lobby(host: Host) -> None:
    app = host_app(host)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("l")
        assert host.session.locked
        await app.update_view()
        assert "locked" in text_of(app, "#lobby-count")


async def test_pause_stops_the_countdown_and_the_paused_time_is_not_counted(host: Host) -> None:
    app = host_app(host, addresses=[])
    async with app.run_test(size=(100, 40)) as pilot:
        ann = host.client("Ann")
        await ann.join()
        await app.update_view()
        await pilot.press("space")
        await pilot.press("p")
        assert (await next_of(ann, "paused")).paused is True
        host.clock.now += 100  # far past the 20 s limit, but paused
        await app.update_view()
        assert app.stage == "question" and "paused" in text_of(app, "#countdown")
        await pilot.press("space")  # Space while paused does not move on
        assert app.stage == "question"
        await pilot.press("p")
        await app.update_view()
        assert app.stage == "question" and "20 s left" in text_of(app, "#countdown")
        host.clock.now += 21
        await app.update_view()
        assert app.stage == "reveal"


async def test_space_during_a_pause_does_not_open_the_next_question(host: Host) -> None:
    app = HostApp(host.server, start_server=False, addresses=[])
    async with app.run_test(size=(100, 40)) as pilot:
        ann = host.client("Ann")
        await ann.join()
        await pilot.pause()
        await pilot.press("p")
        await pilot.press("space")
        assert app.stage == "lobby" and host.session.current == 0
        await pilot.press("p")
        await pilot.press("space")
        assert app.stage == "question" and host.session.current == 1
        # Leave on the reveal: the countdown's timer can fire while the app is torn down.
        await pilot.press("s")


async def test_the_join_lines_name_the_scheme_only_for_wss(host: Host, tmp_path: Path) -> None:
    import trustme

    from quiz.classroom.server import ClassroomServer
    from quiz.classroom.tls import server_context
    from quiz.classroom.web.join_url import where_to_join
    from quiz.tui.classroom.host_panels import join_lines

    port = host.server.port
    assert join_lines(host.server, ["10.0.0.5", "127.0.0.1"]) == [
        f"quiz join 10.0.0.5:{port}",
        f"quiz join 127.0.0.1:{port}",
    ]
    issued = trustme.CA().issue_cert("127.0.0.1")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    issued.cert_chain_pems[0].write_to_path(str(cert))
    issued.private_key_pem.write_to_path(str(key))
    secure = ClassroomServer(host.session, port=0, tls=server_context(cert, key))
    await secure.start()
    try:
        assert join_lines(secure, ["10.0.0.5"]) == [f"quiz join wss://10.0.0.5:{secure.port}"]
    finally:
        await secure.stop()
    assert where_to_join("10.1.2.3", 9000, "654321", tls=True) == (
        ["10.1.2.3"],
        "https://10.1.2.3:9000/?code=654321",
    )
