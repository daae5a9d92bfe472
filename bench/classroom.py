"""Benchmark: the classroom host with hundreds of students, both the teacher's screen and
`--plain`, against a bare websockets broadcast measured in the same run.

Run it on a quiet machine (it prints the load average before and after):
    .venv/bin/python bench/classroom.py [--sizes 300,1000] [--questions 10]

For each class size it runs, each host in its own process (so CPU and peak memory are the
host's alone) and the students in two other processes (plain websockets clients):

- bare: a websockets server that welcomes each join, broadcasts the same question messages
  with `broadcast()` and acknowledges each answer at once;
- plain: the real ClassroomServer + HostSession (join, shuffle, judge, score) with its
  journal (every event appended and fsynced) in a temporary folder, paced as
  `quiz host --plain --auto` paces it (quiz.classroom.flow);
- screen: the same server with the teacher's screen, the Textual HostApp under `run_test`
  (headless, 120×40), as `quiz host` runs it: the server on its own thread, the game moved on
  by key presses (Space) as a teacher would, revealing when everyone has answered;
- browser: the plain host, with students doing what the student page does: load the page
  (`GET /?code=…` over HTTP on the same port, counted in the join time), then open the
  WebSocket, join and answer with the page's messages. The page's size is printed.

Students think before answering (a seeded 0.3–2 s). Times use CLOCK_MONOTONIC, shared by
every process on the machine. Prints, per size and host: broadcast → last student received
(p50, p99 over questions), answer → acknowledgement (p50, p99 over all answers), connect →
welcome (join p99), lost answers, host CPU seconds and peak memory; then for each real host
the ratios to bare and PASS/FAIL against the targets (broadcast p99 ≤ 250 ms and ≤ 1.5 ×
bare, ack p99 ≤ 50 ms, join p99 ≤ 500 ms, 0 lost), and the largest size that met them.
Loopback only; every wait is bounded; nothing but the table is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import bench_questions, host_usage, load_average, percentile, raise_file_limit

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
TARGET_JOIN_P99 = 0.500
HOSTS = ("bare", "plain", "screen", "browser")


class StudentProcesses:
    """The students, split over STUDENT_PROCESSES processes so that no client loop is the
    bottleneck being measured."""

    def __init__(self, uri: str, size: int, *, page: bool = False) -> None:
        share = -(-size // STUDENT_PROCESSES)
        self.processes = [
            subprocess.Popen(
                [
                    *(sys.executable, __file__, "--role", "students", "--uri", uri),
                    *("--size", str(min(share, size - first)), "--first", str(first)),
                    *(["--page"] if page else []),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for first in range(0, size, share)
        ]

    def results(self) -> dict:
        merged: dict = {"received": {}, "acks": [], "joins": [], "lost": 0}
        for process in self.processes:
            out, _ = process.communicate(timeout=RUN_TIMEOUT)
            part = json.loads(out)
            for number, times in part["received"].items():
                merged["received"].setdefault(number, []).extend(times)
            merged["acks"] += part["acks"]
            merged["joins"] += part["joins"]
            merged["lost"] += part["lost"]
        return merged

    def kill(self) -> None:
        for process in self.processes:
            process.kill()


# --- hosts (each in its own process) -------------------------------------------------------


def real_host(size: int, questions: int):  # type: ignore[no-untyped-def]
    """The session, its journal (in a temporary folder) and the server, as `quiz host`
    sets them up; the journal is part of the host's work: every join and answer is
    appended and fsynced."""
    from quiz.classroom.deck import prepare
    from quiz.classroom.journal import Journal, session_header
    from quiz.classroom.server import ClassroomServer
    from quiz.classroom.session import HostSession

    hosted = prepare(bench_questions(questions), seconds=30, seed=1)
    saves = Path(tempfile.mkdtemp(prefix="quiz-bench-"))
    journal = Journal.create(saves, "bench")
    session = HostSession(hosted, code=CODE, max_players=size, record=journal.append)
    journal.append(session_header(session, "bench"))
    journal.group_commit = True
    server = ClassroomServer(session, port=0, ping_interval=None, durable=journal.durable)
    return saves, journal, session, server


async def plain_host(size: int, questions: int, *, page: bool = False) -> dict:
    """`quiz host --plain`'s server and flow; with `page`, students that load the student
    page first, as a browser does."""
    from quiz.classroom.flow import wait_for_answers, wait_for_players

    saves, journal, session, server = real_host(size, questions)
    await server.start()
    students = StudentProcesses(f"ws://127.0.0.1:{server.port}", size, page=page)
    sent: list[float] = []
    try:
        async with asyncio.timeout(RUN_TIMEOUT):
            await wait_for_players(server, size)
            for _ in range(questions):
                sent.append(time.monotonic())
                server.ask_next()
                await wait_for_answers(server)
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


async def screen_host(size: int, questions: int) -> dict:
    """The teacher's screen: HostApp under run_test, the server on its own thread, the
    game moved on by Space as a teacher would."""
    from quiz.classroom.flow import wait_for_answers, wait_for_players
    from quiz.classroom.server_thread import ServerThread
    from quiz.tui.classroom.host_app import HostApp

    saves, journal, session, server = real_host(size, questions)
    thread = ServerThread(server)
    thread.start()
    sent: list[float] = []
    ask_next = server.ask_next

    def timed_ask_next():  # type: ignore[no-untyped-def]
        sent.append(time.monotonic())
        return ask_next()

    server.ask_next = timed_ask_next  # type: ignore[method-assign]
    students = StudentProcesses(f"ws://127.0.0.1:{server.port}", size)
    app = HostApp(server, calls=thread, start_server=False, addresses=["bench"])
    try:
        async with asyncio.timeout(RUN_TIMEOUT), app.run_test(size=(120, 40)) as pilot:
            await thread.call_async(lambda: wait_for_players(server, size))
            for _ in range(questions):
                await pilot.press("space")  # the lobby or the leaderboard: the next question
                await thread.call_async(lambda: wait_for_answers(server))
                while app.stage != "reveal":  # the screen reveals at its next refresh
                    await asyncio.sleep(0.02)
                await asyncio.sleep(REVEAL_SECONDS)
                await pilot.press("space")  # the leaderboard
            await pilot.press("space")  # no question left: the podium
            while app.stage != "podium":
                await asyncio.sleep(0.02)
            out = await asyncio.to_thread(students.results)
    finally:
        students.kill()
        thread.stop(finally_=journal.aclose)
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
            if message["type"] == "join":
                await ws.send(json.dumps({"v": 2, "type": "welcome"}))
            elif message["type"] == "answer":
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
    students = StudentProcesses(f"ws://127.0.0.1:{port}", size)
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


async def load_page(uri: str) -> None:
    """What a browser does before the WebSocket: GET the student page on the same port."""
    host, port = uri.removeprefix("ws://").rstrip("/").rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    request = f"GET /?code={CODE} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n"
    writer.write(request.encode())
    response = await reader.read()  # the host closes the connection after the page
    writer.close()
    if not response.startswith(b"HTTP/1.1 200") or b"</html>" not in response:
        raise RuntimeError(f"the student page did not load: {response[:80]!r}")


async def students(uri: str, size: int, first: int, page: bool = False) -> dict:
    import random

    from websockets.asyncio.client import connect

    received: dict[int, list[float]] = {}
    acks: list[float] = []
    joins: list[float] = []
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
            started = time.monotonic()
            if page:
                await load_page(uri)
            ws = await connect(uri, open_timeout=60, ping_interval=None, max_queue=None)
            join = {"v": 2, "type": "join", "code": CODE, "name": f"s{index}", "token": None}
            await ws.send(json.dumps(join))
        tasks = []
        async with ws:
            pending: dict[int, float] = {}
            async for raw in ws:
                now = time.monotonic()
                message = json.loads(raw)
                kind = message["type"]
                if kind == "welcome":
                    joins.append(now - started)
                elif kind == "question":
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
        "joins": joins,
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
        "j99": percentile(run["students"]["joins"], 0.99),
        "lost": max(0, lost) if lost >= 0 else -lost,
        "cpu": run["cpu"],
        "mb": run["peak_mb"],
    }


def checks_for(row: dict, bare: dict) -> dict[str, bool]:
    ratio_b = row["b99"] / bare["b99"] if bare["b99"] else float("inf")
    return {
        f"bcast p99 {row['b99'] * 1000:.0f} ms ≤ 250 ms": row["b99"] <= TARGET_BCAST_P99,
        f"bcast p99 {ratio_b:.2f}× bare ≤ 1.5×": ratio_b <= TARGET_BCAST_RATIO,
        f"ack p99 {row['a99'] * 1000:.1f} ms ≤ 50 ms": row["a99"] <= TARGET_ACK_P99,
        f"join p99 {row['j99'] * 1000:.0f} ms ≤ 500 ms": row["j99"] <= TARGET_JOIN_P99,
        f"lost {row['lost']} = 0": row["lost"] == 0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="300,1000")
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--role", default="main", choices=["main", *HOSTS, "students"])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--uri", default="")
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--page", action="store_true", help="students load the page first")
    args = parser.parse_args()
    raise_file_limit()
    if args.role == "students":
        print(json.dumps(asyncio.run(students(args.uri, args.size, args.first, args.page))))
        return 0
    if args.role in HOSTS:
        if args.role == "browser":
            print(json.dumps(asyncio.run(plain_host(args.size, args.questions, page=True))))
            return 0
        host = {"bare": bare_host, "plain": plain_host, "screen": screen_host}[args.role]
        print(json.dumps(asyncio.run(host(args.size, args.questions))))
        return 0

    print(
        f"classroom benchmark: {args.questions} questions, host and students in separate "
        "processes; hosts: bare websockets, quiz host --plain, quiz host (the teacher's screen), "
        "browser (the plain host, students loading the page first)"
    )
    from quiz.classroom.web.page import student_page

    size_kb = len(student_page().body) / 1000
    verdict = "PASS" if size_kb <= 60 else "FAIL"
    print(f"student page: {size_kb:.1f} KB uncompressed ({verdict}: target ≤ 60 KB)")
    print(f"load average before: {load_average()}")
    columns = ("bcast p50", "bcast p99", "ack p50", "ack p99", "join p99")
    print(f"{'size':>5} {'host':<7} " + " ".join(f"{c:>10}" for c in columns), end="")
    print(f" {'lost':>5} {'CPU s':>7} {'peak MB':>8}")
    largest = {name: 0 for name in HOSTS[1:]}
    failing: set[str] = set()
    for size in (int(s) for s in args.sizes.split(",")):
        rows = {name: summarise(run_host(name, size, args.questions), size) for name in HOSTS}
        for name, row in rows.items():
            print(
                f"{size:>5} {name:<7} {row['b50'] * 1000:>8.1f}ms {row['b99'] * 1000:>8.1f}ms "
                f"{row['a50'] * 1000:>8.1f}ms {row['a99'] * 1000:>8.1f}ms "
                f"{row['j99'] * 1000:>8.1f}ms {row['lost']:>5} "
                f"{row['cpu']:>7.2f} {row['mb']:>8.1f}"
            )
        bare = rows["bare"]
        for name in HOSTS[1:]:
            row = rows[name]
            ratio_a = row["a99"] / bare["a99"] if bare["a99"] else float("inf")
            ratio_cpu = row["cpu"] / bare["cpu"] if bare["cpu"] else float("inf")
            print(f"      {name}/bare: ack p99 {ratio_a:.2f}×, CPU {ratio_cpu:.2f}×")
            checks = checks_for(row, bare)
            for label, ok in checks.items():
                print(f"      {'PASS' if ok else 'FAIL'}  {name}: {label}")
            if all(checks.values()) and name not in failing:
                largest[name] = size
            else:
                failing.add(name)
    print(f"load average after: {load_average()}")
    for name, size in largest.items():
        print(f"largest class meeting every target, {name}: {size or 'none of the sizes tried'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
