"""Benchmark: save files for a player with 100, 1,000 and 10,000 recorded rounds.

Run: .venv/bin/python bench/saves.py [--records N] [--opens N]

Times, for three players with 100, 1,000 and 10,000 rounds: opening the profile (a fresh
SaveStore each time, as a new `quiz` process would), opening the Scores-screen data, and
recording one more round (each a real durable record: history file, fsyncs, lock, and every
10th round a checkpoint of profile/stats/study). Measurements take turns between the three
players, so load from elsewhere on the machine affects every size alike. The baseline,
measured in the same run, is bare `tomllib.loads` + `tomli_w.dumps` of one TOML file
holding 100 rounds (10 answers each).

The history is built with `SaveStore.import_rounds`, which writes each 10-round history file
once (one fsync per file, not per round) and the profile, stats and study files once at the
end, so 10,000 rounds take seconds rather than 10,000 fsyncs.

A second baseline is the bare cost of one durable write (20 KB temp file, fsync, rename,
fsync the folder): on a busy disk fsync dominates, and this shows how much of a record is
the unavoidable I/O.

Prints medians, ratios to the baselines and PASS/FAIL against the targets: recording ≤ 20 ms
median and flat (median at 10,000 ≤ 2 × median at 100), opening ≤ 200 ms at 10,000. It never
asserts: targets are for reading.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.game.result import AnswerResult, RoundResult  # noqa: E402
from quiz.store import SaveStore, scores_data  # noqa: E402
from quiz.store.history import round_document  # noqa: E402
from quiz.store.player_files import stored_round  # noqa: E402

RECORD_TARGET_MS = 20.0
OPEN_TARGET_MS = 200.0
FLAT_FACTOR = 2.0
WARM_UP = 3
SIZES = (100, 1_000, 10_000)
START = datetime(2023, 1, 1, 8, 0, tzinfo=UTC)
TAGS = ("people", "unions", "numbers", "nicknames", "verdicts", "backers", "quotes", "dates")


def make_round(number: int) -> RoundResult:
    """Round `number`: 10 answers over a pool of 300 questions, 8 rounds a day."""
    answers = tuple(
        AnswerResult(
            question_id=f"labour-2010/q{(number * 7 + index * 31) % 300:03d}",
            given=f"Answer number {index}",
            correct=(number + index) % 4 != 0,
            credit=1.0,
            points=750,
            seconds=4.25,
            fuzzy=(number + index) % 17 == 0,
            tags=(TAGS[index % 8], TAGS[(index + number) % 8]),
        )
        for index in range(10)
    )
    return RoundResult(
        player="Bench",
        pack_id="labour-2010",
        pack_version="1.0",
        mode=("classic", "blitz", "sudden_death")[number % 3],
        seed=number,
        started_at=START + timedelta(hours=3 * number),
        duration=48.0,
        score=(number * 7919) % 9000,
        best_streak=3,
        answers=answers,
    )


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def time_each(action: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def baseline(runs: int) -> list[float]:
    """tomllib.loads + tomli_w.dumps of a single 100-round file."""
    document = {
        "schema_version": 1,
        "rounds": [round_document(stored_round(make_round(n), n)) for n in range(1, 101)],
    }
    text = tomli_w.dumps(document)
    return time_each(lambda: tomli_w.dumps(tomllib.loads(text)), runs)


def bare_durable_write(folder: Path, runs: int) -> list[float]:
    """The least any durable save can cost: write a 20 KB temp file, fsync, rename, fsync
    the folder (what one history-file append needs), with no TOML and no lock."""
    import os

    target = folder / "bare.toml"
    payload = b"x" * 20_000

    def write() -> None:
        temp = folder / "bare.toml.tmp"
        with open(temp, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    return time_each(write, runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=40, help="rounds recorded per size")
    parser.add_argument("--opens", type=int, default=15, help="profile opens per size")
    args = parser.parse_args()

    base = baseline(max(args.opens, 10))
    base_ms = median_ms(base)
    print(f"baseline: tomllib.loads + tomli_w.dumps of a 100-round file: {base_ms:.2f} ms")
    rows: list[tuple[int, float, float, float, float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        players = {size: f"Bench {size}" for size in SIZES}
        built: dict[int, float] = {}
        for size, player in players.items():
            started = time.perf_counter()
            SaveStore(root).import_rounds(player, [make_round(n) for n in range(1, size + 1)])
            built[size] = time.perf_counter() - started
        # Every measurement goes round the three sizes in turn, so a burst of load from
        # elsewhere on the machine hits all sizes alike and the comparison stays fair.
        opens: dict[int, list[float]] = {size: [] for size in SIZES}
        scores: dict[int, list[float]] = {size: [] for size in SIZES}
        records: dict[int, list[float]] = {size: [] for size in SIZES}
        for _ in range(args.opens):
            for size, player in players.items():
                opens[size] += time_each(lambda p=player: SaveStore(root).open_profile(p), 1)
                scores[size] += time_each(lambda p=player: scores_data(SaveStore(root), p), 1)
        stores = {size: SaveStore(root) for size in SIZES}
        recorded = dict.fromkeys(SIZES, 0)
        bare: list[float] = []
        bare_folder = root / "bare"
        bare_folder.mkdir()
        for turn in range(WARM_UP + args.records):
            bare += bare_durable_write(bare_folder, 1)  # in turn with the records, too
            for size, player in players.items():
                recorded[size] += 1
                result = make_round(size + recorded[size])
                started = time.perf_counter()
                outcome = stores[size].record_round(player, result)
                elapsed = time.perf_counter() - started
                assert outcome.saved, stores[size].unavailable
                if turn >= WARM_UP:  # first-use costs (imports, caches) are not per round
                    records[size].append(elapsed)
        bare_ms = median_ms(bare)
        print(f"bare durable write (20 KB, fsync, rename, fsync folder): {bare_ms:.2f} ms")
        for size in SIZES:
            samples = sorted(records[size])
            p90 = samples[int(len(samples) * 0.9) - 1] * 1000
            rows.append(
                (
                    size,
                    median_ms(opens[size]),
                    median_ms(scores[size]),
                    median_ms(records[size]),
                    p90,
                    built[size],
                )
            )

    print()
    header = (
        f"{'rounds':>7} | {'open profile':>12} | {'scores data':>11} | "
        f"{'record median':>13} | {'record p90':>10} | {'× baseline':>10} | "
        f"{'× bare write':>12} | build"
    )
    print(header)
    print("-" * len(header))
    for size, open_ms, scores_ms, record_ms, p90, built in rows:
        print(
            f"{size:>7,} | {open_ms:>9.2f} ms | {scores_ms:>8.2f} ms | {record_ms:>10.2f} ms"
            f" | {p90:>7.2f} ms | {record_ms / base_ms:>9.2f}× | {record_ms / bare_ms:>11.1f}×"
            f" | {built:.1f} s"
        )
    print()
    first, last = rows[0], rows[-1]
    verdicts = [
        (
            f"record median ≤ {RECORD_TARGET_MS:g} ms at every size",
            all(row[3] <= RECORD_TARGET_MS for row in rows),
        ),
        (
            f"record flat: median at 10,000 ≤ {FLAT_FACTOR:g} × at 100 ({last[3] / first[3]:.2f}×)",
            last[3] <= FLAT_FACTOR * first[3],
        ),
        (f"open profile ≤ {OPEN_TARGET_MS:g} ms at 10,000", last[1] <= OPEN_TARGET_MS),
        (f"scores data ≤ {OPEN_TARGET_MS:g} ms at 10,000", last[2] <= OPEN_TARGET_MS),
    ]
    for label, passed in verdicts:
        print(f"{'PASS' if passed else 'FAIL'}  {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
