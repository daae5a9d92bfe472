"""The quiz game app: who plays, which pack and mode, and moving between the play screens.

The app owns the round (a `quiz.game.round.Round`) and a clock it was given; screens show
state and call back into the app. `run_app(options)` is what `quiz play` (and bare `quiz`)
calls. Heavy imports (the store, plotext, the pack loader) happen only when needed, so the
first question appears quickly.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quiz.game.modes import DEFAULT_TIME_LIMIT, as_mode
from quiz.game.options import RoundOptions
from quiz.packs.playable import PlayablePack, open_playable
from quiz.safe_text import safe_text
from quiz.tui.commands import QuizCommands
from quiz.tui.player_saves import PlayerSaves
from quiz.tui.screens.question import QuestionScreen

if TYPE_CHECKING:
    from quiz.game.round import Round
    from quiz.game.views import Feedback
    from quiz.tui.widgets.answered import AnswerValue


# Seconds after the first question is painted before the save files are opened.
SETTLE_DELAY = 0.05


class QuizApp(App[int]):
    """The game. `clock` drives every timer (tests pass a fake one)."""

    TITLE = "quiz"
    # Absolute, so that subclasses defined elsewhere (tests) still find it.
    CSS_PATH = Path(__file__).parent / "app.tcss"
    COMMANDS = App.COMMANDS | {QuizCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("f1", "help", "Help", show=False),
    ]
    cursor_blink = True

    def __init__(
        self,
        pack: PlayablePack,
        *,
        mode: str = "classic",
        count: int | None = None,
        seed: int | None = None,
        time_limit: float = DEFAULT_TIME_LIMIT,
        speed: bool = True,
        player: str | None = None,
        saves: str | None = None,
        menu: bool = False,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        day: date | None = None,
        pack_loader: Callable[[str], PlayablePack] = open_playable,
        bell: bool = False,
    ) -> None:
        super().__init__()
        self.pack = pack
        self.mode = mode
        self.count = count
        self.seed = seed
        self.time_limit = time_limit
        self.speed = speed
        self.player = player
        self.menu = menu
        self.clock = clock
        self.wall_clock = wall_clock
        self.day = day
        self.pack_loader = pack_loader
        # Ring the terminal bell on a wrong answer or a time-out (--bell, or the player's
        # setting once their save is open).
        self.bell_on_miss = bell
        self.saves = PlayerSaves(saves)
        self.round: Round | None = None
        self._saved_theme: str | None = None
        self._settled = False

    # -- start-up --------------------------------------------------------------------------

    def on_mount(self) -> None:
        if not self.menu:
            # Straight into the round; the save files are opened once it is on screen.
            self.start_round()
            # Counted from the first refresh, so opening the saves (and loading pydantic with
            # them) never delays painting the first question.
            self.call_after_refresh(
                self.set_timer, SETTLE_DELAY, partial(self.settle_player, self.player)
            )
        elif self.player:
            self.choose_player(self.player)
        else:
            from quiz.tui.screens.name_picker import NamePickerScreen

            self.push_screen(NamePickerScreen(self.saves.players()), self.choose_player)

    def choose_player(self, name: str | None) -> None:
        """Play as `name` (from the name picker or --player), then show the menu."""
        if not name:
            self.exit(0)
            return
        from quiz.tui.screens.menu import MenuScreen

        self.settle_player(name)
        self.push_screen(MenuScreen())

    def settle_player(self, name: str | None) -> None:
        """Once only, make `name` (default: the only saved player, else 'Player') the player:
        create their save if new, apply their theme and bell, and say once what went wrong
        with the saves."""
        if self._settled:
            return
        self._settled = True
        self.player = name or self.saves.default_player()
        for problem in [self.saves.ensure_player(self.player), *self.saves.take_warnings()]:
            if problem:
                self.notify(safe_text(problem), severity="warning", markup=False)
        theme = self.saves.theme(self.player)
        if theme and theme in self.available_themes and theme != self.theme:
            self._saved_theme = theme
            self.theme = theme
        self.bell_on_miss = self.bell_on_miss or self.saves.bell(self.player)

    def toggle_bell(self) -> None:
        """Turn the bell on a miss on or off, and remember it for the player."""
        self.bell_on_miss = not self.bell_on_miss
        if self.player:
            self.saves.set_bell(self.player, self.bell_on_miss)
        if self.bell_on_miss:
            self.notify("The bell rings on a wrong answer or a time-out.", title="Bell")
        else:
            self.notify("No bell.", title="Bell")

    def watch_theme(self, theme: str) -> None:
        # Remember a theme the player picked, not the one just loaded from their save.
        if self.player and theme != self._saved_theme:
            self._saved_theme = theme
            self.saves.set_theme(self.player, theme)

    # -- the round -------------------------------------------------------------------------

    def start_round(self, mode: str | None = None, only: Iterable[str] | None = None) -> None:
        """Start a round of `mode` (default: the current mode); `only` limits the questions."""
        from quiz.game.round import Round, RoundConfig

        mode = mode or self.mode
        pool = list(self.pack.questions)
        prioritise = None
        count = self.count
        if only is not None:
            wanted = set(only)
            pool = [question for question in pool if question.id in wanted]
            count = len(pool)
        elif mode == "practice":
            if self.player is None:
                self.settle_player(None)  # practice needs the player's study schedule now
            prioritise = self.saves.practice_order(self.player or "")
        config = RoundConfig(
            mode=as_mode(mode),
            count=count,
            time_limit=self.time_limit,
            speed=self.speed,
            seed=self.seed,
            day=self.day,
            player=self.player or "",
            pack_id=self.pack.id,
            pack_version=self.pack.version,
        )
        try:
            self.round = Round(
                pool, config, clock=self.clock, prioritise=prioritise, wall_clock=self.wall_clock
            )
        except ValueError as error:
            self.notify(safe_text(str(error)), severity="error", markup=False)
            return
        self.next_question()

    def next_question(self) -> None:
        """Show the round's next question, or the summary when the round is over."""
        if self.round is None:
            return
        view = self.round.next_question()
        if view is None:
            self.finish_round()
        else:
            self._show(QuestionScreen(view))

    def submit_answer(self, value: AnswerValue) -> bool:
        """Score `value`; False (and a hint) when it does not fit the question."""
        from quiz.game.round import InvalidAnswer, RoundStateError

        if self.round is None:
            return False
        try:
            feedback = self.round.answer(value)
        except InvalidAnswer as error:
            self.notify(safe_text(f"Not a valid answer: {error}"), severity="warning", markup=False)
            return False
        except RoundStateError:
            return True  # already answered (e.g. a timeout got there first)
        self.show_feedback(feedback)
        return True

    def tick(self) -> None:
        """Called by the question screen's timer: `Round.tick`, showing the feedback of a
        question whose time ran out."""
        if self.round is not None and (feedback := self.round.tick()) is not None:
            self.show_feedback(feedback)

    def show_feedback(self, feedback: Feedback) -> None:
        """Show `feedback` on the question screen, even under Help or the palette."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, QuestionScreen):
                screen.show_feedback(feedback)
                return

    def finish_round(self) -> None:
        """Record the finished round and show its summary."""
        if self.round is None:
            return
        # The player may be settled only after the round began (direct start).
        self.settle_player(self.player)
        result = self.round.result().model_copy(update={"player": self.player or ""})
        notes = self.saves.record_round(result) if result.answers else []
        from quiz.tui.screens.summary import SummaryScreen

        self._show(SummaryScreen(result, self.round.feedback, notes=notes))

    def abandon_round(self) -> None:
        """Leave the round unrecorded and go back to the menu."""
        if self.round is not None:
            self.round.stop()
        self.leave_round()

    def leave_round(self) -> None:
        """Back to the menu (opened now if the game started straight into a round)."""
        from quiz.tui.screens.menu import MenuScreen

        self.round = None
        if not any(isinstance(screen, MenuScreen) for screen in self.screen_stack):
            self.switch_screen(MenuScreen())
            return
        while self._on_round_screen():
            self.pop_screen()

    def _on_round_screen(self) -> bool:
        if isinstance(self.screen, QuestionScreen):
            return True
        # Checked only past the question screen, so the first question need not import it.
        from quiz.tui.screens.summary import SummaryScreen

        return isinstance(self.screen, SummaryScreen)

    def _show(self, screen: Screen[None]) -> None:
        if self._on_round_screen():
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- menu actions ----------------------------------------------------------------------

    def due_count(self) -> int | None:
        """How many practice questions are due for the player, when the saves know."""
        return self.saves.due_count(self.player or "", self.pack.questions)

    def action_help(self) -> None:
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_packs(self) -> None:
        from quiz.tui.pack_source import available_packs
        from quiz.tui.screens.packs import PackChoice, PacksScreen

        choices = [PackChoice(ref, title, detail) for ref, title, detail in available_packs()]
        if not any(choice.ref == self.pack.ref for choice in choices):
            choices.insert(0, PackChoice(self.pack.ref, self.pack.title))
        self.push_screen(PacksScreen(choices, current=self.pack.ref), self.switch_pack)

    def switch_pack(self, ref: str | None) -> None:
        """Play the pack `ref` from now on (errors are shown, the old pack stays)."""
        from quiz.errors import QuizError

        if not ref or ref == self.pack.ref:
            return
        try:
            self.pack = self.pack_loader(ref)
        except QuizError as error:
            message = safe_text(str(error))
            self.notify(message, title="Could not load the pack", severity="error", markup=False)
            return
        self.notify(safe_text(f"Now playing: {self.pack.title}"), markup=False)
        refresh_menu = getattr(self.screen, "refresh_menu", None)
        if refresh_menu is not None:
            refresh_menu()

    def action_scores(self) -> None:
        from quiz.tui.screens.scores import ScoresScreen

        data = self.saves.scores(self.player or "", self.pack.id)
        prompts = {question.id: question.prompt for question in self.pack.questions}
        self.push_screen(ScoresScreen(data, pack_title=self.pack.title, prompts=prompts))

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        refresh_menu = getattr(self.screen, "refresh_menu", None)
        if refresh_menu is not None:
            refresh_menu()


def run_app(options: RoundOptions, *, menu: bool = False) -> int:
    """Run the game for `quiz play` (or, with `menu`, for bare `quiz`: the main menu first);
    returns the exit status."""
    pack = open_playable(options.pack)
    app = QuizApp(
        pack,
        mode=options.mode,
        count=options.count,
        seed=options.seed,
        time_limit=options.seconds_per_question,
        speed=options.speed,
        player=options.player,
        saves=options.saves,
        menu=menu,
        bell=options.bell,
    )
    return app.run() or 0
