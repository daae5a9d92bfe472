"""The main menu: Play, Practice (with how many questions are due), Daily, Scores, Packs,
Switch player, Help; with the player's last 10 scores as a sparkline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from quiz.game.modes import mode_title
from quiz.tui.text import styled
from quiz.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

PLAY_MODES = ("classic", "blitz", "sudden_death")
BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int]) -> str:
    """One bar per value, from ▁ (the lowest) to █ (the highest); all ▄ when they are equal."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return BARS[3] * len(values)
    top = len(BARS) - 1
    return "".join(BARS[round((value - low) * top / (high - low))] for value in values)


class MenuScreen(Screen[None]):
    """What to do next. Each entry has its key, shown beside it; the footer shows the rest."""

    DEFAULT_CSS = """
    #menu {
        align: center top;
        padding: 1 2;
    }

    #who {
        margin-bottom: 1;
    }

    #entries {
        height: auto;
        max-width: 60;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "choose('play')", "Play"),
        Binding("r", "choose('practice')", "Practice", show=False),
        Binding("d", "choose('daily')", "Daily", show=False),
        Binding("s", "choose('scores')", "Scores"),
        Binding("k", "choose('packs')", "Packs", show=False),
        Binding("w", "choose('player')", "Switch player", show=False),
        Binding("m", "next_mode", "Mode"),
        Binding("question_mark", "choose('help')", "Help", key_display="?"),
        Binding("q", "choose('quit')", "Quit"),
    ]

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", self.app)  # Textual types self.app as App[Any]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="menu"):
            yield Static(id="who")
            yield Static(id="recent")
            yield OptionList(id="entries")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_menu()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_menu()

    def refresh_menu(self) -> None:
        """Redraw the player, pack, mode, form and due count (they change between visits)."""
        quiz = self.quiz
        self.query_one("#who", Static).update(
            styled(
                "Player: [b]$player[/b]   Pack: [b]$pack[/b]",
                player=quiz.player or "(nobody)",
                pack=quiz.pack.title if quiz.pack else "(none)",
            )
        )
        play_mode = quiz.mode if quiz.mode in PLAY_MODES else "classic"
        scores = quiz.recent_scores(play_mode)
        title = mode_title(play_mode)
        if scores:
            form = (
                f"Last {len(scores)} {title}: {sparkline(scores)}  "
                f"latest {scores[-1]:,} · best {max(scores):,}"
            )
        else:
            form = f"No {title} rounds in this pack yet."
        self.query_one("#recent", Static).update(Content(form))
        due = quiz.due_count()
        due_text = f" — {due} due" if due is not None else ""
        daily_text = " — played today (a replay is practice)" if quiz.daily_played() else ""
        entries = [
            ("play", f"p  Play — {mode_title(quiz.mode)} (m changes mode)"),
            ("practice", f"r  {mode_title('practice')}{due_text}"),
            ("daily", f"d  {mode_title('daily')}{daily_text}"),
            ("scores", "s  Scores"),
            ("packs", "k  Packs"),
            ("player", "w  Switch player"),
            ("help", "?  Help"),
            ("quit", "q  Quit"),
        ]
        menu = self.query_one(OptionList)
        highlighted = menu.highlighted
        menu.clear_options()
        menu.add_options(Option(Content(text), id=key) for key, text in entries)
        menu.highlighted = highlighted if highlighted is not None else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose(event.option.id or "")

    def action_next_mode(self) -> None:
        quiz = self.quiz
        position = PLAY_MODES.index(quiz.mode) if quiz.mode in PLAY_MODES else -1
        quiz.mode = PLAY_MODES[(position + 1) % len(PLAY_MODES)]
        self.refresh_menu()

    def action_choose(self, entry: str) -> None:
        quiz = self.quiz
        if entry == "play":
            quiz.start_round(mode=quiz.mode if quiz.mode in PLAY_MODES else "classic")
        elif entry == "practice":
            quiz.start_round(mode="practice")
        elif entry == "daily":
            quiz.start_round(mode="daily")
        elif entry == "scores":
            quiz.action_scores()
        elif entry == "packs":
            quiz.action_packs()
        elif entry == "player":
            quiz.action_switch_player()
        elif entry == "help":
            quiz.action_help()
        elif entry == "quit":
            quiz.exit(0)
