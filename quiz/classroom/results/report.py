"""Reports of a session's results: CSV for the gradebook and a summary table.

Spreadsheet formula injection: a student's name or typed answer such as `=HYPERLINK(…)` would
run as a formula when the CSV is opened in a spreadsheet. Every text cell that starts with
`=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`, which
spreadsheets show as plain text. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path
from typing import Any

from quiz.errors import QuizError
from quiz.safe_text import safe_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def student_rows(results: dict[str, Any]) -> list[list[object]]:
    """Header + one row per student: name, score, correct, answered, accuracy (% of the
    questions asked that were answered right), then the answer given to each question."""
    asked = len(results["questions"])
    header: list[object] = ["rank", "name", "score", "correct", "answered", "accuracy"]
    header += [f"Q{q['number']}" for q in results["questions"]]
    rows = [header]
    for player in results["players"]:
        answers = player["answers"]
        correct = sum(1 for a in answers.values() if a["correct"])
        row: list[object] = [
            player["rank"],
            player["name"],
            player["score"],
            correct,
            len(answers),
            round(100 * correct / asked, 1) if asked else 0.0,
        ]
        row += [answers.get(str(q["number"]), {}).get("given", "") for q in results["questions"]]
        rows.append(row)
    return rows


def distribution(results: dict[str, Any], question: dict[str, Any]) -> list[tuple[str, int]]:
    """How many picked each choice (typed: each distinct answer, most common first)."""
    number = str(question["number"])
    given = [p["answers"][number] for p in results["players"] if number in p["answers"]]
    if question["choices"]:
        counts = Counter(index for answer in given for index in answer["choices"])
        return [(choice, counts.get(i, 0)) for i, choice in enumerate(question["choices"])]
    counts = Counter(answer["given"].strip().casefold() for answer in given)
    return counts.most_common()


def question_rows(results: dict[str, Any]) -> list[list[object]]:
    """Header + one row per question: % correct of the players, and the distribution."""
    players = len(results["players"])
    rows: list[list[object]] = [
        ["question", "prompt", "answer", "answered", "correct", "percent_correct", "distribution"]
    ]
    for question in results["questions"]:
        number = str(question["number"])
        answers = [p["answers"][number] for p in results["players"] if number in p["answers"]]
        correct = sum(1 for a in answers if a["correct"])
        spread = "; ".join(f"{text}: {count}" for text, count in distribution(results, question))
        rows.append(
            [
                question["number"],
                question["prompt"],
                question["answer"],
                len(answers),
                correct,
                round(100 * correct / players, 1) if players else 0.0,
                spread,
            ]
        )
    return rows


def write_csv(path: Path, rows: list[list[object]]) -> None:
    """Write rows as UTF-8 CSV (with a BOM, so spreadsheets detect the encoding)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    try:
        path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    except OSError as error:
        raise QuizError(f"{path}: cannot write the CSV: {error.strerror}") from None


def summary_table(results: dict[str, Any]) -> str:
    """A plain-text table of the students, then each question's % correct."""
    rows = student_rows(results)
    shown = [[safe_text(str(value), single_line=True) for value in row[:6]] for row in rows]
    widths = [max(len(row[i]) for row in shown) for i in range(6)]
    lines = [f"Session {safe_text(str(results['session']), single_line=True)}"]
    for row in shown:
        lines.append("  ".join(text.ljust(widths[i]) for i, text in enumerate(row)).rstrip())
    lines.append("")
    for question in question_rows(results)[1:]:
        prompt = safe_text(str(question[1]), single_line=True)
        prompt = prompt if len(prompt) <= 60 else prompt[:59] + "…"
        lines.append(f"Q{question[0]}  {question[5]:>5}% correct  {prompt}")
    return "\n".join(lines)
