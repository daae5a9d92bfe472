"""Start-up and answer latency of the Textual game, against a bare Textual app in the same run.

Measures, each in fresh subprocesses (median of several runs after one warm-up):
- bare: a Textual app with a Header, one Static and a Footer, from process start to the
  frames it draws, headless: its first frame (its footer still empty: Textual fills the
  footer's keys in after it), and the first frame of its screen complete (the footer's keys
  drawn);
- quiz: `quiz play` (through quiz.cli.main, the real bundled pack) from process start to the
  first frame showing the first question, and to the first frame of that screen complete
  (its footer's keys drawn; the game builds its footer before its first frame, so the two
  are one frame);
- first keypress: `quiz play` in a fresh process (nothing warmed up), a player's key sent
  0.35–0.9 s after the first question is painted, through the driver as a terminal's input
  thread sends it, to the refresh that shows the feedback; then every other answer of that
  round the same way (a round of the bundled pack's single-choice questions, so "1" always
  answers) — the p95 over those rounds;
and, in this process, keypress → the refresh that shows the feedback, over 200 answers
(median and p95; timed inside the app, so Pilot's own waiting is not counted).

A frame is timed when Textual hands it to the driver (App.post_display_hook).
The quiz package's bytecode is compiled first, as `pip install` does: this machine sets
PYTHONDONTWRITEBYTECODE, which would otherwise leave a checkout compiling its source on every
start while Textual's installed bytecode is cached.

Targets: start-up ratio (first screen complete) ≤ 1.3; first keypress and keypress →
feedback p95 ≤ 30 ms. The first-frame ratio is printed beside it: the bare app's first frame
has no footer keys yet, the game's has them.
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

# Prints "first <time>" when the screen named first reaches the driver and "complete <time>"
# when it does with its footer's keys, then exits.
FRAMES = """
import time
from textual.app import App
from textual.widgets import Footer

def report_frames(screen_name):
    original = App.post_display_hook
    seen = set()

    def hook(self):
        original(self)
        screen = self.screen
        if type(screen).__name__ != screen_name:
            return
        if "first" not in seen:
            seen.add("first")
            print("first", time.time(), flush=True)
        footers = screen.query(Footer)
        if footers and footers.first().children and "complete" not in seen:
            seen.add("complete")
            print("complete", time.time(), flush=True)
            self.exit(0)

    App.post_display_hook = hook
"""

BARE_APP = (
    FRAMES
    + """
from textual.widgets import Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

report_frames("Screen")
Bare().run(headless=True)
"""
)

# `quiz play` through the real CLI and bundled pack, headless.
QUIZ_APP = (
    FRAMES
    + """
import sys
from quiz.tui import app as tui

report_frames("QuestionScreen")
original_run = tui.QuizApp.run
tui.QuizApp.run = lambda self, **kw: original_run(self, headless=True)
from quiz.cli import main
sys.exit(main(["play", "--seed", "1", "--player", "Bench", "--saves", sys.argv[1]]))
"""
)


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


def time_process(code: str, *args: str) -> tuple[float, float]:
    """Seconds from starting a Python process running `code` to its first frame and to its
    first complete frame (as it reports them on stdout)."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
    )
    frames = dict(line.split() for line in done.stdout.splitlines() if line.strip())
    return float(frames["first"]) - started, float(frames["complete"]) - started


def medians_interleaved(runs: int, saves: str) -> dict[str, float]:
    """Median first frame and complete frame of the bare app and of quiz, run alternately so
    that both see the same machine load (a burst of load would otherwise land on one side)."""
    time_process(BARE_APP)  # warm-ups: bytecode and pack caches
    time_process(QUIZ_APP, saves)
    times: dict[str, list[float]] = {key: [] for key in ("bare", "bare_done", "quiz", "quiz_done")}
    for _ in range(runs):
        for name, code, args in (("bare", BARE_APP, ()), ("quiz", QUIZ_APP, (saves,))):
            first, complete = time_process(code, *args)
            times[name].append(first)
            times[f"{name}_done"].append(complete)
    return {key: statistics.median(values) for key, values in times.items()}


def compile_quiz() -> None:
    """Byte-compile the quiz package where it is imported from, as `pip install` does."""
    import compileall

    import quiz

    compileall.compile_dir(os.path.dirname(quiz.__file__), quiet=1)


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
    compile_quiz()
    with tempfile.TemporaryDirectory() as saves:
        os.environ.setdefault("QUIZ_CACHE_DIR", os.path.join(saves, "cache"))
        load_before = os.getloadavg()[0]
        start = medians_interleaved(options.runs, saves)
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
    ratio = start["quiz_done"] / start["bare_done"]
    first_ratio = start["quiz"] / start["bare"]

    def verdict(value: float, target: float) -> str:
        return "ok" if value <= target else "OVER"

    def shown(seconds: float) -> str:
        return f"{seconds * 1000:.0f} ms"

    rows = [
        ("bare Textual app: start → first frame (footer empty)", shown(start["bare"]), "", ""),
        ("bare Textual app: start → screen complete", shown(start["bare_done"]), "baseline", ""),
        ("quiz play: start → first frame of the first question", shown(start["quiz"]), "", ""),
        ("quiz play: start → first question complete", shown(start["quiz_done"]), "", ""),
        (
            "start-up ratio, screen complete (target ≤ 1.30×)",
            f"{ratio:.2f}×",
            verdict(ratio, 1.3),
            load_start,
        ),
        ("first-frame ratio (bare's lacks its footer keys)", f"{first_ratio:.2f}×", "", load_start),
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
        load_text = f"{load:.1f}" if isinstance(load, float) else ""
        print(f"{name:<{width}}  {value:>9}  {note:<4}  {load_text}")


if __name__ == "__main__":
    main()
