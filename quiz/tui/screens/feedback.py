"""After each answer: ✓/✗ with the verdict in words, the right answer, why, and the evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.tui.text import literal, styled
from quiz.tui.widgets.status import RoundStatus

if TYPE_CHECKING:
    from quiz.game.views import Feedback
    from quiz.tui.app import QuizApp


def verdict_line(feedback: Feedback) -> Content:
    """'✓ Correct  +1,100 points' — the mark and the word, so no colour is needed."""
    mark = "⏱" if feedback.timed_out else feedback.mark
    points = f"+{feedback.points:,} points" if feedback.points else "no points"
    extra = " (50:50 used: points halved)" if feedback.fifty_fifty else ""
    return Content(f"{mark} {feedback.verdict}  {points}{extra}")


class FeedbackScreen(Screen[None]):
    """Shows one answer's verdict; Enter moves on."""

    CSS_PATH = "feedback.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space,n", "next", "Next", key_display="Enter"),
        Binding("escape", "abandon", "Leave round"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]

    def __init__(self, feedback: Feedback) -> None:
        super().__init__()
        self.feedback = feedback

    @property
    def quiz(self) -> QuizApp:
        return self.app  # type: ignore[return-value]

    def compose(self):  # type: ignore[override]
        fb = self.feedback
        yield RoundStatus()
        with VerticalScroll(id="feedback-body"):
            kind = "right" if fb.correct else ("partial" if fb.credit > 0 else "wrong")
            yield Static(verdict_line(fb), id="verdict", classes=kind)
            yield Static(literal(fb.question.prompt), id="asked")
            if fb.accepted:
                yield Static(literal(fb.accepted), id="accepted")
            given = fb.given if fb.given else ("(no answer: time ran out)" if fb.timed_out else "")
            if given:
                yield Static(styled("[b]Your answer:[/b] $given", given=given), id="given")
            yield Static(styled("[b]Right answer:[/b] $right", right=fb.right_answer), id="right")
            if fb.explanation:
                yield Static(literal(fb.explanation), id="explanation")
            if fb.quote:
                quote = styled("[i]“$quote”[/i]", quote=fb.quote)
                if fb.attribution:
                    quote += styled("  — $who", who=fb.attribution)
                yield Static(quote, id="quote")
            after = "See how you did" if fb.ends_round else "Next question"
            yield Static(Content(f"Press Enter: {after}."), id="continue")
        yield Footer()

    def on_mount(self) -> None:
        round_ = self.quiz.round
        if round_ is None:
            return
        current = round_.current
        self.query_one(RoundStatus).show(
            number=self.feedback.number,
            total=current.total if current else None,
            score=round_.score,
            streak=round_.streak,
            lifeline=None,
            remaining=round_.time_left(),
            limit=round_.round_seconds,
        )
        if round_.round_seconds is None:
            # Between questions no clock runs (only blitz's round clock keeps going).
            self.query_one(RoundStatus).hide_clock()

    def action_next(self) -> None:
        self.quiz.next_question()

    def action_abandon(self) -> None:
        self.quiz.abandon_round()
