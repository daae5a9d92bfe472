"""Start-up and answer latency of the Textual game, against a bare Textual app in the same run.

Measures, each in fresh subprocesses (median of several runs after one warm-up):
- bare: a Textual app with a Header, one Static and a Footer, from process start to its
  first paint, headless (then it exits);
- quiz: `quiz play` (through quiz.cli.main, the real bundled pack) from process start to the
  first question of a round on screen, headless and scripted;
- first keypress: `quiz play` in a fresh process (nothing warmed up), a player's key sent
  0.35–0.9 s after the first question is painted, through the driver as a terminal's input
  thread sends it, to the refresh that shows the feedback; then every other answer of that
  round the same way (a round of the bundled pack's single-choice questions, so "1" always
  answers) — the p95 over those rounds;
and, in this process, keypress → the refresh that shows the feedback, over 200 answers
(median and p95; timed inside the app, so Pilot's own waiting is not counted).

Targets: quiz start ≤ 1.3 × bare; first keypress and keypress → feedback p95 ≤ 30 ms.
The load average is printed beside the figures: run it when the machine is quiet.
Run: .venv/bin/python bench/tui_start.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE_APP = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        print(time.time(), flush=True)
        self.exit()

Bare().run(headless=True)
"""

# `quiz play` through the real CLI and bundled pack; it reports the refresh that first shows
# a question, then exits.
QUIZ_APP = """
import sys
import time
from quiz.tui import app as tui
from quiz.tui.screens.question import QuestionScreen

original_mount = QuestionScreen.on_mount

def on_mount(self):
    original_mount(self)
    self.call_after_refresh(painted, self.app)

def painted(app):
    print(time.time(), flush=True)
    app.exit(0)

QuestionScreen.on_mount = on_mount
original_run = tui.QuizApp.run
tui.QuizApp.run = lambda self, **kw: original_run(self, headless=True)
from quiz.cli import main
sys.exit(main(["play", "--seed", "1", "--player", "Bench", "--saves", sys.argv[1]]))
"""


# A real round in a fresh process: a thread plays the player, pressing "1" some time after each
# question is painted (0.35 s at least: input within 300 ms of a question is not an answer) and
# Enter after its feedback; each line printed is one answer's seconds from key to feedback.
FIRST_KEYS = """
import sys
import threading
import time
from dataclasses import replace

from textual import events

from quiz.tui import app as tui
from quiz.tui.screens.question import QuestionScreen

first_delay = float(sys.argv[2])
painted = threading.Event()
shown = threading.Event()
last = threading.Event()
original_mount = QuestionScreen.on_mount
original_show = tui.QuizApp.show_feedback
original_open = tui.open_playable


def on_mount(self):
    original_mount(self)
    self.call_after_refresh(painted.set)


def show_feedback(self, feedback):
    original_show(self, feedback)
    if feedback.ends_round:
        last.set()
    self.screen.call_after_refresh(shown.set)


def single_choice_only(ref):
    pack = original_open(ref)
    return replace(pack, questions=tuple(q for q in pack.questions if q.type == "single"))


def player(app):
    delay = first_delay
    while painted.wait(timeout=30):
        painted.clear()
        time.sleep(delay)
        delay = 0.35
        shown.clear()
        pressed = time.perf_counter()
        app._driver.send_message(events.Key("1", "1"))
        if not shown.wait(timeout=30):
            break
        print(time.perf_counter() - pressed, flush=True)
        if last.is_set():
            break
        app._driver.send_message(events.Key("enter", "\\r"))
    app.call_from_thread(app.exit, 0)


original_run = tui.QuizApp.run


def run(self, **kw):
    threading.Thread(target=player, args=(self,), daemon=True).start()
    return original_run(self, headless=True)


QuestionScreen.on_mount = on_mount
tui.QuizApp.show_feedback = show_feedback
tui.QuizApp.run = run
tui.open_playable = single_choice_only
from quiz.cli import main
sys.exit(main(["play", "--seed", "1", "--player", "Bench", "--saves", sys.argv[1]]))
"""
FIRST_DELAYS = (0.35, 0.5, 0.7, 0.9)


def time_process(code: str, *args: str) -> float:
    """Seconds from starting a Python process running `code` to the moment it reports
    (on stdout, as time.time()) that its first screen was painted."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
    )
    painted = float(done.stdout.split()[-1])
    return painted - started


def medians_interleaved(runs: int, saves: str) -> tuple[float, float]:
    """Median start-up of the bare app and of quiz, run alternately so that both see the same
    machine load (this machine is shared; a burst of load would otherwise land on one side)."""
    time_process(BARE_APP)  # warm-ups: bytecode and pack caches
    time_process(QUIZ_APP, saves)
    bare, quiz = [], []
    for _ in range(runs):
        bare.append(time_process(BARE_APP))
        quiz.append(time_process(QUIZ_APP, saves))
    return statistics.median(bare), statistics.median(quiz)


def fresh_rounds(runs: int, saves: str) -> tuple[list[float], list[float]]:
    """First-keypress latencies (one per fresh process) and every answer's latency."""
    first, every = [], []
    for run in range(runs):
        delay = FIRST_DELAYS[run % len(FIRST_DELAYS)]
        done = subprocess.run(
            [sys.executable, "-c", FIRST_KEYS, saves, str(delay)],
            check=True,
            env=os.environ.copy(),
            capture_output=True,
            text=True,
        )
        latencies = [float(line) for line in done.stdout.split()]
        first.append(latencies[0])
        every.extend(latencies)
    return first, every


