"""The question screen: status line, the question with its clock, the answer panel for the
question's type, and then the feedback on the answer, shown in place under the marked answer.

The screen only shows and collects; the app owns the round. A timer calls `tick` ten times
a second, and `tick` reads the app's injected clock, so tests drive time by hand. Keys
that arrive within 0.3 s of the question appearing are not taken as answers
(`quiz.tui.input_guard`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.tui.input_guard import InputGuard
from quiz.tui.text import literal
from quiz.tui.widgets.answered import Answered, AnswerPanel
from quiz.tui.widgets.choices import ChoicePanel
from quiz.tui.widgets.feedback_view import FeedbackView
from quiz.tui.widgets.key_footer import KeyFooter
from quiz.tui.widgets.status import Countdown, RoundStatus, lifeline_text, round_label

if TYPE_CHECKING:
    from quiz.game.views import Feedback, QuestionView
    from quiz.tui.app import QuizApp

TICK_SECONDS = 0.1


def answer_panel(view: QuestionView) -> AnswerPanel:
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


def question_heading(view: QuestionView) -> str:
    """'Question 3 of 10', or 'Question 3' in blitz (as many as fit in the time)."""
    of = f" of {view.total}" if view.total else ""
    return f"Question {view.number}{of}"


class QuestionScreen(Screen[None]):
    """Asks one question; hands the answer to the app."""

    DEFAULT_CSS = """
    QuestionScreen {
        layout: vertical;
    }

    /* Scrolls as one: on a short terminal the feedback scrolls into view under the choices. */
    #question-body {
        height: 1fr;
        align-horizontal: center;
    }

    /* On a wide terminal the question keeps a readable width, centred. */
    #column {
        width: 100%;
        max-width: 100;
        height: auto;
        padding: 0 1;
    }

    #question-head {
        height: 1;
        margin-top: 1;
    }

    #question-number {
        width: auto;
        padding: 0 1;
        color: $text-muted;
    }

    #prompt {
        padding: 1 1;
        text-style: bold;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # No choice uses 0 or %, whatever the number of choices.
        Binding("0,percent_sign", "fifty_fifty", "50:50", show=False, key_display="0"),
        Binding("enter,space,n", "next", "Next", key_display="⏎"),
        Binding("enter,space,n", "finish", "Results", key_display="⏎"),
        # After the last answer Esc shows the results too (the round is over: it is kept).
        Binding("escape", "finish", "Results", show=False),
        Binding("escape", "leave", "Leave"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        # A text box takes '?' as text: the footer then offers F1 instead.
        Binding("f1", "help", "Help", key_display="F1"),
    ]

    def __init__(self, view: QuestionView) -> None:
        super().__init__()
        self.view = view
        self.feedback: Feedback | None = None
        self.guard: InputGuard | None = None

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)  # Textual types self.app as App[Any]

    def compose(self) -> ComposeResult:
        yield RoundStatus()
        with VerticalScroll(id="question-body", can_focus=False), Vertical(id="column"):
            with Horizontal(id="question-head"):
                yield Static(Content(question_heading(self.view)), id="question-number")
                yield Countdown()
            yield Static(literal(self.view.prompt), id="prompt")
            yield answer_panel(self.view)
            # The feedback view joins once the question is painted (`feedback_view`).
        yield KeyFooter()

    @property
    def panel(self) -> AnswerPanel:
        return self.query_one(AnswerPanel)

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        """50:50 while asking (it says why when it can't be used); Next or Results once the
        feedback shows (Results after the last question)."""
        if action == "fifty_fifty":
            return self.feedback is None
        if action == "next":
            return self.feedback is not None and not self.feedback.ends_round
        if action == "finish":
            return self.feedback is not None and self.feedback.ends_round
        if action == "leave":
            return self.feedback is None or not self.feedback.ends_round
        if action == "help":
            return self.feedback is None and self.view.type in ("typed", "numeric")
        return True

    def on_key(self, event: events.Key) -> None:
        # Bindings run only once the key has bubbled up to the app: stopping it here keeps
        # a key that came too soon from answering the question.
        if self.feedback is None and self.guard is not None and self.guard.blocks(event.key):
            event.stop()
            event.prevent_default()

    def on_click(self) -> None:
        if self.focused is None and self.feedback is None:
            self.panel.take_keys()

    def on_mount(self) -> None:
        self.guard = InputGuard(self.quiz.clock)
        self.guard.start()
        self.refresh_status()
        self.panel.take_keys()
        if self.view.time_limit is not None:
            self.set_interval(TICK_SECONDS, self.tick)
        self.call_after_refresh(self.feedback_view)

    def feedback_view(self) -> FeedbackView:
        """The view under the answer panel that shows the feedback. It is mounted after the
        question's first paint, which it would only delay while it is hidden; an answer that
        comes sooner mounts it then."""
        views = self.query(FeedbackView)
        if views:
            return views.first()
        view = FeedbackView(id="feedback")
        self.query_one("#column").mount(view)
        return view

    def refresh_status(self) -> None:
        round_ = self.quiz.round
        if round_ is None:
            return
        lifeline = lifeline_text(
            used=round_.fifty_fifty_used,
            offered=round_.fifty_fifty_available,
            answering=self.feedback is None,
        )
        parts = [f"Score {round_.score:,}", f"Streak {round_.streak}", lifeline]
        label = round_label(round_.config.mode, seed=round_.seed, day=round_.day)
        self.query_one(RoundStatus).show(parts, label)
        countdown = self.query_one(Countdown)
        if self.feedback is None or round_.round_seconds is not None:
            countdown.show(round_.time_left(), self.view.time_limit)
        else:
            countdown.clear()  # between questions no clock runs (only blitz's round clock)

    def tick(self) -> None:
        """Redraw the countdown from the injected clock; on time-out, show the feedback."""
        round_ = self.quiz.round
        if round_ is None:
            return
        if self.feedback is None or round_.round_seconds is not None:
            self.query_one(Countdown).show(round_.time_left(), self.view.time_limit)
        if self.feedback is None:
            self.quiz.tick()

    def show_feedback(self, feedback: Feedback) -> None:
        """Mark the answer in place and show the verdict under it."""
        self.feedback = feedback
        self.panel.reveal(feedback)
        view = self.feedback_view()
        view.show(feedback, in_place=True)
        body = self.query_one("#question-body", VerticalScroll)
        body.can_focus = True
        body.focus()  # off the panel: Enter now means Next
        self.call_after_refresh(view.scroll_visible, animate=False)
        self.refresh_status()
        self.refresh_bindings()
        if feedback.credit == 0 and self.quiz.bell_on_miss:
            self.app.bell()

    def action_help(self) -> None:
        self.quiz.action_help()

    def action_next(self) -> None:
        self.quiz.next_question()

    def action_finish(self) -> None:
        self.quiz.next_question()  # there is none: the round ends and is recorded

    def on_answered(self, message: Answered) -> None:
        message.stop()
        if not self.quiz.submit_answer(message.value):
            # The round refused the answer's shape: let the player try again.
            self.panel.locked = False

    def action_fifty_fifty(self) -> None:
        round_ = self.quiz.round
        if round_ is None:
            return
        reason = round_.fifty_fifty_refusal
        if reason is not None:
            self.notify(reason, title="50:50")
            return
        view = round_.use_fifty_fifty()
        panel = self.panel
        if isinstance(panel, ChoicePanel):
            panel.remove_choices([panel.choices.index(c) for c in view.removed])
        self.refresh_status()

    def action_leave(self) -> None:
        """Esc before the last answer: ask, since leaving means the round is not recorded."""
        from quiz.tui.screens.leave_round import LeaveRoundScreen

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.quiz.abandon_round()

        self.app.push_screen(LeaveRoundScreen(), leave)
