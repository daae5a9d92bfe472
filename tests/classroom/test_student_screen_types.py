"""The student's Textual screen: every question type by key against a real host, and the
80×24 screen: a long question scrolls, `[x]` shows literally, a live countdown, "1 player
is in", and what a typed answer was accepted as."""

from __future__ import annotations

from classroom_helpers import Host, text_of, wait_until
from fakes import FakeClock
from textual.containers import VerticalScroll
from textual.widgets import Static

from quiz.classroom import protocol as p
from quiz.classroom.client import ClassroomClient
from quiz.tui.classroom.student_app import StudentApp


def spread_of(app: StudentApp) -> str:
    return "\n".join(str(bar.render()) for bar in app.query("#spread Static"))


async def test_a_student_answers_ordering_matching_and_numeric_by_key(every_host: Host) -> None:
    server, session = every_host.server, every_host.session
    student = ClassroomClient(every_host.uri, "123456", "Ann", reconnect=False)
    app = StudentApp(student)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: len(session.players) == 1)
        for _ in range(4):
            server.ask_next()
            server.reveal()

        server.ask_next()  # ordering: Enter sends the order as shown
        await wait_until(pilot, lambda: app.question is not None and app.question.number == 5)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.locked_in)
        assert app.sent[-1].choices == [0, 1, 2, 3]
        server.reveal()
        await wait_until(pilot, lambda: "All in the right order" in spread_of(app))
        assert "Election day → Coalition talks" in text_of(app, "#right-answer")

        server.ask_next()  # matching: a number, then its partner's letter
        await wait_until(pilot, lambda: app.question is not None and app.question.number == 6)
        await pilot.press("1", "a", "enter")
        await wait_until(pilot, lambda: "1 of 3 paired" in text_of(app, "#status"))
        assert len(app.sent) == 1 and not app.locked_in
        await pilot.press("2", "b", "3", "c", "enter")
        await wait_until(pilot, lambda: app.locked_in)
        assert app.sent[-1].choices == [0, 1, 2]
        server.reveal()
        await wait_until(pilot, lambda: app.query_one("#verdict", Static).render() != "")

        server.ask_next()  # numeric: typed in the box
        await wait_until(pilot, lambda: app.question is not None and app.question.number == 7)
        assert "hours" in app.query_one("#typed").placeholder  # type: ignore[attr-defined]
        await pilot.press(*"two", "enter")
        await wait_until(pilot, lambda: "Not accepted" in text_of(app, "#status"))
        app.query_one("#typed").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"238", "enter")
        await wait_until(pilot, lambda: app.locked_in)
        server.reveal()
        await wait_until(pilot, lambda: "Right!" in text_of(app, "#verdict"))
        assert "✓ Right (232–240 hours)" in spread_of(app)


async def test_a_typed_near_miss_says_what_it_was_accepted_as(host: Host) -> None:
    server, session = host.server, host.session
    app = StudentApp(ClassroomClient(host.uri, "123456", "Ann", reconnect=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: len(session.players) == 1)
        for _ in range(3):
            server.ask_next()
            server.reveal()
        server.ask_next()
        await wait_until(pilot, lambda: app.question is not None and app.question.kind == "typed")
        await pilot.press(*"Unit", "enter")
        await wait_until(pilot, lambda: app.locked_in)
        server.reveal()
        await wait_until(pilot, lambda: "Right" in text_of(app, "#verdict"))
        assert text_of(app, "#accepted") == "Accepted 'Unit' as Unite"


LONG = p.QuestionMessage(
    number=4,
    total=10,
    kind="multiple",
    prompt=" ".join(["Which of these did the article say about the leadership race?"] * 4),
    choices=[f"Choice number {n} [b]with[/b] words enough to fill a line" for n in range(1, 9)],
    seconds=30,
)


async def test_at_80x24_a_long_question_scrolls_and_the_status_stays_in_view() -> None:
    app = StudentApp(None, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        app.show(p.Welcome(player="p1", name="Ann", token="t"))
        app.show(LONG)
        await pilot.pause()
        body = app.query_one("#question-body", VerticalScroll)
        status = app.query_one("#status", Static)
        assert body.max_scroll_y > 0
        assert status.region.bottom <= 23 and "every right choice" in text_of(app, "#status")
        await pilot.press("8")
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        last = list(app.query(".choice"))[-1]
        assert body.region.contains_region(last.region)
        # Picked shows "[x]" literally, and the choice's own "[b]" is text too.
        assert "8 ⬟  [x] Choice number 8 [b]with[/b]" in str(last.render())


async def test_the_countdown_runs_stops_while_paused_and_resumes_with_the_time_left() -> None:
    clock = FakeClock()
    app = StudentApp(None, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show(p.Welcome(player="p1", name="Ann", token="t"))
        app.show(p.Lobby(count=1, latest=["Ann"]))
        await pilot.pause()
        assert "Joined as Ann. 1 player is in. Waiting…" in text_of(app, "#waiting")
        app.show(p.Lobby(count=2, latest=["Ann", "Bob"]))
        assert "2 players are in" in text_of(app, "#waiting")
        app.show(LONG.model_copy(update={"seconds": 20.0}))
        app.tick()
        assert text_of(app, "#head") == "Question 4 of 10 — 20 s left"
        clock.advance(7.5)
        app.tick()
        assert text_of(app, "#head") == "Question 4 of 10 — 13 s left"
        app.show(p.Paused(paused=True))
        clock.advance(100)
        app.tick()
        assert text_of(app, "#head") == "Question 4 of 10 — paused"
        app.show(p.Paused(paused=False))
        assert text_of(app, "#head") == "Question 4 of 10 — 13 s left"
        clock.advance(12.6)
        app.tick()
        assert text_of(app, "#head") == "Question 4 of 10 — 0 s left"
