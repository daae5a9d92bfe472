"""Every key binding of every play screen, read from the classes themselves so it never drifts."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

# Descriptions for bindings the footer hides (their description is left empty or terse).
EXTRA_WORDS = {
    "pick": "answer / tick that choice (1–8, A–E)",
    "move": "move the highlight",
    "cursor": "move the highlight",
    "toggle_highlighted": "tick the highlighted choice (multiple answer)",
    "switch_column": "switch between the left and right column",
    "pick_highlighted": "pick the highlighted item",
}


def binding_rows() -> list[tuple[str, str, str]]:
    """(where, keys, what) for every binding of the play screens and answer panels."""
    from quiz.tui.app import QuizApp
    from quiz.tui.screens.feedback import FeedbackScreen
    from quiz.tui.screens.menu import MenuScreen
    from quiz.tui.screens.name_picker import NamePickerScreen
    from quiz.tui.screens.packs import PacksScreen
    from quiz.tui.screens.question import QuestionScreen
    from quiz.tui.screens.summary import SummaryScreen
    from quiz.tui.widgets.choices import ChoicePanel
    from quiz.tui.widgets.matching import MatchingPanel
    from quiz.tui.widgets.ordering import OrderingPanel

    places: list[tuple[str, type]] = [
        ("Anywhere", QuizApp),
        ("Name picker", NamePickerScreen),
        ("Menu", MenuScreen),
        ("Question", QuestionScreen),
        ("Choices", ChoicePanel),
        ("Ordering", OrderingPanel),
        ("Matching", MatchingPanel),
        ("Feedback", FeedbackScreen),
        ("Round summary", SummaryScreen),
        ("Packs", PacksScreen),
        ("Help", HelpScreen),
    ]
    rows: list[tuple[str, str, str]] = []
    for where, cls in places:
        seen: dict[str, list[str]] = {}
        for binding in cls.BINDINGS:
            if not isinstance(binding, Binding):
                binding = Binding(*binding)
            action = binding.action.split("(")[0].removeprefix("app.")
            what = binding.description or EXTRA_WORDS.get(action, action.replace("_", " "))
            if action in EXTRA_WORDS and not binding.show:
                what = EXTRA_WORDS[action]
            keys = binding.key_display or binding.key.replace(",", " / ")
            seen.setdefault(what, []).append(keys)
        for what, keys in seen.items():
            rows.append((where, " ".join(dict.fromkeys(keys)), what))
    rows.append(("Typed / numeric", "Enter", "submit what you typed"))
    rows.append(("Anywhere", "mouse", "click a choice, an item or a menu entry"))
    return rows


class HelpScreen(ModalScreen[None]):
    """The list of bindings; Escape closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", key_display="Esc"),
    ]

    def compose(self):  # type: ignore[override]
        with Vertical(id="help"):
            yield Static(Content("Keys — Esc closes this page; Ctrl+P opens the commands"))
            yield DataTable(id="bindings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Where", "Keys", "What it does")
        for where, keys, what in binding_rows():
            table.add_row(Text(where), Text(keys), Text(what))
        table.focus()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
