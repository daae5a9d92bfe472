"""`quiz report --class DIR`: a class over three sessions — each student's scores across
them (one student however their name is spelt) and the questions the class misses most."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
from constructed_results import constructed_results

from quiz.classroom.journal import Journal, sessions_root
from quiz.classroom.results import save_results
from quiz.cli import main

IDS = ["20261201-090000-aa11", "20261208-090000-bb22", "20261215-090000-cc33"]


def three_sessions(saves: Path) -> Path:
    """The constructed session three times: in the second Ann is "ANN" and Fay is away; in
    the third Ann is "Ａnn" (fullwidth) and Bob's seat is taken by Hal."""
    first = constructed_results()
    second = constructed_results({"Ann": "ANN"})
    second["players"] = [pl for pl in second["players"] if pl["name"] != "Fay"]
    third = constructed_results({"Ann": "Ａnn", "Bob": "Hal"})
    for session_id, results, day in zip(IDS, [first, second, third], [1, 8, 15], strict=True):
        results["session"] = session_id
        results["date"] = f"2026-12-{day:02d} 09:00"
        journal = Journal.create(saves, session_id)
        journal.append({"e": "session", "id": session_id})
        journal.close()
        save_results(journal.folder, results)
    (sessions_root(saves) / "tokens").mkdir()  # not a session: left alone
    return sessions_root(saves)


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_students_across_sessions_and_the_questions_missed_most(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = three_sessions(tmp_path)
    students, questions, page = tmp_path / "s.csv", tmp_path / "q.csv", tmp_path / "c.html"
    command = ["report", "--class", str(folder), "--csv", str(students)]
    command += ["--questions-csv", str(questions), "--html", str(page)]
    assert main(command) == 0
    rows = read_csv(students)
    assert rows[0] == [
        *("name", "sessions", "total", "accuracy"),
        *("2026-12-01 09:00", "2026-12-08 09:00", "2026-12-15 09:00"),
    ]
    by_name: dict[str, Any] = {row[0]: row[1:] for row in rows[1:]}
    assert set(by_name) == {"Ａnn", "Bob", "Cy", "Dee", "Eve", "Fay", "Hal"}  # Gus was kicked
    assert by_name["Ａnn"] == ["3", "12000", "75.0", "4000", "4000", "4000"]
    assert by_name["Bob"] == ["2", "4400", "25.0", "2200", "2200", ""]
    assert by_name["Fay"] == ["2", "1600", "25.0", "800", "", "800"]
    assert by_name["Hal"] == ["1", "2200", "25.0", "", "", "2200"]
    # 6 + 5 + 6 = 17 answers expected of each question.
    assert read_csv(questions)[1:] == [
        ["demo.q4", "Question 4?", "A", "3", "17", "15", "88.2"],
        ["demo.q3", "Question 3?", "A", "3", "17", "11", "64.7"],
        ["demo.q1", "Question 1?", "A", "3", "17", "8", "47.1"],
        ["demo.q2", "Question 2?", "A", "3", "17", "8", "47.1"],
    ]
    html = page.read_text(encoding="utf-8")
    assert re.search(r"https?:|//|src=|href=|url\(|@import", html, re.IGNORECASE) is None
    assert "<script" not in html and "script-src 'none'" in html
    assert "<svg" in html and "Questions the class misses most" in html
    assert capsys.readouterr().out.splitlines() == [
        f"wrote {students}",
        f"wrote {questions}",
        f"wrote {page}",
    ]


def test_the_class_table_and_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = three_sessions(tmp_path)
    assert main(["report", "--class", str(folder)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0] == "3 sessions, 7 students"
    assert table[1] == (
        "name  sessions  total  accuracy  2026-12-01 09:00  2026-12-08 09:00  2026-12-15 09:00"
    )
    assert table[2].split() == ["Ａnn", "3", "12000", "75.0", "4000", "4000", "4000"]
    assert table[9:11] == ["", "Missed most:"]
    assert table[11] == " 88.2% missed (15 of 17)  Question 4?"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", "--class", str(empty)]) != 0
    assert "no classroom sessions here" in capsys.readouterr().err
    assert main(["report", IDS[0], "--class", str(folder)]) != 0
    assert "not both" in capsys.readouterr().err


def test_hostile_names_in_the_class_page_are_text(tmp_path: Path) -> None:
    folder = three_sessions(tmp_path)
    results_path = folder / IDS[0] / "results.json"
    results_path.write_text(
        results_path.read_text(encoding="utf-8").replace('"Cy"', '"<img src=x onerror=alert(1)>"'),
        encoding="utf-8",
    )
    page = tmp_path / "c.html"
    assert main(["report", "--class", str(folder), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
