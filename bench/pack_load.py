"""Benchmark: loading a 10,000-question pack against bare `tomllib.loads` of the same text.

Run: .venv/bin/python bench/pack_load.py [--questions N] [--runs N]

Prints the median time of several runs of each step, its ratio to tomllib measured in the
same run, and PASS/FAIL against the targets (cold load ≤ 1.3×, cached load ≤ 0.3×), then
the generation speed of the article's bank. It never asserts: targets are for reading.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD_TARGET = 1.3
CACHED_TARGET = 0.3
PEOPLE = ["David Miliband", "Ed Miliband", "Ed Balls", "Andy Burnham", "Jon Cruddas"]


def make_pack(questions: int) -> dict[str, Any]:
    """A valid pack with `questions` hand-written questions of every type, plus a few facts."""
    entities = [
        {"id": f"person-{n}", "name": f"Person {n}", "aliases": [f"P{n}"], "kind": "person"}
        for n in range(60)
    ]
    relations = [
        {
            "id": "backs",
            "ask_object": "Whom does {subject} back?",
            "ask_subject": "Who backs {object}?",
            "statement": "{subject} backs {object}.",
        }
    ]
    facts = [
        {
            "id": f"fact-{n}",
            "subject": f"person-{n}",
            "relation": "backs",
            "object": f"person-{n + 1}",
            "quote": "backed by",
        }
        for n in range(0, 40, 2)
    ]
    kinds: list[dict[str, Any]] = [
        {"type": "single", "choices": PEOPLE[:4], "answer": "Ed Balls"},
        {"type": "multiple", "choices": PEOPLE, "answers": ["Ed Balls", "Jon Cruddas"]},
        {"type": "true_false", "answer": True},
        {"type": "typed", "answer": "Milibland", "accept": ["Miliband"], "entity": "person-1"},
        {"type": "ordering", "items": PEOPLE[:4]},
        {
            "type": "matching",
            "pairs": [{"left": "Hattie", "right": "Harman"}, {"left": "Mandy", "right": "Peter"}],
        },
        {"type": "numeric", "answer": 236, "tolerance": 5, "unit": "hours"},
    ]
    items = []
    for n in range(questions):
        item = {
            "id": f"q-{n}",
            "prompt": f"Question {n}: who said what, according to the article?",
            "explanation": "Because the article says so, in its own words.",
            "quote": "There is now a vacancy at the top of the Labour Party",
            "difficulty": 1 + n % 3,
            "tags": ["people", "numbers"],
        }
        item.update(kinds[n % len(kinds)])
        items.append(item)
    return {
        "pack": {"id": "bench", "title": "Benchmark pack"},
        "entities": entities,
        "relations": relations,
        "facts": facts,
        "questions": items,
    }


def median_time(step: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        os.environ["QUIZ_CACHE_DIR"] = str(Path(folder) / "cache")
        from quiz.packs.loader import load_pack

        path = Path(folder) / "bench.toml"
        text = tomli_w.dumps(make_pack(options.questions))
        path.write_text(text, encoding="utf-8")
        print(f"pack: {options.questions:,} questions, {len(text) / 1e6:.1f} MB")

        baseline = median_time(lambda: tomllib.loads(path.read_text("utf-8")), options.runs)
        cold = median_time(lambda: load_pack(path, use_cache=False), options.runs)
        load_pack(path)  # fill the cache
        cached = median_time(lambda: load_pack(path), options.runs)

        rows = [
            ("tomllib.loads (baseline)", baseline, None),
            ("load_pack, cold (no cache)", cold, COLD_TARGET),
            ("load_pack, cached", cached, CACHED_TARGET),
        ]
        print(f"{'step':<30} {'median ms':>10} {'× tomllib':>10} {'target':>8}  result")
        for name, seconds, target in rows:
            ratio = seconds / baseline
            verdict = "" if target is None else ("PASS" if ratio <= target else "FAIL")
            target_text = "" if target is None else f"≤ {target}×"
            print(f"{name:<30} {seconds * 1000:>10.1f} {ratio:>10.2f} {target_text:>8}  {verdict}")

    generation_speed(options.runs)
    return 0


def generation_speed(runs: int) -> None:
    """Questions per second that the article's bank generates."""
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack

    bank = ROOT / "questions" / "labour-2010.toml"

    pack = load_pack(bank, use_cache=False)
    count = len(generate_questions(pack))
    seconds = median_time(lambda: generate_questions(pack), runs)
    print(
        f"generation: {count} questions from {bank.name} in {seconds * 1000:.1f} ms"
        f" = {count / seconds:,.0f} questions/second"
    )


if __name__ == "__main__":
    raise SystemExit(main())
