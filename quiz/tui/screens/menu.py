"""The main menu: Play, Practice (with how many questions are due), Daily, Scores, Packs, Help."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from quiz.game.modes import mode_title
from quiz.tui.text import styled

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

PLAY_MODES = ("classic", "blitz", "sudden_death")


class MenuScreen(Screen[None]):
    """What to do next. Each entry also has a key."""

    CSS_PATH = "menu.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "choose('play')", "Play"),
        Binding("r", "choose('practice')", "Practice"),
        Binding("d", "choose('daily')", "Daily"),
        Binding("s", "choose('scores')", "Scores"),
        Binding("k", "choose('packs')", "Packs"),
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
            yield OptionList(id="entries")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_menu()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_menu()

    def refresh_menu(self) -> None:
        """Redraw the player, pack, mode and due count (they change between visits)."""
        quiz = self.quiz
        self.query_one("#who", Static).update(
            styled(
                "Player: [b]$player[/b]   Pack: [b]$pack[/b]",
                player=quiz.player or "(nobody)",
                pack=quiz.pack.title if quiz.pack else "(none)",
            )
        )
        due = quiz.due_count()
        due_text = f" — {due} due" if due is not None else ""
        entries = [
            ("play", f"p  Play — {mode_title(quiz.mode)} (m changes mode)"),
            ("practice", f"r  {mode_title('practice')}{due_text}"),
            ("daily", f"d  {mode_title('daily')}"),
            ("scores", "s  Scores"),
            ("packs", "k  Packs"),
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
        elif entry == "help":
            quiz.action_help()
        elif entry == "quit":
            quiz.exit(0)
