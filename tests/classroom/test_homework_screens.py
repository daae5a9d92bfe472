"""The teacher's homework screen (progress per student, the deadline dialog, closing) and
the student's screen in a homework, driven by keys through Pilot, with raw students over
127.0.0.1."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from homework_helpers import DEADLINE, NOW, Homework, right_answer
from textual.widgets import DataTable

from quiz.classroom import protocol as p
from quiz.tui.classroom.dialogs import ConfirmDialog, DeadlineDialog, PlayersDialog
from quiz.tui.classroom.homework_app import HomeworkApp
from quiz.tui.classroom.progress_panel import seen_text, time_left_text
from quiz.tui.classroom.student_app import StudentApp

NEVER = 3600.0  # the tests refresh the screen when they choose (`update_view`)


def homework_app(homework: Homework, saved: list[Path]) -> HomeworkApp:
    def save() -> Path:
        saved.append(Path("results.json"))
        return saved[-1]

    return HomeworkApp(
        homework.server,
        start_server=False,
        addresses=["quiz join 10.0.0.5:8765"],
        save_results=save,
        refresh_seconds=NEVER,
    )


def table_rows(app: HomeworkApp) -> list[list[str]]:
    table: DataTable[object] = app.query_one("#progress", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def text_of(app: HomeworkApp, selector: str) -> str:
    return str(app.query_one(selector).render())


async def test_the_teacher_sees_each_students_progress_score_and_last_seen(
    homework: Homework,
) -> None:
    saved: list[Path] = []
    app = homework_app(homework, saved)
    async with app.run_test(size=(100, 30)):
        ann, _ = await homework.student("[@click=app.quit]x[/]")
        bob, _ = await homework.student("Bob")
        await ann.send(type="next")
        question = await ann.next("question")
        await ann.answer(1, **right_answer(homework.session, question))
        await ann.next("result")
        await bob.close()
        await bob.ws.wait_closed()
        homework.wall.now = NOW + 600
        while homework.session.players["p2"].connected:  # the server sees Bob go
            await homework.server.changed.wait()
            homework.server.changed.clear()
        homework.wall.now = NOW + 900
        await app.update_view()
        assert table_rows(app) == [
            ["[@click=app.quit]x[/]", "1/7", "1000", "now"],
            ["Bob", "0/7", "0", "5 min ago"],
        ]
        assert text_of(app, "#class-progress") == "2 students, 0 finished"
        assert text_of(app, "#due").startswith("Due 2026-12-05 ")
        assert text_of(app, "#due").endswith("(45 min left)")


async def test_the_deadline_dialog_moves_it_and_refuses_a_time_gone_by(
    homework: Homework,
) -> None:
    saved: list[Path] = []
    app = homework_app(homework, saved)
    async with app.run_test(size=(100, 30)) as pilot:
        student, _ = await homework.student("Ann")
        await student.next("assignment")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DeadlineDialog)
        await pilot.press(*"2020-01-01 10:00", "enter")
        assert isinstance(app.screen, DeadlineDialog)  # still open, with the reason
        assert "has already passed" in str(app.screen.query_one("#deadline-error").render())
        app.screen.query_one("#until").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"+1d", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, DeadlineDialog)
        moved = await student.next("assignment")
        assert moved["deadline"].startswith("2026-12-06T")
        assert homework.session.deadline == DEADLINE + 86400 - 3600


async def test_the_homework_closes_at_its_deadline_and_the_screen_saves_the_results(
    homework: Homework,
) -> None:
    saved: list[Path] = []
    app = homework_app(homework, saved)
    async with app.run_test(size=(100, 30)):
        student, _ = await homework.student("Ann")
        homework.wall.now = DEADLINE + 1
        homework.server.check_deadline()
        assert (await student.next("game_over"))["score"] == 0
        await app.update_view()
        await app.update_view()
        assert saved == [Path("results.json")]  # once
        assert text_of(app, "#due").startswith("Closed (was due 2026-12-05 ")
        assert text_of(app, "#due").endswith("Results: results.json")


async def test_closing_early_asks_first(homework: Homework) -> None:
    saved: list[Path] = []
    app = homework_app(homework, saved)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert homework.session.phase == "open"
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert homework.session.phase == "over"
        assert saved == [Path("results.json")]


async def test_k_removes_a_student_from_the_progress_table(homework: Homework) -> None:
    saved: list[Path] = []
    app = homework_app(homework, saved)
    async with app.run_test(size=(100, 30)) as pilot:
        await homework.student("Ann")
        bob, _ = await homework.student("Bob")
        await app.update_view()
        assert [row[0] for row in table_rows(app)] == ["Ann", "Bob"]
        await pilot.press("k")
        dialog = app.screen
        assert isinstance(dialog, PlayersDialog)
        await pilot.press(*"bo")  # find by name
        assert dialog.grid.names == ["Bob"]
        await pilot.click("#kick")
        assert (await bob.next("kicked"))["type"] == "kicked"
        await pilot.pause()
        assert [row[0] for row in table_rows(app)] == ["Ann"]
        assert homework.session.players["p2"].kicked


async def test_quitting_asks_first_and_no_keeps_the_homework_open(homework: Homework) -> None:
    saved: list[Path] = []
    app = homework_app(homework, saved)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#no")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmDialog)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
    assert app.return_code == 0
    assert homework.session.phase == "open" and saved == []  # resumable, not closed


def test_last_seen_and_time_left_read_as_people_say_them() -> None:
    assert seen_text(None, False, 1000.0) == "—"
    assert seen_text(990.0, True, 1000.0) == "now"
    assert seen_text(941.0, False, 1000.0) == "just now"
    assert seen_text(940.0, False, 1000.0) == "1 min ago"
    assert seen_text(1000.0 - 7199, False, 1000.0) == "1 h ago"
    assert seen_text(1000.0 - 3 * 86400, False, 1000.0) == "3 d ago"
    assert time_left_text(1000.0, 1000.0) == "closed"
    assert time_left_text(1000.0 + 59, 1000.0) == "1 min left"
    assert time_left_text(1000.0 + 3 * 3600 + 600, 1000.0) == "3 h 10 min left"
    assert time_left_text(1000.0 + 2 * 86400 + 3 * 3600 + 5, 1000.0) == "2 d 3 h left"


async def test_the_student_screen_asks_for_each_question_with_enter() -> None:
    app = StudentApp(None)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show(p.Welcome(player="p1", name="Ann", token="t", score=0, rejoined=False))
        app.show(
            p.Assignment(answered=2, total=7, score=1850, deadline="2026-12-05T17:00:00+01:00")
        )
        waiting = str(app.query_one("#waiting").render())
        assert "Homework: 2 of 7 answered, 1,850 points. Due 2026-12-05 17:00." in waiting
        assert app.awaiting_next
        await pilot.press("enter")
        assert not app.awaiting_next
        question = p.QuestionMessage(
            number=3, total=7, kind="single", prompt="Who?", choices=["A", "B"], seconds=20.0
        )
        app.show(question)
        await pilot.press("2")
        assert app.sent[-1] == p.Answer(question=3, choices=[1])
        app.show(p.Accepted(question=3))
        app.show(
            p.YourResult(question=3, answered=True, correct=False, points=0, score=1850, rank=None)
        )
        await pilot.pause()
        standing = str(app.query_one("#standing").render())
        assert standing == "Score 1,850\nPress Enter for the next question."
        assert app.awaiting_next
        app.show(p.GameOver(podium=[], rank=None, score=1850, players=3))
        assert str(app.query_one("#standing").render()) == "Finished, with 1,850 points."


async def test_a_plain_student_goes_on_with_enter_and_leaves_at_the_end_of_input(
    homework: Homework,
) -> None:
    from classroom_helpers import CODE
    from test_plain_join_every_type import right_line

    from quiz.classroom.client import ClassroomClient
    from quiz.plain.join import join_plain

    first, second = (
        homework.session.questions[n - 1] for n in homework.session.order_for("p1")[:2]
    )
    stdin = io.StringIO(f"\n{right_line(first)}\n\n{right_line(second)}\n")
    out = io.StringIO()
    client = ClassroomClient(homework.uri, CODE, "Ann", reconnect=False)
    async with asyncio.timeout(20):
        assert await join_plain(client, stdin=stdin, out=out) == 0
    text = out.getvalue()
    assert "homework: 0 of 7 answered, score 0, due 2026-12-05 " in text
    assert text.count("next: press Enter for the next question") == 3
    assert "question 1/7 (20 s): " in text and "question 2/7 (20 s): " in text
    assert "right: +1000 points, score 1000\n" in text  # no rank without a leaderboard
    assert text.rstrip().endswith(
        "left the homework for now: run the same `quiz join` again to go on"
    )
    assert len(homework.session.players["p1"].answers) == 2
