"""`quiz report --html`: one self-contained page of which questions worked, its figures
checked by hand (constructed_results), nothing fetched from anywhere, hostile text literal."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from constructed_results import SESSION, constructed_results
from test_reports import SESSION as CLASS_SESSION
from test_reports import a_class

from quiz.classroom.results import build_results, pack_of, save_results
from quiz.classroom.results.html_report import html_report
from quiz.cli import main

HOSTILE_NAME = '<script>alert("x")</script>'
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def rows_named(page: str, heading: str) -> list[str]:
    return re.findall(rf'<tr><th scope="row">{heading}</th><td>([^<]*)</td></tr>', page)


def test_each_question_shows_the_figures_worked_out_by_hand() -> None:
    page = html_report(constructed_results())
    assert rows_named(page, "Facility index") == ["0.50", "0.50", "0.50", "0.17"]
    assert rows_named(page, "Discrimination index") == ["1.00", "0.00", "1.00", "-0.50"]
    assert rows_named(page, "Mean time")[0] == "3.3 s"
    reviews = re.findall(r'<section class="question" aria-labelledby="q(\d)">', page)
    assert reviews == ["1", "2", "3", "4"]
    flagged = re.findall(r'id="q(\d)">(?:(?!</section>).)*Review this question', page, re.S)
    assert flagged == ["2", "4"]
    assert "discrimination 0.00 is under 0.2" in page
    assert rows_named(page, "To review") == ["Q2, Q4"]
    assert rows_named(page, "Students")[0].startswith("6 (5 played to the end, 1 left early; 1")
    # Q1's choices: A (right) 3, B 3 — the kicked student's answer is not counted.
    q1 = page[page.index('id="q1"') : page.index('id="q2"')]
    assert "<tr><td>A</td><td>3</td><td>✓ right</td></tr>" in q1
    assert "<tr><td>B</td><td>3</td><td></td></tr>" in q1


def test_the_grid_says_right_partly_wrong_and_no_answer_in_words() -> None:
    page = html_report(constructed_results())
    eve = re.search(r'<tr data-order="4" data-name="Eve">(.*?)</tr>', page)
    assert eve is not None
    words = re.findall(r'<span class="visually-hidden">([^<]*)</span>', eve.group(1))
    symbols = re.findall(r'<span aria-hidden="true">([^<]*)</span>', eve.group(1))
    assert words == ["wrong", "right", "wrong", "no answer"]
    assert symbols == ["✗", "✓", "✗", "–"]
    bob = re.search(r'data-name="Bob">(.*?)</tr>', page)
    assert bob is not None and "½" in bob.group(1) and "partly" in bob.group(1)


def test_the_page_asks_for_nothing_outside_itself() -> None:
    page = html_report(constructed_results())
    assert re.search(r"https?:|//|src=|href=|url\(|@import", page, re.IGNORECASE) is None
    assert page.count("<svg") == 5  # the summary's chart and one per question
    script = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(script) == 1  # the sorting script, allowed by its hash and nothing else
    digest = base64.b64encode(hashlib.sha256(script[0].encode()).digest()).decode()
    assert f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'" in page


def test_hostile_names_prompts_and_choices_are_shown_literally() -> None:
    results = constructed_results({"Ann": HOSTILE_NAME, "Bob": HOSTILE_IMG})
    results["questions"][0]["prompt"] = "</title><script>alert(2)</script>"
    results["questions"][0]["choices"] = ["<b onmouseover=alert(3)>A</b>", "B", "C", "D"]
    page = html_report(results)
    assert page.count("<script") == 1 and "<img" not in page and "<b " not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "&lt;b onmouseover=alert(3)&gt;A&lt;/b&gt;" in page  # in the table and the chart


def test_every_question_type_of_a_real_session_is_reported(tmp_path: Path) -> None:
    session, journal, attendance = a_class(tmp_path)
    results = build_results(session, SESSION, pack=pack_of(journal.folder), away=attendance.away)
    page = html_report(results)
    assert len(rows_named(page, "Facility index")) == 7
    assert "<tr><td>All in the right order</td><td>2</td><td>✓ right</td></tr>" in page
    assert "Right answer: <strong>Unite</strong> (typed)" in page


def test_quiz_report_html_writes_the_page_and_keeps_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session, journal, attendance = a_class(tmp_path)
    save_results(journal.folder, build_results(session, CLASS_SESSION, away=attendance.away))
    target = tmp_path / "report.html"
    command = ["report", CLASS_SESSION, "--html", str(target), "--saves", str(tmp_path)]
    assert main(command) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out == f"wrote {target}\n"
    assert main(command) != 0
    assert "already exists; pass --force" in capsys.readouterr().err
