"""CSV in Kahoot's spreadsheet layout, read and written.

Kahoot's quiz template has one row per question: the question, answers 1 to 4, the time
limit in seconds, and the correct answer numbers ("1" or "1,3"). A header row (its
question cell starts with "Question") and any title rows above it are skipped, and the columns
are found from the header, so a template saved as CSV with its leading column reads too.
Two answers "True" and "False" with one right make a true/false question; several right
answers a multiple-answer one. Cells may be separated by ',' or, as spreadsheets in many
locales save them, ';'.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from quiz.packs.errors import Problem
from quiz.packs.formats.common import (
    Exported,
    ImportResult,
    build_with_ids,
    fail_if_problems,
    left_out,
    quoted,
)
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

HEADER = [
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]
KAHOOT_TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
_HEADER_SEARCH_ROWS = 20
_SECONDS = re.compile(r"[0-9]{1,6}")


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """Each CSV record with the file line it starts on (records may span lines)."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    # Spreadsheets in many locales save CSV with ';' between cells.
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    start = 1
    for row in reader:
        rows.append((start, row))
        start = reader.line_num + 1
    return rows


def import_text(text: str, filename: str) -> ImportResult:
    """Read Kahoot-layout CSV into choice and true/false questions.

    Raises `PackError` listing every malformed row (FILE:LINE: …).
    """
    result = ImportResult()
    errors: list[Problem] = []
    pending: list[tuple[dict[str, Any], int, str]] = []
    try:
        rows = _rows(text)
    except csv.Error as error:
        fail_if_problems([Problem(filename, None, "", f"not valid CSV: {error}")])
    column = 0
    for index, (_, row) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        heads = [cell.strip().lower() for cell in row]
        found = [
            i
            for i, cell in enumerate(heads[:-1])
            if cell.startswith("question") and heads[i + 1].startswith("answer")
        ]
        if found:
            column = found[0]
            rows = rows[index + 1 :]
            break
    for line, row in rows:
        cells = [cell.strip() for cell in row[column : column + 7]]
        if not any(cells):
            continue
        cells += [""] * (7 - len(cells))
        raw = _question(cells, line, filename, errors, result.notes)
        if raw is not None:
            pending.append((raw, line, "question"))
    fail_if_problems(errors)
    build_with_ids(pending, file=filename, result=result)
    return result


def _question(
    cells: list[str], line: int, file: str, errors: list[Problem], notes: list[Problem]
) -> dict[str, Any] | None:
    """The hand-question fields of one row; malformed cells go to `errors`, what a pack
    cannot keep to `notes`."""
    prompt, answers, limit, correct = cells[0], cells[1:5], cells[5], cells[6]
    problems_before = len(errors)

    def error(message: str) -> None:
        errors.append(Problem(file, line, "", message))

    if not prompt:
        error("the question cell is empty")
    numbers: list[int] = []
    for part in correct.replace(";", ",").split(","):
        part = part.strip()
        if part not in ("1", "2", "3", "4"):
            error(
                f"correct answer {quoted(part or correct)} is not an answer number 1–4 "
                "(several are written like 1,3)"
            )
            continue
        if not answers[int(part) - 1]:
            error(f"correct answer {part} points at an empty answer cell")
        numbers.append(int(part))
    time_limit: int | None = None
    if limit:
        if not _SECONDS.fullmatch(limit):
            error(f"time limit {quoted(limit)} is not a whole number of seconds")
        elif not 5 <= int(limit) <= 600:
            notes.append(
                Problem(
                    file,
                    line,
                    "",
                    f"time limit {limit} s is left out: a pack's time limits are 5 to 600 seconds",
                )
            )
        else:
            time_limit = int(limit)
    if len(errors) > problems_before:
        return None
    choices = [answer for answer in answers if answer]
    right = [answers[number - 1] for number in dict.fromkeys(numbers)]
    raw: dict[str, Any] = {"prompt": prompt}
    if time_limit is not None:
        raw["time_limit"] = time_limit
    if [c.lower() for c in choices] == ["true", "false"] and len(right) == 1:
        raw.update(type="true_false", answer=right[0].lower() == "true")
    elif len(right) == 1:
        raw.update(type="single", choices=choices, answer=right[0])
    else:
        raw.update(type="multiple", choices=choices, answers=right)
    return raw


def _unwritable(question: Question) -> str | None:
    if question.type not in ("single", "multiple", "true_false"):
        return f"skipped {question.type} question: Kahoot holds only choice and true/false"
    if len(question.choices) > 4:
        return f"skipped: {len(question.choices)} choices, Kahoot holds at most 4"
    if question.type == "single" and [c.lower() for c in question.choices] == ["true", "false"]:
        return "skipped: a choice of 'True'/'False' would read back as a true/false question"
    return None


def export_questions(questions: Sequence[Question], meta: PackMeta) -> Exported:
    """Choice and true/false questions as Kahoot-layout CSV; notes name what was left out
    and what Kahoot itself will refuse (over-long texts, time limits it does not offer)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    notes: list[str] = []
    dropped: Counter[str] = Counter()
    for question in questions:
        reason = _unwritable(question)
        if reason:
            notes.append(f"{question.id}: {reason}")
            continue
        if question.explanation:
            dropped["explanations"] += 1
        choices = list(question.choices)
        correct = [str(choices.index(answer) + 1) for answer in question.answers]
        limit = question.time_limit
        if limit is not None and limit not in KAHOOT_TIME_LIMITS:
            notes.append(f"{question.id}: time limit {limit} s is not one Kahoot offers")
        if len(question.prompt) > 120 or any(len(choice) > 75 for choice in choices):
            notes.append(
                f"{question.id}: longer than Kahoot allows (120 per question, 75 per answer)"
            )
        writer.writerow(
            [
                question.prompt,
                *choices,
                *[""] * (4 - len(choices)),
                "" if limit is None else str(limit),
                ",".join(correct),
            ]
        )
    notes += left_out("Kahoot CSV", dropped)
    return Exported(buffer.getvalue(), notes)
