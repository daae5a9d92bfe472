"""Choices for single, multiple and true/false questions: keys 1–8 / A–E, arrows, mouse.

Meaning never rests on colour: the highlighted row has a '›' marker, a ticked choice in a
multiple-answer question shows '[x]', and every choice carries a number, a letter and a shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Click
from textual.reactive import reactive
from textual.widgets import Static

from quiz.game.labels import LETTERS, letter, shape
from quiz.tui.text import literal
from quiz.tui.widgets.answered import Answered

# Letters beyond E are not bound: 'f' is the 50:50 lifeline.
BOUND_LETTERS = 5


def row_label(index: int) -> str:
    """'1 A ▲' for the first choice; choices past E show no letter (the key is the number)."""
    key = letter(index) if index < BOUND_LETTERS else " "
    return f"{index + 1} {key} {shape(index)}"


class ChoiceRow(Static):
    """One choice, clickable."""

    def __init__(self, index: int, text: str) -> None:
        super().__init__(classes="choice-row", id=f"choice-{index}")
        self.index = index
        self.text = text
        self.highlighted = False
        self.ticked: bool | None = None  # None: not a multiple-answer question
        self.removed = False

    def refresh_content(self) -> None:
        cursor = "›" if self.highlighted else " "
        box = "" if self.ticked is None else ("[x] " if self.ticked else "[ ] ")
        head = Content(f"{cursor} {box}{row_label(self.index)}  ")
        body = Content("— removed by 50:50") if self.removed else literal(self.text)
        self.set_class(self.highlighted, "-highlight")
        self.set_class(self.removed, "-removed")
        self.set_class(bool(self.ticked), "-ticked")
        self.update(head + body)

    def on_mount(self) -> None:
        self.refresh_content()

    def on_click(self, event: Click) -> None:
        event.stop()
        panel = self.query_ancestor(ChoicePanel)
        panel.click_row(self.index)


class ChoicePanel(Vertical, can_focus=True):
    """Choices; posts `Answered` with a choice (single) or a tuple of choices (multiple)."""

    DEFAULT_CSS = """
    ChoicePanel { height: auto; }
    ChoicePanel > .choice-row { padding: 0 1; height: auto; }
    ChoicePanel > .choice-row.-highlight { background: $boost; text-style: bold; }
    ChoicePanel:focus > .choice-row.-highlight { background: $accent 30%; }
    ChoicePanel > .choice-row.-removed { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "pick(0)", "Answer", key_display="1-4/A-D"),
        *(Binding(str(n + 1), f"pick({n})", show=False) for n in range(1, 8)),
        *(Binding(LETTERS[n].lower(), f"pick({n})", show=False) for n in range(BOUND_LETTERS)),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("space", "toggle_highlighted", "Tick", show=False),
        Binding("enter", "submit", "Submit"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    def __init__(self, choices: Sequence[str], *, multiple: bool = False) -> None:
        super().__init__()
        self.choices = tuple(choices)
        self.multiple = multiple
        self.ticked: set[int] = set()
        self.removed: set[int] = set()
        self.locked = False

    def compose(self) -> ComposeResult:
        for index, text in enumerate(self.choices):
            row = ChoiceRow(index, text)
            row.highlighted = index == 0
            row.ticked = False if self.multiple else None
            yield row

    @property
    def rows(self) -> list[ChoiceRow]:
        return list(self.query(ChoiceRow))

    def watch_cursor(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        for row in self.rows:
            row.highlighted = row.index == self.cursor
            row.removed = row.index in self.removed
            if self.multiple:
                row.ticked = row.index in self.ticked
            row.refresh_content()

    def remove_choices(self, indexes: Sequence[int]) -> None:
        """Show the choices at `indexes` as removed (the 50:50 lifeline); they can't be picked."""
        self.removed.update(indexes)
        self.ticked.difference_update(indexes)
        if self.cursor in self.removed:
            self.cursor = next(i for i in range(len(self.choices)) if i not in self.removed)
        self._redraw()

    def action_move(self, step: int) -> None:
        live = [i for i in range(len(self.choices)) if i not in self.removed]
        position = live.index(self.cursor) if self.cursor in live else 0
        self.cursor = live[(position + step) % len(live)]

    def action_pick(self, index: int) -> None:
        """Key 1–8 / A–E: answer (single) or tick (multiple) that choice."""
        if index >= len(self.choices) or index in self.removed or self.locked:
            return
        self.cursor = index
        if self.multiple:
            self._toggle(index)
        else:
            self._commit(self.choices[index])

    def action_toggle_highlighted(self) -> None:
        self.action_pick(self.cursor)

    def action_submit(self) -> None:
        if self.locked:
            return
        if self.multiple:
            self._commit(tuple(self.choices[i] for i in sorted(self.ticked)))
        elif self.cursor not in self.removed:
            self._commit(self.choices[self.cursor])

    def click_row(self, index: int) -> None:
        self.focus()
        self.action_pick(index)

    def _toggle(self, index: int) -> None:
        self.ticked ^= {index}
        self._redraw()

    def _commit(self, value: str | tuple[str, ...]) -> None:
        self.locked = True
        self.post_message(Answered(value))
