"""The teacher's screen driven by keys through Pilot, with real students over 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from classroom_helpers import Host, next_of
from textual.widgets import Digits, OptionList, Static

from quiz.tui.classroom.host_app import HostApp
from quiz.tui.classroom.host_panels import LobbyPanel


def text_of(app: HostApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def test_host_screen_runs_a_game_by_keys(host: Host) -> None:
    saved: list[Path] = []

    def save_results() -> Path:
        saved.append(Path("results.json"))
        return saved[-1]

    app = HostApp(
        host.server,
        start_server=False,
        addresses=["quiz join 10.0.0.5:8765"],
        save_results=save_results,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        ann = host.client("[@click=app.quit]x[/]")
        await ann.join()
        bob = host.client("Bob")
        await bob.join()
        await pilot.pause()
        assert str(app.query_one("#code", Digits).value) == "123456"
        names = app.query_one("#names", OptionList)
        assert names.option_count == 2
        assert "[@click=app.quit]x[/]" in str(names.get_option_at_index(0).prompt)

        await pilot.press("space")
        assert app.stage == "question"
        question = await next_of(ann, "question")
        await ann.answer(1, choices=[0])
        await next_of(ann, "accepted")
        await pilot.pause()
        assert "1 of 2 answered" in text_of(app, "#answer-count")
        await bob.answer(1, choices=[1])
        await next_of(bob, "accepted")
        await pilot.pause()
        app.tick()  # everyone answered: the next tick reveals
        assert app.stage == "reveal"
        assert "David Miliband" in text_of(app, "#reveal-answer")
        assert question.number == 1

        await pilot.press("space")
        assert app.stage == "leaderboard"
        await pilot.press("space")
        assert app.stage == "question" and host.session.current == 2
        await pilot.press("s")  # skip: reveal now, nobody answered
        assert app.stage == "reveal"
        await pilot.press("e")
        assert app.stage == "podium" and host.session.phase == "over"
        assert saved == [Path("results.json")]
        assert "results.json" in text_of(app, "#results-path")
        assert (await next_of(ann, "game_over")).players == 2
        assert app.is_running  # the markup name did not quit the app


async def test_kick_and_lock_keys_in_the_lobby(host: Host) -> None:
    app = HostApp(host.server, start_server=False, addresses=["quiz join 10.0.0.5:8765"])
    async with app.run_test(size=(100, 40)) as pilot:
        ann = host.client("Ann")
        await ann.join()
        await pilot.pause()
        assert app.query_one(LobbyPanel).selected_player == "p1"
        await pilot.press("k")
        assert (await next_of(ann, "kicked")).type == "kicked"
        await pilot.pause()
        assert app.query_one("#names", OptionList).option_count == 0
        await pilot.press("l")
        assert host.session.locked
        assert "locked" in text_of(app, "#lobby-count")


async def test_pause_stops_the_countdown_and_the_paused_time_is_not_counted(host: Host) -> None:
    app = HostApp(host.server, start_server=False, addresses=[])
    async with app.run_test(size=(100, 40)) as pilot:
        ann = host.client("Ann")
        await ann.join()
        await pilot.pause()
        await pilot.press("space")
        await pilot.press("p")
        assert (await next_of(ann, "paused")).paused is True
        host.clock.now += 100  # far past the 20 s limit, but paused
        app.tick()
        assert app.stage == "question" and "paused" in text_of(app, "#countdown")
        await pilot.press("p")
        app.tick()
        assert app.stage == "question" and "20 s left" in text_of(app, "#countdown")
        host.clock.now += 21
        app.tick()
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
