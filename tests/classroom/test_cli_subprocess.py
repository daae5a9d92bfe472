"""`quiz host --plain --auto` and `quiz join --plain` as real processes, a host killed with
SIGKILL and resumed, and `quiz report` on the results."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import json
import os
import signal
import socket
import subprocess
from pathlib import Path

import pytest
from classroom_helpers import CODE, QUIZ, sample_questions, start_host, unused_port, wait_for_line
from websockets.exceptions import ConnectionClosed

from quiz.classroom import protocol as p
from quiz.classroom.client import ClassroomClient
from quiz.classroom.journal import Journal

RIGHT = {q.prompt: q for q in sample_questions()}


@pytest.fixture
def questions_json(tmp_path: Path) -> Path:
    path = tmp_path / "questions.json"
    path.write_text(json.dumps([q.model_dump(mode="json") for q in sample_questions()]))
    return path


def start_auto_host(*extra: str) -> subprocess.Popen[str]:
    """`quiz host --plain --auto` that moves on from each reveal at once."""
    return start_host("--auto", "--reveal-seconds", "0", *extra)


def test_plain_host_and_plain_students_play_a_game_and_report(
    questions_json: Path, tmp_path: Path
) -> None:
    port = str(unused_port())
    host = start_auto_host(
        "--questions-json",
        str(questions_json),
        "--port",
        port,
        "--code",
        CODE,
        "--min-players",
        "2",
    )
    try:
        wait_for_line(host, "code: ")
        join = [*QUIZ, "join", f"127.0.0.1:{port}", "--code", CODE, "--plain", "--name"]
        (tmp_path / "ann.in").write_text("1\nx\n9\n2\n1 4\nUnite\n")
        (tmp_path / "bob.in").write_text("1\n2\n1 4\nnope\n")
        with (tmp_path / "ann.in").open() as ann_in, (tmp_path / "bob.in").open() as bob_in:
            ann = subprocess.Popen([*join, "Ann"], stdin=ann_in, stdout=subprocess.PIPE, text=True)
            bob = subprocess.Popen(
                [*join, "=cmd|' /C calc'!A0"], stdin=bob_in, stdout=subprocess.PIPE, text=True
            )
            ann_out, _ = ann.communicate(timeout=60)
            bob_out, _ = bob.communicate(timeout=60)
        host_out, host_err = host.communicate(timeout=60)
    finally:
        host.kill()
    assert host.returncode == 0, host_err
    assert "question 4/4" in host_out and "podium: 1. Ann" in host_out
    assert "hint: 'x' is not a choice. Answer with a number 1-2 or a letter A-B." in ann_out
    assert "game over: rank 1 of 2" in ann_out
    assert "game over: rank 2 of 2" in bob_out
    assert bob.returncode == 0 and ann.returncode == 0

    summary = subprocess.run([*QUIZ, "report"], capture_output=True, text=True, check=True).stdout
    assert "Ann" in summary and "Q4" in summary
    students, per_question = tmp_path / "s.csv", tmp_path / "q.csv"
    subprocess.run(
        [*QUIZ, "report", "--csv", str(students), "--questions-csv", str(per_question)], check=True
    )
    rows = list(csv.reader(students.open(encoding="utf-8-sig")))
    assert rows[0][:6] == ["rank", "name", "score", "correct", "answered", "accuracy"]
    assert rows[1][1] == "Ann" and rows[2][1] == "'=cmd|' /C calc'!A0"
    assert rows[2][4] == "4" and rows[2][-1] == "nope" and rows[1][-1] == "Unite"
    questions = list(csv.reader(per_question.open(encoding="utf-8-sig")))
    assert len(questions) == 5 and questions[4][6] == "50.0"  # typed: Ann right, Bob wrong


async def bot(
    client: ClassroomClient,
    log: list[p.ServerMessage],
    hold: dict[int, asyncio.Event],
    seen: dict[tuple[str, int], asyncio.Event],
) -> None:
    """Answer every question right, waiting on `hold[n]` first if given; log every message
    and set `seen[(type, question)]` when such a message arrives."""
    async for message in client.messages():
        log.append(message)
        number = getattr(message, "number", getattr(message, "question", 0))
        if (message.type, number) in seen:
            seen[(message.type, number)].set()
        if isinstance(message, p.QuestionMessage):
            if message.number in hold:
                await hold[message.number].wait()
            question = RIGHT[message.prompt]
            picks = [i for i, o in enumerate(message.choices) if o in question.answers]
            typed = question.answers[0] if message.kind == "typed" else None
            # A host gone meanwhile: the client rejoins, and the host asks again if need be.
            with contextlib.suppress(ConnectionClosed):
                await client.answer(message.number, choices=picks, text=typed)


async def test_a_host_killed_mid_game_resumes_with_scores_intact(
    questions_json: Path, isolated_saves: Path
) -> None:
    port = unused_port()
    host = start_auto_host(
        "--questions-json",
        str(questions_json),
        "--port",
        str(port),
        "--code",
        CODE,
        "--min-players",
        "2",
    )
    resumed: subprocess.Popen[str] | None = None
    try:
        await asyncio.to_thread(wait_for_line, host, "code: ")
        uri = f"ws://127.0.0.1:{port}"
        ann, bob = ClassroomClient(uri, CODE, "Ann"), ClassroomClient(uri, CODE, "Bob")
        await ann.join()
        await bob.join()
        ann_log: list[p.ServerMessage] = []
        bob_log: list[p.ServerMessage] = []
        release = asyncio.Event()
        # Bob holds question 2 open until the host has been killed and resumed.
        bob_asked, ann_answered = asyncio.Event(), asyncio.Event()
        tasks = [
            asyncio.create_task(bot(ann, ann_log, {}, {("accepted", 2): ann_answered})),
            asyncio.create_task(bot(bob, bob_log, {2: release}, {("question", 2): bob_asked})),
        ]
        async with asyncio.timeout(30):
            await bob_asked.wait()
            await ann_answered.wait()
        score_before = next(m.score for m in reversed(ann_log) if isinstance(m, p.YourResult))
        assert score_before == 1000

        os.kill(host.pid, signal.SIGKILL)
        host.wait(timeout=10)
        resumed = start_auto_host("--resume", "--min-players", "2")
        release.set()
        async with asyncio.timeout(60):
            await asyncio.gather(*tasks)
        _out, err = resumed.communicate(timeout=30)
        assert resumed.returncode == 0, err
    finally:
        host.kill()
        if resumed is not None:
            resumed.kill()
    final = next(m for m in ann_log if isinstance(m, p.GameOver))
    # Four right answers: 4 × 1000 plus the streak 100 + 200 + 300, the first one before the kill.
    assert final.score >= score_before + 3000
    assert final.rank in (1, 2) and final.players == 2
    bob_final = next(m for m in bob_log if isinstance(m, p.GameOver))
    assert bob_final.players == 2
    results = next(isolated_saves.glob("classroom/*/results.json"))
    data = json.loads(results.read_text())
    assert {pl["name"] for pl in data["players"]} == {"Ann", "Bob"}
    assert all(len(pl["answers"]) == 4 for pl in data["players"])


def test_resume_with_nothing_to_resume_says_so() -> None:
    result = subprocess.run(
        [*QUIZ, "host", "--plain", "--auto", "--resume"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.startswith("quiz: no unfinished classroom session")
    assert "Traceback" not in result.stderr


def test_plain_host_without_auto_is_refused_before_a_session_is_started(
    isolated_saves: Path,
) -> None:
    result = subprocess.run([*QUIZ, "host", "--plain"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == (
        "quiz: --plain needs --auto: the keys that drive a game are on the host screen\n"
    )
    assert list(isolated_saves.rglob("*")) == []  # no unfinished session left to --resume


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["host", "--plain", "--auto", "--count", "0"], "--count must be at least 1"),
        (["host", "--plain", "--auto", "--code", "12ab"], "--code must be 6 digits"),
        (
            ["host", "--plain", "--auto", "--questions-json", "nowhere.json"],
            "nowhere.json: cannot read",
        ),
        (["join", "127.0.0.1:1", "--code", "1", "--name", "A", "--plain"], "cannot reach the host"),
        (
            ["join", "127.0.0.1:x", "--code", "1", "--name", "A", "--plain"],
            "the port must be a number",
        ),
        (["report", "no-such-session"], "no classroom session 'no-such-session'"),
    ],
)
def test_bad_command_lines_get_one_line_errors(args: list[str], message: str) -> None:
    result = subprocess.run([*QUIZ, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode in (1, 2)
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def read_lines(process: subprocess.Popen[str], into: list[str]) -> None:
    """Collect the host's stdout lines as they come (run in a thread)."""
    assert process.stdout is not None
    for line in process.stdout:
        into.append(line.strip())


