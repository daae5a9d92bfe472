"""The Scores screen: top 10 per pack and mode, progress chart, weakest topics, most missed.

Imported only when the player opens it, so plotext costs nothing at start-up. Question
prompts and tags come from packs and save files: they are shown as literal text cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from quiz.game.modes import mode_title
from quiz.tui.text import literal_text, styled

if TYPE_CHECKING:
    from quiz.store.stats import ScoresData


def table(*columns: str) -> DataTable:
    grid: DataTable = DataTable(cursor_type="row", zebra_stripes=True)
    grid.add_columns(*columns)
    return grid


class ScoresScreen(Screen[None]):
    """Shows `data` for the current pack; `prompts` maps question ids to their prompts."""

    CSS_PATH = "scores.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", key_display="Esc"),
        Binding("left", "tab(-1)", "Tab", show=False),
        Binding("right", "tab(1)", "Tab", show=False),
    ]

    def __init__(
        self, data: ScoresData | None, *, pack_title: str, prompts: Mapping[str, str]
    ) -> None:
        super().__init__()
        self.data = data
        self.pack_title = pack_title
        self.prompts = prompts

    def compose(self) -> ComposeResult:
        yield Header()
        data = self.data
        who = data.player if data else ""
        rounds = data.rounds if data else 0
        yield Static(
            styled(
                "[b]$who[/b] · $pack · $rounds played",
                who=who or "(nobody)",
                pack=self.pack_title,
                rounds=f"{rounds} round" + ("" if rounds == 1 else "s"),
            ),
            id="scores-title",
        )
        with TabbedContent(id="scores-tabs"):
            with TabPane("High scores", id="tab-high"):
                yield table("Mode", "#", "Score", "Right", "Date")
            with TabPane("Progress", id="tab-progress"):
                yield PlotextPlot(id="chart")
            with TabPane("Weakest topics", id="tab-topics"):
                yield table("Topic", "Asked", "Right", "Accuracy")
            with TabPane("Most missed", id="tab-missed"):
                yield table("Question", "Missed", "Asked")
        yield Footer()

    def on_mount(self) -> None:
        data = self.data
        high, topics, missed = self.query(DataTable).results(DataTable)
        if data is None or not data.rounds:
            self.query_one("#scores-title", Static).update(
                Content("No rounds recorded yet: play one, then come back.")
            )
        if data is not None:
            for row in data.high_scores:
                high.add_row(
                    Text(mode_title(row.mode)),
                    Text(str(row.rank), justify="right"),
                    Text(f"{row.score:,}", justify="right"),
                    Text(f"{row.accuracy:.0%}", justify="right"),
                    Text(row.date.strftime("%Y-%m-%d")),
                )
            for topic in data.weakest_topics:
                topics.add_row(
                    literal_text(topic.tag),
                    Text(str(topic.asked), justify="right"),
                    Text(str(topic.correct), justify="right"),
                    Text(f"{topic.accuracy:.0%}", justify="right"),
                )
            for item in data.most_missed:
                missed.add_row(
                    literal_text(self.prompts.get(item.question_id, item.question_id)),
                    Text(str(item.missed), justify="right"),
                    Text(str(item.asked), justify="right"),
                )
        self.draw_chart()
        high.focus()

    def draw_chart(self) -> None:
        """Mean score per day (left axis, '*') and accuracy % (right axis, '+')."""
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        points = self.data.progress if self.data else []
        plt.title("Score and accuracy by day")
        if not points:
            return
        xs = [float(n) for n in range(1, len(points) + 1)]
        plt.plot(xs, [p.mean_score for p in points], marker="*", label="mean score (*)")
        plt.plot(
            xs,
            [round(p.accuracy * 100) for p in points],
            marker="+",
            label="accuracy % (+)",
            yside="right",
        )
        step = max(1, len(points) // 6)
        plt.xticks(xs[::step], [p.day.strftime("%d %b") for p in points][::step])
        plot.refresh()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        order = ["tab-high", "tab-progress", "tab-topics", "tab-missed"]
        position = order.index(tabs.active) if tabs.active in order else 0
        tabs.active = order[(position + step) % len(order)]
