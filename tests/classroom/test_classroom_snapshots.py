"""Snapshots of the teacher's and the student's screens (no network, a frozen clock)."""

from __future__ import annotations

import pytest
from classroom_helpers import CODE, FakeClock, sample_questions

from quiz.classroom import protocol as p
from quiz.classroom.deck import prepare
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import HostSession
from quiz.tui.classroom.host_app import HostApp
from quiz.tui.classroom.student_app import StudentApp

SIZE = (100, 34)
NAMES = ["Ann", "[@click=app.quit]x[/]", "Bob", "Zoë", "Cy", "Dee"]


def host_app() -> HostApp:
    clock = FakeClock()
    session = HostSession(
        prepare(sample_questions(), seconds=20, seed=5), code=CODE, clock=clock
    )
    for name in NAMES:
        session.join(CODE, name)
    server = ClassroomServer(session)
    return HostApp(
        server,
        start_server=False,
        addresses=["quiz join 192.168.1.20:8765", "quiz join 127.0.0.1:8765"],
    )


def play_first_question(app: HostApp) -> None:
    """Everyone answers question 1 at a known time: Bob and Zoë right, others wrong."""
    session = app.session
    app.action_advance()
    clock = session.clock
    assert isinstance(clock, FakeClock)
    right = session.hosted.correct[0]
    for index, player in enumerate(session.active_players()):
        clock.now += 1
        choice = right if player.name in ("Bob", "Zoë") else (right + 1 + index) % 4
        session.answer(player, p.Answer(question=1, choices=[choice]))
    clock.now += 1


async def to_question(pilot) -> None:  # type: ignore[no-untyped-def]
    app: HostApp = pilot.app
    app.action_advance()
    app.session.clock.now += 5  # type: ignore[attr-defined]
    app.tick()
    await pilot.pause()


async def to_reveal(pilot) -> None:  # type: ignore[no-untyped-def]
    play_first_question(pilot.app)
    pilot.app.tick()
    await pilot.pause()


async def to_leaderboard(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_reveal(pilot)
    pilot.app.action_advance()
    await pilot.pause()


async def to_podium(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_reveal(pilot)
    pilot.app.action_end()
    await pilot.pause()


def test_host_lobby(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(host_app(), terminal_size=SIZE)


@pytest.mark.parametrize(
    "stage", [to_question, to_reveal, to_leaderboard, to_podium], ids=lambda f: f.__name__
)
def test_host_stages(snap_compare, stage) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(host_app(), terminal_size=SIZE, run_before=stage)


QUESTION = p.QuestionMessage(
    number=3,
    total=10,
    kind="single",
    prompt="Who is 'the vacancy', according to the article? [b]not bold[/b]",
    choices=["Ed Balls", "David Miliband", "[@click=app.quit]x[/]", "John McDonnell"],
    seconds=20,
)


def student_at(*messages: p.ServerMessage):  # type: ignore[no-untyped-def]
    async def feed(pilot) -> None:  # type: ignore[no-untyped-def]
        for message in messages:
            pilot.app.show(message)
        await pilot.pause()

    return feed


WELCOME = p.Welcome(player="p2", name="Ann", token="p2.x")
RESULT = p.YourResult(
    question=3, answered=True, correct=True, points=870, score=2870, rank=2, ahead="[/]Bob"
)
REVEAL = p.Reveal(question=3, correct=[1], answer="David Miliband", counts=[1, 5, 0, 2])


@pytest.mark.parametrize(
    ("name", "messages"),
    [
        ("lobby", (WELCOME, p.Lobby(count=12, latest=["Ann"]))),
        ("question", (WELCOME, QUESTION)),
        ("locked_in", (WELCOME, QUESTION, p.Accepted(question=3))),
        (
            "result",
            (WELCOME, QUESTION, p.Accepted(question=3), p.Closed(question=3), REVEAL, RESULT),
        ),
        ("final", (WELCOME, p.GameOver(podium=[], rank=4, score=5120, players=23))),
    ],
)
def test_student_screens(snap_compare, name: str, messages: tuple[p.ServerMessage, ...]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(StudentApp(None), terminal_size=(80, 24), run_before=student_at(*messages))
