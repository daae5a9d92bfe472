"""Start-up and answer latency of the Textual game, against a bare Textual app in the same run.

Measures, each in fresh subprocesses (median of several runs after one warm-up):
- bare: a Textual app with a Header, one Static and a Footer, from process start to its
  first paint, headless (then it exits);
- quiz: `quiz play` (through quiz.cli.main, the real bundled pack) from process start to the
  first question of a round on screen, headless and scripted;
and, in this process, keypress → the refresh that shows the feedback, over 200 answers
(median and p95; timed inside the app, so Pilot's own waiting is not counted).

Targets: quiz start ≤ 1.3 × bare; keypress → feedback p95 ≤ 30 ms.
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
    pack = PlayablePack("bench", "bench", "Bench", "1", questions)
    # The game's clock moves only when told: past the 0.3 s in which a new question takes
    # no answer keys (quiz.tui.input_guard) before each press. Latency is wall-clock time.
    game_time = [0.0]
    app = TimedApp(
        pack, count=count, seed=1, player="Bench", speed=False, clock=lambda: game_time[0]
    )
    app.cursor_blink = False
    latencies = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(count):
            app.shown_at = None
            game_time[0] += 0.3
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
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as saves:
        os.environ.setdefault("QUIZ_CACHE_DIR", os.path.join(saves, "cache"))
        bare, quiz = medians_interleaved(options.runs, saves)
        os.environ["QUIZ_SAVES_DIR"] = saves
        latencies = asyncio.run(answer_latencies(options.answers))
    ms = [value * 1000 for value in latencies]
    p95 = statistics.quantiles(ms, n=100)[94]
    ratio = quiz / bare
    rows = [
        ("bare Textual app: start → first paint", f"{bare * 1000:.0f} ms", "baseline"),
        ("quiz play: start → first question shown", f"{quiz * 1000:.0f} ms", f"{ratio:.2f}×"),
        ("start-up ratio (target ≤ 1.30×)", f"{ratio:.2f}×", "ok" if ratio <= 1.3 else "OVER"),
        (f"keypress → feedback, median of {len(ms)}", f"{statistics.median(ms):.1f} ms", ""),
        (
            "keypress → feedback, p95 (target ≤ 30 ms)",
            f"{p95:.1f} ms",
            "ok" if p95 <= 30 else "OVER",
        ),
    ]
    rows.append(("load average (1 min) during the run", f"{os.getloadavg()[0]:.1f}", ""))
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'value':>9}  note")
    print("-" * (width + 20))
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>9}  {note}")


if __name__ == "__main__":
    main()
