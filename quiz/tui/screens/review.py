"""One answer of a finished round, in full: opened from the summary's review table."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from quiz.tui.widgets.feedback_view import FeedbackView
from quiz.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from quiz.game.views import Feedback


class ReviewScreen(ModalScreen[None]):
    """The feedback for one answer, as it was shown during the round."""

    DEFAULT_CSS = """
    ReviewScreen {
        align: center middle;
    }

    #review {
        width: 100%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", key_display="Esc"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]

    def __init__(self, feedback: Feedback) -> None:
        super().__init__()
        self.feedback = feedback

    def compose(self) -> ComposeResult:
        # The view does not scroll by itself (on the question screen its screen scrolls).
        with VerticalScroll(id="review"):
            yield FeedbackView()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(FeedbackView).show(self.feedback)
        scroll = self.query_one("#review", VerticalScroll)
        scroll.border_title = f"Question {self.feedback.number}"
        scroll.focus()

    def action_close(self) -> None:
        self.dismiss(None)
