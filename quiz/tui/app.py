"""The quiz game app: who plays, which pack and mode, and moving between the play screens.

The app owns the round (a `quiz.game.round.Round`) and a clock it was given; screens show
state and call back into the app. `run_app(options)` is what `quiz play` (and bare `quiz`)
calls. The event loop never waits on a disk or a slow import while a question is on screen:
opening the player's saves, recording a round and remembering a theme run on the saves
thread (`PlayerSaves.in_background`), which only posts messages (`PlayerReady`,
`RoundSaved`); the handlers here change state. Heavy imports (the store, plotext, the pack
loader) happen only when needed, or on that thread while the player reads.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from quiz.game.modes import DEFAULT_TIME_LIMIT, as_mode
from quiz.game.options import RoundOptions
from quiz.packs.playable import PlayablePack, open_playable
from quiz.safe_text import safe_text
from quiz.tui.commands import QuizCommands
from quiz.tui.player_saves import PlayerSaves, Recorded, Settled
from quiz.tui.screens.question import QuestionScreen

if TYPE_CHECKING:
    from quiz.game.result import RoundResult
    from quiz.game.round import Round
    from quiz.game.selection import Prioritise
    from quiz.game.views import Feedback
    from quiz.store.stats import ScoresData
    from quiz.tui.widgets.answered import AnswerValue

# Imported on the saves thread once the first question is on screen: the round's results
# are pydantic models (the first answer needs them), then the other answer panels and the
# screens after a round. None of them is then imported while a key waits.
WARM_UP = (
    "quiz.game.result",
    "quiz.tui.widgets.text_answer",
    "quiz.tui.widgets.ordering",
    "quiz.tui.widgets.matching",
    "quiz.tui.screens.summary",
    "quiz.tui.screens.review",
    "quiz.tui.screens.menu",
)
REPLAYED_DAILY = "Today's daily challenge is already scored: this replay is practice."


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

    class PlayerReady(Message):
        """The saves thread opened the player's saves."""

        def __init__(self, settled: Settled) -> None:
            super().__init__()
            self.settled = settled

    class RoundSaved(Message):
        """The saves thread recorded `result`."""

        def __init__(self, result: RoundResult, recorded: Recorded) -> None:
            super().__init__()
            self.result = result
            self.recorded = recorded

    class SavesFailed(Message):
        """Something on the saves thread went wrong in a way it did not expect."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

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
        self._player_open = False  # the player's saves are open (the player is settled)
        self._round_notes: tuple[str, ...] = ()

    # -- start-up --------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        """Straight into a round (`quiz play`): its first question is the game's first screen,
        so start-up mounts no blank screen only to switch away from it. With the menu (or
        when the round can't start, which says why), Textual's blank screen."""
        if not self.menu:
            screen = self._new_round()
            if screen is not None:
                # Each next screen replaces this one through switch_screen, which drops the
                # result callback push_screen gives a screen: give it the one it would have.
                screen._push_result_callback(screen, None)
                return screen
        return super().get_default_screen()

    def on_mount(self) -> None:
        if not self.menu:
            # The round started with the first screen; the saves open on their own thread
            # once its question is painted.
            self.call_after_refresh(self._open_saves_in_background)
        elif self.player:
            self.choose_player(self.player)
        else:
            from quiz.tui.screens.name_picker import NamePickerScreen

            self.push_screen(NamePickerScreen(self.saves.players()), self.choose_player)

    async def on_unmount(self) -> None:
        import asyncio

        # A round still being recorded is finished before the game ends.
        await asyncio.to_thread(self.saves.close)

    def _open_saves_in_background(self) -> None:
        if self._player_open:
            return
        name = self.player

        def open_saves() -> Settled:
            for module in WARM_UP:
                importlib.import_module(module)
            return self.saves.settle(name)

        self._in_background(open_saves, self.PlayerReady)

    def _in_background(
        self, work: Callable[[], object], report: Callable[..., Message] | None = None
    ) -> None:
        """Run `work` on the saves thread; its result comes back as the message `report`."""

        def then(value: object) -> None:
            if report is not None:
                self.post_message(report(value))

        def failed(error: BaseException) -> None:
            self.post_message(self.SavesFailed(error))

        self.saves.in_background(work, then, failed)

    @on(PlayerReady)
    def _player_ready(self, message: PlayerReady) -> None:
        if not self._player_open:
            self._use_player(message.settled)
        else:  # the player was settled directly meanwhile; what went wrong still counts
            self._say_problems(message.settled.problems)

    @on(SavesFailed)
    def _saves_failed(self, message: SavesFailed) -> None:
        text = safe_text(f"Saving went wrong: {message.error}", single_line=True)
        self.notify(text, severity="error", markup=False)

    def choose_player(self, name: str | None) -> None:
        """Play as `name` (from the name picker or --player), then show the menu."""
        if not name:
            self.exit(0)
            return
        from quiz.tui.screens.menu import MenuScreen

        self.settle_player(name)
        self.push_screen(MenuScreen())

    def switch_player(self, name: str | None) -> None:
        """Play as `name` from now on (None: keep the current player)."""
        if not name or name == self.player:
            return
        self._player_open = False
        self.settle_player(name)
        self.notify(safe_text(f"Now playing as {self.player}"), markup=False)
        self.refresh_menu()

    def settle_player(self, name: str | None) -> None:
        """Make `name` (default: the only saved player, else 'Player') the player now, if the
        saves are not open yet: create their save if new, apply their theme, and say once
        what went wrong with the saves."""
        if not self._player_open:
            self._use_player(self.saves.settle(name))

    def _use_player(self, settled: Settled) -> None:
        self._player_open = True
        self.player = settled.player
        self._say_problems(settled.problems)
        theme = settled.theme
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

    def _say_problems(self, problems: Iterable[str]) -> None:
        for problem in problems:
            self.notify(safe_text(problem), severity="warning", markup=False)

    def watch_theme(self, theme: str) -> None:
        # Remember a theme the player picked, not the one just loaded from their save.
        if self.player and theme != self._saved_theme:
            self._saved_theme = theme
            player = self.player
            self._in_background(lambda: self.saves.set_theme(player, theme))

    # -- the round -------------------------------------------------------------------------

    def start_round(self, mode: str | None = None, only: Iterable[str] | None = None) -> None:
        """Start a round of `mode` (default: the current mode); `only` limits the questions
        and makes it practice ("play the missed ones again")."""
        screen = self._new_round(mode, only)
        if screen is not None:
            self._show(screen)

    def _new_round(
        self, mode: str | None = None, only: Iterable[str] | None = None
    ) -> Screen[None] | None:
        """Make `self.round` a new round and return its first screen (its first question, or
        the summary of a round with none); None, said in a notification, when the round
        can't start."""
        from quiz.game.replays import daily_again, missed_again
        from quiz.game.round import Round, RoundConfig

        mode = mode or self.mode
        pool = list(self.pack.questions)
        prioritise: Prioritise | None = None
        self._round_notes = ()
        if mode in ("practice", "daily"):
            self.settle_player(self.player)  # their study schedule, or today's daily
        config = RoundConfig(
            mode=as_mode(mode),
            count=self.count,
            time_limit=self.time_limit,
            speed=self.speed,
            seed=self.seed,
            day=self.today() if mode == "daily" else self.day,
            player=self.player or "",
            pack_id=self.pack.id,
            pack_version=self.pack.version,
        )
        try:
            if only is not None:
                config, prioritise = missed_again(config, only)
            elif mode == "practice":
                prioritise = self.saves.practice_order(self.player or "")
            elif mode == "daily" and self.daily_played():
                config, prioritise = daily_again(pool, config)
                self._round_notes = (REPLAYED_DAILY,)
                self.notify(REPLAYED_DAILY)
            self.round = Round(
                pool, config, clock=self.clock, prioritise=prioritise, wall_clock=self.wall_clock
            )
        except ValueError as error:
            self.notify(safe_text(str(error)), severity="error", markup=False)
            return None
        return self._next_screen()

    def next_question(self) -> None:
        """Show the round's next question, or the summary when the round is over."""
        screen = self._next_screen()
        if screen is not None:
            self._show(screen)

    def _next_screen(self) -> Screen[None] | None:
        """The round's next question, or its summary when the round is over."""
        if self.round is None:
            return None
        view = self.round.next_question()
        return self._summary_screen() if view is None else QuestionScreen(view)

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
        """Show the round's summary and record the round on the saves thread (its notes,
        'New high score!' or a problem, reach the summary when it is done)."""
        screen = self._summary_screen()
        if screen is not None:
            self._show(screen)

    def _summary_screen(self) -> Screen[None] | None:
        """The round's summary, to be shown at once; the round starts being recorded."""
        if self.round is None:
            return None
        from quiz.game.daily_share import share_line
        from quiz.tui.screens.summary import SummaryScreen

        result = self.round.result()
        share = ""
        if result.mode == "daily" and result.answers and self.round.day is not None:
            share = share_line(self.round.day, result)
        summary = SummaryScreen(result, self.round.feedback, notes=self._round_notes, share=share)
        if result.answers:
            player = self.player

            def record() -> Recorded:
                # The player may be settled only after the round began (direct start).
                name = player or self.player or self.saves.default_player()
                return self.saves.record_round(result.model_copy(update={"player": name}))

            # Its report is handled on this loop, after the caller has shown the summary.
            self._in_background(record, lambda recorded: self.RoundSaved(result, recorded))
        return summary

    @on(RoundSaved)
    def _round_saved(self, message: RoundSaved) -> None:
        from quiz.tui.screens.summary import SummaryScreen

        for screen in self.screen_stack:
            if isinstance(screen, SummaryScreen) and screen.result is message.result:
                screen.show_recorded(message.recorded)
                break
        else:  # the summary was left already: say it in passing
            recorded = message.recorded
            notes = ("New high score!",) if recorded.new_high_score else ()
            for note in (*notes, *recorded.notes):
                self.notify(safe_text(note), markup=False)
        self.refresh_menu()

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
            self.settle_player(self.player)  # the menu shows the player's saves
            self.switch_screen(MenuScreen())
            return
        while self._on_round_screen():
            self.pop_screen()

    def _on_round_screen(self) -> bool:
        if isinstance(self.screen, QuestionScreen):
            return True
        # No summary can be on screen before its module is imported: the first question
        # need not import it.
        summary = sys.modules.get("quiz.tui.screens.summary")
        return summary is not None and isinstance(self.screen, summary.SummaryScreen)

    def _show(self, screen: Screen[None]) -> None:
        if self._on_round_screen():
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- menu actions ----------------------------------------------------------------------

    def refresh_menu(self) -> None:
        """Redraw the screen on show if it is the menu (player, pack, mode or scores changed)."""
        refresh = getattr(self.screen, "refresh_menu", None)
        if refresh is not None:
            refresh()

    def due_count(self) -> int | None:
        """How many practice questions are due for the player, when the saves know."""
        return self.saves.due_count(self.player or "", self.pack.questions)

    def recent_scores(self, mode: str) -> list[int]:
        """The player's last 10 scores in this pack and `mode`, oldest first."""
        return self.saves.recent_scores(self.player or "", self.pack.id, mode)

    def daily_played(self, day: date | None = None) -> bool:
        """The daily challenge of `day` (default: today) in this pack is already scored for
        the player."""
        return self.saves.daily_played(self.player or "", self.pack.id, day or self.today())

    def today(self) -> date:
        return self.day or date.today()

    def action_help(self) -> None:
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_switch_player(self) -> None:
        from quiz.tui.screens.name_picker import NamePickerScreen

        self.push_screen(NamePickerScreen(self.saves.players(), quits=False), self.switch_player)

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
        self.refresh_menu()

    def scores_data(self, pack_id: str | None, mode: str | None) -> ScoresData | None:
        """The Scores screen's data for the player, one pack and mode (None: every mode)."""
        return self.saves.scores(self.player or "", pack_id, mode)

    def action_scores(self) -> None:
        from quiz.tui.screens.scores import ScoresScreen

        self.push_screen(ScoresScreen(self.pack))

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.refresh_menu()


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
