"""After the round: score, accuracy, time, best streak, high score, and a review of every answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from quiz.tui.text import literal_text

if TYPE_CHECKING:
    from quiz.game.result import RoundResult
    from quiz.game.views import Feedback
    from quiz.tui.app import QuizApp


LEAD_IN = "according to the article, "


def short_prompt(prompt: str) -> str:
    """The prompt without the lead-in most bank questions share, so the table shows more."""
    if prompt.casefold().startswith(LEAD_IN) and len(prompt) > len(LEAD_IN):
        rest = prompt[len(LEAD_IN) :]
        return rest[0].upper() + rest[1:]
    return prompt


def summary_line(result: RoundResult) -> str:
    """'Score 3,250 · 4/5 right (80%) · 42 s · best streak 3'."""
    right, asked = result.correct_count, len(result.answers)
    return (
        f"Score {result.score:,} · {right}/{asked} right ({result.accuracy:.0%}) · "
        f"{result.duration:.0f} s · best streak {result.best_streak}"
    )


class SummaryScreen(Screen[None]):
    """The end of a round."""

    CSS_PATH = "summary.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "replay_missed", "Play the missed ones again"),
        Binding("n", "new_round", "New round"),
        Binding("escape,m", "menu", "Menu", key_display="Esc"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(
        self, result: RoundResult, feedback: Sequence[Feedback], *, notes: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self.result = result
        self.feedback = [item for item in feedback if item.counted]
        self.notes = tuple(notes)

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)  # Textual types self.app as App[Any]

    @property
    def missed(self) -> list[str]:
        return [item.question.id for item in self.feedback if not item.correct]

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-head"):
            yield Static(Content("Round over"), id="title")
            yield Static(Content(summary_line(self.result)), id="totals")
            for note in self.notes:
                yield Static(Content(note), classes="note")
            if self.missed:
                hint = f"Press r to play the {len(self.missed)} missed again, n for a new round."
            else:
                hint = "No misses! Press n for a new round."
            hint += " Enter on a row shows that answer in full."
            yield Static(Content(hint), id="next-steps")
        yield DataTable(id="review", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Fit the three text columns to the screen: the question gets half the room.
        # Fixed columns, cell padding, the focus border and a scrollbar take the rest.
        room = max(30, self.app.size.width - 3 - 2 - 6 - 2 * 6 - 6)
        table.add_column("#", width=3)
        table.add_column("", width=2)
        table.add_column("Question", width=room // 2)
        table.add_column("Your answer", width=room // 4)
        table.add_column("Right answer", width=room - room // 2 - room // 4)
        table.add_column("Points", width=6)
        for item in self.feedback:
            given = item.given or ("(time ran out)" if item.timed_out else "")
            table.add_row(
                Text(str(item.number)),
                Text(item.mark),
                literal_text(short_prompt(item.question.prompt)),
                literal_text(given),
                literal_text(item.right_answer),
                Text(f"{item.points:,}", justify="right"),
            )
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from quiz.tui.screens.review import ReviewScreen

        event.stop()
        self.app.push_screen(ReviewScreen(self.feedback[event.cursor_row]))

    def action_replay_missed(self) -> None:
        if not self.missed:
            self.notify("Nothing was missed in this round.")
            return
        self.quiz.start_round(only=self.missed)

    def action_new_round(self) -> None:
        self.quiz.start_round()

    def action_menu(self) -> None:
        self.quiz.leave_round()
