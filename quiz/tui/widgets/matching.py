"""Pair left items with right items: pick a left (1–9 or click), then a right (A–L or click).

Arrows move within a column, ←/→ switch column, Space picks the highlighted item, Backspace
undoes the pair of the highlighted item (left or right), Enter commits. Nothing is
highlighted when the question appears. Pairs made are written out in words ('1 → C'),
never shown by colour alone; long items wrap under their own text. After the answer each
pair is marked ✓ or ✗, with the right partner of a wrong one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Click
from textual.widgets import Static

from quiz.game.labels import letter
from quiz.tui.text import literal
from quiz.tui.widgets.answered import AnswerPanel
from quiz.tui.widgets.labelled_row import LabelledRow

if TYPE_CHECKING:
    from quiz.game.views import Feedback

MOST_LEFTS = 9  # keys 1-9
MOST_RIGHTS = 12  # keys a-l


class PairRow(LabelledRow):
    """One item of a column, clickable: its label on the left, its text wrapping beside it."""

    def __init__(self, side: str, index: int) -> None:
        super().__init__(classes=f"pair-row {side}", id=f"{side}-{index}")
        self.side = side
        self.index = index

    def on_click(self, event: Click) -> None:
        event.stop()
        self.query_ancestor(MatchingPanel).pick(self.side, self.index)


class MatchingPanel(AnswerPanel, can_focus=True):
    """Posts `Answered(((left, right), ...))` with every pair the player made."""

    DEFAULT_CSS = """
    MatchingPanel { height: auto; }
    MatchingPanel Horizontal { height: auto; }
    MatchingPanel .column { width: 1fr; height: auto; padding: 0 1; }
    MatchingPanel .pair-row.-highlight { background: $boost; text-style: bold; }
    MatchingPanel:focus .pair-row.-highlight { background: $accent 30%; }
    MatchingPanel .pair-row.-right { color: $success; }
    MatchingPanel .pair-row.-wrong { color: $error; }
    MatchingPanel #pairs-made, MatchingPanel > .hint { padding: 0 1; }
    MatchingPanel #pairs-made { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "pick('left', 0)", "Left", key_display=f"1-{MOST_LEFTS}"),
        *(Binding(str(n + 1), f"pick('left', {n})", show=False) for n in range(1, MOST_LEFTS)),
        Binding("a", "pick('right', 0)", "Right", key_display=f"A-{letter(MOST_RIGHTS - 1)}"),
        *(
            Binding(letter(n).lower(), f"pick('right', {n})", show=False)
            for n in range(1, MOST_RIGHTS)
        ),
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("left,right", "switch_column", "Column", show=False),
        Binding("space", "pick_highlighted", "Pick", show=False),
        Binding("backspace", "unpair", "Undo", key_display="⌫"),
        Binding("enter", "submit", "Submit", key_display="⏎"),
    ]

    def __init__(self, lefts: Sequence[str], rights: Sequence[str]) -> None:
        super().__init__()
        self.lefts = tuple(lefts)
        self.rights = tuple(rights)
        self.pairs: dict[int, int] = {}  # left index -> right index
        self.selected_left: int | None = None
        self.column = "left"
        self.cursor: int | None = None  # nothing highlighted until the player moves
        self.marks: dict[int, str] = {}  # after the answer: left index -> "✓" or "✗ (right: B)"
        # The footer names this question's own keys ("1-3", "A-C"); Help the widest ranges.
        bindings = self._bindings.key_to_bindings
        bindings["1"] = [Binding("1", "pick('left', 0)", "Left", key_display=f"1-{len(lefts)}")]
        last = letter(len(rights) - 1)
        bindings["a"] = [Binding("a", "pick('right', 0)", "Right", key_display=f"A-{last}")]

    def compose(self) -> ComposeResult:
        yield Static("Match each item on the left with one on the right:", classes="hint")
        with Horizontal():
            with Vertical(classes="column"):
                for index in range(len(self.lefts)):
                    yield PairRow("left", index)
            with Vertical(classes="column"):
                for index in range(len(self.rights)):
                    yield PairRow("right", index)
        yield Static(id="pairs-made")

    def on_mount(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        paired_rights = {right: left for left, right in self.pairs.items()}
        for row in self.query(PairRow):
            here = row.side == self.column and row.index == self.cursor and not self.marks
            mark = "›" if here else " "
            if row.side == "left":
                chosen = "*" if row.index == self.selected_left else " "
                verdict = self.marks.get(row.index, "")
                if verdict:
                    mark, chosen = verdict[0], " "
                partner = self.pairs.get(row.index)
                tail = f"  → {letter(partner)}" if partner is not None else ""
                tail += verdict[1:]
                text = literal(self.lefts[row.index]) + Content(tail)
                row.show(f"{mark}{chosen}{row.index + 1}. ", text)
                row.set_class(verdict.startswith("✓"), "-right")
                row.set_class(verdict.startswith("✗"), "-wrong")
            else:
                partner = paired_rights.get(row.index)
                tail = f"  ← {partner + 1}" if partner is not None else ""
                row.show(
                    f"{mark} {letter(row.index)}. ", literal(self.rights[row.index]) + Content(tail)
                )
            row.set_class(here, "-highlight")
        made = ", ".join(
            f"{left + 1} → {letter(right)}" for left, right in sorted(self.pairs.items())
        )
        last = letter(len(self.rights) - 1)
        waiting = (
            f"  Picked {self.selected_left + 1}: now choose A–{last}."
            if self.selected_left is not None and not self.marks
            else ""
        )
        self.query_one("#pairs-made", Static).update(
            Content(f"Pairs made: {made or 'none yet'}.{waiting}")
        )

    def pick(self, side: str, index: int) -> None:
        """Pick a left item, or pair the picked left item with a right one."""
        self.focus()
        count = len(self.lefts) if side == "left" else len(self.rights)
        if self.locked or index >= count:
            return
        self.column, self.cursor = side, index
        if side == "left":
            self.selected_left = index
        elif self.selected_left is not None:
            # A right item belongs to one pair only: taking it undoes its earlier pair.
            self.pairs = {k: v for k, v in self.pairs.items() if v != index}
            self.pairs[self.selected_left] = index
            unpaired = [i for i in range(len(self.lefts)) if i not in self.pairs]
            self.selected_left = unpaired[0] if unpaired else None
        self._redraw()

    def action_pick(self, side: str, index: int) -> None:
        self.pick(side, index)

    def action_pick_highlighted(self) -> None:
        if self.cursor is not None:
            self.pick(self.column, self.cursor)

    def _count(self) -> int:
        return len(self.lefts) if self.column == "left" else len(self.rights)

    def action_cursor(self, step: int) -> None:
        if self.locked:
            return
        if self.cursor is None:
            self.cursor = 0 if step > 0 else self._count() - 1
        else:
            self.cursor = max(0, min(self._count() - 1, self.cursor + step))
        self._redraw()

    def action_switch_column(self) -> None:
        if self.locked:
            return
        self.column = "right" if self.column == "left" else "left"
        self.cursor = min(self.cursor or 0, self._count() - 1)
        self._redraw()

    def action_unpair(self) -> None:
        """Undo the pair of the highlighted item, whichever column it is in."""
        if self.locked or self.cursor is None:
            return
        if self.column == "left":
            left: int | None = self.cursor
        else:
            left = next((k for k, v in self.pairs.items() if v == self.cursor), None)
        if left is not None and left in self.pairs:
            del self.pairs[left]
            self.selected_left = left
        self._redraw()

    def action_submit(self) -> None:
        if self.locked:
            return
        value = tuple(
            (self.lefts[left], self.rights[right]) for left, right in sorted(self.pairs.items())
        )
        self.commit(value)

    def reveal(self, feedback: Feedback) -> None:
        """✓ beside each pair made right; ✗ and the right partner beside the others."""
        super().reveal(feedback)
        right_of = dict(feedback.question.pairs)
        for index, left in enumerate(self.lefts):
            right = self.rights.index(right_of[left])
            if self.pairs.get(index) == right:
                self.marks[index] = "✓"
            else:
                self.marks[index] = f"✗  (right: {letter(right)})"
        self._redraw()
