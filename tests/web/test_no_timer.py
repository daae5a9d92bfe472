"""`quiz host --no-timer`: accuracy only. No clock on any client, no time-outs, no speed
points (a flat 1000 plus the streak), and the journal, results and report say so."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from classroom_helpers import CODE, every_type
from fakes import FakeClock

from quiz.classroom import protocol as p
from quiz.classroom.deck import prepare
from quiz.classroom.flow import wait_for_answers
from quiz.classroom.hosting import open_session
from quiz.classroom.journal import replay, session_header
from quiz.classroom.options import HostOptions
from quiz.classroom.results import build_results
from quiz.classroom.results.report import summary_table
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import HostSession
from quiz.cli import build_parser
from quiz.commands.host import host_options
from quiz.plain.join import lines_for


def untimed(clock: FakeClock, events: list | None = None) -> HostSession:  # type: ignore[type-arg]
    record = events.append if events is not None else (lambda event: None)
    hosted = prepare(every_type(), seconds=20, seed=3)
    return HostSession(hosted, code=CODE, timer=False, clock=clock, record=record)


def test_without_a_timer_nobody_is_rushed_and_every_right_answer_scores_the_same() -> None:
    clock = FakeClock()
    session = untimed(clock)
    ann, _ = session.join(CODE, "Ann")
    question = session.open_next()
    assert question.seconds is None
    assert json.loads(p.encode(question))["seconds"] is None
    clock.now += 3600  # an hour later: not late, and not fewer points
    assert not session.time_up()
    assert session.pause_message().seconds is None
    right = question.choices.index("David Miliband")
    session.answer(ann, p.Answer(question=1, choices=[right]))
    assert ann.answers[1].points == 1000
    session.reveal()
    session.open_next()
    clock.now += 7
    right = session.question_message().choices.index("False")
    session.answer(ann, p.Answer(question=2, choices=[right]))
    assert ann.answers[2].points == 1100  # the streak still counts; speed does not


def test_the_journal_and_the_results_remember_it(tmp_path: Path) -> None:
    events: list = []  # type: ignore[type-arg]
    session = untimed(FakeClock(), events)
    header = session_header(session, "20261105-101500-abcd", port=8765)
    resumed, _ = replay([header, *events])
    assert resumed.timer is False and resumed.speed is False
    results = build_results(resumed, "20261105-101500-abcd")
    assert results["timer"] is False
    assert "accuracy only (no timer)" in summary_table(results)
    timed = HostSession(prepare(every_type(), seconds=20, seed=3), code=CODE)
    assert build_results(timed, "20261105-101500-abcd")["timer"] is True
    assert "no timer" not in summary_table(build_results(timed, "20261105-101500-abcd"))


def test_the_command_line_flag_reaches_the_session(tmp_path: Path) -> None:
    args = build_parser().parse_args(
        ["host", "--no-timer", "--code", CODE, "--saves", str(tmp_path)]
    )
    options = host_options(args)
    assert options == HostOptions(timer=False, code=CODE, saves=str(tmp_path))
    session, journal, _, _ = open_session(options)
    journal.close()
    assert session.timer is False and session.speed is False


def test_line_mode_students_see_no_clock() -> None:
    question = p.QuestionMessage(
        number=1, total=7, kind="typed", prompt="Which union?", choices=[], seconds=None
    )
    assert lines_for(question)[0] == "question 1/7 (no time limit): Which union?"


@pytest.mark.timeout(30)
async def test_the_automatic_flow_waits_for_everyone_however_long() -> None:
    clock = FakeClock()
    session = untimed(clock)
    server = ClassroomServer(session, port=0)
    ann, _ = session.join(CODE, "Ann")
    session.set_connected(ann.id, True)
    session.open_next()
    waiting = asyncio.ensure_future(wait_for_answers(server))
    await asyncio.sleep(0)
    assert not waiting.done()
    clock.advance(3600)  # an hour on: a timed question's time would be long over
    server.changed.set()  # and the flow looks at the clock again
    await asyncio.sleep(0)
    assert not waiting.done()
    session.answer(ann, p.Answer(question=1, choices=[0]))
    server.changed.set()
    await asyncio.wait_for(waiting, 5)


async def test_the_student_screen_shows_no_clock() -> None:
    from quiz.tui.classroom.student_app import StudentApp

    clock = FakeClock()
    app = StudentApp(None, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show(p.Welcome(player="p1", name="Ann", token="t"))
        app.show(
            p.QuestionMessage(
                number=1, total=7, kind="typed", prompt="Which union?", choices=[], seconds=None
            )
        )
        await pilot.pause()
        clock.advance(3600)
        app.tick()
        assert str(app.query_one("#head").render()) == "Question 1 of 7 — no time limit"


async def test_the_teacher_screen_shows_no_clock_and_never_times_out() -> None:
    from classroom_helpers import RawStudent as Student

    from quiz.tui.classroom.host_app import HostApp

    clock = FakeClock()
    server = ClassroomServer(untimed(clock), port=0)
    await server.start()
    app = HostApp(server, start_server=False, addresses=["x"], refresh_seconds=3600)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            student = await Student.connect(f"ws://127.0.0.1:{server.port}")
            await student.join("Ann")
            await app.update_view()
            await pilot.press("space")
            assert (await student.next("question"))["seconds"] is None
            clock.advance(3600)
            await app.update_view()
            assert app.stage == "question"
            assert str(app.query_one("#countdown").render()) == "no time limit"
            await student.close()
    finally:
        await server.stop()
