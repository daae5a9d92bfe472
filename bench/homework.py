"""Benchmark: self-paced homework with a class joining over ten minutes and answering at
random times.

    .venv/bin/python bench/homework.py [--students 300] [--questions 10] [--factor 20]

The host (the real SelfPacedServer and SelfPacedSession, with its journal appended and
fsynced by group commit in a temporary folder) runs in a process of its own; the students
(plain websockets clients speaking the protocol) in two other processes. Each student joins
at a random moment of the ten minutes, then asks for each question (`next`), thinks 5–60 s
and answers it. Time is compressed by `--factor` (default 20: the ten minutes take 30 s,
a think of 60 s takes 3 s); the host's question timers are not compressed (20 s each).

Prints the load average before and after (run it on a quiet machine), then answer →
acknowledgement p50/p99, connect → welcome p99, answers sent and lost (sent without an
`accepted`), the journal's size per 1,000 answers, the host's CPU seconds and peak memory,
and PASS/FAIL against the targets (ack p99 ≤ 50 ms, 0 lost). Loopback only; every wait is
bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import bench_questions, host_usage, load_average, percentile, raise_file_limit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CODE = "424242"
JOIN_WINDOW = 600.0  # seconds of simulated time over which the class joins
THINK_SECONDS = (5.0, 60.0)  # simulated
STUDENT_PROCESSES = 2
RUN_TIMEOUT = 600.0
TARGET_ACK_P99 = 0.050


# --- the host process -----------------------------------------------------------------------


async def host(questions: int, folder: Path) -> None:
    """Serve homework until a line arrives on stdin; then close it and print the figures."""
    from quiz.classroom.deck import prepare
    from quiz.classroom.journal import Journal, session_header
    from quiz.classroom.self_paced import SelfPacedSession
    from quiz.classroom.self_paced_server import SelfPacedServer

    journal = Journal.create(folder, "bench")
    journal.group_commit = True
    session = SelfPacedSession(
        prepare(bench_questions(questions), seconds=20, seed=1),
        code=CODE,
        deadline=time.time() + 86400,
        seed=1,
        max_players=100_000,
    )
    journal.append(session_header(session, "bench"))
    session.record = journal.append
    server = SelfPacedServer(session, port=0, durable=journal.durable, capacity=100_000)
    await server.start()
    print(json.dumps({"port": server.port}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    server.finish()
    await journal.aclose()
    await server.stop()
    answers = sum(len(player.answers) for player in session.players.values())
    journal_bytes = journal.path.stat().st_size
    print(
        json.dumps({"answers": answers, "journal_bytes": journal_bytes, **host_usage()}),
        flush=True,
    )


# --- the student processes ------------------------------------------------------------------


async def students(uri: str, count: int, first: int, factor: float) -> None:
    """`count` students, numbered from `first`; prints their figures as one JSON line."""
    from websockets.asyncio.client import connect

    acks: list[float] = []
    joins: list[float] = []
    sent = 0
    lost = 0

    async def student(number: int) -> None:
        nonlocal sent, lost
        rng = random.Random(number)
        await asyncio.sleep(rng.uniform(0, JOIN_WINDOW) / factor)
        started = time.monotonic()
        async with connect(uri, open_timeout=30, max_size=2**20) as ws:
            await ws.send(
                json.dumps(
                    {"v": 2, "type": "join", "code": CODE, "name": f"S{number}", "token": None}
                )
            )
            welcome = json.loads(await ws.recv())
            if welcome["type"] != "welcome":
                raise RuntimeError(f"join refused: {welcome}")
            joins.append(time.monotonic() - started)

            async def until(kind: str) -> dict:  # type: ignore[type-arg]
                while True:
                    message = json.loads(await ws.recv())
                    if message["type"] == kind:
                        return message  # type: ignore[no-any-return]

            while True:
                await ws.send(json.dumps({"v": 2, "type": "next"}))
                message = json.loads(await ws.recv())
                while message["type"] not in ("question", "game_over"):
                    message = json.loads(await ws.recv())
                if message["type"] == "game_over":
                    return
                await asyncio.sleep(rng.uniform(*THINK_SECONDS) / factor)
                pick = rng.randrange(len(message["choices"]))
                answer = {
                    "v": 2,
                    "type": "answer",
                    "question": message["number"],
                    "choices": [pick],
                    "text": None,
                }
                sent += 1
                asked = time.monotonic()
                await ws.send(json.dumps(answer))
                try:
                    async with asyncio.timeout(30):
                        await until("accepted")
                    acks.append(time.monotonic() - asked)
                    async with asyncio.timeout(30):
                        await until("result")
                except TimeoutError:
                    lost += 1

    async with asyncio.timeout(RUN_TIMEOUT):
        outcomes = await asyncio.gather(
            *(student(n) for n in range(first, first + count)), return_exceptions=True
        )
    failed = [repr(o) for o in outcomes if isinstance(o, BaseException)]
    print(json.dumps({"acks": acks, "joins": joins, "sent": sent, "lost": lost, "failed": failed}))


# --- the run --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--factor", type=float, default=20.0, help="time compression")
    parser.add_argument("--role", choices=("host", "students"), help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    raise_file_limit()
    if args.role == "host":
        asyncio.run(host(args.questions, Path(args.folder)))
        return 0
    if args.role == "students":
        asyncio.run(students(args.uri, args.students, args.first, args.factor))
        return 0

    print(f"load average before: {load_average()}")
    print(
        f"{args.students} students join over {JOIN_WINDOW / 60:g} min, {args.questions} questions "
        f"each, time compressed {args.factor:g}× ({JOIN_WINDOW / args.factor:g} s of joins)"
    )
    me = [sys.executable, __file__]
    with tempfile.TemporaryDirectory() as folder:
        host_process = subprocess.Popen(
            [*me, "--role", "host", "--questions", str(args.questions), "--folder", folder],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert host_process.stdout is not None and host_process.stdin is not None
        port = json.loads(host_process.stdout.readline())["port"]
        share = args.students // STUDENT_PROCESSES
        groups = [
            subprocess.Popen(
                [
                    *me,
                    "--role",
                    "students",
                    "--uri",
                    f"ws://127.0.0.1:{port}",
                    "--students",
                    str(share if i < STUDENT_PROCESSES - 1 else args.students - share * i),
                    "--first",
                    str(share * i),
                    "--factor",
                    str(args.factor),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for i in range(STUDENT_PROCESSES)
        ]
        figures = [json.loads(group.communicate(timeout=RUN_TIMEOUT)[0]) for group in groups]
        host_process.stdin.write("stop\n")
        host_process.stdin.flush()
        hosted = json.loads(host_process.stdout.readline())
        host_process.wait(timeout=60)
    acks = [a for f in figures for a in f["acks"]]
    joins = [j for f in figures for j in f["joins"]]
    sent = sum(f["sent"] for f in figures)
    lost = sum(f["lost"] for f in figures) + sum(len(f["failed"]) for f in figures)
    per_thousand = hosted["journal_bytes"] / max(1, hosted["answers"]) * 1000
    print(
        f"ack p50 {percentile(acks, 0.5) * 1000:.1f} ms  p99 {percentile(acks, 0.99) * 1000:.1f} ms"
        f"  |  join p99 {percentile(joins, 0.99) * 1000:.1f} ms"
    )
    print(f"answers sent {sent}, recorded {hosted['answers']}, lost {lost}")
    size = hosted["journal_bytes"] / 1024
    print(f"journal: {size:.0f} KiB, {per_thousand / 1024:.0f} KiB per 1,000 answers")
    print(f"host: {hosted['cpu']:.1f} s CPU, peak {hosted['peak_mb']:.0f} MB")
    ok = percentile(acks, 0.99) <= TARGET_ACK_P99 and lost == 0 and sent == hosted["answers"]
    print(f"{'PASS' if ok else 'FAIL'} (ack p99 ≤ {TARGET_ACK_P99 * 1000:.0f} ms, 0 lost)")
    for failure in (x for f in figures for x in f["failed"]):
        print(f"  student failed: {failure}")
    print(f"load average after: {load_average()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
