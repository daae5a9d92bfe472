"""After the round: score, accuracy, time, best streak, high score, a celebration for a record
or a perfect round, the daily challenge's shareable line, and a review of every answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.tui.text import literal, literal_text
from quiz.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from quiz.game.result import RoundResult
    from quiz.game.views import Feedback
    from quiz.tui.app import QuizApp
    from quiz.tui.player_saves import Recorded


LEAD_IN = "according to the article, "
# The review table: '#', the mark and Points are this wide; every column has a cell's
# padding on each side, and a scrollbar may take the right edge.
NUMBER_WIDTH, MARK_WIDTH, POINTS_WIDTH = 3, 2, 6
COLUMNS, CELL_PADDING, SCROLLBAR = 6, 2, 2
MIN_TEXT_ROOM = 24
FLASHES = 6
FLASH_SECONDS = 0.15


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


def text_widths(room: int, wanted: Sequence[int]) -> list[int]:
    """Widths for the question, your answer and the right answer in `room` cells: each gets
    what it needs up to its share (a half, a quarter, a quarter), then what is left goes to
    those that need more, the question first."""
    shares = [room // 2, room // 4, room - room // 2 - room // 4]
    widths = [min(need, share) for need, share in zip(wanted, shares, strict=True)]
    spare = room - sum(widths)
    for index, need in enumerate(wanted):
        extra = min(spare, need - widths[index])
        widths[index] += extra
        spare -= extra
    return widths


class SummaryScreen(Screen[None]):
    """The end of a round. The notes of recording it arrive later (`show_recorded`)."""

    DEFAULT_CSS = """
    #summary-head {
        height: auto;
        padding: 0 2;
    }

    #title {
        text-style: bold;
        padding-top: 1;
    }

    #celebration {
        width: 100%;
        content-align: center middle;
        text-style: bold;
        color: $success;
        border: heavy $success;
    }

    #celebration.-flash {
        text-style: bold reverse;
    }

    #notes {
        height: auto;
    }

    .note {
        text-style: bold;
        color: $success;
    }

    #next-steps {
        color: $text-muted;
        padding-bottom: 1;
    }

    #answers {
        height: 1fr;
    }

    #share {
        height: auto;
        padding: 0 2;
        text-style: bold;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "replay_missed", "Practise missed"),
        Binding("n", "new_round", "New round"),
        Binding("escape,m", "menu", "Menu", key_display="Esc"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(
        self,
        result: RoundResult,
        feedback: Sequence[Feedback],
        *,
        notes: Sequence[str] = (),
        share: str = "",
    ) -> None:
        super().__init__()
        self.result = result
        self.feedback = [item for item in feedback if item.counted]
        self.notes = tuple(notes)
        self.share = share
        self.celebrated = ""

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)  # Textual types self.app as App[Any]

    @property
    def missed(self) -> list[str]:
        return [item.question.id for item in self.feedback if not item.correct]

    @property
    def perfect(self) -> bool:
        return bool(self.feedback) and all(item.correct for item in self.feedback)

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-head"):
            title = "Practice over" if self.result.mode == "practice" else "Round over"
            yield Static(Content(title), id="title")
            yield Static(Content(summary_line(self.result)), id="totals")
            yield Static(id="celebration")
            with Vertical(id="notes"):
                for note in self.notes:
                    yield Static(literal(note), classes="note")
            if self.missed:
                hint = (
                    f"Press r to play the {len(self.missed)} missed again as practice "
                    "(no clock, not ranked), n for a new round."
                )
            else:
                hint = "No misses! Press n for a new round."
            hint += " Enter on a row shows that answer in full."
            yield Static(Content(hint), id="next-steps")
        yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        if self.share:
            yield Static(Content(self.share), id="share")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#celebration").display = False
        self.layout_review()
        self.query_one(DataTable).focus()
        if self.perfect:
            self.celebrate("Perfect round!")

    def on_resize(self, _event: events.Resize) -> None:
        self.layout_review()

    def layout_review(self) -> None:
        """Fill the review table, its three text columns sharing the width the screen has
        now (called again on every resize)."""
        table = self.query_one(DataTable)
        rows = [
            (
                str(item.number),
                item.mark,
                short_prompt(item.question.prompt),
                item.given or ("(time ran out)" if item.timed_out else ""),
                item.right_answer,
                f"{item.points:,}",
            )
            for item in self.feedback
        ]
        fixed = NUMBER_WIDTH + MARK_WIDTH + POINTS_WIDTH + COLUMNS * CELL_PADDING + SCROLLBAR
        room = max(MIN_TEXT_ROOM, self.app.size.width - fixed)
        headers = ("Question", "Your answer", "Right answer")
        wanted = [
            max([len(header), *(len(row[2 + index]) for row in rows)])
            for index, header in enumerate(headers)
        ]
        question, given, right = text_widths(room, wanted)
        cursor = table.cursor_row
        table.clear(columns=True)
        table.add_column("#", width=NUMBER_WIDTH)
        table.add_column("", width=MARK_WIDTH)
        table.add_column(headers[0], width=question)
        table.add_column(headers[1], width=given)
        table.add_column(headers[2], width=right)
        table.add_column("Points", width=POINTS_WIDTH)
        for number, mark, prompt, answer, right_answer, points in rows:
            table.add_row(
                Text(number),
                Text(mark),
                literal_text(prompt),
                literal_text(answer),
                literal_text(right_answer),
                Text(points, justify="right"),
            )
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

    def show_recorded(self, recorded: Recorded) -> None:
        """Add what recording the round said; a new high score is celebrated."""
        notes = self.query_one("#notes", Vertical)
        notes.mount_all(Static(literal(note), classes="note") for note in recorded.notes)
        if recorded.new_high_score:
            self.celebrate("New high score!")

    def celebrate(self, words: str) -> None:
        """A short celebration: `words` in a banner that fades in and flashes a few times in
        reverse video (so it shows without colour too); a second reason joins the first."""
        self.celebrated = f"{self.celebrated} · {words}" if self.celebrated else words
        banner = self.query_one("#celebration", Static)
        banner.update(Content(f"★ {self.celebrated} ★"))
        if banner.display:
            return
        banner.display = True
        if self.app.animation_level == "none":
            return
        banner.styles.opacity = 0.0
        banner.styles.animate("opacity", value=1.0, duration=0.5, easing="out_cubic")
        flashes = iter(range(FLASHES))

        def flash() -> None:
            step = next(flashes, None)
            banner.set_class(step is not None and step % 2 == 0, "-flash")

        self.set_interval(FLASH_SECONDS, flash, repeat=FLASHES + 1)

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
