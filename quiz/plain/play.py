"""`quiz play --plain`: the whole game as numbered lines on stdout, answers read from stdin.

Made for screen readers, pipes and scripts: no TTY needed, nothing redrawn, every line
complete, deterministic with `--seed`. Choices are labelled "1) A." so that "1", "a" and "A"
all answer the first. After each answer: ✓/✗ with the word (Correct/Wrong), the points, the
right answer, the explanation and the article's quote. Input that is not a valid answer gets
a one-line hint and the question is asked again; end of input ends the round cleanly (the
questions not reached stay unanswered) and the summary is still printed.

Time: the real clock measures how long each answer took (speed points), but no question
times out unless `--time` is given explicitly — a screen-reader user cannot race a clock.
Blitz keeps its 60-second round: an answer given after it is not counted.

Saving: every round ends with one line saying what became of it ("Saved as round 3 for
Ada", "Not saved: …", or that a round with no answers was not recorded). Ctrl-C ends the
round like `quit` does, records what was answered and exits with status 130; a second Ctrl-C
while the round is being recorded waits until it is. Output that nobody reads any more (a
pipe into `head -1`) does not stop the game: it goes on reading answers, records the round,
and says so on stderr.

All pack text goes through `safe_text` before it is printed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from types import FrameType
from typing import TextIO

from quiz.errors import QuizError
from quiz.game.answer_input import expected_form, parse_answer
from quiz.game.checking import InvalidAnswer
from quiz.game.daily_share import share_line
from quiz.game.labels import letter, line_label
from quiz.game.modes import rules_for
from quiz.game.options import RoundOptions
from quiz.game.replays import daily_again, missed_again
from quiz.game.result import RoundResult
from quiz.game.round import Round, RoundConfig, RoundStateError
from quiz.game.selection import Prioritise
from quiz.game.views import Feedback, QuestionView
from quiz.name_identity import NameRefused, player_name
from quiz.packs.playable import PlayablePack, open_playable
from quiz.packs.question import Question
from quiz.safe_text import safe_text

FIFTY_FIFTY_WORDS = ("50:50", "50/50", "5050", "50")
QUIT_WORDS = ("quit", "q!", ":q")
DEFAULT_PLAYER = "Player"
INTERRUPTED = 130  # the exit status of a program ended by Ctrl-C (128 + SIGINT)


def fifty_fifty_done(view: QuestionView) -> str:
    """What line mode says once the 50:50 took choices away from `view`."""
    removed = len(view.removed)
    left = sum(1 for choice in view.choices if choice not in view.question.answers)
    return (
        f"50:50: {removed} wrong answer{'s' if removed != 1 else ''} removed, "
        f"{left} wrong answer{'s' if left != 1 else ''} left. This question now scores half."
    )


class Lines:
    """Answer lines from a stream; `None` once the input has ended."""

    def __init__(self, stream: TextIO) -> None:
        self._lines: Iterator[str] = iter(stream)

    def read(self) -> str | None:
        try:
            return next(self._lines).rstrip("\r\n")
        except StopIteration:
            return None


class PlainGame:
    """One line-mode session: a round, then perhaps the missed questions again."""

    def __init__(self, out: TextIO, lines: Lines) -> None:
        self.out = out
        self.lines = lines
        self.ended = False  # the input has run out, or the player quit
        self.interrupted = False  # the player pressed Ctrl-C
        self.output_closed = False  # nobody reads `out` any more

    def say(self, text: str = "") -> None:
        if self.output_closed:
            return
        try:
            self.out.write(text + "\n")
            self.out.flush()
        except (BrokenPipeError, ValueError):  # ValueError: the stream itself was closed
            self.output_closed = True
            _discard_output(self.out)

    def report(self, text: str) -> None:
        """A line about the player's saves: on the output, or on stderr once nobody reads
        the output, so that what became of a round is never lost with it."""
        self.say(text)
        if self.output_closed:
            with contextlib.suppress(OSError, ValueError):
                print(text, file=sys.stderr, flush=True)

    def play_questions(self, round_: Round) -> None:
        """Ask `round_`'s questions until it ends, the input ends, the player quits or
        presses Ctrl-C; the round is finished afterwards."""
        try:
            view = round_.next_question()
            while view is not None:
                feedback = self.ask(round_, view)
                if feedback is None:
                    break
                self.show_feedback(round_, feedback)
                view = round_.next_question()
        except KeyboardInterrupt:
            self.interrupted = self.ended = True
            self.say()
            self.say("Interrupted: the round ends here.")
        round_.stop()

    def ask(self, round_: Round, view: QuestionView) -> Feedback | None:
        """Show `view` and read answers until one is valid; None when input ends."""
        self.show_question(round_, view)
        while True:
            line = self.lines.read()
            if line is None:
                self.ended = True
                self.say("End of input: the round ends here.")
                return None
            word = line.strip().casefold()
            if word in QUIT_WORDS:
                self.ended = True  # leaving means no "play the missed ones again" either
                self.say("You left the round.")
                return None
            # Typed and numeric answers keep "50" as an answer; elsewhere it asks for the 50:50.
            if word in FIFTY_FIFTY_WORDS and view.type not in ("typed", "numeric"):
                refusal = round_.fifty_fifty_refusal
                if refusal is None:
                    view = round_.use_fifty_fifty()
                    self.say(fifty_fifty_done(view))
                    self.show_choices(view)
                else:
                    self.say(refusal)
                self.say(safe_text(expected_form(view), single_line=True) + ":")
                continue
            try:
                answer = parse_answer(view, line)
                return round_.answer(answer)
            except InvalidAnswer as error:
                self.say(f"Not understood: {safe_text(str(error), single_line=True)}")

    def show_question(self, round_: Round, view: QuestionView) -> None:
        total = f"/{view.total}" if view.total is not None else ""
        self.say()
        self.say(f"Question {view.number}{total}")
        self.say(safe_text(view.prompt))
        self.show_choices(view)
        notes = []
        if view.time_limit is not None:
            left = round_.time_left()
            if round_.total is None and left is not None:
                notes.append(f"{left:.0f} seconds left in the round")
            else:
                notes.append(f"{view.time_limit:.0f} seconds")
        if round_.fifty_fifty_available:
            notes.append("type 50:50 to remove about half the choices, all wrong, once per round")
        if notes:
            self.say("(" + "; ".join(notes) + ")")
        self.say(safe_text(expected_form(view), single_line=True) + ":")

    def show_choices(self, view: QuestionView) -> None:
        if view.type == "matching":
            for index, left in enumerate(view.lefts):
                self.say(f"  {index + 1}) {safe_text(left, single_line=True)}")
            self.say("  with:")
            for index, right in enumerate(view.rights):
                self.say(f"  {letter(index)}. {safe_text(right, single_line=True)}")
            return
        options = view.items if view.type == "ordering" else view.choices
        for index, option in enumerate(options):
            self.say(f"  {line_label(index)} {safe_text(option, single_line=True)}")

    def show_feedback(self, round_: Round, feedback: Feedback) -> None:
        points = f"+{feedback.points} points"
        if feedback.fifty_fifty:
            points += " (halved by the 50:50)"
        if feedback.correct and feedback.streak >= 2:
            points += f", streak {feedback.streak}"
        if not feedback.counted:
            self.say("✗ Time's up: the round's time ran out, so this answer is not counted.")
        elif feedback.credit > 0 and not feedback.correct:
            self.say(f"{feedback.mark} {feedback.verdict}: {feedback.credit:.0%} credit, {points}.")
        elif feedback.correct:
            self.say(f"{feedback.mark} {feedback.verdict}! {points}.")
        else:
            self.say(f"{feedback.mark} {feedback.verdict}. 0 points.")
        if feedback.accepted:
            self.say(safe_text(feedback.accepted, single_line=True))
        self.say(f"Answer: {safe_text(feedback.right_answer, single_line=True)}")
        if feedback.explanation:
            self.say(f"Why: {safe_text(feedback.explanation)}")
        source = safe_text(feedback.attribution, single_line=True)
        if feedback.quote_to_show:  # not when the explanation already quotes it word for word
            self.say(f"“{safe_text(feedback.quote_to_show)}”" + (f" — {source}" if source else ""))
        elif feedback.quote and source:
            self.say(f"— {source}")
        self.say(f"Score: {round_.score}")

    def show_summary(self, round_: Round) -> None:
        result = round_.result()
        answered = len(result.answers)
        reached = {item.question.id for item in round_.feedback if item.counted}
        unanswered = (
            [question for question in round_.questions if question.id not in reached]
            if round_.total is not None
            else []
        )
        self.say()
        self.say("Round over.")
        self.say(f"Score: {result.score}")
        accuracy = f"{result.accuracy:.0%}" if answered else "n/a"
        line = f"Correct: {result.correct_count} of {answered} answered ({accuracy})"
        if unanswered:
            line += f", {len(unanswered)} not answered"
        self.say(line)
        self.say(f"Time: {result.duration:.1f} s")
        self.say(f"Best streak: {result.best_streak}")
        self.say("Review:")
        for item in round_.feedback:
            if not item.counted:
                continue
            prompt = safe_text(item.question.prompt, single_line=True)
            given = safe_text(item.given, single_line=True) or "(no answer)"
            right = safe_text(item.right_answer, single_line=True)
            self.say(f"  {item.number}. {item.mark} {item.verdict}: {prompt}")
            if item.correct:
                self.say(f"     you: {given}; {item.points} points")
            else:
                self.say(f"     you: {given}; answer: {right}; {item.points} points")
        start = len(reached) + 1
        for offset, question in enumerate(unanswered):
            prompt = safe_text(question.prompt, single_line=True)
            self.say(f"  {start + offset}. – Not answered: {prompt}")
        if round_.config.mode == "daily" and result.answers and round_.day is not None:
            self.say(share_line(round_.day, result))

    def offer_replay(self, missed: list[str]) -> bool:
        """Ask whether to play the missed questions again; False at end of input."""
        if not missed or self.ended:
            return False
        self.say()
        self.say(f"Play the {len(missed)} missed question(s) again? (y/n):")
        line = self.lines.read()
        if line is None:
            self.ended = True
            return False
        return line.strip().casefold() in ("y", "yes")


def round_config(options: RoundOptions, pack: PlayablePack, player: str) -> RoundConfig:
    """The round's settings from `quiz play` options; no timeouts unless a time was given."""
    return RoundConfig(
        mode=options.mode,
        count=options.count,
        time_limit=options.seconds_per_question,
        speed=options.speed,
        seed=options.seed,
        timeouts=options.time_limit is not None,
        player=player,
        pack_id=pack.id,
        pack_version=pack.version,
    )


