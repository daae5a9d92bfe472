"""`quiz play --teams "Reds,Blues"`: a team game at one keyboard, for the projector.

Each question is shown; each team in turn answers by key (number keys; multiple answer:
toggle, then Enter; typed: the input box), then the reveal shows every team's verdict and the
team scoreboard. Space moves on.
"""

from __future__ import annotations

import random
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Input, Static

from quiz.classroom.options import TeamsOptions
from quiz.classroom.team_game import TeamGame
from quiz.game.labels import option_label
from quiz.game.modes import DEFAULT_TIME_LIMIT
from quiz.tui.text import literal, styled


class TeamsApp(App[int]):
    """One keyboard, several teams, a shared scoreboard."""

    CSS_PATH = "teams.tcss"
    TITLE = "quiz — teams"
    AUTO_FOCUS = None
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pick({n - 1})", f"Option {n}", show=False) for n in range(1, 9)),
        Binding("enter", "confirm", "Send", show=False),
        Binding("space", "next", "Next"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, game: TeamGame) -> None:
        super().__init__()
        self.game = game
        self.picked: set[int] = set()
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield Header()
        # The scoreboard sits beside the question, outside what scrolls: at 80×24 it stays
        # on screen with the reveal.
        yield Static("", id="scoreboard")
        with VerticalScroll(id="teams-body"):
            yield Static("", id="team-head")
            yield Static("", id="team-prompt")
            yield Vertical(id="team-options")
            yield Input(placeholder="Type the team's answer and press Enter", id="team-typed")
            yield Static("", id="team-turn")
            yield Static("", id="team-reveal")
        yield Footer()

    def on_mount(self) -> None:
        self.show_question()

    # --- showing ----------------------------------------------------------------------------

    def show_question(self) -> None:
        game = self.game
        question = game.question
        self.revealed = False
        self.picked = set()
        self.query_one("#team-head", Static).update(
            Content(f"Question {game.number} of {len(game.questions)}")
        )
        self.query_one("#team-prompt", Static).update(literal(question.question.prompt))
        self.render_options()
        typed = self.query_one("#team-typed", Input)
        typed.display = question.kind == "typed"
        self.query_one("#team-reveal", Static).update("")
        self.show_turn()
        self.show_scoreboard()

    def render_options(self) -> None:
        options = self.query_one("#team-options", Vertical)
        options.remove_children()
        for index, text in enumerate(self.game.question.choices):
            chosen = "[x] " if index in self.picked else ""
            line = styled(f"[b]{option_label(index)}[/b]  {chosen}$text", text=text)
            options.mount(Static(line, classes="team-option"))

    def show_turn(self) -> None:
        turn = self.query_one("#team-turn", Static)
        typed = self.query_one("#team-typed", Input)
        if self.game.all_answered:
            turn.update(Content("Every team has answered."))
            return
        hint = {
            "multiple": "press every right number, then Enter",
            "typed": "type, then Enter",
        }.get(self.game.question.kind, "press a number")
        turn.update(styled(f"[b]$team[/b], your answer ({hint})", team=self.game.team.name))
        if self.game.question.kind == "typed":
            typed.value = ""
            typed.focus()

    def show_reveal(self) -> None:
        self.revealed = True
        question = self.game.question
        lines = [styled("Answer: [b]$a[/b]", a=question.question.answer_text)]
        for team in self.game.teams:
            mark = "✓" if team.last_correct else "✗"
            lines.append(
                styled(
                    f"{mark} $team: $given  +{team.last_points}",
                    team=team.name,
                    given=team.last_given,
                )
            )
        if question.question.explanation:
            lines.append(literal(question.question.explanation))
        self.query_one("#team-reveal", Static).update(Content("\n").join(lines))
        self.query_one("#team-typed", Input).display = False
        self.set_focus(None)
        self.query_one("#team-turn", Static).update(Content("Space: next question"))
        self.show_scoreboard()

    def show_scoreboard(self) -> None:
        rows = [Content("Scoreboard")]
        for rank, team in enumerate(self.game.standings(), 1):
            rows.append(styled(f"{rank}. $team  {team.score}", team=team.name))
        self.query_one("#scoreboard", Static).update(Content("\n").join(rows))

    # --- keys -------------------------------------------------------------------------------

    def take(self, choices: list[int], text: str | None = None) -> None:
        try:
            self.game.answer(choices, text)
        except ValueError as error:
            self.query_one("#team-turn", Static).update(literal(str(error)))
            return
        self.picked = set()
        self.render_options()
        if self.game.all_answered:
            self.show_reveal()
        else:
            self.show_turn()

    def action_pick(self, index: int) -> None:
        question = self.game.question
        if self.revealed or question.kind == "typed" or index >= len(question.choices):
            return
        if question.kind == "multiple":
            self.picked ^= {index}
            self.render_options()
            return
        self.take([index])

    def action_confirm(self) -> None:
        if not self.revealed and self.game.question.kind == "multiple" and self.picked:
            self.take(sorted(self.picked))

    @on(Input.Submitted, "#team-typed")
    def typed(self, event: Input.Submitted) -> None:
        if not self.revealed and event.value.strip():
            self.take([], event.value.strip())

    def action_next(self) -> None:
        if not self.revealed:
            return
        self.game.next_question()
        if self.game.over:
            self.finish()
        else:
            self.show_question()

    def finish(self) -> None:
        self.query_one("#team-head", Static).update(Content("Final scores"))
        for selector in ("#team-prompt", "#team-turn", "#team-reveal"):
            self.query_one(selector, Static).update("")
        self.query_one("#team-options", Vertical).remove_children()
        winner = self.game.standings()[0]
        self.query_one("#team-turn", Static).update(styled("[b]$team[/b] win!", team=winner.name))
        self.show_scoreboard()


def run_teams(options: TeamsOptions) -> int:
    """Run a team game for `quiz play --teams` (its pack, count and seed)."""
    from quiz.classroom.deck import prepare
    from quiz.classroom.question_source import pack_questions

    seed = options.seed if options.seed is not None else random.randrange(2**32)
    # Teams answer by number keys or by typing: the types that fit one shared keyboard.
    kinds = ("single", "multiple", "true_false", "typed")
    _, _, questions = pack_questions(options.pack, count=options.count, seed=seed, kinds=kinds)
    # Teams answer in turn with no clock; the time limit only fills in the question.
    hosted = prepare(questions, seconds=DEFAULT_TIME_LIMIT, seed=seed)
    TeamsApp(TeamGame.from_names(options.teams, hosted)).run()
    return 0
