"""Every key binding of every play screen, read from the classes themselves so it never drifts."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from quiz.tui.widgets.key_footer import KeyFooter

KEY_RANGE = re.compile(r"^[0-9A-Z]-[0-9A-Z]")
KEY_NAMES = {
    "ctrl+q": "Ctrl+Q",
    "f1": "F1",
    "shift+up": "⇧↑",
    "shift+down": "⇧↓",
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "question_mark": "?",
    "percent_sign": "%",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "backspace": "Backspace",
    "minus": "-",
    "plus": "+",
    "equals_sign": "=",
    "tab": "Tab",
}
# Help's words for an action, by "Place:action" or by action. A binding the footer shows
# keeps its footer word first, so Help and footer say the same thing.
WORDS = {
    "pick": "Answer (single, true/false) or Tick (multiple) that choice",
    "Matching:pick": "Left item to pair",
    "pick_right": "Right item to pair it with",
    "move": "move the highlight",
    "cursor": "move the highlight",
    "toggle_highlighted": "tick the highlighted choice",
    "switch_column": "switch between the left and right column",
    "pick_highlighted": "pick the highlighted item",
    "shift": "Move the highlighted item up (⇧↑, -) or down (⇧↓, +, =)",
    "hold": "Pick up the highlighted item; ↑↓ carry it; Space drops it",
    "fifty_fifty": "50:50: take away about half the choices, all wrong (once per round)",
    "Teams:fifty_fifty": "50:50 for the team whose turn it is (once per game; halves its points)",
    "Teams:next": "Next question, after the reveal",
    "Teams:close": "Close, after the final scores",
    "Teams:leave": "Leave the game (asks first)",
    "next": "Next question",
    "finish": "Results: after the last answer, the round's summary (it is recorded)",
    "Question:leave": "Leave the round (asks first: a round left is not recorded)",
    "Name picker:leave": "Quit (when the game starts here)",
    "Name picker:back": "Back to the menu (when switching player)",
    "unpair": "Undo the pair of the highlighted item",
    "tab": "switch tab",
}
# Actions whose bindings differ only by an argument (a choice's number, a direction): one row.
MERGED = {"pick", "pick_right", "move", "cursor", "shift", "tab", "help"}


def binding_rows() -> list[tuple[str, str, str]]:
    """(where, keys, what) for every binding of the play screens and answer panels."""
    from quiz.tui.app import QuizApp
    from quiz.tui.screens.menu import MenuScreen
    from quiz.tui.screens.name_picker import NamePickerScreen
    from quiz.tui.screens.packs import PacksScreen
    from quiz.tui.screens.question import QuestionScreen
    from quiz.tui.screens.scores import ScoresScreen
    from quiz.tui.screens.summary import SummaryScreen
    from quiz.tui.widgets.choices import ChoicePanel
    from quiz.tui.widgets.matching import MatchingPanel
    from quiz.tui.widgets.ordering import OrderingPanel

    places: list[tuple[str, type[DOMNode]]] = [
        ("Anywhere", QuizApp),
        ("Name picker", NamePickerScreen),
        ("Menu", MenuScreen),
        ("Question", QuestionScreen),
        ("Choices", ChoicePanel),
        ("Ordering", OrderingPanel),
        ("Matching", MatchingPanel),
        ("Round summary", SummaryScreen),
        ("Packs", PacksScreen),
        ("Scores", ScoresScreen),
        ("Help", HelpScreen),
    ]
    rows = _rows(places)
    rows.append(("Anywhere", "Ctrl+P", "commands: new round, switch pack or mode, theme, bell"))
    rows.append(("Typed / numeric", "Enter", "submit what you typed"))
    rows.append(("Anywhere", "mouse", "click a choice, an item or a menu entry"))
    return rows


def team_rows() -> list[tuple[str, str, str]]:
    """The keys of team play: its screen, the choices and Help itself."""
    from quiz.tui.teams import TeamsApp, TeamsScreen
    from quiz.tui.widgets.choices import ChoicePanel

    places: list[tuple[str, type[DOMNode]]] = [
        ("Anywhere", TeamsApp),
        ("Teams", TeamsScreen),
        ("Choices", ChoicePanel),
        ("Help", HelpScreen),
    ]
    rows = _rows(places)
    rows.append(("Typed", "Enter", "submit the team's typed answer"))
    return rows


def _rows(places: list[tuple[str, type[DOMNode]]]) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for where, cls in places:
        # One row per action: its keys together, described once.
        keys_of: dict[str, list[str]] = {}
        words_of: dict[str, str] = {}
        for binding in Binding.make_bindings(cls.BINDINGS):
            base = binding.action.split("(")[0].removeprefix("app.")
            if base == "pick" and "right" in binding.action:
                base = "pick_right"
            action = base if base in MERGED else binding.action
            words = WORDS.get(f"{where}:{base}") or WORDS.get(base) or binding.description
            words_of.setdefault(action, words or base.replace("_", " "))
            keys = keys_of.setdefault(action, [])
            if binding.key_display and KEY_RANGE.match(binding.key_display):
                keys.insert(0, binding.key_display)  # a range such as 1-8/A-H
            else:
                keys.extend(KEY_NAMES.get(key, key) for key in binding.key.split(","))
        for action, keys in keys_of.items():
            shown = keys[:1] if KEY_RANGE.match(keys[0]) else keys
            rows.append((where, " / ".join(dict.fromkeys(shown)), words_of[action]))
    return rows


class HelpScreen(ModalScreen[None]):
    """The list of bindings (`rows`: solo play's by default); Escape closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }

    #help {
        width: 100%;
        max-width: 100;
        height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }

    #bindings {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", key_display="Esc"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]] | None = None) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Content("Keys — Esc closes this page; Ctrl+P opens the commands"))
            yield DataTable(id="bindings", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        rows = self.rows if self.rows is not None else binding_rows()
        width = min(self.app.size.width, 100)
        keys_width = max(len(keys) for _, keys, _ in rows)
        table.add_column("Where", width=15)
        table.add_column("Keys", width=keys_width)
        table.add_column("What it does", width=max(20, width - 15 - keys_width - 14))
        for where, keys, what in rows:
            # Long descriptions wrap onto a second line rather than being cut off.
            table.add_row(Text(where), Text(keys), Text(what), height=None)
        table.focus()

    # ModalScreen's action_dismiss takes an optional result; Escape closes Help with none.
    def action_dismiss(self) -> None:  # type: ignore[override]  # narrower on purpose
        self.dismiss(None)
