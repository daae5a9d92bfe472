"""Records rounds in a real process for the durability tests; not a test module itself.

    python record_driver.py serve SAVES PLAYER
        Loads quiz once, prints "ready", then obeys stdin lines:
        "go FIRST"  forks a child that records rounds with seeds FIRST, FIRST+1, … forever,
                    printing "ack SEED" after each record_round returns (the round is
                    durable); the parent prints "child PID".
        "reap PID"  waits for that child (after the test has killed it); prints "reaped PID".
    python record_driver.py loop SAVES PLAYER FIRST COUNT
        Prints "ready", waits for one stdin line, records COUNT rounds, prints "done".
    python record_driver.py acks SAVES PLAYER FIRST COUNT
        The same, printing "ack SEED" after each round and waiting for a stdin line before
        the next, so a test can act between rounds (and while the next one records).

Forking from a process that has already imported everything keeps 200 kill -9 rounds fast:
each victim is still a separate process with its own file handles and locks.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.game.result import AnswerResult, RoundResult
from quiz.store import SaveStore

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def make_round(player: str, seed: int) -> RoundResult:
    answers = tuple(
        AnswerResult(
            question_id=f"torture/q{(seed + index) % 50}",
            given=f"answer {index}",
            correct=(seed + index) % 3 != 0,
            credit=1.0,
            points=100,
            seconds=1.5,
            tags=("torture",),
        )
        for index in range(10)
    )
    return RoundResult(
        player=player,
        pack_id="torture",
        pack_version="1",
        mode="classic",
        seed=seed,
        started_at=START + timedelta(minutes=seed % 100_000),
        duration=15.0,
        score=seed % 5000,
        best_streak=1,
        answers=answers,
    )


def record_forever(root: Path, player: str, first: int) -> None:
    store = SaveStore(root)
    seed = first
    while True:
        outcome = store.record_round(player, make_round(player, seed))
        if not outcome.saved:
            print(f"unsaved {outcome.warning}", flush=True)
            os._exit(1)
        print(f"ack {seed}", flush=True)
        seed += 1


def serve(root: Path, player: str) -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    record_forever(root, player, int(argument))
                finally:
                    os._exit(1)
            print(f"child {pid}", flush=True)
        elif command == "reap":
            os.waitpid(int(argument), 0)
            print(f"reaped {argument}", flush=True)


def loop(root: Path, player: str, first: int, count: int, acks: bool = False) -> None:
    store = SaveStore(root)
    print("ready", flush=True)
    sys.stdin.readline()
    for seed in range(first, first + count):
        outcome = store.record_round(player, make_round(player, seed))
        if not outcome.saved:
            print(f"unsaved {outcome.warning}", flush=True)
            sys.exit(1)
        if acks:
            print(f"ack {seed}", flush=True)
            sys.stdin.readline()
    print("done", flush=True)


if __name__ == "__main__":
    mode, saves, name = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if mode == "serve":
        serve(saves, name)
    else:
        loop(saves, name, int(sys.argv[4]), int(sys.argv[5]), acks=mode == "acks")
