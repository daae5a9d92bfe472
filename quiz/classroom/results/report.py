"""Reports of a session's results: CSV for the gradebook and a summary table.

Per student (`student_rows`): rank (shared by equal scores), name, score, correct, answered,
accuracy (right answers as a % of the questions asked), status (played, left, kicked), the
session's date, pack and id, whether it finished, then per question whether the answer was
right, wrong or partly right, the points, and the answer given.

Per question (`question_rows`): the share of players who got it right, the mean time taken,
the facility and discrimination indices and whether to review the question
(quiz.classroom.results.statistics), then each choice (or, for the other types, each bar of
the reveal) with its count and whether it is right; for typed answers each distinct answer,
most common first.

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

from quiz.classroom.deck import CHOICE_KINDS
from quiz.classroom.results.statistics import question_statistics, students
from quiz.errors import QuizError
from quiz.safe_text import safe_text
from quiz.safe_text import spreadsheet_cell as cell


def verdict(answer: dict[str, Any] | None) -> str:
    """right, partly right, wrong, or no answer."""
    if answer is None:
        return "no answer"
    if answer["correct"]:
        return "right"
    partly = answer.get("credit", 0) > 0 or (answer["points"] > 0)
    return "partly right" if partly else "wrong"


def student_rows(results: dict[str, Any]) -> list[list[object]]:
    """Header + one row per student (see the module docstring)."""
    questions = results["questions"]
    asked = len(questions)
    header: list[object] = ["rank", "name", "score", "correct", "answered", "accuracy"]
    header += ["status", "date", "pack", "session", "session_finished"]
    for question in questions:
        number = question["number"]
        header += [f"Q{number}", f"Q{number} points", f"Q{number} answer"]
    rows = [header]
    for player in results["players"]:
        answers = player["answers"]
        correct = sum(1 for a in answers.values() if a["correct"])
        rank = player["rank"]
        row: list[object] = [
            "" if rank is None else rank,
            player["name"],
            player["score"],
            correct,
            len(answers),
            round(100 * correct / asked, 1) if asked else 0.0,
            player.get("status", "played"),
            results.get("date", ""),
            results.get("pack", ""),
            results["session"],
            "yes" if results.get("finished") else "no",
        ]
        for question in questions:
            answer = answers.get(str(question["number"]))
            row += [
                verdict(answer),
                answer["points"] if answer else 0,
                answer["given"] if answer else "",
            ]
        rows.append(row)
    return rows


def _answers_to(results: dict[str, Any], question: dict[str, Any]) -> list[dict[str, Any]]:
    number = str(question["number"])
    return [
        player["answers"][number] for player in students(results) if number in player["answers"]
    ]


def distribution(results: dict[str, Any], question: dict[str, Any]) -> list[tuple[str, int, bool]]:
    """How many picked each choice, and whether it is right; for typed answers each
    distinct answer, most common first (right: accepted); for the other types the reveal's
    bars. Bars are as the results keep them (`distribution`); choice counts are counted
    again only in results written before they were kept."""
    if question["kind"] == "typed":
        given = _answers_to(results, question)
        typed = [(answer["given"].strip().casefold(), answer["correct"]) for answer in given]
        accepted = {text for text, correct in typed if correct}
        return [
            (text, count, text in accepted)
            for text, count in Counter(text for text, _ in typed).most_common()
        ]
    # A choice question's kept bars are one per choice, never none: none kept is an old file.
    if question["kind"] in CHOICE_KINDS and not question.get("distribution"):
        given = _answers_to(results, question)
        counts = Counter(index for answer in given for index in answer["choices"])
        return [
            (choice, counts.get(i, 0), i in question["correct"])
            for i, choice in enumerate(question["choices"])
        ]
    return [
        (bar["label"], bar["count"], bool(bar["right"])) for bar in question.get("distribution", [])
    ]


def question_rows(results: dict[str, Any]) -> list[list[object]]:
    """Header + one row per question: answered, right, % right of the players, the mean
    seconds taken, the facility and discrimination indices (2 decimals; no discrimination
    with fewer than 3 students), `review` ("yes" for a question to look at again), then each
    choice (or bar, or typed answer), its count and whether it is right ("yes"/"no")."""
    players = len(students(results))
    spreads = [distribution(results, question) for question in results["questions"]]
    figures = question_statistics(results)
    widest = max((len(spread) for spread in spreads), default=0)
    header: list[object] = ["question", "kind", "prompt", "answer", "answered", "right"]
    header += ["percent_right", "mean_seconds", "facility", "discrimination", "review"]
    for index in range(1, widest + 1):
        header += [f"choice {index}", f"choice {index} count", f"choice {index} right"]
    rows = [header]
    for question, spread, figure in zip(results["questions"], spreads, figures, strict=True):
        answers = _answers_to(results, question)
        right = sum(1 for a in answers if a["correct"])
        seconds = figure.mean_seconds
        row: list[object] = [
            question["number"],
            question["kind"],
            question["prompt"],
            question["answer"],
            len(answers),
            right,
            round(100 * right / players, 1) if players else 0.0,
            "" if seconds is None else round(seconds, 1),
            round(figure.facility, 2),
            "" if figure.discrimination is None else round(figure.discrimination, 2),
            "yes" if figure.review else "",
        ]
        for text, count, is_right in spread:
            row += [text, count, "yes" if is_right else "no"]
        rows.append(row)
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
    """A plain-text table of the students, then each question's % right, facility and
    discrimination, and `review` on a question to look at again."""
    rows = student_rows(results)
    columns = 7  # rank … status
    shown = [[safe_text(str(value), single_line=True) for value in row[:columns]] for row in rows]
    widths = [max(len(row[i]) for row in shown) for i in range(columns)]
    title = f"Session {safe_text(str(results['session']), single_line=True)}"
    details = [results.get("date", ""), safe_text(str(results.get("pack", "")), single_line=True)]
    title += "".join(f" — {detail}" for detail in details if detail)
    if not results.get("finished"):
        title += " — UNFINISHED: the game did not reach its end"
    if results.get("timer") is False:
        title += " — accuracy only (no timer)"
    lines = [title]
    for row in shown:
        lines.append("  ".join(text.ljust(widths[i]) for i, text in enumerate(row)).rstrip())
    lines.append("")
    for question in question_rows(results)[1:]:
        prompt = safe_text(str(question[2]), single_line=True)
        prompt = prompt if len(prompt) <= 60 else prompt[:59] + "…"
        discrimination = "  –  " if question[9] == "" else f"{question[9]:>5.2f}"
        review = "  review" if question[10] else ""
        lines.append(
            f"Q{question[0]}  {question[6]:>5}% right  facility {question[8]:.2f}  "
            f"discrimination {discrimination}{review}  {prompt}"
        )
    return "\n".join(lines)
