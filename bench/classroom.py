"""Benchmark: the classroom host with hundreds of students, against a bare websockets
broadcast measured in the same run.

Run: .venv/bin/python bench/classroom.py [--sizes 300,500,1000] [--questions 10]

For each class size it runs, each host in its own process (so CPU and peak memory are the
host's alone) and the students in another process (plain websockets clients):

- bare: a websockets server that broadcasts the same question messages with `broadcast()`
  and acknowledges each answer at once;
- quiz: the real ClassroomServer + HostSession (join, shuffle, judge, score) with its journal
  (every event appended and fsynced) in a temporary folder.

Students answer as soon as a question arrives. Times use CLOCK_MONOTONIC, shared by every
process on the machine. Prints, per size: broadcast → last student received (p50, p99 over
questions), answer → acknowledgement (p50, p99 over all answers), lost answers, host CPU
seconds and peak memory, the ratios of quiz to bare, and PASS/FAIL against the targets
(broadcast p99 ≤ 250 ms and ≤ 1.5 × bare, ack p99 ≤ 50 ms, 0 lost). Then the largest size
that met them. Loopback only; every wait is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CODE = "424242"
RUN_TIMEOUT = 300.0
STUDENT_PROCESSES = 2
# As in a real game (`--reveal-seconds`), the reveal stays up before the next question; the
# bare server pauses as long, so both broadcast to students who are idle.
REVEAL_SECONDS = 1.0
# Students think before answering (uniformly, seeded): a class does not answer all in the
# same millisecond, and a burst of answers would be measured as the broadcast's latency.
THINK_SECONDS = (0.3, 2.0)
TARGET_BCAST_P99 = 0.250
TARGET_BCAST_RATIO = 1.5
TARGET_ACK_P99 = 0.050


def raise_file_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def host_usage() -> dict[str, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def bench_questions(count: int):  # type: ignore[no-untyped-def]
    from quiz.packs.question import Question

    return [
        Question(
            id=f"bench.q{n}",
            type="single",
            prompt=f"Question {n}: who is 'the vacancy', according to the article?",
            choices=("David Miliband", "Ed Balls", "Andy Burnham", "John McDonnell"),
            answers=("David Miliband",),
        )
        for n in range(1, count + 1)
    ]


class StudentProcesses:
    """The students, split over STUDENT_PROCESSES processes so that no client loop is the
    bottleneck being measured."""

    def __init__(self, uri: str, size: int, mode: str) -> None:
        share = -(-size // STUDENT_PROCESSES)
        self.processes = [
            subprocess.Popen(
                [
                    *(sys.executable, __file__, "--role", "students", "--uri", uri),
                    *("--size", str(min(share, size - first)), "--first", str(first)),
                    *("--mode", mode),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for first in range(0, size, share)
        ]

    def results(self) -> dict:
        merged: dict = {"received": {}, "acks": [], "lost": 0}
        for process in self.processes:
            out, _ = process.communicate(timeout=RUN_TIMEOUT)
            part = json.loads(out)
            for number, times in part["received"].items():
                merged["received"].setdefault(number, []).extend(times)
            merged["acks"] += part["acks"]
            merged["lost"] += part["lost"]
        return merged

    def kill(self) -> None:
        for process in self.processes:
            process.kill()


# --- hosts (each in its own process) -------------------------------------------------------


async def quiz_host(size: int, questions: int) -> dict:

    from quiz.classroom.deck import prepare
    from quiz.classroom.flow import wait_for_answers, wait_for_players
    from quiz.classroom.journal import Journal, session_header
    from quiz.classroom.server import ClassroomServer
    from quiz.classroom.session import HostSession

    hosted = prepare(bench_questions(questions), seconds=30, seed=1)
    # The journal is part of the host's work: every join and answer is appended and fsynced.
    saves = Path(tempfile.mkdtemp(prefix="quiz-bench-"))
    journal = Journal.create(saves, "bench")
    session = HostSession(hosted, code=CODE, max_players=size, record=journal.append)
    journal.append(session_header(session, "bench"))
    journal.group_commit = True
    server = ClassroomServer(session, port=0, ping_interval=None, durable=journal.durable)
    await server.start()
    students = StudentProcesses(f"ws://127.0.0.1:{server.port}", size, "quiz")
    sent: list[float] = []
    try:
        async with asyncio.timeout(RUN_TIMEOUT):
            await wait_for_players(server, size)
            for _ in range(questions):
                sent.append(time.monotonic())
                server.ask_next()
                await wait_for_answers(server, 30)
                server.reveal()
                await asyncio.sleep(REVEAL_SECONDS)
            server.finish()
            out = await asyncio.to_thread(students.results)
    finally:
        students.kill()
        await server.stop()
        await journal.aclose()
        shutil.rmtree(saves, ignore_errors=True)
    recorded = sum(len(player.answers) for player in session.players.values())
    return {"sent": sent, "students": out, "recorded": recorded, **host_usage()}


async def bare_host(size: int, questions: int) -> dict:
    from websockets.asyncio.server import broadcast, serve

    from quiz.classroom import protocol as p

    clients: set = set()
    joined = asyncio.Event()
    answered = {"n": 0}
    all_answered = asyncio.Event()

    async def handler(ws) -> None:  # type: ignore[no-untyped-def]
        clients.add(ws)
        if len(clients) >= size:
            joined.set()
        async for raw in ws:
            message = json.loads(raw)
            if message["type"] == "answer":
                await ws.send(
                    json.dumps({"v": 2, "type": "accepted", "question": message["question"]})
                )
                answered["n"] += 1
                if answered["n"] >= size:
                    all_answered.set()

    # The same transport settings as the quiz host (no per-message deflate), so the ratio
    # measures what the host adds, not a configuration difference.
    server = await serve(
        handler, "127.0.0.1", 0, ping_interval=None, max_size=4096, compression=None
    )
    port = server.sockets[0].getsockname()[1]
    students = StudentProcesses(f"ws://127.0.0.1:{port}", size, "bare")
    sent: list[float] = []
    try:
        async with asyncio.timeout(RUN_TIMEOUT):
            await joined.wait()
            for number in range(1, questions + 1):
                answered["n"] = 0
                all_answered.clear()
                message = p.QuestionMessage(
                    number=number,
                    total=questions,
                    kind="single",
                    prompt=f"Question {number}: who is 'the vacancy', according to the article?",
                    choices=["Ed Balls", "David Miliband", "Andy Burnham", "John McDonnell"],
                    seconds=30,
                )
                sent.append(time.monotonic())
                broadcast(clients, p.encode(message))
                await all_answered.wait()
                await asyncio.sleep(REVEAL_SECONDS)
            broadcast(clients, json.dumps({"v": 2, "type": "game_over"}))
            out = await asyncio.to_thread(students.results)
    finally:
        students.kill()
        server.close()
        await server.wait_closed()
    return {
        "sent": sent,
        "students": out,
        "recorded": size * questions,
        **host_usage(),
    }


# --- students (one process, many connections) ---------------------------------------------


async def students(uri: str, size: int, first: int, mode: str) -> dict:
    import random

    from websockets.asyncio.client import connect

    received: dict[int, list[float]] = {}
    acks: list[float] = []
    lost = {"n": 0, "errors": 0}
    limit = asyncio.Semaphore(50)

    async def answer(ws, number: int, choice: int, think: float, pending: dict) -> None:  # type: ignore[no-untyped-def]
        await asyncio.sleep(think)
        pending[number] = time.monotonic()
        message = {"v": 2, "type": "answer", "question": number, "choices": [choice], "text": None}
        await ws.send(json.dumps(message))

    async def student(index: int) -> None:
        rng = random.Random(index)
        async with limit:
            ws = await connect(uri, open_timeout=60, ping_interval=None, max_queue=None)
        tasks = []
        async with ws:
            if mode == "quiz":
                await ws.send(
                    json.dumps({"v": 2, "type": "join", "code": CODE, "name": f"s{index}"})
                )
            pending: dict[int, float] = {}
            async for raw in ws:
                now = time.monotonic()
                message = json.loads(raw)
                kind = message["type"]
                if kind == "question":
                    number = message["number"]
                    received.setdefault(number, []).append(now)
                    think = rng.uniform(*THINK_SECONDS)
                    tasks.append(asyncio.create_task(answer(ws, number, index % 4, think, pending)))
                elif kind == "accepted":
                    acks.append(now - pending.pop(message["question"]))
                elif kind == "error":
                    lost["errors"] += 1
                elif kind == "game_over":
                    break
            for task in tasks:
                task.cancel()
            lost["n"] += len(pending)

    async with asyncio.timeout(RUN_TIMEOUT):
        await asyncio.gather(*(student(i) for i in range(first, first + size)))
    return {
        "received": {str(k): v for k, v in received.items()},
        "acks": acks,
        "lost": lost["n"] + lost["errors"],
    }


# --- the orchestration and the table --------------------------------------------------------


def run_host(kind: str, size: int, questions: int) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--role",
            kind,
            "--size",
            str(size),
            "--questions",
            str(questions),
        ],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT + 60,
    )
    if result.returncode != 0:
        raise SystemExit(f"{kind} host at {size} failed:\n{result.stderr}")
    return json.loads(result.stdout)


def summarise(run: dict, size: int) -> dict:
    spread = []
    for number, sent in enumerate(run["sent"], 1):
        times = run["students"]["received"].get(str(number), [])
        spread.append(max(times) - sent if len(times) == size else float("inf"))
    acks = run["students"]["acks"]
    expected = size * len(run["sent"])
    lost = run["students"]["lost"] + (expected - len(acks)) + (expected - run["recorded"])
    return {
        "b50": percentile(spread, 0.5),
        "b99": percentile(spread, 0.99),
        "a50": percentile(acks, 0.5),
        "a99": percentile(acks, 0.99),
        "lost": max(0, lost) if lost >= 0 else -lost,
        "cpu": run["cpu"],
        "mb": run["peak_mb"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="300,500,1000")
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--role", default="main", choices=["main", "quiz", "bare", "students"])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--uri", default="")
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--mode", default="quiz")
    args = parser.parse_args()
    raise_file_limit()
    if args.role == "students":
        print(json.dumps(asyncio.run(students(args.uri, args.size, args.first, args.mode))))
        return 0
    if args.role in ("quiz", "bare"):
        host = quiz_host if args.role == "quiz" else bare_host
        print(json.dumps(asyncio.run(host(args.size, args.questions))))
        return 0

    print(
        f"classroom benchmark: {args.questions} questions, host and students in separate processes"
    )
    columns = ("bcast p50", "bcast p99", "ack p50", "ack p99")
    print(f"{'size':>5} {'host':<5} " + " ".join(f"{c:>10}" for c in columns), end="")
    print(f" {'lost':>5} {'CPU s':>7} {'peak MB':>8}")
    largest = 0
    for size in (int(s) for s in args.sizes.split(",")):
        bare = summarise(run_host("bare", size, args.questions), size)
        quiz = summarise(run_host("quiz", size, args.questions), size)
        for name, row in (("bare", bare), ("quiz", quiz)):
            print(
                f"{size:>5} {name:<5} {row['b50'] * 1000:>8.1f}ms {row['b99'] * 1000:>8.1f}ms "
                f"{row['a50'] * 1000:>8.1f}ms {row['a99'] * 1000:>8.1f}ms {row['lost']:>5} "
                f"{row['cpu']:>7.2f} {row['mb']:>8.1f}"
            )
        ratio_b = quiz["b99"] / bare["b99"] if bare["b99"] else float("inf")
        ratio_a = quiz["a99"] / bare["a99"] if bare["a99"] else float("inf")
        ratio_cpu = quiz["cpu"] / bare["cpu"] if bare["cpu"] else float("inf")
        checks = {
            f"bcast p99 {quiz['b99'] * 1000:.0f} ms ≤ 250 ms": quiz["b99"] <= TARGET_BCAST_P99,
            f"bcast p99 {ratio_b:.2f}× bare ≤ 1.5×": ratio_b <= TARGET_BCAST_RATIO,
            f"ack p99 {quiz['a99'] * 1000:.1f} ms ≤ 50 ms": quiz["a99"] <= TARGET_ACK_P99,
            f"lost {quiz['lost']} = 0": quiz["lost"] == 0,
        }
        ratios = f"bcast p99 {ratio_b:.2f}×, ack p99 {ratio_a:.2f}×, CPU {ratio_cpu:.2f}×"
        print(f"      ratios quiz/bare: {ratios}")
        for label, ok in checks.items():
            print(f"      {'PASS' if ok else 'FAIL'}  {label}")
        if all(checks.values()):
            largest = size
        else:
            break
    print(f"largest class meeting every target: {largest or 'none of the sizes tried'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
