"""The panels of the teacher's projector screen: lobby, question, reveal, leaderboard, podium.

Each panel shows protocol messages (quiz.classroom.protocol) and never parses the text it
shows as markup: names and questions come from students and packs.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Digits, OptionList, Static
from textual.widgets.option_list import Option

from quiz.classroom import protocol as p
from quiz.game.labels import option_label
from quiz.tui.text import literal, styled

BAR_WIDTH = 40


class LobbyPanel(Vertical):
    """Where to join, the code in large digits, and the names as they arrive."""

    def compose(self) -> ComposeResult:
        yield Static("Join with:  quiz join ADDRESS --code CODE --name NAME", id="join-help")
        yield Static("", id="addresses")
        yield Digits("", id="code")
        yield Static("", id="lobby-count")
        yield OptionList(id="names")

    def show(
        self, addresses: list[str], code: str, players: list[tuple[str, str]], locked: bool
    ) -> None:
        """`players` are (player id, name) pairs in joining order."""
        self.query_one("#addresses", Static).update(Content("\n".join(addresses)))
        self.query_one("#code", Digits).update(code)
        state = "  (locked: no new players)" if locked else ""
        count = f"{len(players)} player{'s' if len(players) != 1 else ''}{state}"
        self.query_one("#lobby-count", Static).update(Content(count))
        names = self.query_one("#names", OptionList)
        highlighted = names.highlighted
        names.clear_options()
        names.add_options(
            [Option(literal(name, single_line=True), id=pid) for pid, name in players]
        )
        if players:
            names.highlighted = min(highlighted or 0, len(players) - 1)

    @property
    def selected_player(self) -> str | None:
        names = self.query_one("#names", OptionList)
        if names.highlighted is None or names.option_count == 0:
            return None
        return names.get_option_at_index(names.highlighted).id


class QuestionPanel(Vertical):
    """The open question, its choices with numbers and shapes, the countdown and the count."""

    def compose(self) -> ComposeResult:
        yield Static("", id="question-head")
        yield Static("", id="prompt")
        yield Vertical(id="choices")
        yield Static("", id="countdown")
        yield Static("", id="answer-count")

    def show(self, message: p.QuestionMessage) -> None:
        self.query_one("#question-head", Static).update(
            Content(f"Question {message.number} of {message.total}")
        )
        self.query_one("#prompt", Static).update(literal(message.prompt))
        choices = self.query_one("#choices", Vertical)
        choices.remove_children()
        if message.kind == "typed":
            choices.mount(Static(Content("Type your answer on your own screen."), classes="choice"))
        for index, text in enumerate(message.choices):
            line = styled(f"[b]{option_label(index)}[/b]  $text", text=text)
            choices.mount(Static(line, classes=f"choice choice-{index}"))

    def tick(self, seconds_left: float, answered: int, players: int, paused: bool) -> None:
        left = "paused" if paused else f"{max(0, int(seconds_left + 0.999))} s left"
        self.query_one("#countdown", Static).update(Content(left))
        self.query_one("#answer-count", Static).update(Content(f"{answered} of {players} answered"))


class RevealPanel(Vertical):
    """The right answer, a bar per choice with how many picked it, explanation and quote."""

    def compose(self) -> ComposeResult:
        yield Static("", id="reveal-answer")
        yield Vertical(id="bars")
        yield Static("", id="explanation")
        yield Static("", id="quote")

    def show(self, reveal: p.Reveal, choices: list[str]) -> None:
        self.query_one("#reveal-answer", Static).update(
            styled("Answer: [b]$a[/b]", a=reveal.answer)
        )
        bars = self.query_one("#bars", Vertical)
        bars.remove_children()
        most = max(reveal.counts, default=0) or 1
        for index, (text, count) in enumerate(zip(choices, reveal.counts, strict=False)):
            right = index in reveal.correct
            mark = "✓" if right else " "
            bar = "█" * round(BAR_WIDTH * count / most)
            line = styled(f"{mark} {option_label(index)} $text\n  {bar} {count}", text=text)
            bars.mount(Static(line, classes="bar right" if right else "bar"))
        self.query_one("#explanation", Static).update(literal(reveal.explanation))
        quote = (
            styled("“$q” — $who", q=reveal.quote, who=reveal.attribution or "the article")
            if reveal.quote
            else Content("")
        )
        self.query_one("#quote", Static).update(quote)


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
                f"{standing.rank}. $name  [b]{standing.score}[/b]  {movement(standing.move)}",
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
            line = styled(f"{standing.rank}. $name  [b]{standing.score}[/b]", name=standing.name)
            rows.mount(Static(line, classes=f"podium-{standing.rank}"))
        if results:
            rows.mount(Static(styled("Results saved: $path", path=results), id="results-path"))
