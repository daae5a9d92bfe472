"""The teacher's dialogs: confirm ending or quitting, remove a player, approve a reclaim,
move a homework's deadline.

Each is a ModalScreen that dismisses with the teacher's decision; the host app acts on it.
Names are shown literally.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from quiz.classroom.deadline import BadDeadline, parse_deadline
from quiz.name_identity import name_key
from quiz.tui.classroom.name_grid import NameGrid
from quiz.tui.text import literal, styled

if TYPE_CHECKING:
    from quiz.classroom.server import ClassroomServer
    from quiz.classroom.server_thread import HostCalls

Decision = TypeVar("Decision")


class Dialog(ModalScreen[Decision]):
    """A box in the middle of the screen, over what it asks about."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 2;
    }
    Dialog Horizontal { height: auto; margin-top: 1; }
    Dialog Button { margin-right: 2; }
    Dialog .question { margin-bottom: 1; }
    Dialog NameGrid { height: 8; border: round $panel; }
    """


class ConfirmDialog(Dialog[bool]):
    """Ask before something that cannot be undone; Escape is "no"."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "no", "Cancel")]

    def __init__(self, question: str, yes: str, no: str = "Keep playing") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question), classes="question")
            with Horizontal():
                yield Button(self.yes_label, variant="error", id="yes")
                yield Button(self.no_label, variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe answer is the default

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_no(self) -> None:
        self.dismiss(False)


@dataclass(frozen=True)
class Removal:
    """The teacher's decision in the players dialog."""

    player: str
    name: str
    ban: bool


class PlayersDialog(Dialog[Removal | None]):
    """Find a player by name and remove them (Kick), or remove them and refuse their name
    and token for the rest of the session (Ban, when the server can ban)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, players: list[tuple[str, str]], *, can_ban: bool) -> None:
        super().__init__()
        self.players = players
        self.can_ban = can_ban
        self._keys = [name_key(name) for _, name in players]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Remove a player"), classes="question")
            yield Input(placeholder="Type to find a name", id="find")
            yield NameGrid(id="found", picking=True)
            with Horizontal():
                yield Button("Kick", variant="warning", id="kick")
                yield Button("Ban", variant="error", id="ban", disabled=not self.can_ban)
                yield Button("Close", id="close")

    def on_mount(self) -> None:
        self.show_matches("")

    @property
    def grid(self) -> NameGrid:
        return self.query_one("#found", NameGrid)

    @on(Input.Changed, "#find")
    def find(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    @on(Input.Submitted, "#find")
    def to_grid(self) -> None:
        self.grid.focus()

    def show_matches(self, text: str) -> None:
        grid = self.grid
        grid.clear()
        wanted = name_key(text) if text.strip() else ""
        for (player, name), key in zip(self.players, self._keys, strict=True):
            if wanted in key:
                grid.add(player, name)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        player = self.grid.selected
        if event.button.id == "close" or player is None:
            self.dismiss(None)
            return
        name = dict(self.players).get(player, "")
        self.dismiss(Removal(player, name, ban=event.button.id == "ban"))

    def action_close(self) -> None:
        self.dismiss(None)


class ReclaimDialog(Dialog[bool]):
    """Someone without a token asks to continue as a player who is away: only the teacher,
    who can see who is asking, may hand them the name and score."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "refuse", "Refuse")]

    def __init__(self, name: str, score: int) -> None:
        super().__init__()
        self.player_name = name
        self.score = score

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                styled(
                    f"A student asks to continue as [b]$name[/b] (score {self.score:,}), "
                    "from another machine and without their token.",
                    name=self.player_name,
                ),
                classes="question",
            )
            yield Static(
                literal("Approve only if it is really them: they take over the name and score."),
                classes="question",
            )
            with Horizontal():
                yield Button("Approve", variant="success", id="approve")
                yield Button("Refuse", variant="error", id="refuse")

    def on_mount(self) -> None:
        self.query_one("#refuse", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "approve")

    def action_refuse(self) -> None:
        self.dismiss(False)


class DeadlineDialog(Dialog[float | None]):
    """Move a homework's deadline: a local date and time ("2026-12-06 17:00") or a length
    of time from now ("+1d", "12h"). Dismisses with the new deadline (POSIX seconds);
    a deadline that can't be read or has passed is said under the box, which stays open."""
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str, now: Callable[[], float]) -> None:
        super().__init__()
        self.current = current
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                styled("Due [b]$due[/b]. Move the deadline to:", due=self.current),
                classes="question",
            )
            yield Input(placeholder="2026-12-06 17:00, or +1d, 12h, 90m", id="until")
            yield Static("", id="deadline-error")
            with Horizontal():
                yield Button("Move", variant="primary", id="move")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#until", Input).focus()

    @on(Input.Submitted, "#until")
    def submitted(self) -> None:
        self.move()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "move":
            self.move()
        else:
            self.dismiss(None)

    def move(self) -> None:
        text = self.query_one("#until", Input).value
        try:
            self.dismiss(parse_deadline(text, self.now()))
        except BadDeadline as error:
            self.query_one("#deadline-error", Static).update(literal(str(error)))

    def action_cancel(self) -> None:
        self.dismiss(None)


async def remove_a_player(
    app: App[int],
    server: ClassroomServer,
    calls: HostCalls,
    then: Callable[[], Awaitable[None]],
) -> None:
    """The players dialog of a teacher's screen (live game or homework): the student picked
    is kicked, or banned, on the server's loop; the teacher is told; then `then` runs (the
    screen catches up)."""
    session = server.session
    players = await calls.call(lambda: [(pl.id, pl.name) for pl in session.active_players()])

    async def decided(removal: Removal | None) -> None:
        if removal is not None:
            await calls.call_async(lambda: server.kick(removal.player, ban=removal.ban))
            verb = "Banned" if removal.ban else "Removed"
            app.notify(f"{verb}: {removal.name}", markup=False)
            await then()

    app.push_screen(PlayersDialog(players, can_ban=True), decided)
