"""Benchmark: importing and exporting a 10,000-question GIFT file.

Run: .venv/bin/python bench/formats.py [--questions N] [--runs N]

Generates a GIFT file with every question type GIFT shares with packs (with titles,
categories, feedback and escapes), then times, as the median of several runs:
- parsing it (`gift.import_text`: text to validated questions), the import target;
- the whole `quiz pack import` pipeline (parse, build the pack, write TOML, check it with the
  pack loader);
- exporting the pack's questions back to GIFT;
- the baseline: our TOML load of the same questions (`load_pack`, cache off), of the pack the
  import wrote.
Times are CPU seconds of this process (the machine is often shared; waiting for a core is
not our cost), so both sides of each ratio are measured alike. Prints questions per second,
the ratio of each step to the TOML load, and PASS/FAIL against the target of 20,000
questions per second on import. It never asserts: targets are for reading.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

IMPORT_TARGET = 20_000  # questions per second

TEMPLATES = [
    "::single-{n}:: Which union backs candidate {n}? {{\n    =Unite#Right: Unite.\n"
    "    ~GMB#No.\n    ~Unison\n    ~CWU\n    ####Unite backs Balls\\: the article says so.\n}}",
    "::multi-{n}:: Which of these back candidate {n}? {{\n    ~%50%Whelan\n    ~%50%Dromey\n"
    "    ~%-100%Mandelson\n}}",
    "::tf-{n}:: Harman backs candidate {n}, according to the article. {{T####Named as a backer.}}",
    "::short-{n}:: Which nickname is number {n}? {{=Milibland =Mili-bland####A pun.}}",
    "::match-{n}:: Match backers to candidates, set {n} {{\n    =Mandelson -> David\n"
    "    =Whelan -> Balls\n    =Unite \\= union -> Balls again\n}}",
    "::num-{n}:: How many hours, case {n}? {{#236:5####Two hundred and thirty-six.}}",
    "::range-{n}:: Which year, case {n}? {{#2009..2011}}",
    "::gap-{n}:: The article calls David the {{~vacancy =ultimate vacant man ~favourite}} in "
    "case {n}.",
]


def make_gift(questions: int) -> str:
    """A GIFT file of `questions` questions, a new `$CATEGORY:` every 100."""
    parts = ["// Benchmark file written by bench/formats.py", ""]
    for n in range(questions):
        if n % 100 == 0:
            parts += [f"$CATEGORY: $course$/top/Bench/Part {n // 100}", ""]
        parts += [TEMPLATES[n % len(TEMPLATES)].format(n=n), ""]
    return "\n".join(parts)


def median_seconds(action: Callable[[], Any], runs: int) -> tuple[float, float]:
    """Median (CPU seconds of this process, wall seconds) over `runs` runs. Targets use CPU
    time: the machine this runs on is often shared, and waiting for a core is not our cost;
    wall time is printed alongside so that nothing is hidden."""
    cpu, wall = [], []
    for _ in range(runs):
        gc.collect()
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        action()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu), statistics.median(wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from quiz.packs.formats import gift, gift_export
    from quiz.packs.formats.pack_writer import verified_toml
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack

    text = make_gift(args.questions)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "bench.toml"
        result = gift.import_text(text, "bench.gift")
        assert len(result.questions) == args.questions, (len(result.questions), result.notes[:3])
        out.write_text(verified_toml(result, "bench.gift", out), encoding="utf-8")
        pack = load_pack(out, use_cache=False)
        questions = generate_questions(pack)
        count = len(questions)

        timings = {
            "TOML load (baseline)": median_seconds(
                lambda: load_pack(out, use_cache=False), args.runs
            ),
            "GIFT import (parse)": median_seconds(
                lambda: gift.import_text(text, "bench.gift"), args.runs
            ),
            "quiz pack import (all)": median_seconds(
                lambda: verified_toml(gift.import_text(text, "bench.gift"), "bench.gift", out),
                args.runs,
            ),
            "GIFT export": median_seconds(
                lambda: gift_export.export_questions(questions, pack.pack), args.runs
            ),
        }

    baseline = timings["TOML load (baseline)"][0]
    size = len(text) / 1e6
    print(f"{count:,} questions, {size:.1f} MB of GIFT, median of {args.runs} runs\n")
    print(
        f"{'step':<24} {'CPU s':>7} {'wall s':>7} {'questions/s':>12} {'× TOML load':>12}  target"
    )
    print("-" * 80)
    for step, (seconds, wall) in timings.items():
        rate = count / seconds
        verdict = ""
        if step == "GIFT import (parse)":
            verdict = f"≥ {IMPORT_TARGET:,}/s " + ("PASS" if rate >= IMPORT_TARGET else "FAIL")
        print(
            f"{step:<24} {seconds:>7.3f} {wall:>7.3f} {rate:>12,.0f} "
            f"{seconds / baseline:>11.2f}×  {verdict}"
        )
    print("\nquestions/s and ratios use CPU time (see median_seconds).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
