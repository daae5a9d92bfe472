"""`quiz play --teams "Reds,Blues"`: a team game at one keyboard, for the projector.

It plays like solo play: the same status line, the question with its clock beside it, and
the same answer panels with the same keys (1–8 or a–h, arrows, Space to tick, Enter; a box
for typed answers), nothing highlighted and keys in the first 0.3 s of a turn not taken as
answers. Each team answers in turn against the question's clock (a team that runs out of
time scores nothing); each team has one 50:50 (`0` or `%`), on the solo rule. True/false
is always True then False. The reveal marks the right choices ✓ and lists every team's
verdict; Enter moves on. At the end a shared first place is announced as a tie.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.classroom.options import TeamsOptions
from quiz.classroom.team_game import Team, TeamGame
from quiz.tui.input_guard import InputGuard
from quiz.tui.text import literal, styled
from quiz.tui.widgets.answered import Answered, AnswerPanel
from quiz.tui.widgets.choices import ChoicePanel, keys_hint
from quiz.tui.widgets.key_footer import KeyFooter
from quiz.tui.widgets.status import Countdown, RoundStatus, lifeline_text
from quiz.tui.widgets.text_answer import TextAnswer

TICK_SECONDS = 0.1


def winners_line(leaders: list[Team]) -> str:
    """'Reds win with 4,600 points!', or 'A tie: Reds and Blues, 2,000 points each!'."""
    points = f"{leaders[0].score:,} point{'' if leaders[0].score == 1 else 's'}"
    if len(leaders) == 1:
        return f"{leaders[0].name} win with {points}!"
    names = ", ".join(team.name for team in leaders[:-1]) + f" and {leaders[-1].name}"
    return f"A tie: {names}, {points} each!"


class TeamsScreen(Screen[None]):
    """The whole team game: a question, each team's turn, the reveal, the final scores."""

    CSS_PATH = "teams.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0,percent_sign", "fifty_fifty", "50:50", show=False, key_display="0"),
        Binding("enter,space,n", "next", "Next", key_display="⏎"),
        Binding("enter,escape", "close", "Close", key_display="⏎"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, game: TeamGame, clock: Callable[[], float]) -> None:
        super().__init__()
        self.game = game
        self.clock = clock
        self.guard = InputGuard(clock)
        self.revealed = False
        self.turn_started = 0.0

    def compose(self) -> ComposeResult:
        yield RoundStatus()
        # The scoreboard sits beside the question, outside what scrolls: at 80×24 it stays
        # on screen with the reveal.
        yield Static(id="scoreboard")
        with VerticalScroll(id="teams-body", can_focus=False), Vertical(id="column"):
            with Horizontal(id="question-head"):
                yield Static(id="team-head")
                yield Countdown()
            yield Static(id="team-prompt")
            yield Vertical(id="team-answer")
            yield Static(id="team-turn")
            yield Static(id="team-reveal")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_question()
        self.set_interval(TICK_SECONDS, self.tick)

    @property
    def panel(self) -> AnswerPanel | None:
        found = self.query_one("#team-answer").query(AnswerPanel)
        return found.first() if found else None

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        over = self.game.over
        if action == "fifty_fifty":
            return not self.revealed and not over
        if action == "next":
            return self.revealed and not over
        if action == "close":
            return over
        if action == "leave":
            return not over
        return True

    def on_key(self, event: events.Key) -> None:
        # As on the solo question screen: a key that came too soon is not an answer.
        if not self.revealed and self.guard.blocks(event.key):
            event.stop()
            event.prevent_default()

    # --- showing ----------------------------------------------------------------------------

    def show_question(self) -> None:
        game = self.game
        self.revealed = False
        self.query_one("#team-head", Static).update(
            Content(f"Question {game.number} of {len(game.questions)}")
        )
        self.query_one("#team-prompt", Static).update(literal(game.question.question.prompt))
        reveal = self.query_one("#team-reveal", Static)
        reveal.update("")
        reveal.display = False
        self.start_turn()
        self.show_scoreboard()

    def start_turn(self) -> None:
        """A fresh answer panel for the team whose turn it is, and their clock."""
        question = self.game.question
        if question.kind == "typed":
            panel: AnswerPanel = TextAnswer()
            hint = "type, then Enter"
        else:
            multiple = question.kind == "multiple"
            panel = ChoicePanel(question.choices, multiple=multiple)
            keys = keys_hint(len(question.choices))
            hint = f"tick with {keys}, then Enter" if multiple else f"press {keys}"
        holder = self.query_one("#team-answer", Vertical)
        holder.remove_children()
        holder.mount(panel)
        panel.call_after_refresh(panel.take_keys)
        self.query_one("#team-turn", Static).update(
            styled(f"[b]$team[/b], your answer ({hint})", team=self.game.team.name)
        )
        self.turn_started = self.clock()
        self.guard.start()
        self.show_status()
        self.refresh_bindings()

    def show_status(self) -> None:
        game = self.game
        if self.revealed or game.over:
            parts = ["Every team has answered" if not game.over else "Final scores"]
        else:
            team = game.team
            offered = game.fifty_fifty_refusal is None or team.fifty_fifty_used
            life = lifeline_text(used=team.fifty_fifty_used, offered=offered, answering=True)
            parts = [f"{team.name} to answer", life]
        self.query_one(RoundStatus).show(parts, f"Teams · seed {game.seed}")

    def time_left(self) -> float:
        return max(0.0, self.game.question.seconds - (self.clock() - self.turn_started))

    def tick(self) -> None:
        """Redraw the turn's countdown; when it runs out, the team scores nothing."""
        countdown = self.query_one(Countdown)
        if self.revealed or self.game.over:
            countdown.clear()
            return
        left = self.time_left()
        countdown.show(left, self.game.question.seconds)
        if left <= 0:
            self.game.time_out()
            self.after_turn()

    def after_turn(self) -> None:
        if self.game.all_answered:
            self.show_reveal()
        else:
            self.start_turn()

    def show_reveal(self) -> None:
        self.revealed = True
        question = self.game.question
        panel = self.panel
        if isinstance(panel, ChoicePanel):
            # The last team's panel, cleared of their picks, shows the right choices ✓.
            fresh = ChoicePanel(question.choices, multiple=question.kind == "multiple")
            holder = self.query_one("#team-answer", Vertical)
            holder.remove_children()
            holder.mount(fresh)
            fresh.call_after_refresh(fresh.mark_right, question.question.answers)
        elif panel is not None:
            panel.locked = True
        lines = [styled("Answer: [b]$a[/b]", a=question.question.answer_text)]
        for team in self.game.teams:
            mark = "✓" if team.last_correct else ("½" if team.last_points else "✗")
            given = team.last_given or "(time ran out)"
            lines.append(
                styled(f"{mark} $team: $given  +{team.last_points:,}", team=team.name, given=given)
            )
        if question.question.explanation:
            lines.append(literal(question.question.explanation))
        reveal = self.query_one("#team-reveal", Static)
        reveal.update(Content("\n").join(lines))
        reveal.display = True
        self.query_one("#team-turn", Static).update(Content("Every team has answered."))
        self.set_focus(None)
        self.query_one(Countdown).clear()
        self.show_status()
        self.show_scoreboard()
        self.refresh_bindings()

    def show_scoreboard(self) -> None:
        rows = [Content("Scoreboard")]
        for place, team in self.game.standings():
            rows.append(styled(f"{place}. $team  {team.score:,}", team=team.name))
        self.query_one("#scoreboard", Static).update(Content("\n").join(rows))

    def finish(self) -> None:
        self.query_one("#team-head", Static).update(Content("Final scores"))
        for selector in ("#team-prompt", "#team-reveal"):
            self.query_one(selector, Static).update("")
        self.query_one("#team-answer", Vertical).remove_children()
        self.query_one("#team-turn", Static).update(
            Content(winners_line(self.game.leaders())).stylize("bold")
        )
        self.query_one(Countdown).clear()
        self.show_status()
        self.show_scoreboard()
        self.refresh_bindings()

    # --- answers and keys -------------------------------------------------------------------

    def on_answered(self, message: Answered) -> None:
        message.stop()
        if self.revealed or self.game.over:
            return
        question = self.game.question
        value = message.value
        try:
            if question.kind == "typed":
                assert isinstance(value, str)
                self.game.answer([], value)
            else:
                picked = [value] if isinstance(value, str) else list(value)
                self.game.answer([question.choices.index(str(choice)) for choice in picked])
        except ValueError as error:
            self.query_one("#team-turn", Static).update(literal(str(error)))
            if self.panel is not None:
                self.panel.locked = False
            return
        self.after_turn()

    def action_fifty_fifty(self) -> None:
        try:
            removed = self.game.use_fifty_fifty()
        except ValueError as error:
            self.notify(str(error), title="50:50", markup=False)
            return
        panel = self.panel
        if isinstance(panel, ChoicePanel):
            panel.remove_choices(removed)
        self.show_status()

    def action_next(self) -> None:
        self.game.next_question()
        if self.game.over:
            self.finish()
        else:
            self.show_question()

    def action_close(self) -> None:
        self.app.exit(0)

    def action_leave(self) -> None:
        from quiz.tui.screens.leave_round import LeaveRoundScreen

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.app.exit(0)

        self.app.push_screen(LeaveRoundScreen("Leave this team game? (y/n)"), leave)


class TeamsApp(App[int]):
    """One keyboard, several teams, a shared scoreboard. `clock` times each team's turn
    (tests pass a fake one)."""

    TITLE = "quiz — teams"
    AUTO_FOCUS = None
    cursor_blink = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
    ]

    def __init__(self, game: TeamGame, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.game = game
        self.clock = clock

    def on_mount(self) -> None:
        self.push_screen(TeamsScreen(self.game, self.clock))

    def action_help(self) -> None:
        from quiz.tui.screens.help import HelpScreen, team_rows

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(team_rows()))


def run_teams(options: TeamsOptions) -> int:
    """Run a team game for `quiz play --teams` (its pack, count, seed and time limit)."""
    from quiz.classroom.deck import prepare
    from quiz.classroom.question_source import pack_questions

    seed = options.seed if options.seed is not None else random.randrange(2**31)
    # Teams answer by number keys or by typing: the types that fit one shared keyboard.
    kinds = ("single", "multiple", "true_false", "typed")
    _, _, questions = pack_questions(options.pack, count=options.count, seed=seed, kinds=kinds)
    hosted = prepare(questions, seconds=options.time_limit, seed=seed)
    TeamsApp(TeamGame.from_names(options.teams, hosted, seed=seed)).run()
    return 0
