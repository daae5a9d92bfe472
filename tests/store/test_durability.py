"""Nothing acknowledged is ever lost: kill -9 at random moments, and two writers at once."""

from __future__ import annotations

import importlib.util
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from quiz.store import SaveError, SaveStore

DRIVER = Path(__file__).with_name("record_driver.py")
KILLS = 200


def _start(*args: str) -> subprocess.Popen[str]:
    # Unbuffered stdout is where `print` splits a line in two writes; the driver must not
    # depend on how the machine running the tests is configured.
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def _send(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdin is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()


def _driver_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("record_driver", DRIVER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_driver_sends_each_message_whole_in_one_write(monkeypatch: pytest.MonkeyPatch) -> None:
    # A child is killed at any moment while it shares one pipe with its parent: a message
    # split over two writes can lose its end, and the parent's next line runs into it.
    driver = _driver_module()
    writes: list[bytes] = []
    monkeypatch.setattr(os, "write", lambda fd, data: writes.append(bytes(data)) or len(data))
    driver.say("ack 3")
    driver.say("reaped 2948")
    driver.say("unsaved " + "é" * 5000)
    assert writes[:2] == [b"ack 3\n", b"reaped 2948\n"]
    assert len(writes) == 3 and len(writes[2]) <= select.PIPE_BUF
    assert writes[2].decode().endswith("é\n")


@pytest.mark.slow
def test_kill_minus_nine_never_loses_an_acknowledged_round(tmp_path: Path) -> None:
    root = tmp_path / "saves"
    rng = random.Random(20260301)
    driver = _start("serve", str(root), "Torture")
    assert driver.stdout is not None
    acknowledged: set[int] = set()
    interrupted_writes = 0
    try:
        for kill in range(KILLS):
            _send(driver, f"go {kill * 100_000}")
            wanted_acks = rng.randint(0, 3)
            acks_seen = 0
            pid = None
            while pid is None or acks_seen < wanted_acks:
                kind, _, value = driver.stdout.readline().strip().partition(" ")
                assert kind in ("child", "ack"), f"driver said {kind} {value}"
                if kind == "child":
                    pid = int(value)
                else:
                    acknowledged.add(int(value))
                    acks_seen += 1
            # The kill lands at a random point of the next record_round: a random delay
            # drawn from the seeded RNG (no assertion depends on timing).
            time.sleep(rng.uniform(0, 0.006))
            os.kill(pid, signal.SIGKILL)
            _send(driver, f"reap {pid}")
            while True:
                kind, _, value = driver.stdout.readline().strip().partition(" ")
                if kind == "reaped":
                    break
                assert kind == "ack", f"driver said {kind} {value}"
                acknowledged.add(int(value))  # printed before the kill landed

            if any(".tmp-" in path.name for path in root.rglob(".*")):
                interrupted_writes += 1
            store = SaveStore(root)
            recent = {stored.seed for stored in store.history("Torture", limit=20)}
            mine = {seed for seed in acknowledged if seed // 100_000 == kill}
            assert mine <= recent, f"kill {kill}: lost rounds {sorted(mine - recent)}"
            profile = store.open_profile("Torture")
            assert profile.rounds >= len(acknowledged)
            if kill % 20 == 0:  # the derived files load too (every 20th kill, to stay quick)
                assert store.stats("Torture").applied_through == profile.applied_through
                store.study_cards("Torture")
            assert store.take_warnings() == []
    finally:
        driver.kill()
        driver.wait()

    # Proof that kills landed in the middle of writes (a temp file left behind), not only
    # between rounds; the next writer cleans those up.
    print(f"{interrupted_writes} of {KILLS} kills interrupted a write")
    assert interrupted_writes > 0
    store = SaveStore(root)
    history = store.history("Torture")
    seeds = [stored.seed for stored in history]
    assert acknowledged <= set(seeds)
    assert len(seeds) == len(set(seeds))
    assert sorted(stored.round for stored in history) == list(range(1, len(history) + 1))
    profile = store.open_profile("Torture")
    assert profile.rounds == len(history)
    assert store.stats("Torture").packs["torture"].tags["torture"].asked == 10 * len(history)
    cards = store.study_cards("Torture")
    assert set(cards) == {answer.question_id for stored in history for answer in stored.answers}
    assert all(card.last_review is not None for card in cards.values())
    assert store.take_warnings() == []


def test_two_processes_recording_for_one_player_lose_nothing(tmp_path: Path) -> None:
    root = tmp_path / "saves"
    SaveStore(root).create_player("Shared")
    writers = [_start("loop", str(root), "Shared", str(first), "200") for first in (10_000, 20_000)]
    for writer in writers:
        _send(writer, "go")
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "done"
        assert writer.wait() == 0

    store = SaveStore(root)
    history = store.history("Shared")
    assert sorted(stored.seed for stored in history) == [
        *range(10_000, 10_200),
        *range(20_000, 20_200),
    ]
    assert sorted(stored.round for stored in history) == list(range(1, 401))
    assert store.open_profile("Shared").rounds == 400
    assert store.take_warnings() == []


def test_a_player_held_by_another_process_is_a_clear_error_not_a_hang(
    tmp_path: Path,
) -> None:
    root = tmp_path / "saves"
    store = SaveStore(root, lock_timeout=0.2)
    store.create_player("Ada")
    folder = store.find_player("Ada")
    assert folder is not None
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, filelock\n"
            f"lock = filelock.FileLock({str(folder / '.lock')!r})\n"
            "lock.acquire()\n"
            "print('held', flush=True)\n"
            "sys.stdin.readline()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(SaveError, match=r"\.lock: another quiz has held this player"):
            store.set_theme("Ada", "nord")
    finally:
        holder.communicate("\n")
    assert store.set_theme("Ada", "nord")
    assert store.get_theme("Ada") == "nord"
