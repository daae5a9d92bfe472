"""After each answer: ✓/✗ with the verdict in words, the right answer, why, and the evidence.

The view is composed once with the question and filled in when the answer comes, so showing
feedback only updates a few lines of text: no new screen, no new widgets (keypress → feedback
stays fast).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.tui.text import literal, styled

if TYPE_CHECKING:
    from quiz.game.views import Feedback

PARTS = ("verdict", "asked", "accepted", "given", "right", "explanation", "quote", "continue")


def verdict_line(feedback: Feedback) -> Content:
    """'✓ Correct  +1,100 points': the mark and the word, so no colour is needed."""
    mark = "⏱" if feedback.timed_out else feedback.mark
    points = f"+{feedback.points:,} points" if feedback.points else "no points"
    extra = " (50:50 used: points halved)" if feedback.fifty_fifty else ""
    return Content(f"{mark} {feedback.verdict}  {points}{extra}")


def feedback_parts(feedback: Feedback) -> dict[str, Content | None]:
    """What each line of the view shows (None: the line is hidden)."""
    fb = feedback
    given = fb.given or ("(no answer: time ran out)" if fb.timed_out else "")
    quote = None
    if fb.quote:
        quote = styled("[i]“$quote”[/i]", quote=fb.quote)
        if fb.attribution:
            quote += styled("  — $who", who=fb.attribution)
    after = "See how you did" if fb.ends_round else "Next question"
    return {
        "verdict": verdict_line(fb),
        "asked": literal(fb.question.prompt),
        "accepted": literal(fb.accepted) if fb.accepted else None,
        "given": styled("[b]Your answer:[/b] $given", given=given) if given else None,
        "right": styled("[b]Right answer:[/b] $right", right=fb.right_answer),
        "explanation": literal(fb.explanation) if fb.explanation else None,
        "quote": quote,
        "continue": Content(f"Press Enter: {after}."),
    }


class FeedbackView(VerticalScroll):
    """The verdict on one answer; hidden until `show` is called."""

    DEFAULT_CSS = """
    FeedbackView { height: 1fr; padding: 1 2; display: none; }
    FeedbackView > Static { margin-bottom: 1; }
    FeedbackView > #fb-verdict { text-style: bold; }
    FeedbackView.-right > #fb-verdict { color: $success; }
    FeedbackView.-wrong > #fb-verdict { color: $error; }
    FeedbackView.-partial > #fb-verdict { color: $warning; }
    FeedbackView > #fb-asked, FeedbackView > #fb-explanation { color: $text-muted; }
    FeedbackView > #fb-continue { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        for part in PARTS:
            yield Static(id=f"fb-{part}")

    def show(self, feedback: Feedback) -> None:
        """Fill in every line for `feedback` and make the view visible."""
        for part, content in feedback_parts(feedback).items():
            line = self.query_one(f"#fb-{part}", Static)
            line.display = content is not None
            if content is not None:
                line.update(content)
        kind = "right" if feedback.correct else ("partial" if feedback.credit > 0 else "wrong")
        for name in ("right", "partial", "wrong"):
            self.set_class(name == kind, f"-{name}")
        self.display = True
