"""Snapshots of the teacher's and the student's screens (no network, a frozen clock), for
every stage and, at 80×24 and 120×40, for ordering, matching and numeric questions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from classroom_helpers import CODE, FakeClock, more_questions, sample_questions

from quiz.classroom import protocol as p
from quiz.classroom.deck import prepare
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import HostSession
from quiz.packs.question import Question
from quiz.tui.classroom.host_app import HostApp
from quiz.tui.classroom.student_app import StudentApp

SIZE = (100, 34)
SMALL, LARGE = (80, 24), (120, 40)
NAMES = ["Ann", "[@click=app.quit]x[/]", "Bob", "Zoë", "Cy", "Dee"]
NEVER = 3600.0


def host_app(questions: list[Question] | None = None) -> HostApp:
    clock = FakeClock()
    hosted = prepare(questions or sample_questions(), seconds=20, seed=5)
    session = HostSession(hosted, code=CODE, clock=clock)
    for name in NAMES:
        player, _ = session.join(CODE, name)
        session.set_connected(player.id, True)  # as if each had a connection
    server = ClassroomServer(session)
    return HostApp(
        server,
        start_server=False,
        addresses=["quiz join 192.168.1.20:8765", "quiz join 127.0.0.1:8765"],
        refresh_seconds=NEVER,
    )


def answers_for(session: HostSession) -> list[p.Answer]:
    """Six answers to the open question: right, wrong and in between, per type."""
    hosted, number = session.hosted, session.current
    right = list(hosted.correct)
    if hosted.kind == "numeric":
        texts = ["236", "240", "200", "1,000", "237", "231"]
        return [p.Answer(question=number, text=text) for text in texts]
    if hosted.kind == "typed":
        texts = ["Unite", "Unit", "GMB", "unite", "Unison", "Unite the Union"]
        return [p.Answer(question=number, text=text) for text in texts]
    if hosted.kind in ("ordering", "matching"):
        turned = right[1:] + right[:1]
        mixed = [right[0], *reversed(right[1:])]
        shapes = [right, turned, mixed, right, list(reversed(right)), right]
        if hosted.kind == "matching":
            shapes[2] = [right[0]] * len(right)
        return [p.Answer(question=number, choices=shape) for shape in shapes]
    wrong = [i for i in range(len(hosted.choices)) if i not in right]
    picks = [right, wrong[:1], right, wrong[-1:], right[:1], wrong[:1]]
    return [p.Answer(question=number, choices=pick) for pick in picks]


def play_open_question(app: HostApp) -> None:
    """Everyone answers the open question, one second apart."""
    session = app.session
    clock = session.clock
    assert isinstance(clock, FakeClock)
    for player, answer in zip(session.active_players(), answers_for(session), strict=True):
        clock.now += 1
        session.answer(player, answer)
    clock.now += 1


Stage = Callable[..., Awaitable[None]]


async def to_question(pilot) -> None:  # type: ignore[no-untyped-def]
    app: HostApp = pilot.app
    await app.action_advance()
    app.session.clock.now += 5  # type: ignore[attr-defined]
    await app.update_view()
    await pilot.pause()


async def to_reveal(pilot) -> None:  # type: ignore[no-untyped-def]
    app: HostApp = pilot.app
    await app.action_advance()
    play_open_question(app)
    await app.update_view()
    await pilot.pause()


async def to_leaderboard(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_reveal(pilot)
    await pilot.app.action_advance()
    await pilot.pause()


async def to_podium(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_reveal(pilot)
    await pilot.app._act(pilot.app._finish)
    await pilot.pause()


def test_host_lobby(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(host_app(), terminal_size=SIZE)


@pytest.mark.parametrize(
    "stage", [to_question, to_reveal, to_leaderboard, to_podium], ids=lambda f: f.__name__
)
def test_host_stages(snap_compare, stage: Stage) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(host_app(), terminal_size=SIZE, run_before=stage)


def at_question(number: int, *, revealed: bool) -> Stage:
    """Play the questions before `number` through, then open it (and reveal it)."""

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        app: HostApp = pilot.app
        for _ in range(number - 1):
            await to_reveal(pilot)
            await app.action_advance()  # the leaderboard; the next Space asks the next one
        if revealed:
            await to_reveal(pilot)
        else:
            await to_question(pilot)

    return run


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
@pytest.mark.parametrize("revealed", [False, True], ids=["question", "reveal"])
@pytest.mark.parametrize("number", [1, 2, 3], ids=["ordering", "matching", "numeric"])
def test_host_new_question_types(  # type: ignore[no-untyped-def]
    snap_compare, number: int, revealed: bool, size: tuple[int, int]
) -> None:
    app = host_app(more_questions())
    assert snap_compare(app, terminal_size=size, run_before=at_question(number, revealed=revealed))


QUESTION = p.QuestionMessage(
    number=3,
    total=10,
    kind="single",
    prompt="Who is 'the vacancy', according to the article? [b]not bold[/b]",
    choices=["Ed Balls", "David Miliband", "[@click=app.quit]x[/]", "John McDonnell"],
    seconds=20,
)


def student_at(*messages: p.ServerMessage, keys: tuple[str, ...] = ()) -> Stage:
    async def feed(pilot) -> None:  # type: ignore[no-untyped-def]
        for message in messages:
            pilot.app.show(message)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return feed


def student_app() -> StudentApp:
    return StudentApp(None, clock=FakeClock())


WELCOME = p.Welcome(player="p2", name="Ann", token="p2.x")
RESULT = p.YourResult(
    question=3, answered=True, correct=True, points=870, score=2870, rank=2, ahead="[/]Bob"
)
REVEAL = p.Reveal(
    question=3,
    correct=[1],
    answer="David Miliband",
    counts=[1, 5, 0, 2],
    distribution=[
        p.Tally(label=label, count=count, right=label == "David Miliband")
        for label, count in zip(QUESTION.choices, [1, 5, 0, 2], strict=True)
    ],
)


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
    assert snap_compare(student_app(), terminal_size=SMALL, run_before=student_at(*messages))


ORDERING = p.QuestionMessage(
    number=5,
    total=7,
    kind="ordering",
    prompt="Put these in the order they happened.",
    choices=["Coalition talks", "Nominations close", "Election day", "Brown resigns"],
    seconds=20,
)
MATCHING = p.QuestionMessage(
    number=6,
    total=7,
    kind="matching",
    prompt="Match each name to the nickname the article gives.",
    left=["Tony Blair", "Gordon Brown", "Geoff Hoon [b]x[/b]"],
    choices=["Taxi", "Cheesie", "Chalkie"],
    seconds=20,
)
NUMERIC = p.QuestionMessage(
    number=7,
    total=7,
    kind="numeric",
    prompt="How many parliamentary hours were spent sparing vermin?",
    choices=[],
    unit="hours",
    seconds=20,
)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
@pytest.mark.parametrize(
    ("question", "keys"),
    [(ORDERING, ("down", "space", "down")), (MATCHING, ("1", "b", "2")), (NUMERIC, ("2", "3"))],
    ids=["ordering", "matching", "numeric"],
)
def test_student_new_question_types(  # type: ignore[no-untyped-def]
    snap_compare, question: p.QuestionMessage, keys: tuple[str, ...], size: tuple[int, int]
) -> None:
    stage = student_at(WELCOME, question, keys=keys)
    assert snap_compare(student_app(), terminal_size=size, run_before=stage)


LONG = p.QuestionMessage(
    number=4,
    total=10,
    kind="multiple",
    prompt=" ".join(["Which of these did the article say about the leadership race?"] * 3),
    choices=[
        f"Choice {n}: a choice long enough to wrap at eighty columns [x]" for n in range(1, 9)
    ],
    seconds=30,
)
MATCHING_REVEAL = p.Reveal(
    question=6,
    correct=[1, 2, 0],
    answer="Tony Blair → Cheesie; Gordon Brown → Chalkie; Geoff Hoon → Taxi",
    counts=[],
    distribution=[
        p.Tally(label="Every pair right", count=9, right=True),
        p.Tally(label="Tony Blair → Cheesie", count=15, right=True),
        p.Tally(label="Gordon Brown → Chalkie", count=11, right=True),
        p.Tally(label="Geoff Hoon → Taxi", count=20, right=True),
    ],
)
TYPED_RESULT = p.YourResult(
    question=6,
    answered=True,
    correct=False,
    points=317,
    score=4100,
    rank=7,
    ahead="Zoë",
    accepted="",
)


@pytest.mark.parametrize(
    ("name", "messages", "keys"),
    [
        ("long_question_scrolled", (WELCOME, LONG), ("2", "8", "pagedown", "pagedown")),
        ("matching_result", (WELCOME, MATCHING, MATCHING_REVEAL, TYPED_RESULT), ()),
        (
            "near_miss",
            (
                WELCOME,
                QUESTION.model_copy(update={"kind": "typed", "choices": []}),
                p.YourResult(
                    question=3,
                    answered=True,
                    correct=True,
                    points=950,
                    score=950,
                    rank=1,
                    accepted="Accepted 'Milibland' as David Miliband",
                ),
            ),
            (),
        ),
    ],
)
def test_student_screens_at_80x24(  # type: ignore[no-untyped-def]
    snap_compare, name: str, messages: tuple[p.ServerMessage, ...], keys: tuple[str, ...]
) -> None:
    stage = student_at(*messages, keys=keys)
    assert snap_compare(student_app(), terminal_size=SMALL, run_before=stage)


async def to_players_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("k")
    await pilot.pause()
    await pilot.press(*"b")
    await pilot.pause()


async def to_end_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_question(pilot)
    await pilot.press("e")
    await pilot.pause()


@pytest.mark.parametrize("stage", [to_players_dialog, to_end_dialog], ids=lambda f: f.__name__)
def test_host_dialogs_at_80x24(snap_compare, stage: Stage) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(host_app(), terminal_size=SMALL, run_before=stage)