async def answer_latencies(count: int) -> list[float]:
    """Seconds from pressing an answer key to the screen refresh that shows the feedback."""
    from quiz.packs.playable import PlayablePack
    from quiz.packs.question import Question
    from quiz.tui.app import QuizApp

    class TimedApp(QuizApp):
        shown_at: float | None = None

        def show_feedback(self, feedback) -> None:  # type: ignore[no-untyped-def]
            super().show_feedback(feedback)
            self.screen.call_after_refresh(self._painted)

        def _painted(self) -> None:
            self.shown_at = time.perf_counter()

    questions = tuple(
        Question(
            id=f"b{n}",
            type="single",
            prompt=f"Question number {n}?",
            choices=("alpha", "beta", "gamma", "delta"),
            answers=("beta",),
            explanation="Because.",
            quote="a quote",
            attribution="the bench",
        )
        for n in range(count)
    )

    class ReadingClock:
        """The game's clock: a second passes while the player reads each question (so input
        guards and timers see a person, not a script), and no other time."""

        now = 0.0

        def __call__(self) -> float:
            return self.now

    clock = ReadingClock()
    pack = PlayablePack("bench", "bench", "Bench", "1", questions)
    app = TimedApp(pack, count=count, seed=1, player="Bench", speed=False, clock=clock)
    app.cursor_blink = False
    latencies = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(count):
            clock.now += 1.0
            app.shown_at = None
            started = time.perf_counter()
            await pilot.press("2")
            while app.shown_at is None:
                await pilot.pause(0)
            latencies.append(app.shown_at - started)
            await pilot.press("enter")
            await pilot.pause()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="start-up runs per app (default 11)")
    parser.add_argument("--answers", type=int, default=200, help="answers timed (default 200)")
    parser.add_argument(
        "--rounds", type=int, default=8, help="fresh-process rounds timed (default 8)"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as saves:
        os.environ.setdefault("QUIZ_CACHE_DIR", os.path.join(saves, "cache"))
        load_before = os.getloadavg()[0]
        bare, quiz = medians_interleaved(options.runs, saves)
        load_start = os.getloadavg()[0]
        first, every = fresh_rounds(options.rounds, saves)
        load_first = os.getloadavg()[0]
        os.environ["QUIZ_SAVES_DIR"] = saves
        latencies = asyncio.run(answer_latencies(options.answers))
        load_answers = os.getloadavg()[0]
    ms = [value * 1000 for value in latencies]
    p95 = statistics.quantiles(ms, n=100)[94]
    first_ms = [value * 1000 for value in first]
    every_ms = [value * 1000 for value in every]
    round_p95 = statistics.quantiles(every_ms, n=100)[94]
    ratio = quiz / bare

    def verdict(value: float, target: float) -> str:
        return "ok" if value <= target else "OVER"

    rows = [
        ("bare Textual app: start → first paint", f"{bare * 1000:.0f} ms", "baseline", ""),
        ("quiz play: start → first question shown", f"{quiz * 1000:.0f} ms", "", ""),
        ("start-up ratio (target ≤ 1.30×)", f"{ratio:.2f}×", verdict(ratio, 1.3), load_start),
        (
            f"first keypress → feedback, median of {len(first_ms)} fresh processes",
            f"{statistics.median(first_ms):.1f} ms",
            verdict(statistics.median(first_ms), 30),
            load_first,
        ),
        (
            "first keypress → feedback, slowest (target ≤ 30 ms)",
            f"{max(first_ms):.1f} ms",
            verdict(max(first_ms), 30),
            load_first,
        ),
        (
            f"keypress → feedback over those rounds, p95 of {len(every_ms)} (target ≤ 30 ms)",
            f"{round_p95:.1f} ms",
            verdict(round_p95, 30),
            load_first,
        ),
        (
            f"keypress → feedback in one warm app, median of {len(ms)}",
            f"{statistics.median(ms):.1f} ms",
            "",
            load_answers,
        ),
        (
            "keypress → feedback in one warm app, p95 (target ≤ 30 ms)",
            f"{p95:.1f} ms",
            verdict(p95, 30),
            load_answers,
        ),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"load average (1 min) before the run: {load_before:.1f} on {os.cpu_count()} cores")
    print(f"{'measure':<{width}}  {'value':>9}  {'note':<4}  load")
    print("-" * (width + 26))
    for name, value, note, load in rows:
        shown = f"{load:.1f}" if isinstance(load, float) else ""
        print(f"{name:<{width}}  {value:>9}  {note:<4}  {shown}")


if __name__ == "__main__":
    main()
