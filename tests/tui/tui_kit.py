"""A small pack of every question type, a fake clock, and an app built for tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from fakes import FakeClock
from textual.pilot import Pilot

from quiz.packs.playable import PlayablePack
from quiz.packs.question import Question
from quiz.tui.app import QuizApp

HOSTILE = "[@click=app.quit]x[/] [/] [link=http://x]y \x1b[31mred\x1b[0m \x9bz \x00nul \u202eevil"
# What the hostile text looks like once control characters are stripped.
HOSTILE_SHOWN = "[@click=app.quit]x[/] [/] [link=http://x]y red z nul evil"

SINGLE = Question(
    id="q-single",
    type="single",
    prompt="Who does the article call 'the ultimate vacant man'?",
    choices=("David Miliband", "Ed Balls", "Andy Burnham", "Ed Miliband"),
    answers=("David Miliband",),
    explanation="The author's verdict on the front-runner.",
    quote="the ultimate vacant man",
    attribution="The article, May 2010",
    tags=("candidates",),
)
MULTIPLE = Question(
    id="q-multiple",
    type="multiple",
    prompt="Which of these declined to run?",
    choices=("Jon Cruddas", "Alan Johnson", "Ed Balls", "Andy Burnham"),
    answers=("Jon Cruddas", "Alan Johnson"),
    explanation="Both said no.",
    tags=("declined",),
)
TRUE_FALSE = Question(
    id="q-tf",
    type="true_false",
    prompt="Unite backs Ed Miliband, according to the article.",
    choices=("True", "False"),
    answers=("True",),
    tags=("unions",),
)
TYPED = Question(
    id="q-typed",
    type="typed",
    prompt="Which Miliband is the elder brother?",
    answers=("David Miliband", "David"),
    tags=("candidates",),
)
ORDERING = Question(
    id="q-ordering",
    type="ordering",
    prompt="Put these events in order.",
    items=("Election", "Coalition formed", "Brown resigns"),
    tags=("events",),
)
MATCHING = Question(
    id="q-matching",
    type="matching",
    prompt="Match each backer with the candidate.",
    pairs=(("Mandelson", "David Miliband"), ("Whelan", "Ed Miliband")),
    tags=("backers",),
)
NUMERIC = Question(
    id="q-numeric",
    type="numeric",
    prompt="How many Labour MPs were there?",
    value=258,
    tolerance=0,
    unit="MPs",
    tags=("numbers",),
)
ALL_TYPES = (SINGLE, MULTIPLE, TRUE_FALSE, TYPED, ORDERING, MATCHING, NUMERIC)

# The right answer to each fixture question, as the panels give it.
RIGHT = {
    "q-single": "David Miliband",
    "q-multiple": ("Jon Cruddas", "Alan Johnson"),
    "q-tf": "True",
    "q-typed": "David Miliband",
    "q-ordering": ("Election", "Coalition formed", "Brown resigns"),
    "q-matching": (("Mandelson", "David Miliband"), ("Whelan", "Ed Miliband")),
    "q-numeric": "258",
}


def make_pack(*questions: Question, title: str = "Test pack") -> PlayablePack:
    return PlayablePack(
        ref="test-pack",
        id="test-pack",
        title=title,
        version="1.0.0",
        questions=tuple(questions or ALL_TYPES),
    )


class TestApp(QuizApp):
    """The real app with the cursor blink frozen, a fixed date and a fake clock."""

    cursor_blink = False


def make_app(
    *questions: Question,
    clock: FakeClock | None = None,
    mode: str = "classic",
    seed: int = 7,
    menu: bool = False,
    player: str | None = "Ada",
    count: int | None = None,
    saves: str | None = None,
    pack: PlayablePack | None = None,
    **options: Any,
) -> TestApp:
    return TestApp(
        pack or make_pack(*questions),
        mode=mode,
        seed=seed,
        count=count,
        menu=menu,
        player=player,
        saves=saves,
        clock=clock or FakeClock(),
        wall_clock=lambda: datetime(2026, 11, 26, 12, 0, tzinfo=UTC),
        day=date(2026, 11, 26),
        **options,
    )


async def saves_done(pilot: Pilot[int], app: QuizApp) -> None:
    """Wait until the saves thread has done everything asked of it (a round recorded, the
    player opened) and the app has handled what it reported."""
    await asyncio.to_thread(app.saves.wait_idle)
    await pilot.pause()


def screen_lines(app: QuizApp) -> list[str]:
    """The characters on the terminal, one string per line (what a player sees)."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def screen_text(app: QuizApp) -> str:
    return "\n".join(screen_lines(app))


def let_keys_through(app: QuizApp) -> None:
    """Move the fake clock past the 0.3 s in which a new question takes no answer keys (a
    player can't answer faster; time that short never changes the points)."""
    from quiz.tui.screens.question import QuestionScreen

    screen = app.screen
    guard = getattr(screen, "guard", None)
    if isinstance(screen, QuestionScreen) and guard is not None and guard.blocks("1"):
        assert isinstance(app.clock, FakeClock)
        app.clock.advance(0.3)


async def answer_right(pilot: Pilot[int], app: QuizApp) -> None:
    """Answer the question on screen correctly, with keys only."""
    from quiz.tui.screens.question import QuestionScreen
    from quiz.tui.widgets.choices import ChoicePanel
    from quiz.tui.widgets.matching import MatchingPanel
    from quiz.tui.widgets.ordering import OrderingPanel

    screen = app.screen
    assert isinstance(screen, QuestionScreen), type(screen)
    let_keys_through(app)
    question = screen.view.question
    panel = screen.panel
    if question.type in ("single", "true_false"):
        assert isinstance(panel, ChoicePanel)
        await pilot.press(str(panel.choices.index(question.answers[0]) + 1))
    elif question.type == "multiple":
        assert isinstance(panel, ChoicePanel)
        for answer in question.answers:
            await pilot.press("abcdefgh"[panel.choices.index(answer)])
        await pilot.press("enter")
    elif question.type in ("typed", "numeric"):
        right = RIGHT[question.id] if question.id in RIGHT else question.answers[0]
        await pilot.press(*right, "enter")
    elif question.type == "ordering":
        assert isinstance(panel, OrderingPanel)
        if panel.cursor is None:
            await pilot.press("down")  # nothing is highlighted at first
        for target, item in enumerate(question.items):
            while panel.cursor != panel.items.index(item):
                await pilot.press("down" if panel.cursor < panel.items.index(item) else "up")
            while panel.cursor > target:
                await pilot.press("minus")
        await pilot.press("enter")
    elif question.type == "matching":
        assert isinstance(panel, MatchingPanel)
        for left, right in question.pairs:
            await pilot.press(str(panel.lefts.index(left) + 1))
            await pilot.press("abcdefghijkl"[panel.rights.index(right)])
        await pilot.press("enter")
    await pilot.pause()


async def wait_until(pilot: Pilot[int], condition: Callable[[], bool], tries: int = 50) -> None:
    """Let the app run until `condition()` holds (a redraw may take a few rounds)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition()


def asking(app: QuizApp) -> bool:
    """A question is on screen, waiting for an answer."""
    from quiz.tui.screens.question import QuestionScreen

    return isinstance(app.screen, QuestionScreen) and app.screen.feedback is None


def showing_feedback(app: QuizApp) -> bool:
    """The verdict on an answer is on screen."""
    from quiz.tui.screens.question import QuestionScreen

    return isinstance(app.screen, QuestionScreen) and app.screen.feedback is not None
