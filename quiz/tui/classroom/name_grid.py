"""The players' names in columns, drawing only the rows on screen.

A lobby of 1,000 names costs what a screenful costs: adding a name is O(1) and a repaint
renders the visible rows only (a ScrollView's `render_line`). Names are untrusted: they are
made safe once when added and drawn as plain segments, never parsed as markup. A player
who is away is marked in words, not by colour alone.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from quiz.safe_text import safe_text

CELL_WIDTH = 28  # a name of 24 characters, a mark and a gap
AWAY = " (away)"


class NameGrid(ScrollView, can_focus=True):
    """Names in joining order, in as many columns as fit; arrows move the highlight."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"name-grid--cursor", "name-grid--away"}
    DEFAULT_CSS = """
    NameGrid { height: 1fr; }
    NameGrid > .name-grid--cursor { text-style: reverse bold; }
    NameGrid > .name-grid--away { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(0, -1)", "Up", show=False),
        Binding("down", "move(0, 1)", "Down", show=False),
        Binding("left", "move(-1, 0)", "Left", show=False),
        Binding("right", "move(1, 0)", "Right", show=False),
    ]

    def __init__(self, *, id: str | None = None, picking: bool = False) -> None:
        """`picking`: the highlight shows even without the focus (a list to pick from, not
        a lobby on the projector)."""
        super().__init__(id=id)
        self.picking = picking
        self.ids: list[str] = []
        self.names: list[str] = []
        self._position: dict[str, int] = {}
        self.away: set[str] = set()
        self.cursor = 0
        self._resize_due = False

    # --- the names ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, player: str, name: str) -> None:
        """Add a player at the end (nothing if already shown); O(1)."""
        if player in self._position:
            self.set_away(player, False)
            return
        self._position[player] = len(self.ids)
        self.ids.append(player)
        self.names.append(safe_text(name, single_line=True))
        if not self._resize_due:  # once for a batch of names, not once per name
            self._resize_due = True
            self.call_next(self._resized)

    def drop(self, player: str) -> None:
        """Take a player out (a kick): O(n), which is rare."""
        index = self._position.pop(player, None)
        if index is None:
            return
        del self.ids[index]
        del self.names[index]
        self._position = {pid: i for i, pid in enumerate(self.ids)}
        self.away.discard(player)
        self.cursor = min(self.cursor, max(0, len(self.ids) - 1))
        self._resized()

    def clear(self) -> None:
        self.ids, self.names, self._position = [], [], {}
        self.away.clear()
        self.cursor = 0
        self._resized()

    def set_away(self, player: str, away: bool) -> None:
        if player not in self._position or (player in self.away) == away:
            return
        if away:
            self.away.add(player)
        else:
            self.away.discard(player)
        self.refresh()

    @property
    def selected(self) -> str | None:
        """The id of the highlighted player, if any."""
        return self.ids[self.cursor] if self.ids else None

    # --- layout and drawing ---------------------------------------------------------------

    @property
    def columns(self) -> int:
        return max(1, self.scrollable_content_region.width // CELL_WIDTH)

    def _resized(self) -> None:
        self._resize_due = False
        rows = -(-len(self.ids) // self.columns)
        self.virtual_size = Size(self.columns * CELL_WIDTH, rows)
        self.refresh()

    def on_resize(self) -> None:
        self._resized()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = y + scroll_y
        width = self.scrollable_content_region.width
        columns = self.columns
        base = self.rich_style
        cursor_style = base + self.get_component_rich_style("name-grid--cursor")
        away_style = base + self.get_component_rich_style("name-grid--away")
        segments = []
        for column in range(columns):
            index = row * columns + column
            if index >= len(self.ids):
                break
            player = self.ids[index]
            text = self.names[index] + (AWAY if player in self.away else "")
            cell = set_cell_size(text, CELL_WIDTH - 2)
            here = index == self.cursor and (self.has_focus or self.picking)
            style = cursor_style if here else base
            style = away_style if player in self.away and style is base else style
            segments.append(Segment(cell, style))
            segments.append(Segment("  ", base))
        used = sum(cell_len(segment.text) for segment in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments).crop(scroll_x, scroll_x + width)

    # --- moving the highlight -------------------------------------------------------------

    def action_move(self, across: int, down: int) -> None:
        if not self.ids:
            return
        step = across + down * self.columns
        self.cursor = max(0, min(len(self.ids) - 1, self.cursor + step))
        row = self.cursor // self.columns
        self.scroll_to_region(Region(0, row, 1, 1), animate=False)
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
