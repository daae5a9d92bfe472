"""The Scores screen: top 10 tables, a chart with one point per round, weakest topics and the
most missed questions, for one pack and one mode (or every mode) at a time.

Imported only when the player opens it, so plotext costs nothing at start-up. Question
prompts and tags come from packs and save files: they are shown as literal text cells.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from quiz.game.modes import MODES, mode_title
from quiz.tui.screens.summary import short_prompt
from quiz.tui.text import literal_text, styled
from quiz.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from quiz.packs.playable import PlayablePack
    from quiz.store.stats import ScorePoint, ScoresData
    from quiz.tui.app import QuizApp

TABS = ("tab-high", "tab-progress", "tab-topics", "tab-missed")
# The Most missed table: "Missed", "Asked", "Missed %", every column's cell padding and a
# scrollbar leave the rest of the width to the question.
MISSED_COUNTS_WIDTH = 6 + 5 + 8 + 4 * 2 + 2
MIN_QUESTION_WIDTH = 20
MARKERS = ("●", "◆", "▲", "■", "+")
X_TICKS = 6
Y_TICKS = 5


def topic_name(tag: str) -> str:
    """A tag as words: 'blair-brown' → 'Blair brown', 'snake_case' → 'Snake case'."""
    words = tag.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else tag


def nice_ticks(top: int, count: int = Y_TICKS) -> list[int]:
    """Round numbers from 0 to at least `top` (and past 0), about `count` of them: 0, 1000…"""
    top = max(top, 1)
    rough = top / (count - 1)
    magnitude = 10 ** (len(str(int(rough))) - 1)
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    step = max(1, int(step))
    last = -(-top // step) * step
    return list(range(0, last + 1, step))


def tick_labels(moments: list[datetime]) -> list[str]:
    """'01 Dec' under each tick; the time instead ('14:05') where the tick before it is on
    the same day, so that no two labels read the same."""
    labels = []
    for index, moment in enumerate(moments):
        same_day = index > 0 and moments[index - 1].date() == moment.date()
        labels.append(moment.strftime("%H:%M" if same_day else "%d %b"))
    return labels


def table() -> DataTable:
    return DataTable(cursor_type="row", zebra_stripes=True)


class ScoresScreen(Screen[None]):
    """The player's scores in `pack` (p and m switch the pack and the mode shown)."""

    DEFAULT_CSS = """
    #scores-title {
        padding: 0 2;
        height: auto;
    }

    #scores-tabs {
        height: 1fr;
    }

    #chart {
        height: 1fr;
        min-height: 10;
    }

    #scores-tabs TabPane {
        padding: 0;
    }

    #scores-tabs DataTable {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", key_display="Esc"),
        Binding("p", "next_pack", "Pack"),
        Binding("m", "next_mode", "Mode"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("left", "tab(-1)", "Previous tab", show=False),
        Binding("right", "tab(1)", "Next tab", show=False),
    ]

    def __init__(self, pack: PlayablePack) -> None:
        super().__init__()
        self.pack_id = pack.id
        self.titles = {pack.id: pack.title}
        self.prompts = {question.id: question.prompt for question in pack.questions}
        self.mode: str | None = None
        self.packs = [pack.id]
        self.data: ScoresData | None = None

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)  # Textual types self.app as App[Any]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="scores-title")
        with TabbedContent(id="scores-tabs"):
            with TabPane("High scores", id="tab-high"):
                yield table()
            with TabPane("Progress", id="tab-progress"):
                yield PlotextPlot(id="chart")
            with TabPane("Weakest topics", id="tab-topics"):
                yield table()
            with TabPane("Most missed", id="tab-missed"):
                yield table()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()
        self.query_one(DataTable).focus()

    def on_resize(self, _event: events.Resize) -> None:
        if self.data is not None:
            self.fill_tables(self.data)

    def load(self) -> None:
        """Read the scores for the pack and mode chosen, and show them."""
        self.data = data = self.quiz.scores_data(self.pack_id, self.mode)
        if data is not None:
            self.packs = sorted(set(data.packs) | {self.pack_id})
        self.show_title()
        self.fill_tables(data)
        self.draw_chart(data.points if data else [])

    def fill_tables(self, data: ScoresData | None) -> None:
        """The three tables, the questions' column as wide as the screen leaves it."""
        high, topics, missed = self.query(DataTable).results(DataTable)
        for grid in (high, topics, missed):
            grid.clear(columns=True)
        high.add_columns("Mode", "#", "Score", "Right", "Date")
        topics.add_columns("Topic", "Asked", "Right", "Accuracy")
        room = self.app.size.width - MISSED_COUNTS_WIDTH
        missed.add_column("Question", width=max(MIN_QUESTION_WIDTH, room))
        missed.add_columns("Missed", "Asked", "Missed %")
        if data is None:
            return
        for row in data.high_scores:
            high.add_row(
                literal_text(row.title),
                Text(str(row.rank), justify="right"),
                Text(f"{row.score:,}", justify="right"),
                Text(f"{row.accuracy:.0%}", justify="right"),
                Text(row.date.strftime("%Y-%m-%d")),
            )
        for topic in data.weakest_topics:
            topics.add_row(
                literal_text(topic_name(topic.tag)),
                Text(str(topic.asked), justify="right"),
                Text(str(topic.correct), justify="right"),
                Text(f"{topic.accuracy:.0%}", justify="right"),
            )
        for item in data.most_missed:
            prompt = self.prompts.get(item.question_id, item.question_id)
            missed.add_row(
                literal_text(short_prompt(prompt)),
                Text(str(item.missed), justify="right"),
                Text(str(item.asked), justify="right"),
                Text(f"{item.missed / item.asked:.0%}", justify="right"),
            )

    def show_title(self) -> None:
        data = self.data
        pack = self.titles.get(self.pack_id, self.pack_id)
        mode = mode_title(self.mode) if self.mode else "every mode"
        if data is None or not data.rounds:
            self.query_one("#scores-title", Static).update(
                Content("No rounds recorded yet: play one, then come back.")
            )
            return
        rounds = f"{data.rounds} round" + ("" if data.rounds == 1 else "s")
        self.query_one("#scores-title", Static).update(
            styled(
                "[b]$who[/b] · $rounds played\nPack: [b]$pack[/b] (p) · Mode: [b]$mode[/b] (m)",
                who=data.player or "(nobody)",
                rounds=rounds,
                pack=pack,
                mode=mode,
            )
        )

    def draw_chart(self, points: list[ScorePoint]) -> None:
        """The score of each round, oldest on the left, one series per mode."""
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        plt.title("Score of each round")
        if points:
            modes = list(dict.fromkeys(point.mode for point in points))
            for index, mode in enumerate(modes):
                shown = [(n, p) for n, p in enumerate(points, 1) if p.mode == mode]
                plt.scatter(
                    [n for n, _ in shown],
                    [p.score for _, p in shown],
                    marker=MARKERS[index % len(MARKERS)],
                    label=f"{mode_title(mode)} ({MARKERS[index % len(MARKERS)]})",
                )
            step = max(1, -(-len(points) // X_TICKS))
            ticks = list(range(1, len(points) + 1, step))
            labels = tick_labels([points[n - 1].date for n in ticks])
            plt.xticks([float(tick) for tick in ticks], labels)
            plt.xlim(0.5, len(points) + 0.5)
            y_ticks = nice_ticks(max(point.score for point in points))
            plt.yticks([float(tick) for tick in y_ticks], [f"{tick:,}" for tick in y_ticks])
            plt.ylim(0, y_ticks[-1])
            plt.xlabel("round (the date it was played)")
            plt.ylabel("score")
        plot.refresh()

    def action_next_pack(self) -> None:
        position = self.packs.index(self.pack_id) if self.pack_id in self.packs else -1
        self.pack_id = self.packs[(position + 1) % len(self.packs)]
        self.load()

    def action_next_mode(self) -> None:
        order: list[str | None] = [None, *MODES]
        self.mode = order[(order.index(self.mode) + 1) % len(order)]
        self.load()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        position = TABS.index(tabs.active) if tabs.active in TABS else 0
        tabs.active = TABS[(position + step) % len(TABS)]