def run_plain(
    options: RoundOptions,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Play `quiz play --plain` as `options` say; returns the exit status (0 after any round)."""
    out = stdout or sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="replace")  # a non-UTF-8 terminal gets '?' for ✓, not a crash
    pack = open_playable(options.pack)
    try:  # the name as it will be saved (cut, invisible characters gone), or refused
        player = DEFAULT_PLAYER if options.player is None else player_name(options.player)
    except NameRefused as error:
        raise QuizError(f"--player: {error}") from None
    config = round_config(options, pack, player)
    game = PlainGame(out, Lines(stdin or sys.stdin))
    saves = Saves(options.saves, player, game)
    prioritise = saves.practice_order()
    try:
        if config.mode == "daily" and saves.daily_played(pack.id, date.today()):
            # The daily challenge scores once a day: the same questions again are practice.
            config, prioritise = daily_again(pack.questions, replace(config, day=date.today()))
            game.say("Today's daily challenge is already scored: this replay is practice.")
        round_ = Round(pack.questions, config, clock=clock, prioritise=prioritise)
    except ValueError as error:
        raise QuizError(f"cannot start the round: {error}") from None
    rules = rules_for(config.mode)
    count = round_.total
    total = "" if count is None else f", {count} question{'' if count == 1 else 's'}"
    title = safe_text(pack.title, single_line=True)
    game.say(f"{title} — {rules.title}{total}, seed {round_.seed}, playing as {player}")
    game.say("Answer each question on one line; type quit to leave, end of input ends the round.")
    try:
        play_and_record(game, round_, saves)
        missed = round_.missed_ids()
        while game.offer_replay(missed):
            replay_config, only_missed = missed_again(replace(config, seed=round_.seed), missed)
            replay = Round(pack.questions, replay_config, clock=clock, prioritise=only_missed)
            play_and_record(game, replay, saves)
            missed = replay.missed_ids()
    except RoundStateError as error:  # a bug, but say it in one line rather than a traceback
        raise QuizError(f"the round stopped unexpectedly: {error}") from None
    return INTERRUPTED if game.interrupted else 0


def play_and_record(game: PlainGame, round_: Round, saves: Saves) -> None:
    """Play `round_`, print its summary and record it. A Ctrl-C during the questions ends
    the round; one after them waits until the round is recorded, then ends the program."""
    game.play_questions(round_)
    with _interrupts_held():
        game.show_summary(round_)
        saves.record(round_.result())


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C until the block is done, then raise it. Only the main thread can
    handle signals: elsewhere this does nothing."""
    pressed: list[int] = []

    def hold(signum: int, _frame: FrameType | None) -> None:
        pressed.append(signum)

    try:
        previous = signal.signal(signal.SIGINT, hold)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


def _discard_output(stream: TextIO) -> None:
    """Send what is still written to a closed pipe to /dev/null instead, so that Python's
    flush at exit neither fails nor prints 'Exception ignored'."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # not a real file (a StringIO), or already closed
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


class Saves:
    """The player's save files, as far as line mode uses them: practice order and records.

    Saving never stops play: a store that cannot be opened or written is reported in one
    line and the game goes on.
    """

    def __init__(self, folder: str | None, player: str, game: PlainGame) -> None:
        self.player = player
        self.game = game
        self.store = None
        self.not_opened: str | None = None  # why the saves could not be opened
        try:
            from quiz.store import SaveStore

            self.store = SaveStore.from_cli(folder)
        except QuizError as error:
            self.not_opened = safe_text(str(error), single_line=True)
            game.say(f"Not saving: {self.not_opened}")

    def practice_order(self) -> Prioritise | None:
        """The study schedule's order (due, then new), or None for missed-first."""
        store = self.store
        if store is None:
            return None

        def prioritise(questions: Sequence[Question]) -> Sequence[Question]:
            try:
                return store.practice_order(self.player, questions)
            except QuizError as error:
                self.game.say(
                    f"Practice order unavailable: {safe_text(str(error), single_line=True)}"
                )
                return list(questions)

        return prioritise

    def daily_played(self, pack_id: str, day: date) -> bool:
        """Whether the player's daily challenge of `day` is recorded (False if unknown)."""
        if self.store is None:
            return False
        from quiz.store.stats import daily_played

        try:
            return daily_played(self.store, self.player, pack_id, day)
        except (QuizError, OSError):
            return False

    def record(self, result: RoundResult) -> None:
        """Keep the round in the player's save file and say, in one line, what became of
        it; then whether it is a new high score."""
        if not result.answers:
            self.game.report("No answers, so this round was not recorded.")
            return
        if self.store is None:
            self.game.report(f"Not saved: {self.not_opened}")
            return
        try:
            outcome = self.store.record_round(self.player, result)
        except QuizError as error:
            self.game.report(f"Not saved: {safe_text(str(error), single_line=True)}")
            return
        for warning in self.store.take_warnings():
            self.game.report(safe_text(warning, single_line=True))
        if not outcome.saved:
            reason = outcome.warning or self.store.unavailable or "the saves can't be written"
            if not reason.startswith("Not saved"):
                reason = f"Not saved: {reason}"
            self.game.report(safe_text(reason, single_line=True))
            return
        self.game.report(f"Saved as round {outcome.round} for {self.player}")
        if outcome.warning:
            self.game.report(safe_text(outcome.warning, single_line=True))
        if outcome.new_high_score:
            self.game.say("New high score!")
        elif outcome.rank is not None:
            self.game.say(f"Number {outcome.rank} in your high scores for this pack and mode.")
