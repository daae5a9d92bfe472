"""After each answer: ✓/✗ with the verdict in words, the points in parts, why, and the evidence.

On the question screen the view sits under the answer panel, which keeps the choices on
screen and marks them (`AnswerPanel.reveal`), so the view leaves out the prompt and, for
answers marked in place, "Your answer" and "Right answer". The review screen shows it alone,
with every line. The view is composed once with the question and filled in when the answer
comes, so showing feedback only updates a few lines of text (keypress → feedback stays fast).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.tui.text import literal, styled

if TYPE_CHECKING:
    from quiz.game.views import Feedback

PARTS = ("verdict", "flair", "asked", "accepted", "given", "right", "explanation", "quote")
# Question types whose answer panel marks the right answer and the player's in place.
MARKED_IN_PLACE = ("single", "multiple", "true_false", "ordering", "matching")
FLAIR_FROM = 2  # the streak bonus starts with the second right answer in a row


def verdict_line(feedback: Feedback) -> Content:
    """'✓ Correct  +1,028 points (+828 speed +200 streak)': the mark and the word, so no
    colour is needed, and where the points came from when they came from more than speed."""
    mark = "⏱" if feedback.timed_out else feedback.mark
    verdict = feedback.verdict
    if 0 < feedback.credit < 1:
        verdict += f" ({feedback.credit:.0%})"
    if not feedback.points:
        return Content(f"{mark} {verdict}  no points")
    points = f"+{feedback.points:,} points"
    if feedback.streak_points or feedback.fifty_fifty:
        points += f" ({feedback.breakdown})"
    return Content(f"{mark} {verdict}  {points}")


def streak_flair(feedback: Feedback) -> str:
    """'Streak ×3!' after the third right answer in a row; '' when there is no streak."""
    return (
        f"Streak ×{feedback.streak}!" if feedback.correct and feedback.streak >= FLAIR_FROM else ""
    )


def feedback_parts(feedback: Feedback, *, in_place: bool = False) -> dict[str, Content | None]:
    """What each line of the view shows (None: the line is hidden). `in_place`: under the
    question and its marked answer panel, so the prompt and marked answers are not repeated."""
    fb = feedback
    marked = in_place and fb.question.type in MARKED_IN_PLACE
    given = fb.given or ("(no answer: time ran out)" if fb.timed_out else "")
    if in_place and fb.given:
        given = ""  # the answer panel still shows it
    quote = None
    if fb.quote_to_show:
        quote = styled("[i]“$quote”[/i]", quote=fb.quote_to_show)
        if fb.attribution:
            quote += styled("  — $who", who=fb.attribution)
    elif fb.quote and fb.attribution:
        quote = styled("— $who", who=fb.attribution)  # the explanation quoted it already
    flair = streak_flair(fb)
    return {
        "verdict": verdict_line(fb),
        "flair": Content(flair) if flair else None,
        "asked": None if in_place else literal(fb.question.prompt),
        "accepted": literal(fb.accepted) if fb.accepted else None,
        "given": None if marked or not given else styled("[b]Your answer:[/b] $given", given=given),
        "right": None if marked else styled("[b]Right answer:[/b] $right", right=fb.right_answer),
        "explanation": literal(fb.explanation) if fb.explanation else None,
        "quote": quote,
    }


class FeedbackView(Vertical):
    """The verdict on one answer; hidden until `show` is called."""

    DEFAULT_CSS = """
    FeedbackView { height: auto; padding: 0 1; display: none; }
    FeedbackView > Static { margin-top: 1; }
    FeedbackView > #fb-verdict { text-style: bold; }
    FeedbackView > #fb-flair { margin-top: 0; text-style: bold reverse; width: auto; padding: 0 1; }
    FeedbackView > #fb-verdict.-right { color: $success; }
    FeedbackView > #fb-verdict.-wrong { color: $error; }
    FeedbackView > #fb-verdict.-partial { color: $warning; }
    FeedbackView > #fb-asked, FeedbackView > #fb-explanation { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._waiting: tuple[Feedback, bool] | None = None

    def compose(self) -> ComposeResult:
        for part in PARTS:
            yield Static(id=f"fb-{part}")

    def on_mount(self) -> None:
        if self._waiting is not None:
            feedback, in_place = self._waiting
            self._waiting = None
            self.show(feedback, in_place=in_place)

    def show(self, feedback: Feedback, *, in_place: bool = False) -> None:
        """Fill in every line for `feedback` and make the view visible (once its lines are
        composed, if it was only just mounted)."""
        if not self.children:
            self._waiting = (feedback, in_place)
            return
        for part, content in feedback_parts(feedback, in_place=in_place).items():
            line = self.query_one(f"#fb-{part}", Static)
            line.display = content is not None
            if content is not None:
                line.update(content)
        kind = "right" if feedback.correct else ("partial" if feedback.credit > 0 else "wrong")
        # The colour goes on the verdict line alone: restyling one line is cheaper than all.
        self.query_one("#fb-verdict", Static).set_classes(f"-{kind}")
        self.display = True
        if streak_flair(feedback):
            self.celebrate()

    def celebrate(self) -> None:
        """Fade the streak flair in: the words carry the news, the motion makes it felt."""
        flair = self.query_one("#fb-flair", Static)
        flair.styles.opacity = 0.0
        flair.styles.animate("opacity", value=1.0, duration=0.6, easing="out_cubic")