async def wait_for(lines: list[str], text: str) -> None:
    """Until a line equal to `text` has been read (bounded by the test's timeout)."""
    while text not in lines:
        await asyncio.sleep(0.05)


async def test_resume_continues_the_crashed_game_and_waits_for_its_class(
    questions_json: Path, isolated_saves: Path
) -> None:
    port = unused_port()
    host = start_auto_host(
        "--questions-json", str(questions_json), "--port", str(port), "--code", CODE,
        "--min-players", "2",
    )  # fmt: skip
    resumed: subprocess.Popen[str] | None = None
    try:
        await asyncio.to_thread(wait_for_line, host, "code: ")
        uri = f"ws://127.0.0.1:{port}"
        ann, bob = ClassroomClient(uri, CODE, "Ann"), ClassroomClient(uri, CODE, "Bob")
        await ann.join()
        await bob.join()
        ann_log: list[p.ServerMessage] = []
        bob_log: list[p.ServerMessage] = []
        release = asyncio.Event()
        bob_asked, ann_answered = asyncio.Event(), asyncio.Event()
        tasks = [
            asyncio.create_task(bot(ann, ann_log, {}, {("accepted", 2): ann_answered})),
            asyncio.create_task(bot(bob, bob_log, {2: release}, {("question", 2): bob_asked})),
        ]
        async with asyncio.timeout(30):
            await bob_asked.wait()
            await ann_answered.wait()
        os.kill(host.pid, signal.SIGKILL)
        host.wait(timeout=10)
        journal = next(isolated_saves.glob("classroom/*/journal.jsonl"))
        with journal.open("a") as file:
            file.write('{"e": "answer", "player": "p2", "q')  # what a crash mid-write leaves

        # A new game that cannot start (its port is taken) leaves nothing to resume.
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            failed = subprocess.run(
                [*QUIZ, "host", "--plain", "--auto", "--bind", "127.0.0.1",
                 "--questions-json", str(questions_json), "--port", str(busy.getsockname()[1])],
                capture_output=True, text=True, timeout=60,
            )  # fmt: skip
        assert failed.returncode == 1 and "cannot listen on" in failed.stderr
        assert [f.name for f in isolated_saves.glob("classroom/*")] == [journal.parent.name]

        resumed = start_auto_host("--resume")  # no --min-players: the two who were there
        lines: list[str] = []
        reader = asyncio.create_task(asyncio.to_thread(read_lines, resumed, lines))
        async with asyncio.timeout(60):
            await wait_for(lines, "rejoined: Ann")
            release.set()  # Bob comes back only now, after Ann
            await asyncio.gather(*tasks)
            await reader
        assert resumed.wait(timeout=30) == 0
    finally:
        host.kill()
        if resumed is not None:
            resumed.kill()
    # The host waited for Bob before asking the interrupted question again.
    assert lines.index("rejoined: Bob") < lines.index("question 2/4")
    # Ann had answered it before the crash: she was told so, not asked again.
    assert [m.number for m in ann_log if isinstance(m, p.QuestionMessage)] == [1, 2, 3, 4]
    assert sum(1 for m in ann_log if isinstance(m, p.Accepted) and m.question == 2) == 2
    assert not [m for m in ann_log if isinstance(m, p.Error)]
    events = Journal(journal.parent).read()  # the torn line was cut off, not built upon
    assert events[-1]["e"] == "end"
    data = json.loads((journal.parent / "results.json").read_text())
    assert all(len(pl["answers"]) == 4 for pl in data["players"])
