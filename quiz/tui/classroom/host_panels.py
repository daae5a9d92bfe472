"""The panels of the teacher's projector screen: lobby, question, reveal, leaderboard, podium.

Each panel shows protocol messages (quiz.classroom.protocol) and never parses the text it
shows as markup: names and questions come from students and packs. Every question type has
its layout: choices with a number and a shape, ordering items numbered, a matching
question's two columns (numbers on the left, letters on the right), and for typed and
numeric questions what students are to type.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Digits, Static

from quiz.classroom import protocol as p
from quiz.classroom.web.join_url import qr_lines
from quiz.game.labels import letter, option_label
from quiz.game.views import quote_to_show
from quiz.safe_text import safe_text
from quiz.tui.classroom.bars import bar_lines
from quiz.tui.classroom.name_grid import NameGrid
from quiz.tui.text import literal, styled

if TYPE_CHECKING:
    from quiz.classroom.server import ClassroomServer

BAR_WIDTH = 40


class Line(Widget):
    """One line of text, shown literally, that repaints only when it changes and never
    asks for a new layout (its height is fixed): the screen refreshes ten times a second
    during a question, and a countdown should cost one line's repaint, not the screen's."""

    DEFAULT_CSS = "Line { height: 1; }"

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.text = ""

    def show(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.refresh()

    def render(self) -> Content:
        return literal(self.text, single_line=True)


def show_join_url(panel: Widget, url: str) -> None:
    """The student page's address and its QR code for phones to scan, in the `#join-url`
    and `#join-qr` under `panel` (a teacher's screen: in the live game's lobby, or the
    homework's progress panel)."""
    panel.query_one("#join-url", Static).update(literal(f"or in a browser: {url}"))
    panel.query_one("#join-url").display = True
    qr = panel.query_one("#join-qr", Static)
    qr.update(Content("\n".join(qr_lines(url))))
    qr.display = True


def join_lines(server: ClassroomServer, addresses: list[str]) -> list[str]:
    """The `quiz join …` line for each address students reach `server` at (its scheme only
    with TLS: `quiz join` assumes ws)."""
    scheme = f"{server.scheme}://" if server.tls else ""
    return [f"quiz join {scheme}{address}:{server.port}" for address in addresses]


def join_widgets() -> ComposeResult:
    """How to join, as the lobby and the homework panel show it: the QR code (docked on the
    right, shown once there is a URL), the `quiz join` lines, the page's URL, the code."""
    yield Static("", id="join-qr")
    yield Static("Join with:  quiz join ADDRESS --code CODE --name NAME", id="join-help")
    yield Static("", id="addresses")
    yield Static("", id="join-url")
    yield Digits("", id="code")


def show_addresses_and_code(
    panel: Widget, shown: list[str], addresses: list[str], code: str
) -> None:
    """The `quiz join` addresses in `#addresses` (redrawn only when they differ from `shown`,
    which is updated in place) and the join code in large `#code` digits."""
    if addresses != shown:
        shown[:] = addresses
        panel.query_one("#addresses", Static).update(literal("\n".join(addresses)))
    digits = panel.query_one("#code", Digits)
    if digits.value != code:
        digits.update(code)


class LobbyPanel(Vertical):
    """Where to join, the code in large digits, and the names as they arrive."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.addresses: list[str] = []  # as last shown

    def compose(self) -> ComposeResult:
        yield from join_widgets()
        yield Line(id="lobby-count")
        yield NameGrid(id="names")

    @property
    def names(self) -> NameGrid:
        return self.query_one("#names", NameGrid)

    def show(self, addresses: list[str], code: str, count: int, locked: bool) -> None:
        """The addresses, the code and how many are in; the names are `names`' own."""
        show_addresses_and_code(self, self.addresses, addresses, code)
        state = "  (locked: no new players)" if locked else ""
        text = f"{count} player{'s' if count != 1 else ''}{state}"
        self.query_one("#lobby-count", Line).show(text)


class QuestionPanel(VerticalScroll):
    """The open question as its type shows it, the countdown and the count of answers.

    Its rows are made once and reused (filled in, shown or hidden) for every question: the
    panel changes at the very moment the question goes out to the class, and mounting new
    widgets then would cost the host the most CPU when it can least spare it."""

    def compose(self) -> ComposeResult:
        yield Static("", id="question-head")
        yield Line(id="countdown")
        yield Static("", id="prompt")
        yield Static("", id="question-hint", classes="hint")
        with Vertical(id="choices"):
            for _ in range(p.MAX_ITEMS):
                yield Static("", classes="choice")
        with Horizontal(id="pairs", classes="columns"):
            for side in ("left", "right"):
                with Vertical(classes=f"column {side}"):
                    for _ in range(p.MAX_ITEMS):
                        yield Static("", classes="pair")
        yield Line(id="answer-count")

    def show(self, message: p.QuestionMessage) -> None:
        self.query_one("#question-head", Static).update(
            Content(f"Question {message.number} of {message.total}")
        )
        self.query_one("#prompt", Static).update(literal(message.prompt))
        hint, rows, left, right = question_rows(message)
        hint_line = self.query_one("#question-hint", Static)
        hint_line.update(Content(hint))
        hint_line.display = bool(hint)
        fill(self.query("#choices > Static").results(Static), rows)
        fill(self.query("#pairs .left > Static").results(Static), left)
        fill(self.query("#pairs .right > Static").results(Static), right)
        self.query_one("#pairs").display = bool(left)
        self.scroll_home(animate=False)

    def tick(self, seconds_left: float | None, answered: int, players: int, paused: bool) -> None:
        if paused:
            left = "paused"
        elif seconds_left is None:
            left = "no time limit"
        else:
            left = f"{max(0, int(seconds_left + 0.999))} s left"
        self.query_one("#countdown", Line).show(left)
        self.query_one("#answer-count", Line).show(f"{answered} of {players} answered")


def fill(statics: Iterable[Static], rows: list[Content]) -> None:
    """Show `rows` in the first statics and hide the others."""
    for index, static in enumerate(statics):
        if index < len(rows):
            static.update(rows[index])
        static.display = index < len(rows)


def question_rows(
    message: p.QuestionMessage,
) -> tuple[str, list[Content], list[Content], list[Content]]:
    """(hint, rows, left column, right column) that show what a question asks for."""
    kind = message.kind
    if kind == "typed":
        return "", [Content("Type your answer on your own screen.")], [], []
    if kind == "numeric":
        unit = safe_text(message.unit, single_line=True)
        what = f"Type a number ({unit}) on your own screen." if unit else "Type a number."
        return "", [Content(what)], [], []
    if kind == "ordering":
        rows = [
            styled(f"[b]{index + 1}.[/b]  $text", text=text)
            for index, text in enumerate(message.choices)
        ]
        return "Put these in order, first to last:", rows, [], []
    if kind == "matching":
        left = [
            styled(f"[b]{index + 1}.[/b] $text", text=text)
            for index, text in enumerate(message.left)
        ]
        right = [
            styled(f"[b]{letter(index)}.[/b] $text", text=text)
            for index, text in enumerate(message.choices)
        ]
        return "Match each number with a letter:", [], left, right
    rows = [
        styled(f"[b]{option_label(index)}[/b]  $text", text=text)
        for index, text in enumerate(message.choices)
    ]
    return "", rows, [], []


class RevealPanel(VerticalScroll):
    """The right answer, the distribution as bars, the explanation and the quote."""

    def compose(self) -> ComposeResult:
        yield Static("", id="reveal-answer")
        yield Vertical(id="bars")
        yield Static("", id="explanation")
        yield Static("", id="quote")

    def show(self, reveal: p.Reveal, kind: str) -> None:
        self.query_one("#reveal-answer", Static).update(
            styled("Answer: [b]$a[/b]", a=reveal.answer)
        )
        bars = self.query_one("#bars", Vertical)
        bars.remove_children()
        bars.mount_all(
            Static(line, classes="bar right" if right else "bar")
            for line, right in bar_lines(reveal, kind, BAR_WIDTH)
        )
        self.query_one("#explanation", Static).update(literal(reveal.explanation))
        shown = quote_to_show(reveal.quote, reveal.explanation)
        if shown:
            quote = styled("“$q” — $who", q=shown, who=reveal.attribution or "the article")
        elif reveal.quote and reveal.attribution:  # quoted by the explanation: its source
            quote = styled("— $who", who=reveal.attribution)
        else:
            quote = Content("")
        self.query_one("#quote", Static).update(quote)
        self.scroll_home(animate=False)


def movement(move: int) -> str:
    return f"↑{move}" if move > 0 else f"↓{-move}" if move < 0 else "="


class LeaderboardPanel(Vertical):
    """The top five, with who moved up or down."""

    def compose(self) -> ComposeResult:
        yield Static(Content("Leaderboard"), id="board-title")
        yield Vertical(id="board")

    def show(self, board: p.Leaderboard) -> None:
        rows = self.query_one("#board", Vertical)
        rows.remove_children()
        for standing in board.top:
            line = styled(
                f"{standing.rank}. $name  [b]{standing.score:,}[/b]  {movement(standing.move)}",
                name=standing.name,
            )
            rows.mount(Static(line, classes="standing"))


class PodiumPanel(Vertical):
    """The top three at the end."""

    def compose(self) -> ComposeResult:
        yield Static(Content("Podium"), id="podium-title")
        yield Vertical(id="podium")

    def show(self, podium: list[p.Standing], results: str = "") -> None:
        rows = self.query_one("#podium", Vertical)
        rows.remove_children()
        for standing in podium:
            line = styled(f"{standing.rank}. $name  [b]{standing.score:,}[/b]", name=standing.name)
            rows.mount(Static(line, classes=f"podium-{standing.rank}"))
        if results:
            rows.mount(Static(styled("Results saved: $path", path=results), id="results-path"))
