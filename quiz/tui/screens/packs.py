"""Choose the pack to play from the packs the catalog finds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from quiz.safe_text import safe_text
from quiz.tui.text import styled
from quiz.tui.widgets.key_footer import KeyFooter


@dataclass(frozen=True)
class PackChoice:
    """One pack on offer: what to pass back to load it, and how to describe it."""

    ref: str
    title: str
    detail: str = ""


class PacksScreen(Screen[str | None]):
    """Dismisses with the chosen pack's `ref`, or None."""

    DEFAULT_CSS = """
    #packs {
        padding: 1 2;
    }

    #pack-list {
        height: auto;
        max-height: 100%;
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Back", key_display="Esc"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]

    def __init__(self, packs: Sequence[PackChoice], current: str | None = None) -> None:
        super().__init__()
        self.packs = list(packs)
        self.current = current

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="packs"):
            yield Static(Content("Choose a pack (↑↓ Enter), Esc to go back."))
            options = []
            for index, pack in enumerate(self.packs):
                mark = "● " if pack.ref == self.current else "  "
                line = styled(f"{mark}[b]$title[/b]", title=safe_text(pack.title, single_line=True))
                if pack.detail:
                    line += Content("  ") + styled("$detail", detail=pack.detail)
                options.append(Option(line, id=f"k{index}"))
            if options:
                yield OptionList(*options, id="pack-list")
            else:
                yield Static(Content("No packs found."))
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.packs:
            menu = self.query_one(OptionList)
            refs = [pack.ref for pack in self.packs]
            menu.highlighted = refs.index(self.current) if self.current in refs else 0
            menu.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.packs[event.option_index].ref)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
