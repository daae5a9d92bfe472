"""The student's screen: lobby, each question answered by key, "locked in", the reveal with
the points, rank and the player just ahead, and the final rank.

Choice questions are answered by number keys; ordering and matching questions with the
same panels as solo play (quiz.tui.widgets); typed and numeric ones in an input box. The
question scrolls when it does not fit (a long prompt with eight choices at 80×24) while the
countdown above and the status line below stay in view.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Header, Input, Static
from websockets.exceptions import ConnectionClosed

from quiz.classroom import protocol as p
from quiz.classroom.client import ClassroomClient, TokenMemory, join_with_memory
from quiz.classroom.deadline import shown_deadline
from quiz.classroom.deck import positions
from quiz.errors import QuizError
from quiz.game.labels import option_label
from quiz.safe_text import safe_text
from quiz.tui.classroom.bars import CHOICE_KINDS, bar_lines
from quiz.tui.text import literal, styled
from quiz.tui.widgets.answered import Answered
from quiz.tui.widgets.key_footer import KeyFooter
from quiz.tui.widgets.matching import MatchingPanel
from quiz.tui.widgets.ordering import OrderingPanel

HINTS = {
    "multiple": "Press the numbers of every right choice, then Enter.",
    "typed": "Type your answer, then Enter.",
    "numeric": "Type a number, then Enter.",
    "ordering": "Put the items in order (↑/↓, Space to pick up and drop), then Enter.",
    "matching": "Press a number, then the letter of its partner; Enter when all are paired.",
}
BAR_WIDTH = 30


class FromHost(Message):
    """A message the host sent."""

    def __init__(self, message: p.ServerMessage) -> None:
        super().__init__()
        self.message = message


def players_in(count: int) -> str:
    return "1 player is in" if count == 1 else f"{count} players are in"


class StudentApp(App[int]):
    """One student's game. With no client (tests, snapshots) messages are fed to `show`.
    `clock` (monotonic seconds) runs the countdown; tests freeze it."""

    CSS_PATH = "student.tcss"
    TITLE = "quiz — classroom"
    AUTO_FOCUS = None  # number keys answer; only typed answers and panels take the focus
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pick({n - 1})", f"Choice {n}", show=False) for n in range(1, 9)),
        Binding("enter", "send_multiple", "Send", show=False),
        Binding("pageup", "scroll_question(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll_question(1)", "Scroll down", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        client: ClassroomClient | None,
        memory: TokenMemory | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.client = client
        self.memory = memory
        self.clock = clock
        self.question: p.QuestionMessage | None = None
        self.picked: set[int] = set()
        self.locked_in = False
        self.sent: list[p.Answer] = []
        self.player_name = ""
        self.deadline: float | None = None  # on `clock`; None when no countdown runs
        self.paused_left: float | None = None
        # Self-paced homework: Enter asks for the next question when the student is ready.
        self.self_paced = False
        self.awaiting_next = False

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="waiting"):
            yield Static(Content("Connecting…"), id="waiting")
            with Vertical(id="play"):
                yield Static("", id="head")
                with VerticalScroll(id="question-body"):
                    yield Static("", id="prompt")
                    yield Vertical(id="choices")
                    yield Vertical(id="answer-panel")
                    yield Input(placeholder="Type your answer and press Enter", id="typed")
                yield Static("", id="status")
            with VerticalScroll(id="outcome"):
                yield Static("", id="verdict")
                yield Static("", id="accepted")
                yield Static("", id="right-answer")
                yield Vertical(id="spread")
                yield Static("", id="standing")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#typed", Input).display = False
        self.set_interval(0.25, self.tick)
        if self.client is not None:
            self.listen()

    @work(exclusive=True)
    async def listen(self) -> None:
        """Join, then hand every message to the UI; the client rejoins by itself."""
        assert self.client is not None
        try:
            welcome = await join_with_memory(self.client, self.memory)
            self.post_message(FromHost(welcome))
            async for message in self.client.messages():
                self.post_message(FromHost(message))
        except QuizError as error:
            self.query_one("#waiting", Static).update(literal(f"quiz: {error}"))
            self.switch("waiting")

    @on(FromHost)
    def from_host(self, event: FromHost) -> None:
        self.show(event.message)

    def switch(self, panel: str) -> None:
        self.query_one(ContentSwitcher).current = panel

    def status(self, text: str) -> None:
        self.query_one("#status", Static).update(literal(text))

    # --- the countdown --------------------------------------------------------------------

    def seconds_left(self) -> float | None:
        if self.paused_left is not None:
            return self.paused_left
        if self.deadline is None:
            return None
        return max(0.0, self.deadline - self.clock())

    def tick(self) -> None:
        """Show the question number and the seconds left (rounded up, as the host does)."""
        question = self.question
        heads = self.query("#head").results(Static)
        widget = next(heads, None)
        if question is None or widget is None:  # no question yet, or the app is closing
            return
        head = f"Question {question.number} of {question.total}"
        left = self.seconds_left()
        if self.paused_left is not None:
            head += " — paused"
        elif left is not None:
            head += f" — {int(left + 0.999)} s left"
        elif question.seconds is None and not self.locked_in:
            head += " — no time limit"
        widget.update(Content(head))

    # --- showing what the host says ---------------------------------------------------------

    def show(self, message: p.ServerMessage) -> None:
        """Update the screen for one message from the host."""
        waiting = self.query_one("#waiting", Static)
        if isinstance(message, p.Welcome):
            self.player_name = message.name
            self.sub_title = safe_text(message.name, single_line=True)
            waiting.update(
                styled("Joined as [b]$name[/b]. Waiting for the game to start…", name=message.name)
            )
            self.switch("waiting")
        elif isinstance(message, p.Lobby):
            waiting.update(
                styled(
                    f"Joined as [b]$name[/b]. {players_in(message.count)}. Waiting…",
                    name=self.player_name,
                )
            )
        elif isinstance(message, p.QuestionMessage):
            self.show_question(message)
        elif isinstance(message, p.Accepted):
            self.locked_in = True
            self.status("Locked in! Waiting for the others…")
            self.put_away_panel()
        elif isinstance(message, p.Closed):
            self.deadline = None
            self.paused_left = None
            if not self.locked_in:
                self.status("Time is up.")
            self.query_one("#typed", Input).display = False
            self.put_away_panel()
            self.tick()
        elif isinstance(message, p.Reveal):
            self.show_reveal(message)
        elif isinstance(message, p.YourResult):
            self.show_result(message)
        elif isinstance(message, p.Leaderboard):
            pass  # the teacher's screen shows it; our own rank came with the result
        elif isinstance(message, p.Paused):
            self.show_paused(message.paused)
        elif isinstance(message, p.Assignment):
            self.show_assignment(message)
        elif isinstance(message, p.GameOver):
            self.awaiting_next = False
            finished = message.rank is None
            self.query_one("#verdict", Static).update(
                Content("All done" if finished else "Game over")
            )
            self.query_one("#standing", Static).update(
                Content(
                    f"Finished, with {message.score:,} points."
                    if finished
                    else f"Final rank: {message.rank} of {message.players}, "
                    f"with {message.score:,} points."
                )
            )
            self.query_one("#right-answer", Static).update(Content(""))
            self.query_one("#accepted", Static).display = False
            self.query_one("#spread", Vertical).remove_children()
            self.switch("outcome")
            self.put_away_panel()
        elif isinstance(message, p.Kicked):
            waiting.update(Content("The teacher removed you from the game."))
            self.switch("waiting")
        elif isinstance(message, p.Error):
            self.status(f"Not accepted: {message.message}")
            self.unlock_panel()

    def show_assignment(self, message: p.Assignment) -> None:
        """Self-paced homework: how far the student is and until when; Enter goes on."""
        self.self_paced = True
        due = shown_deadline(message.deadline)
        line = (
            f"Homework: {message.answered} of {message.total} answered, "
            f"{message.score:,} points. Due {due}."
        )
        if self.question is None or self.awaiting_next:
            self.awaiting_next = True
            styled_line = styled(
                f"Joined as [b]$name[/b]. {line} Press Enter for a question.",
                name=self.player_name,
            )
            self.query_one("#waiting", Static).update(styled_line)
            if self.question is None:
                self.switch("waiting")
        else:
            self.notify(line, markup=False)

    async def ask_next(self) -> None:
        self.awaiting_next = False
        if self.client is not None:
            try:
                await self.client.send(p.Next())
            except ConnectionClosed:
                self.awaiting_next = True

    def show_paused(self, paused: bool) -> None:
        if paused and self.paused_left is None and self.deadline is not None:
            self.paused_left = self.seconds_left()
            self.status("Paused by the teacher.")
        elif not paused and self.paused_left is not None:
            self.deadline = self.clock() + self.paused_left
            self.paused_left = None
            self.status("Locked in! Waiting for the others…" if self.locked_in else "")
        self.tick()

    def show_question(self, message: p.QuestionMessage) -> None:
        self.awaiting_next = False
        again = self.question is not None and self.question.number == message.number
        self.deadline = None if message.seconds is None else self.clock() + message.seconds
        self.paused_left = None
        if again:
            # The same question again (a rejoin): only the time left changes.
            self.question = message
            self.tick()
            return
        self.question = message
        self.picked = set()
        self.locked_in = False
        self.query_one("#prompt", Static).update(literal(message.prompt))
        self.render_choices()
        self.mount_answer_panel(message)
        typed = self.query_one("#typed", Input)
        typed.display = message.kind in ("typed", "numeric")
        typed.value = ""
        unit = safe_text(message.unit, single_line=True)
        number = f"Type a number ({unit})" if unit else "Type a number"
        typed.placeholder = (
            f"{number} and press Enter"
            if message.kind == "numeric"
            else "Type your answer and press Enter"
        )
        hint = HINTS.get(message.kind, "Press the number of your answer.")
        if message.kind == "numeric" and unit:
            hint = f"Type a number ({unit}), then Enter."
        self.status(hint)
        self.switch("play")
        self.query_one("#question-body", VerticalScroll).scroll_home(animate=False)
        if message.kind in ("typed", "numeric"):
            typed.focus()
        elif message.kind not in ("ordering", "matching"):
            self.set_focus(None)
        self.tick()

    def mount_answer_panel(self, message: p.QuestionMessage) -> None:
        area = self.query_one("#answer-panel", Vertical)
        area.remove_children()
        panel: Widget | None = None
        if message.kind == "ordering":
            panel = OrderingPanel(message.choices)
        elif message.kind == "matching":
            panel = MatchingPanel(message.left, message.choices)
        if panel is not None:
            area.mount(panel)
            panel.focus()

    def render_choices(self) -> None:
        assert self.question is not None
        choices = self.query_one("#choices", Vertical)
        choices.remove_children()
        if self.question.kind not in CHOICE_KINDS:
            return
        for index, text in enumerate(self.question.choices):
            picked = index in self.picked
            # "[x]" is text, not markup: built as Content, never parsed.
            head = Content.from_markup(f"[b]{option_label(index)}[/b]  ")
            line = head + Content("[x] " if picked else "") + literal(text)
            choices.mount(Static(line, classes="choice picked" if picked else "choice"))

    def show_reveal(self, reveal: p.Reveal) -> None:
        self.query_one("#right-answer", Static).update(
            styled("The answer: [b]$a[/b]", a=reveal.answer)
        )
        spread = self.query_one("#spread", Vertical)
        spread.remove_children()
        kind = self.question.kind if self.question is not None else ""
        spread.mount_all(
            Static(line, classes="bar right" if right else "bar")
            for line, right in bar_lines(reveal, kind, BAR_WIDTH)
        )

    def show_result(self, result: p.YourResult) -> None:
        if result.correct:
            verdict = f"Right! +{result.points:,} points"
        elif result.points:
            verdict = f"Partly right: +{result.points:,} points"
        else:
            verdict = "Wrong" if result.answered else "No answer"
        self.query_one("#verdict", Static).update(Content(verdict))
        accepted = self.query_one("#accepted", Static)
        accepted.update(literal(result.accepted))
        accepted.display = bool(result.accepted)
        ahead = (
            styled(", just behind [b]$name[/b]", name=result.ahead) if result.ahead else Content("")
        )
        ranked = f" — rank {result.rank}" if result.rank is not None else ""
        line = Content(f"Score {result.score:,}{ranked}") + ahead
        if self.self_paced:
            self.awaiting_next = True
            line += Content("\nPress Enter for the next question.")
        self.query_one("#standing", Static).update(line)
        self.switch("outcome")
        self.put_away_panel()
        self.query_one("#outcome", VerticalScroll).scroll_home(animate=False)

    # --- answering ------------------------------------------------------------------------

    def action_scroll_question(self, direction: int) -> None:
        body = self.query_one("#question-body", VerticalScroll)
        if direction < 0:
            body.scroll_page_up()
        else:
            body.scroll_page_down()

    async def action_pick(self, index: int) -> None:
        question = self.question
        if question is None or self.locked_in or question.kind not in CHOICE_KINDS:
            return
        if index >= len(question.choices):
            return
        if question.kind == "multiple":
            self.picked ^= {index}
            self.render_choices()
            return
        await self.send(p.Answer(question=question.number, choices=[index]))

    async def action_send_multiple(self) -> None:
        if self.awaiting_next:
            await self.ask_next()
            return
        question = self.question
        if question and question.kind == "multiple" and self.picked and not self.locked_in:
            await self.send(p.Answer(question=question.number, choices=sorted(self.picked)))

    @on(Answered)
    async def panel_answered(self, event: Answered) -> None:
        """An ordering or matching panel committed its answer (texts, as in solo play)."""
        event.stop()
        question = self.question
        if question is None or self.locked_in:
            return
        if question.kind == "ordering" and isinstance(event.value, tuple):
            items = [item for item in event.value if isinstance(item, str)]
            await self.send(
                p.Answer(question=question.number, choices=list(positions(items, question.choices)))
            )
        elif question.kind == "matching":
            pairs = dict(pair for pair in event.value if isinstance(pair, tuple))
            if len(pairs) < len(question.left):
                self.unlock_panel()
                self.status(f"Pair every item first ({len(pairs)} of {len(question.left)} paired).")
                return
            partners = [pairs[left] for left in question.left]
            await self.send(
                p.Answer(
                    question=question.number, choices=list(positions(partners, question.choices))
                )
            )

    def put_away_panel(self) -> None:
        """The question is over: its panel takes no keys (and no focus it was about to get)."""
        for panel in self.query("#answer-panel > *"):
            panel.disabled = True
        self.query_one("#typed", Input).display = False
        # After any focus the question asked for (widgets take the focus a moment later).
        self.call_later(self.set_focus, None)

    def unlock_panel(self) -> None:
        """Let the ordering or matching panel be changed and sent again."""
        for panel in self.query("#answer-panel > *"):
            if isinstance(panel, OrderingPanel | MatchingPanel):
                panel.locked = False

    @on(Input.Submitted, "#typed")
    async def typed_answer(self, event: Input.Submitted) -> None:
        question = self.question
        text = event.value.strip()[: p.MAX_TYPED_ANSWER]
        if question and question.kind in ("typed", "numeric") and text and not self.locked_in:
            await self.send(p.Answer(question=question.number, text=text))

    async def send(self, answer: p.Answer) -> None:
        self.sent.append(answer)
        self.status("Sending…")
        if self.client is not None:
            try:
                await self.client.send(answer)
            except ConnectionClosed:  # the client rejoins by itself; the host re-sends the question
                self.status("Connection lost; rejoining…")


def run_student_app(client: ClassroomClient, memory: TokenMemory | None) -> int:
    """Run the student screen until the student quits."""
    StudentApp(client, memory).run()
    return 0
