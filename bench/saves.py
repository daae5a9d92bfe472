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

Footprint: a player who recorded 1,000 rounds one at a time (so every backup a real player
has is there: the live history file's three, one copy of each sealed history file, three of
each derived file) against an SQLite baseline of the same data (every round and answer, and
the study cards) in one database file, as a ratio. Target: ≤ 2 MB per 1,000 rounds.

Prints medians, ratios to the baselines and PASS/FAIL against the targets: recording ≤ 20 ms
median and flat (median at 10,000 ≤ 2 × median at 100), opening ≤ 200 ms at 10,000 and flat
(median at 10,000 ≤ 2 × median at 100), the folder ≤ 2 MB per 1,000 rounds. It never
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
FOOTPRINT_TARGET_BYTES = 2 * 1024 * 1024  # per 1,000 rounds
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


def folder_bytes(folder: Path) -> dict[str, int]:
    """Bytes on disk under `folder` by kind of file, each inode counted once (a backup that
    is a hard link to nothing else still counts: it is the only copy of that version)."""
    seen: set[int] = set()
    sizes: dict[str, int] = {}
    for path in folder.rglob("*"):
        status = path.lstat()
        if not path.is_file() or status.st_ino in seen:
            continue
        seen.add(status.st_ino)
        what = "history" if "history" in path.parts else "profile, stats, study"
        if ".bak" in path.name:
            what += " backups"
        sizes[what] = sizes.get(what, 0) + status.st_size
    return sizes


def sqlite_bytes(store: SaveStore, player: str, database: Path) -> int:
    """The same player in one SQLite file: every round and answer, and the study cards."""
    import json
    import sqlite3

    connection = sqlite3.connect(database)
    connection.executescript(
        """
        CREATE TABLE rounds (round INTEGER PRIMARY KEY, round_id TEXT, player TEXT,
            pack_id TEXT, pack_version TEXT, mode TEXT, seed INTEGER, started_at TEXT,
            duration REAL, score INTEGER, best_streak INTEGER);
        CREATE TABLE answers (round INTEGER, question_id TEXT, given TEXT, correct INTEGER,
            credit REAL, points INTEGER, seconds REAL, timed_out INTEGER,
            fifty_fifty INTEGER, fuzzy INTEGER, tags TEXT);
        CREATE TABLE cards (question_id TEXT PRIMARY KEY, card_id INTEGER, state INTEGER,
            step INTEGER, stability REAL, difficulty REAL, due TEXT, last_review TEXT);
        """
    )
    with connection:
        for stored in store.history(player):
            connection.execute(
                "INSERT INTO rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    stored.round,
                    stored.round_id,
                    stored.player,
                    stored.pack_id,
                    stored.pack_version,
                    stored.mode,
                    stored.seed,
                    stored.started_at.isoformat(),
                    stored.duration,
                    stored.score,
                    stored.best_streak,
                ),
            )
            connection.executemany(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        stored.round,
                        answer.question_id,
                        answer.given,
                        answer.correct,
                        answer.credit,
                        answer.points,
                        answer.seconds,
                        answer.timed_out,
                        answer.fifty_fifty,
                        answer.fuzzy,
                        json.dumps(answer.tags),
                    )
                    for answer in stored.answers
                ],
            )
        connection.executemany(
            "INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    qid,
                    card.card_id,
                    int(card.state),
                    card.step,
                    card.stability,
                    card.difficulty,
                    card.due.isoformat(),
                    card.last_review.isoformat() if card.last_review else None,
                )
                for qid, card in store.study_cards(player).items()
            ],
        )
    connection.execute("VACUUM")
    connection.close()
    return database.stat().st_size


def footprint(root: Path, rounds: int) -> None:
    """Record `rounds` rounds one at a time; print the folder's size against SQLite's."""
    store = SaveStore(root)
    for number in range(1, rounds + 1):
        assert store.record_round("Footprint", make_round(number)).saved
    folder = store.find_player("Footprint")
    assert folder is not None
    sizes = folder_bytes(folder)
    total = sum(sizes.values())
    baseline_size = sqlite_bytes(store, "Footprint", root / "baseline.sqlite")
    per_thousand = total * 1000 / rounds
    print(f"\nfootprint after {rounds:,} rounds recorded one at a time:")
    for what in sorted(sizes):
        print(f"  {what:<30} {sizes[what] / 1024:>8.0f} KB")
    print(f"  {'the player folder':<30} {total / 1024:>8.0f} KB")
    print(f"  {'SQLite, the same data':<30} {baseline_size / 1024:>8.0f} KB")
    print(f"  folder / SQLite: {total / baseline_size:.2f}×")
    passed = per_thousand <= FOOTPRINT_TARGET_BYTES
    print(
        f"{'PASS' if passed else 'FAIL'}  folder ≤ 2 MB per 1,000 rounds "
        f"({per_thousand / (1024 * 1024):.2f} MB)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=40, help="rounds recorded per size")
    parser.add_argument("--opens", type=int, default=15, help="profile opens per size")
    parser.add_argument(
        "--footprint", type=int, default=1000, help="rounds recorded for the footprint (0: skip)"
    )
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
        (
            f"open flat: median at 10,000 ≤ {FLAT_FACTOR:g} × at 100 ({last[1] / first[1]:.2f}×)",
            last[1] <= FLAT_FACTOR * first[1],
        ),
        (f"scores data ≤ {OPEN_TARGET_MS:g} ms at 10,000", last[2] <= OPEN_TARGET_MS),
    ]
    for label, passed in verdicts:
        print(f"{'PASS' if passed else 'FAIL'}  {label}")
    if args.footprint:
        with tempfile.TemporaryDirectory() as folder:
            footprint(Path(folder), args.footprint)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
