"""`quiz host --self-paced` from the command line: the deadline as the teacher writes it,
one-line errors, and a real host process killed with SIGKILL, resumed with its journal, and
closed by its deadline."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import signal
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from classroom_helpers import (
    CODE,
    QUIZ,
    RawStudent,
    every_type,
    start_host,
    unused_port,
    wait_for_line,
)

from quiz.classroom.deadline import BadDeadline, parse_deadline, parse_duration
from quiz.cli import build_parser
from quiz.commands.host import host_options
from quiz.errors import UsageError

NOW = datetime(2026, 12, 1, 9, 30).astimezone().timestamp()  # local time


def test_a_length_of_time_is_days_hours_minutes_or_seconds() -> None:
    assert parse_duration("3d") == 259_200
    assert parse_duration("12h") == 43_200
    assert parse_duration("90m") == 5_400
    assert parse_duration("1d12h") == 129_600
    assert parse_duration("30s") == 30
    for bad in ("", "3", "3w", "h", "0m", "-1d"):
        with pytest.raises(BadDeadline):
            parse_duration(bad)


def test_a_deadline_is_local_time_or_a_length_from_now() -> None:
    five_pm = datetime(2026, 12, 5, 17, 0).astimezone().timestamp()
    assert parse_deadline("2026-12-05 17:00", NOW) == five_pm
    assert parse_deadline(" +1d ", NOW) == NOW + 86_400
    assert parse_deadline("90m", NOW) == NOW + 5_400
    with pytest.raises(BadDeadline, match="has already passed"):
        parse_deadline("2026-12-01 09:00", NOW)
    with pytest.raises(BadDeadline, match='write it as "2026-12-05 17:00"'):
        parse_deadline("5 December", NOW)
    with pytest.raises(BadDeadline, match="write it as 3d, 12h or 90m"):
        parse_deadline("+3", NOW)


def options_of(*argv: str):  # type: ignore[no-untyped-def]
    return host_options(build_parser().parse_args(["host", *argv]))


def test_the_homework_flags_become_options() -> None:
    options = options_of("--self-paced", "--for", "3d", "--leaderboard")
    assert options.self_paced and options.leaderboard
    assert options.deadline is not None
    assert abs(options.deadline - (datetime.now().timestamp() + 259_200)) < 60
    plain = options_of("--self-paced", "--until", "2999-12-05 17:00")
    assert plain.deadline == datetime(2999, 12, 5, 17, 0).astimezone().timestamp()
    assert not plain.leaderboard  # off by default
    assert options_of("--resume", "--until", "2999-01-01 08:00").deadline is not None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--self-paced"], "--self-paced needs a deadline"),
        (["--self-paced", "--until", "2999-01-01 08:00", "--for", "1d"], "not both"),
        (["--self-paced", "--until", "2001-01-01 08:00"], "--until: '2001-01-01 08:00' has"),
        (["--self-paced", "--for", "soon"], "--for: 'soon' is not a length of time"),
        (["--for", "1d"], "add --self-paced"),
        (["--leaderboard"], "--leaderboard is for --self-paced homework"),
    ],
)
def test_impossible_homework_options_are_one_line_errors(argv: list[str], message: str) -> None:
    with pytest.raises(UsageError, match=message) as refused:
        options_of(*argv)
    assert "\n" not in str(refused.value)


def right_fields(question: dict) -> dict:  # type: ignore[type-arg]
    """A fully right answer to a raw question message (the questions are every_type())."""
    asked = next(q for q in every_type() if q.prompt == question["prompt"])
    shown = question["choices"]
    if asked.type in ("single", "multiple", "true_false"):
        return {"choices": sorted(shown.index(a) for a in asked.answers), "text": None}
    if asked.type == "ordering":
        return {"choices": [shown.index(item) for item in asked.items], "text": None}
    if asked.type == "matching":
        partner = dict(asked.pairs)
        return {"choices": [shown.index(partner[left]) for left in question["left"]], "text": None}
    if asked.type == "numeric":
        return {"choices": [], "text": "236"}
    return {"choices": [], "text": asked.answers[0]}


async def test_homework_killed_resumes_where_students_were_and_closes_at_its_deadline(
    tmp_path: Path, isolated_saves: Path
) -> None:
    questions = tmp_path / "questions.json"
    questions.write_text(json.dumps([q.model_dump(mode="json") for q in every_type()]))
    port = str(unused_port())
    first = start_host(
        "--self-paced", "--for", "1h", "--questions-json", str(questions), "--port", port,
        "--code", CODE,
    )  # fmt: skip
    later: list[subprocess.Popen[str]] = []
    try:
        session = (await asyncio.to_thread(wait_for_line, first, "session: ")).split()[-1]
        uri = f"ws://127.0.0.1:{port}"
        ann = await RawStudent.connect(uri)
        welcome = await ann.join("Ann")
        await ann.next("assignment")
        await ann.send(type="next")
        asked = await ann.next("question")
        await ann.answer(1, **right_fields(asked))
        assert (await ann.next("result"))["score"] == 1000
        await ann.send(type="next")
        second = await ann.next("question")
        assert second["number"] == 2

        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        await ann.close()
        resumed = start_host("--resume", session)
        later.append(resumed)
        await asyncio.to_thread(wait_for_line, resumed, "code: ")
        back = await RawStudent.connect(uri)
        rejoined = await back.join(token=welcome["token"])
        assert (rejoined["type"], rejoined["score"]) == ("welcome", 1000)
        assignment = await back.next("assignment")
        assert (assignment["answered"], assignment["total"]) == (1, 7)
        again = await back.next("question")
        assert (again["number"], again["prompt"]) == (2, second["prompt"])
        await back.answer(2, **right_fields(again))
        assert (await back.next("result"))["score"] == 2100  # 1000 + 1000 + a streak of 100
        await back.close()

        os.kill(resumed.pid, signal.SIGKILL)
        resumed.wait(timeout=10)
        # Resumed once more with a deadline two seconds away: it closes by itself.
        closing = start_host("--resume", session, "--for", "2s")
        later.append(closing)
        out, err = await asyncio.to_thread(closing.communicate, timeout=60)
        assert closing.returncode == 0, err
    finally:
        for process in (first, *later):
            process.kill()
    assert "closed: the homework is over" in out
    assert "results: " in out
    folder = isolated_saves / "classroom" / session
    events = [json.loads(line) for line in (folder / "journal.jsonl").read_text().splitlines()]
    assert events[0]["self_paced"] is True
    # Opened (a homework is under way from the moment it listens), moved, ended.
    assert [e["e"] for e in events if e["e"] in ("deadline", "end")] == [
        "deadline",
        "deadline",
        "end",
    ]
    assert events[1]["e"] == "deadline"
    results = json.loads((folder / "results.json").read_text())
    assert results["finished"] is True
    (player,) = results["players"]
    assert (player["name"], player["score"], len(player["answers"])) == ("Ann", 2100, 2)

    report = subprocess.run(
        [*QUIZ, "report", session, "--csv", str(tmp_path / "students.csv")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert report.returncode == 0, report.stderr
    with (tmp_path / "students.csv").open(encoding="utf-8-sig") as file:
        rows = list(csv.reader(file))
    assert rows[0][:6] == ["rank", "name", "score", "correct", "answered", "accuracy"]
    assert rows[1][:5] == ["1", "Ann", "2100", "2", "2"]


async def test_a_homework_nobody_joined_yet_is_kept_for_resume(isolated_saves: Path) -> None:
    """Quitting the host before the first student came leaves a homework to continue, not
    a failed start to clear away."""
    from quiz.classroom.deck import prepare
    from quiz.classroom.journal import Journal, find_session, session_header
    from quiz.classroom.self_paced import SelfPacedSession
    from quiz.classroom.self_paced_server import SelfPacedServer

    journal = Journal.create(isolated_saves, "20261201-093000-abcd")
    session = SelfPacedSession(
        prepare(every_type(), seconds=20, seed=3), code=CODE, deadline=NOW + 86400, seed=3
    )
    journal.append(session_header(session, "20261201-093000-abcd"))
    session.record = journal.append
    server = SelfPacedServer(session, port=0)
    await server.start()
    await server.stop()
    journal.discard_unstarted()
    assert find_session(isolated_saves, None, unfinished=True) == journal.folder


def test_on_port_0_the_page_url_and_its_png_name_the_port_the_host_got(tmp_path: Path) -> None:
    png, questions = tmp_path / "join.png", tmp_path / "questions.json"
    questions.write_text(json.dumps([q.model_dump(mode="json") for q in every_type()]))
    host = start_host(
        "--self-paced", "--for", "1h", "--questions-json", str(questions), "--port", "0",
        "--code", CODE, "--qr-png", str(png),
    )  # fmt: skip
    try:
        assert host.stdout is not None
        lines: list[str] = []
        for line in host.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("deadline:"):
                break
        port = int(next(line for line in lines if line.startswith("port: ")).split()[-1])
        assert port != 0
        url = f"http://127.0.0.1:{port}/?code={CODE}"
        assert f"browser: {url}" in lines
        assert f"QR code of {url}: {png}" in lines
        assert png.read_bytes().startswith(b"\x89PNG")
    finally:
        host.terminate()
        host.communicate(timeout=30)
