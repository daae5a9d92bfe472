"""`quiz report --class DIR`: a class over several sessions.

DIR holds session folders (as `classroom/` in the saves folder does: one folder per session,
each with its journal and, once it ended, results.json). The report gives:

- per student, their score in each session (blank where they were not there), the sessions
  they played, their total and their share of right answers over all of them. A student is
  the same student in every session when their names are one name by the name rule
  (quiz.name_identity.name_key: `Ann`, `ANN` and `Ａnn` are one), shown as last spelt;
- the questions the class misses most: each question (by its id, so the same question
  asked in two sessions counts once) with how many answers it was asked for, how many were
  not fully right (wrong, partly right, or no answer) and that as a share, most missed first.

Students the teacher removed (`kicked`) are left out, as in the session statistics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quiz.classroom.journal import JOURNAL_NAME
from quiz.classroom.results import load_results
from quiz.classroom.results.charts import sessions_chart
from quiz.classroom.results.html_report import escaped, page
from quiz.classroom.results.statistics import students
from quiz.errors import QuizError
from quiz.name_identity import name_key
from quiz.safe_text import safe_text

MOST_MISSED_SHOWN = 10


def load_class(folder: Path) -> list[dict[str, Any]]:
    """The results of every session in `folder`, oldest first (session ids start with the
    time). QuizError when there is none, or a session cannot be read."""
    try:
        folders = sorted(f for f in folder.iterdir() if (f / JOURNAL_NAME).is_file())
    except OSError as error:
        raise QuizError(f"{folder}: cannot list the sessions: {error.strerror}") from None
    if not folders:
        raise QuizError(f"{folder}: no classroom sessions here (folders with {JOURNAL_NAME})")
    return [load_results(session) for session in folders]


@dataclass
class StudentRecord:
    name: str
    scores: dict[str, int] = field(default_factory=dict)  # by session id
    right: int = 0
    asked: int = 0


@dataclass
class MissedQuestion:
    id: str
    prompt: str
    answer: str
    asked: int = 0
    missed: int = 0
    sessions: set[str] = field(default_factory=set)

    @property
    def share(self) -> float:
        return self.missed / self.asked if self.asked else 0.0


def student_records(sessions: list[dict[str, Any]]) -> list[StudentRecord]:
    """Every student over the sessions, by name (case and look-alikes folded)."""
    records: dict[str, StudentRecord] = {}
    for results in sessions:
        asked = len(results["questions"])
        for player in students(results):
            record = records.setdefault(name_key(player["name"]), StudentRecord(player["name"]))
            record.name = player["name"]
            record.scores[results["session"]] = player["score"]
            record.right += sum(1 for a in player["answers"].values() if a["correct"])
            record.asked += asked
    return sorted(records.values(), key=lambda record: name_key(record.name))


def most_missed(sessions: list[dict[str, Any]]) -> list[MissedQuestion]:
    """Every question asked, most missed first (then most asked, then by prompt)."""
    found: dict[str, MissedQuestion] = {}
    for results in sessions:
        counted = students(results)
        for question in results["questions"]:
            key = question.get("id") or question["prompt"]
            entry = found.setdefault(
                key, MissedQuestion(key, question["prompt"], question["answer"])
            )
            entry.sessions.add(results["session"])
            for player in counted:
                answer = player["answers"].get(str(question["number"]))
                entry.asked += 1
                entry.missed += 0 if answer is not None and answer["correct"] else 1
    return sorted(found.values(), key=lambda q: (-q.share, -q.asked, q.prompt))


def _session_label(results: dict[str, Any]) -> str:
    return str(results.get("date") or results["session"])


def class_student_rows(sessions: list[dict[str, Any]]) -> list[list[object]]:
    """Header + a row per student: name, sessions played, total score, accuracy (% of the
    questions asked in their sessions answered right), then each session's score."""
    header: list[object] = ["name", "sessions", "total", "accuracy"]
    header += [_session_label(results) for results in sessions]
    rows = [header]
    for record in student_records(sessions):
        row: list[object] = [
            record.name,
            len(record.scores),
            sum(record.scores.values()),
            round(100 * record.right / record.asked, 1) if record.asked else 0.0,
        ]
        row += [record.scores.get(results["session"], "") for results in sessions]
        rows.append(row)
    return rows


def class_question_rows(sessions: list[dict[str, Any]]) -> list[list[object]]:
    """Header + a row per question, most missed first: id, prompt, the right answer, the
    sessions it was asked in, answers expected, missed and the % missed."""
    rows: list[list[object]] = [
        ["question", "prompt", "answer", "sessions", "asked", "missed", "percent_missed"]
    ]
    for question in most_missed(sessions):
        rows.append(
            [
                question.id,
                question.prompt,
                question.answer,
                len(question.sessions),
                question.asked,
                question.missed,
                round(100 * question.share, 1),
            ]
        )
    return rows


def class_table(sessions: list[dict[str, Any]]) -> str:
    """Plain text: the students' scores per session, then the most missed questions."""
    rows = class_student_rows(sessions)
    shown = [[safe_text(str(value), single_line=True) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in shown) for i in range(len(shown[0]))]
    lines = [f"{len(sessions)} sessions, {len(rows) - 1} students"]
    for row in shown:
        lines.append("  ".join(text.ljust(widths[i]) for i, text in enumerate(row)).rstrip())
    lines += ["", "Missed most:"]
    for question in class_question_rows(sessions)[1 : MOST_MISSED_SHOWN + 1]:
        prompt = safe_text(str(question[1]), single_line=True)
        prompt = prompt if len(prompt) <= 60 else prompt[:59] + "…"
        lines.append(f"{question[6]:>5}% missed ({question[5]} of {question[4]})  {prompt}")
    return "\n".join(lines)


def class_html(sessions: list[dict[str, Any]]) -> str:
    """One self-contained page: a chart of the class's mean score per session, the students'
    table and the most missed questions."""
    students_rows = class_student_rows(sessions)
    means = []
    for results in sessions:
        scores = [player["score"] for player in students(results)]
        means.append(sum(scores) / len(scores) if scores else 0.0)
    chart = sessions_chart(
        [_session_label(results) for results in sessions],
        means,
        chart_id="sessions",
        caption="The class's mean score in each session",
    )
    return page(
        f"A class over {len(sessions)} sessions",
        [
            '<section aria-labelledby="scores"><h2 id="scores">Mean score per session</h2>',
            chart,
            "</section>",
            _table("students", "Students", students_rows),
            _table("missed", "Questions the class misses most", class_question_rows(sessions)),
        ],
    )


def _table(anchor: str, heading: str, rows: list[list[object]]) -> str:
    head = "".join(f'<th scope="col">{escaped(cell)}</th>' for cell in rows[0])
    body = "".join(
        f'<tr><th scope="row">{escaped(row[0])}</th>'
        + "".join(f"<td>{escaped(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows[1:]
    )
    return (
        f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{heading}</h2>'
        f'<div class="grid-wrap"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div></section>"
    )
