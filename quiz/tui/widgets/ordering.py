"""Put items in order: arrows move the highlight, Space picks an item up and drops it.

Shift+↑/↓ (or '-' / '+') move the highlighted item directly; a click picks up an item and a
second click drops it there. Enter commits the order. The held item shows '⇕', not a colour.
Nothing is highlighted when the question appears; long items wrap under their own text.
After the answer each item is marked ✓ where it belongs, or ✗ with the place it belongs in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click
from textual.widgets import Static

from quiz.tui.text import literal
from quiz.tui.widgets.answered import AnswerPanel
from quiz.tui.widgets.labelled_row import LabelledRow

if TYPE_CHECKING:
    from quiz.game.views import Feedback


def ordinal(number: int) -> str:
    """'1st', '2nd', '3rd', '4th', … '11th', '12th', '13th', '21st'."""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    if 10 <= number % 100 <= 20:
        suffix = "th"
    return f"{number}{suffix}"


class OrderRow(LabelledRow):
    """One place in the order, clickable: its number on the left, the item wrapping beside it."""

    def __init__(self, position: int) -> None:
        super().__init__(classes="order-row", id=f"item-{position}")
        self.position = position

    def on_click(self, event: Click) -> None:
        event.stop()
        self.query_ancestor(OrderingPanel).click_position(self.position)


class OrderingPanel(AnswerPanel, can_focus=True):
    """Posts `Answered(tuple_of_items)` in the player's order."""

    DEFAULT_CSS = """
    OrderingPanel { height: auto; }
    OrderingPanel > .order-row, OrderingPanel > .hint { padding: 0 1; height: auto; }
    OrderingPanel > .order-row.-highlight { background: $boost; text-style: bold; }
    OrderingPanel:focus > .order-row.-highlight { background: $accent 30%; }
    OrderingPanel > .order-row.-right { color: $success; }
    OrderingPanel > .order-row.-wrong { color: $error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("space", "hold", "Pick up"),
        Binding("shift+up,minus", "shift(-1)", "Move", key_display="-/+"),
        Binding("shift+down,plus,equals_sign", "shift(1)", "Move down", show=False),
        Binding("enter", "submit", "Submit", key_display="⏎"),
    ]

    def __init__(self, items: Sequence[str]) -> None:
        super().__init__()
        self.items = list(items)
        self.cursor: int | None = None  # nothing highlighted until the player moves
        self.holding = False
        self.marks: list[str] = []  # after the answer, one per place: "✓" or "✗ (3rd)"

    def compose(self) -> ComposeResult:
        yield Static("Put these in order, first at the top:", markup=False, classes="hint")
        for position in range(len(self.items)):
            yield OrderRow(position)

    def on_mount(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        for row in self.query(OrderRow):
            here = row.position == self.cursor and not self.marks
            mark = ("⇕" if self.holding else "›") if here else " "
            text = literal(self.items[row.position])
            if self.marks:
                verdict = self.marks[row.position]
                mark = verdict[0]
                text += Content(verdict[1:])
                row.set_class(mark == "✓", "-right")
                row.set_class(mark == "✗", "-wrong")
            row.set_class(here, "-highlight")
            row.show(f"{mark} {row.position + 1}. ", text)

    def action_cursor(self, step: int) -> None:
        if self.locked:
            return
        if self.cursor is None:
            self.cursor = 0 if step > 0 else len(self.items) - 1
        elif self.holding:
            self.action_shift(step)
            return
        else:
            self.cursor = max(0, min(len(self.items) - 1, self.cursor + step))
        self._redraw()

    def action_shift(self, step: int) -> None:
        """Move the highlighted item one place up (-1) or down (+1)."""
        if self.locked or self.cursor is None:
            return
        target = self.cursor + step
        if not 0 <= target < len(self.items):
            return
        self.items[self.cursor], self.items[target] = self.items[target], self.items[self.cursor]
        self.cursor = target
        self._redraw()

    def action_hold(self) -> None:
        if self.locked:
            return
        if self.cursor is None:
            self.cursor = 0
        else:
            self.holding = not self.holding
        self._redraw()

    def click_position(self, position: int) -> None:
        self.focus()
        if self.locked:
            return
        if self.holding and self.cursor is not None and position != self.cursor:
            item = self.items.pop(self.cursor)
            self.items.insert(position, item)
            self.holding = False
        else:
            self.holding = not self.holding if position == self.cursor else True
        self.cursor = position
        self._redraw()

    def action_submit(self) -> None:
        if self.locked:
            return
        self.holding = False
        self.commit(tuple(self.items))

    def reveal(self, feedback: Feedback) -> None:
        """✓ on each item in its right place; ✗ and the place it belongs in on the others."""
        super().reveal(feedback)
        right = list(feedback.question.items)
        self.marks = [
            "✓" if item == right[place] else f"✗  (belongs {ordinal(right.index(item) + 1)})"
            for place, item in enumerate(self.items)
        ]
        self._redraw()
