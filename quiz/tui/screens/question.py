"""The question screen: status line, prompt, the answer panel for the question's type, and
then the feedback on the answer, shown in place.

The screen only shows and collects; the app owns the round. A timer calls `tick` ten times
a second, and `tick` reads the app's injected clock, so tests drive time by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from quiz.tui.text import literal
from quiz.tui.widgets.answered import Answered
from quiz.tui.widgets.choices import ChoicePanel
from quiz.tui.widgets.feedback_view import FeedbackView
from quiz.tui.widgets.status import RoundStatus

if TYPE_CHECKING:
    from quiz.game.views import Feedback, QuestionView
    from quiz.tui.app import QuizApp

TICK_SECONDS = 0.1


def answer_panel(view: QuestionView) -> Widget:
    """The widget that collects an answer to `view`'s question type."""
    kind = view.type
    if kind in ("single", "true_false", "multiple"):
        return ChoicePanel(view.choices, multiple=kind == "multiple")
    if kind in ("typed", "numeric"):
        # Panels other than choices are imported when first needed: start-up stays quick.
        from quiz.tui.widgets.text_answer import TextAnswer

        return TextAnswer(numeric=kind == "numeric", unit=view.question.unit)
    if kind == "ordering":
        from quiz.tui.widgets.ordering import OrderingPanel

        return OrderingPanel(view.items)
    if kind == "matching":
        from quiz.tui.widgets.matching import MatchingPanel

        return MatchingPanel(view.lefts, view.rights)
    raise ValueError(f"no panel for question type {kind!r}")


class QuestionScreen(Screen[None]):
    """Asks one question; hands the answer to the app."""

    CSS_PATH = "question.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "fifty_fifty", "50:50"),
        Binding("enter,space,n", "next", "Next", key_display="Enter"),
        Binding("escape", "abandon", "Leave round"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]

    def __init__(self, view: QuestionView) -> None:
        super().__init__()
        self.view = view
        self.feedback: Feedback | None = None

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)  # Textual types self.app as App[Any]

    def compose(self) -> ComposeResult:
        yield RoundStatus()
        with VerticalScroll(id="question-body", can_focus=False):
            yield Static(literal(self.view.prompt), id="prompt")
            yield answer_panel(self.view)
        yield FeedbackView(id="feedback")
        yield Footer()

    @property
    def panel(self) -> Widget:
        return self.query_one("#question-body").children[1]

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        """50:50 only where the lifeline can be used; Next only once the feedback shows."""
        if action == "fifty_fifty":
            round_ = self.quiz.round
            return self.feedback is None and bool(round_ and round_.fifty_fifty_available)
        if action == "next":
            return self.feedback is not None
        return True

    def focus_panel(self) -> None:
        """Give the keys back to the answer panel (a stray click must not strand them)."""
        # A text answer focuses its input box; every other panel takes the keys itself.
        focus_input = getattr(self.panel, "focus_input", None)
        if focus_input is not None:
            focus_input()
        else:
            self.panel.focus()

    def on_click(self) -> None:
        if self.focused is None and self.feedback is None:
            self.focus_panel()

    def on_mount(self) -> None:
        self.refresh_status()
        self.focus_panel()
        if self.view.time_limit is not None:
            self.set_interval(TICK_SECONDS, self.tick)

    def refresh_status(self) -> None:
        round_ = self.quiz.round
        if round_ is None:
            return
        lifeline = None
        if self.view.type in ("single", "multiple") and self.feedback is None:
            lifeline = not round_.fifty_fifty_used
        self.query_one(RoundStatus).show(
            number=self.view.number,
            total=self.view.total,
            score=round_.score,
            streak=round_.streak,
            lifeline=lifeline,
            remaining=round_.time_left(),
            limit=self.view.time_limit,
        )

    def tick(self) -> None:
        """Redraw the countdown from the injected clock; on time-out, show the feedback."""
        round_ = self.quiz.round
        if round_ is None:
            return
        status = self.query_one(RoundStatus)
        if self.feedback is None or round_.round_seconds is not None:
            status.show_clock(round_.time_left(), self.view.time_limit)
        if self.feedback is None:
            self.quiz.tick()

    def show_feedback(self, feedback: Feedback) -> None:
        """Replace the question with the verdict on `feedback`, in place."""
        self.feedback = feedback
        self.query_one("#question-body").display = False
        view = self.query_one(FeedbackView)
        view.show(feedback)
        view.focus()
        self.refresh_status()
        if self.quiz.round is not None and self.quiz.round.round_seconds is None:
            # Between questions no clock runs (only blitz's round clock keeps going).
            self.query_one(RoundStatus).hide_clock()
        self.refresh_bindings()

    def action_next(self) -> None:
        self.quiz.next_question()

    def on_answered(self, message: Answered) -> None:
        message.stop()
        if not self.quiz.submit_answer(message.value):
            # The round refused the answer's shape: let the player try again.
            self.panel.locked = False  # type: ignore[attr-defined]  # every answer panel has it

    def action_fifty_fifty(self) -> None:
        round_ = self.quiz.round
        if round_ is None or not round_.fifty_fifty_available:
            self.notify("The 50:50 lifeline is not available for this question.")
            return
        view = round_.use_fifty_fifty()
        panel = self.panel
        if isinstance(panel, ChoicePanel):
            panel.remove_choices([panel.choices.index(c) for c in view.removed])
        self.refresh_status()
        self.refresh_bindings()

    def action_abandon(self) -> None:
        self.quiz.abandon_round()
