"""Records rounds in a real process for the durability tests; not a test module itself.

    python record_driver.py serve SAVES PLAYER
        Loads quiz once, prints "ready", then obeys stdin lines:
        "go FIRST"  forks a child that records rounds with seeds FIRST, FIRST+1, … forever,
                    printing "ack SEED" after each record_round returns (the round is
                    durable); the parent prints "child PID".
        "reap PID"  waits for that child (after the test has killed it); prints "reaped PID".
    python record_driver.py loop SAVES PLAYER FIRST COUNT
        Prints "ready", waits for one stdin line, records COUNT rounds, prints "done".

Forking from a process that has already imported everything keeps 200 kill -9 rounds fast:
each victim is still a separate process with its own file handles and locks.

Every message is one line written by one `os.write` (`say`), never by `print`: the parent
and its child share one pipe, and a child is killed at any moment. `print` makes two
writes (the text, then the newline) when stdout is unbuffered (PYTHONUNBUFFERED=1, as on
CI), so a kill between them left "ack 3" without its newline and the parent's next line
ran into it ("ack 3reaped 2948"). One write of at most PIPE_BUF bytes to a pipe is atomic:
the test reads each message whole or not at all, and never mixed with another writer's.
"""

from __future__ import annotations

import os
import select
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


def say(message: str) -> None:
    """Send `message` as one line in a single write, short enough to be atomic on a pipe."""
    text = message.encode()[: select.PIPE_BUF - 1].decode(errors="ignore")
    line = f"{text}\n".encode()
    written = os.write(1, line)  # stdout
    assert written == len(line)


def record_forever(root: Path, player: str, first: int) -> None:
    store = SaveStore(root)
    seed = first
    while True:
        outcome = store.record_round(player, make_round(player, seed))
        if not outcome.saved:
            say(f"unsaved {outcome.warning}")
            os._exit(1)
        say(f"ack {seed}")
        seed += 1


def serve(root: Path, player: str) -> None:
    say("ready")
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    record_forever(root, player, int(argument))
                finally:
                    os._exit(1)
            say(f"child {pid}")
        elif command == "reap":
            os.waitpid(int(argument), 0)
            say(f"reaped {argument}")


def loop(root: Path, player: str, first: int, count: int) -> None:
    store = SaveStore(root)
    say("ready")
    sys.stdin.readline()
    for seed in range(first, first + count):
        if not store.record_round(player, make_round(player, seed)).saved:
            say(f"unsaved {store.unavailable}")
            sys.exit(1)
    say("done")


if __name__ == "__main__":
    mode, saves, name = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if mode == "serve":
        serve(saves, name)
    else:
        loop(saves, name, int(sys.argv[4]), int(sys.argv[5]))
