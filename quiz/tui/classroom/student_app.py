"""The student's screen: lobby, each question answered by key, "locked in", the reveal with
the points, rank and the player just ahead, and the final rank."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import ContentSwitcher, Footer, Header, Input, Static
from websockets.exceptions import ConnectionClosed

from quiz.classroom import protocol as p
from quiz.classroom.client import ClassroomClient, TokenMemory, join_with_memory
from quiz.errors import QuizError
from quiz.game.labels import option_label
from quiz.tui.text import literal, styled


class FromHost(Message):
    """A message the host sent."""

    def __init__(self, message: p.ServerMessage) -> None:
        super().__init__()
        self.message = message


class StudentApp(App[int]):
    """One student's game. With no client (tests, snapshots) messages are fed to `show`."""

    CSS_PATH = "student.tcss"
    TITLE = "quiz — classroom"
    AUTO_FOCUS = None  # number keys answer; only a typed question focuses the input
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pick({n - 1})", f"Option {n}", show=False) for n in range(1, 9)),
        Binding("enter", "send_multiple", "Send", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, client: ClassroomClient | None, memory: TokenMemory | None = None) -> None:
        super().__init__()
        self.client = client
        self.memory = memory
        self.question: p.QuestionMessage | None = None
        self.picked: set[int] = set()
        self.locked_in = False
        self.sent: list[p.Answer] = []
        self.player_name = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="waiting"):
            yield Static(Content("Connecting…"), id="waiting")
            with Vertical(id="play"):
                yield Static("", id="head")
                yield Static("", id="prompt")
                yield Vertical(id="choices")
                yield Input(placeholder="Type your answer and press Enter", id="typed")
                yield Static("", id="status")
            with Vertical(id="outcome"):
                yield Static("", id="verdict")
                yield Static("", id="right-answer")
                yield Static("", id="standing")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#typed", Input).display = False
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
        self.query_one("#status", Static).update(Content(text))

    # --- showing what the host says ---------------------------------------------------------

    def show(self, message: p.ServerMessage) -> None:
        """Update the screen for one message from the host."""
        waiting = self.query_one("#waiting", Static)
        if isinstance(message, p.Welcome):
            self.player_name = message.name
            self.sub_title = message.name
            waiting.update(
                styled("Joined as [b]$name[/b]. Waiting for the game to start…", name=message.name)
            )
            self.switch("waiting")
        elif isinstance(message, p.Lobby):
            waiting.update(
                styled(
                    f"Joined as [b]$name[/b]. {message.count} players are in. Waiting…",
                    name=self.player_name,
                )
            )
        elif isinstance(message, p.QuestionMessage):
            self.show_question(message)
        elif isinstance(message, p.Accepted):
            self.locked_in = True
            self.status("Locked in! Waiting for the others…")
        elif isinstance(message, p.Closed):
            if not self.locked_in:
                self.status("Time is up.")
            self.query_one("#typed", Input).display = False
        elif isinstance(message, p.Reveal):
            self.query_one("#right-answer", Static).update(
                styled("The answer: [b]$a[/b]", a=message.answer)
            )
        elif isinstance(message, p.YourResult):
            self.show_result(message)
        elif isinstance(message, p.Leaderboard):
            pass  # the teacher's screen shows it; our own rank came with the result
        elif isinstance(message, p.Paused):
            self.status("Paused by the teacher." if message.paused else "")
        elif isinstance(message, p.GameOver):
            self.query_one("#verdict", Static).update(Content("Game over"))
            self.query_one("#standing", Static).update(
                Content(
                    f"Final rank: {message.rank} of {message.players}, with {message.score} points."
                )
            )
            self.query_one("#right-answer", Static).update(Content(""))
            self.switch("outcome")
        elif isinstance(message, p.Kicked):
            waiting.update(Content("The teacher removed you from the game."))
            self.switch("waiting")
        elif isinstance(message, p.Error):
            self.status(f"Not accepted: {message.message}")

    def show_question(self, message: p.QuestionMessage) -> None:
        self.question = message
        self.picked = set()
        self.locked_in = False
        self.query_one("#head", Static).update(
            Content(f"Question {message.number} of {message.total} — {message.seconds:g} s")
        )
        self.query_one("#prompt", Static).update(literal(message.prompt))
        self.render_choices()
        typed = self.query_one("#typed", Input)
        typed.display = message.kind == "typed"
        typed.value = ""
        if message.kind == "typed":
            typed.focus()
        else:
            self.set_focus(None)
        hint = {
            "multiple": "Press the numbers of every right choice, then Enter.",
            "typed": "Type your answer, then Enter.",
        }.get(message.kind, "Press the number of your answer.")
        self.status(hint)
        self.switch("play")

    def render_choices(self) -> None:
        assert self.question is not None
        choices = self.query_one("#choices", Vertical)
        choices.remove_children()
        for index, text in enumerate(self.question.choices):
            chosen = "[x] " if index in self.picked else ""
            line = styled(f"[b]{option_label(index)}[/b]  {chosen}$text", text=text)
            choices.mount(
                Static(line, classes="choice picked" if index in self.picked else "choice")
            )

    def show_result(self, result: p.YourResult) -> None:
        if result.correct:
            verdict = f"Right! +{result.points} points"
        elif result.points:
            verdict = f"Partly right: +{result.points} points"
        else:
            verdict = "Wrong" if result.answered else "No answer"
        self.query_one("#verdict", Static).update(Content(verdict))
        ahead = (
            styled(", just behind [b]$name[/b]", name=result.ahead) if result.ahead else Content("")
        )
        line = Content(f"Score {result.score} — rank {result.rank}") + ahead
        self.query_one("#standing", Static).update(line)
        self.switch("outcome")

    # --- answering ------------------------------------------------------------------------

    async def action_pick(self, index: int) -> None:
        question = self.question
        if question is None or self.locked_in or question.kind == "typed":
            return
        if index >= len(question.choices):
            return
        if question.kind == "multiple":
            self.picked ^= {index}
            self.render_choices()
            return
        await self.send(p.Answer(question=question.number, choices=[index]))

    async def action_send_multiple(self) -> None:
        question = self.question
        if question and question.kind == "multiple" and self.picked and not self.locked_in:
            await self.send(p.Answer(question=question.number, choices=sorted(self.picked)))

    @on(Input.Submitted, "#typed")
    async def typed_answer(self, event: Input.Submitted) -> None:
        question = self.question
        text = event.value.strip()[: p.MAX_TYPED_ANSWER]
        if question and question.kind == "typed" and text and not self.locked_in:
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
