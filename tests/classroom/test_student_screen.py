"""The student's screen through Pilot, joined to a real host on 127.0.0.1."""

from __future__ import annotations

from classroom_helpers import Host, next_of, text_of, wait_until
from textual.widgets import Input

from quiz.classroom.client import ClassroomClient
from quiz.tui.classroom.student_app import StudentApp


async def test_student_answers_by_key_and_sees_the_reveal(host: Host) -> None:
    rival = host.client("[@click=app.quit]x[/]")
    await rival.join()
    student = ClassroomClient(host.uri, "123456", "Ann", reconnect=False)
    app = StudentApp(student)
    async with app.run_test(size=(90, 30)) as pilot:
        await wait_until(pilot, lambda: len(host.session.players) == 2)
        host.server.ask_next()
        await wait_until(pilot, lambda: app.question is not None)
        assert "1 ▲" in text_of(app, ".choice")
        correct = host.session.hosted.correct[0]
        # The rival answers right first, so Ann (wrong) ends just behind the markup name.
        await rival.answer(1, choices=[correct])
        await next_of(rival, "accepted")
        wrong = next(i for i in range(4) if i != correct)
        await pilot.press(str(wrong + 1))
        await wait_until(pilot, lambda: app.locked_in)
        assert "Locked in" in text_of(app, "#status")
        await pilot.press(str(correct + 1))  # a second key does nothing once locked in
        assert len(app.sent) == 1
        host.server.reveal()
        await wait_until(pilot, lambda: "Wrong" in text_of(app, "#verdict"))
        assert "rank 2" in text_of(app, "#standing")
        assert "[@click=app.quit]x[/]" in text_of(app, "#standing")
        assert "David Miliband" in text_of(app, "#right-answer")

        host.server.ask_next()  # true/false
        await wait_until(pilot, lambda: app.question is not None and app.question.number == 2)
        host.server.reveal()
        host.server.ask_next()  # multiple: toggle two, then Enter
        await wait_until(pilot, lambda: app.question is not None and app.question.number == 3)
        for index in host.session.hosted.correct:
            await pilot.press(str(index + 1))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.locked_in)
        assert sorted(app.sent[-1].choices) == sorted(host.session.hosted.correct)
        host.server.reveal()
        await wait_until(pilot, lambda: "Right" in text_of(app, "#verdict"))

        host.server.ask_next()  # typed
        await wait_until(pilot, lambda: app.question is not None and app.question.number == 4)
        assert app.query_one("#typed", Input).display
        await pilot.press(*"unite", "enter")
        await wait_until(pilot, lambda: app.locked_in)
        host.server.reveal()
        host.server.finish()
        await wait_until(pilot, lambda: "Final rank" in text_of(app, "#standing"))
        assert app.is_running
