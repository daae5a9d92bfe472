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
from textual.widgets import DataTable, Footer, Static

# Descriptions for bindings the footer hides (their description is left empty or terse).
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
EXTRA_WORDS = {
    "pick": "answer / tick that choice (1–8, A–E)",
    "pick_right": "pair with that right-hand item",
    "move": "move the highlight",
    "cursor": "move the highlight",
    "toggle_highlighted": "tick the highlighted choice",
    "switch_column": "switch between the left and right column",
    "pick_highlighted": "pick the highlighted item",
}


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
    rows: list[tuple[str, str, str]] = []
    for where, cls in places:
        # One row per action: its keys together, described once.
        keys_of: dict[str, list[str]] = {}
        words_of: dict[str, str] = {}
        for binding in cls.BINDINGS:
            if not isinstance(binding, Binding):
                binding = Binding(*binding)
            base = binding.action.split("(")[0].removeprefix("app.")
            if base == "pick" and "right" in binding.action:
                base = "pick_right"
            # Numbered keys share one row; other actions differ by their argument.
            action = base if base in EXTRA_WORDS else binding.action
            words = binding.description if binding.show else EXTRA_WORDS.get(base)
            words_of.setdefault(action, words or binding.description or base.replace("_", " "))
            keys = keys_of.setdefault(action, [])
            if binding.key_display and KEY_RANGE.match(binding.key_display):
                keys.insert(0, binding.key_display)  # a range such as 1-4/A-D
            else:
                keys.extend(KEY_NAMES.get(key, key) for key in binding.key.split(","))
        for action, keys in keys_of.items():
            shown = keys[:1] if KEY_RANGE.match(keys[0]) else keys
            rows.append((where, " / ".join(dict.fromkeys(shown)), words_of[action]))
    rows.append(("Anywhere", "Ctrl+P", "commands: new round, switch pack or mode, theme"))
    rows.append(("Typed / numeric", "Enter", "submit what you typed"))
    rows.append(("Anywhere", "mouse", "click a choice, an item or a menu entry"))
    return rows


class HelpScreen(ModalScreen[None]):
    """The list of bindings; Escape closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", key_display="Esc"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Content("Keys — Esc closes this page; Ctrl+P opens the commands"))
            yield DataTable(id="bindings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        width = self.app.size.width
        table.add_column("Where", width=15)
        table.add_column("Keys", width=18)
        table.add_column("What it does", width=max(20, min(60, width - 15 - 18 - 14)))
        for where, keys, what in binding_rows():
            table.add_row(Text(where), Text(keys), Text(what))
        table.focus()

    # ModalScreen's action_dismiss takes an optional result; Escape closes Help with none.
    def action_dismiss(self) -> None:  # type: ignore[override]  # narrower on purpose
        self.dismiss(None)
