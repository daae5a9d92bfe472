"""What start-up does (bench/tui_start.py times it): `quiz play` opens on its first question
with nothing mounted under it, the footer is built once per screen, and the feedback view,
mounted after the question is painted, still shows an answer that comes first."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import Footer, Static
from tui_kit import (
    SINGLE,
    TYPED,
    answer_right,
    asking,
    make_app,
    screen_lines,
    showing_feedback,
    wait_until,
)

from quiz.tui.screens.question import QuestionScreen
from quiz.tui.widgets.feedback_view import FeedbackView


async def test_a_round_started_directly_opens_on_its_first_question() -> None:
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # No blank screen under the question: the first question is the first screen.
        assert [type(screen) for screen in app.screen_stack] == [QuestionScreen]
        # Its own styles apply (Textual loads no CSS_PATH for a first screen).
        head = next(line for line in screen_lines(app) if "Question 1 of 2" in line)
        assert head.rstrip().endswith("20 s")
        await answer_right(pilot, app)
        await wait_until(pilot, lambda: showing_feedback(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: asking(app) and "Question 2" in "".join(screen_lines(app)))
        assert len(app.screen_stack) == 1  # the second question replaced the first
        await pilot.press("escape", "y")  # leave the round: the menu replaces it
        await wait_until(pilot, lambda: type(app.screen).__name__ == "MenuScreen")
        assert len(app.screen_stack) == 1


async def test_the_footer_is_built_once_as_a_question_opens(monkeypatch: Any) -> None:
    builds: list[str] = []
    recompose = Widget.recompose

    async def counted(self: Widget) -> None:
        if isinstance(self, Footer):
            builds.append(type(self.screen).__name__)
        await recompose(self)

    monkeypatch.setattr(Widget, "recompose", counted)
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Answer" in screen_lines(app)[-1])
        for _ in range(5):
            await pilot.pause()
        # Textual's Footer rebuilds after each bindings signal: the first focus, then the
        # screen stack; the same keys twice.
        assert builds == ["QuestionScreen"]
        await answer_right(pilot, app)
        # New keys (Next) do rebuild it.
        await wait_until(pilot, lambda: "Next" in screen_lines(app)[-1])
        assert len(builds) == 2


async def test_feedback_that_comes_before_its_view_is_mounted_still_shows() -> None:
    app = make_app(SINGLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await answer_right(pilot, app)
        feedback = screen.feedback
        assert feedback is not None
        late = FeedbackView(id="late")
        await_mount = screen.query_one("#column").mount(late)
        assert not late.children  # not composed yet
        late.show(feedback, in_place=True)
        await await_mount
        await wait_until(pilot, lambda: late.display)
        verdict = late.query_one("#fb-verdict", Static)
        assert "Correct" in str(verdict.render())
