"""The teacher's view of self-paced homework: where to join, the code, the deadline, and a
row per student with how many questions they answered, their score and when they were
last seen.

The table is updated in place (a changed cell is rewritten, a new student added), so a
class of hundreds costs a repaint of what changed. Names are shown literally.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable

from quiz.classroom.deadline import local_text
from quiz.classroom.self_paced import StudentProgress
from quiz.tui.classroom.host_panels import (
    Line,
    join_widgets,
    show_addresses_and_code,
)
from quiz.tui.text import literal_text

COLUMNS = ("Name", "Answered", "Score", "Last seen")


def seen_text(last_seen: float | None, connected: bool, now: float) -> str:
    """"now" for a student who is connected; otherwise how long ago, in the largest unit
    that fits ("3 min ago", "2 h ago", "4 d ago"); "—" if never."""
    if connected:
        return "now"
    if last_seen is None:
        return "—"
    ago = max(0.0, now - last_seen)
    if ago < 60:
        return "just now"
    if ago < 3600:
        return f"{int(ago // 60)} min ago"
    if ago < 86400:
        return f"{int(ago // 3600)} h ago"
    return f"{int(ago // 86400)} d ago"


def time_left_text(deadline: float, now: float) -> str:
    """How long until the deadline: "2 d 3 h left", "5 h 10 min left", "4 min left"."""
    left = int(deadline - now)
    if left <= 0:
        return "closed"
    days, rest = divmod(left, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days} d {hours} h left"
    if hours:
        return f"{hours} h {minutes} min left"
    return f"{max(1, minutes)} min left"


class ProgressPanel(Vertical):
    """The homework's join details, its deadline, and each student's progress."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.addresses: list[str] = []
        self._rows: dict[str, tuple[str, ...]] = {}  # as last shown, per player id

    def compose(self) -> ComposeResult:
        yield from join_widgets()
        yield Line(id="due")
        yield Line(id="class-progress")
        table: DataTable[object] = DataTable(id="progress", cursor_type="row", zebra_stripes=True)
        yield table

    def on_mount(self) -> None:
        table = self.table
        for label in COLUMNS:
            table.add_column(label, key=label)

    @property
    def table(self) -> DataTable[object]:
        return self.query_one("#progress", DataTable)

    def show_join(self, addresses: list[str], code: str) -> None:
        show_addresses_and_code(self, self.addresses, addresses, code)

    def show_deadline(self, deadline: float, now: float, closed: bool, saved: str = "") -> None:
        if closed:
            text = f"Closed (was due {local_text(deadline)})."
            text += f" Results: {saved}" if saved else ""
        else:
            text = f"Due {local_text(deadline)} ({time_left_text(deadline, now)})"
        self.query_one("#due", Line).show(text)

    def show_progress(self, rows: list[StudentProgress], now: float) -> None:
        """Bring the table up to date: new students added, changed cells rewritten."""
        table = self.table
        finished = sum(1 for row in rows if row.answered >= row.total)
        count = len(rows)
        self.query_one("#class-progress", Line).show(
            f"{count} student{'s' if count != 1 else ''}, {finished} finished"
        )
        present = set()
        for row in rows:
            present.add(row.player)
            cells = (
                row.name,
                f"{row.answered}/{row.total}",
                str(row.score),
                seen_text(row.last_seen, row.connected, now),
            )
            shown = self._rows.get(row.player)
            if shown == cells:
                continue
            if shown is None:
                table.add_row(literal_text(cells[0]), *cells[1:], key=row.player)
            else:
                for label, old, new in zip(COLUMNS, shown, cells, strict=True):
                    if old != new:
                        value = literal_text(new) if label == "Name" else new
                        table.update_cell(row.player, label, value)
            self._rows[row.player] = cells
        for gone in set(self._rows) - present:  # removed by the teacher
            table.remove_row(gone)
            del self._rows[gone]
