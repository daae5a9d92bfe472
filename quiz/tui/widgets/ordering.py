"""Put items in order: arrows move the highlight, Space picks an item up and drops it.

Shift+↑/↓ (or '-' / '+') move the highlighted item directly; a click picks up an item and a
second click drops it there. Enter commits the order. The held item shows '⇕', not a colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Click
from textual.widgets import Static

from quiz.tui.text import literal
from quiz.tui.widgets.answered import Answered


class OrderRow(Static):
    def __init__(self, position: int) -> None:
        super().__init__(classes="order-row", id=f"item-{position}")
        self.position = position

    def on_click(self, event: Click) -> None:
        event.stop()
        self.query_ancestor(OrderingPanel).click_position(self.position)


class OrderingPanel(Vertical, can_focus=True):
    """Posts `Answered(tuple_of_items)` in the player's order."""

    DEFAULT_CSS = """
    OrderingPanel { height: auto; }
    OrderingPanel > .order-row, OrderingPanel > .hint { padding: 0 1; }
    OrderingPanel > .order-row.-highlight { background: $boost; text-style: bold; }
    OrderingPanel:focus > .order-row.-highlight { background: $accent 30%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("space", "hold", "Pick up/drop"),
        Binding("shift+up,minus", "shift(-1)", "Move up", key_display="⇧↑/-"),
        Binding("shift+down,plus,equals_sign", "shift(1)", "Move down", key_display="⇧↓/+"),
        Binding("enter", "submit", "Submit"),
    ]

    def __init__(self, items: Sequence[str]) -> None:
        super().__init__()
        self.items = list(items)
        self.cursor = 0
        self.holding = False
        self.locked = False

    def compose(self) -> ComposeResult:
        yield Static("Put these in order, first at the top:", markup=False, classes="hint")
        for position in range(len(self.items)):
            yield OrderRow(position)

    def on_mount(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        for row in self.query(OrderRow):
            here = row.position == self.cursor
            mark = ("⇕" if self.holding else "›") if here else " "
            row.set_class(here, "-highlight")
            row.update(Content(f"{mark} {row.position + 1}. ") + literal(self.items[row.position]))

    def action_cursor(self, step: int) -> None:
        if self.holding:
            self.action_shift(step)
            return
        self.cursor = max(0, min(len(self.items) - 1, self.cursor + step))
        self._redraw()

    def action_shift(self, step: int) -> None:
        """Move the highlighted item one place up (-1) or down (+1)."""
        target = self.cursor + step
        if self.locked or not 0 <= target < len(self.items):
            return
        self.items[self.cursor], self.items[target] = self.items[target], self.items[self.cursor]
        self.cursor = target
        self._redraw()

    def action_hold(self) -> None:
        self.holding = not self.holding
        self._redraw()

    def click_position(self, position: int) -> None:
        self.focus()
        if self.holding and position != self.cursor:
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
        self.locked = True
        self.post_message(Answered(tuple(self.items)))
