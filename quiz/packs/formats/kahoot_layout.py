"""Kahoot's spreadsheet layout, shared by its CSV and `.xlsx` forms: which column holds what,
rows to questions and questions to rows.

Kahoot's quiz template has one row per question: a numbering column, the question, answers 1
to 4, the time limit in seconds (Kahoot offers 5, 10, 20, 30, 60, 90, 120 or 240; 20 is its
default) and the correct answer numbers ("1" or "1,3"). Title and instruction rows come first
and a header row names the columns. Spreadsheets made by hand name them otherwise
(`Question,A1,A2,A3,A4,Time,Correct`), so known variants are mapped; a file with no header
row is read in the template's order without its numbering column. Every cell a column of
ours does not take is reported, never dropped silently.

Two answers "True" and "False" with one right make a true/false question; several right
answers a multiple-answer one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from quiz.packs.errors import PackError, Problem
from quiz.packs.formats.common import (
    ImportResult,
    build_with_ids,
    count_left_out,
    fail_if_problems,
    quoted,
    too_many_questions,
)
from quiz.packs.models import MAX_CHOICES, MAX_QUESTIONS
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
KAHOOT_DEFAULT_TIME_LIMIT = 20
CARRIED = frozenset({"time_limit"})
HEADER_SEARCH_ROWS = 20
_SECONDS = re.compile(r"[0-9]{1,6}")
_ANSWER_NUMBER = re.compile(r"[0-9]{1,2}")
_ANSWER_HEAD = re.compile(r"(?:answer|option|choice|a)\s*([1-9])")
# The template leaves the numbering column's header empty; hand-made sheets may name it.
_NUMBERING_HEADS = frozenset({"", "#", "no", "no.", "nr", "number", "n"})
_HEAD_NAMES = {
    "question": "question",
    "question text": "question",
    "questions": "question",
    "prompt": "question",
    "q": "question",
    "time": "time",
    "time limit": "time",
    "timer": "time",
    "seconds": "time",
    "correct": "correct",
    "correct answer": "correct",
    "correct answers": "correct",
    "correct answer number": "correct",
    "correct answer numbers": "correct",
    "right answer": "correct",
    "answer key": "correct",
    "key": "correct",
    "explanation": "explanation",
    "feedback": "explanation",
}


@dataclass
class Columns:
    """Where each field is: column indexes, answers in their order."""

    question: int
    answers: list[int]
    time: int | None
    correct: int
    explanation: int | None = None
    numbering: int | None = None  # the template's first column, 1, 2, 3…: not data
    names: dict[int, str] = field(default_factory=dict)  # header text, for notes

    def used(self) -> set[int]:
        found = {self.question, self.correct, *self.answers}
        optional = (self.time, self.explanation, self.numbering)
        return found | {column for column in optional if column is not None}


TEMPLATE_ORDER = Columns(question=0, answers=[1, 2, 3, 4], time=5, correct=6)


def head_field(cell: str) -> str | None:
    """What a header cell names: "question", "answer N", "time", "correct", "explanation",
    or None. `Answer 1 - max 75 characters`, `A1` and `Option 1` all name "answer 1"."""
    name = re.split(r"\s[-–—]\s|\(", cell.strip().lower(), maxsplit=1)[0]
    name = " ".join(name.replace("_", " ").split()).rstrip(":")
    answer = _ANSWER_HEAD.fullmatch(name)
    if answer:
        return f"answer {answer.group(1)}"
    return _HEAD_NAMES.get(name)


def find_columns(row: Sequence[str]) -> Columns | None:
    """The columns a header row names, or None if `row` is not a header: it needs a
    question column, two answer columns and a correct-answer column."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        name = head_field(cell) if cell else None
        if name and name not in found:
            found[name] = index
    answers = [found[f"answer {n}"] for n in range(1, 10) if f"answer {n}" in found]
    if "question" not in found or "correct" not in found or len(answers) < 2:
        return None
    numbering = found["question"] - 1
    if numbering >= 0 and row[numbering].strip().lower() in _NUMBERING_HEADS:
        found["numbering"] = numbering
    return Columns(
        question=found["question"],
        answers=answers,
        time=found.get("time"),
        correct=found["correct"],
        explanation=found.get("explanation"),
        numbering=found.get("numbering"),
        names={index: cell.strip() for index, cell in enumerate(row) if cell.strip()},
    )


def column_letter(index: int) -> str:
    """Spreadsheet name of column `index` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class RowReader:
    """Turns data rows into pending questions; malformed cells go to `errors`, what a pack
    cannot keep (and every dropped cell) to `notes`."""

    def __init__(self, file: str, columns: Columns, errors: list[Problem], notes: list[Problem]):
        self.file = file
        self.columns = columns
        self.errors = errors
        self.notes = notes
        self.pending: list[tuple[dict[str, Any], int, str]] = []
        self._used = columns.used()

    def read(self, rows: Iterable[tuple[int, Sequence[str]]]) -> None:
        """Read every data row; raises PackError once there are more questions than a pack
        holds, before reading the rest of the file."""
        count = 0
        for line, row in rows:
            if not any(cell.strip() for cell in row):
                continue
            count += 1
            if count > MAX_QUESTIONS:
                raise PackError.single(self.file, too_many_questions(), line=line)
            self._report_dropped(line, row)
            raw = self._question([cell.strip() for cell in row], line)
            if raw is not None:
                self.pending.append((raw, line, "question"))

    def _report_dropped(self, line: int, row: Sequence[str]) -> None:
        dropped = [
            (index, cell.strip())
            for index, cell in enumerate(row)
            if index not in self._used and cell.strip()
        ]
        if not dropped:
            return
        described = []
        for index, cell in dropped[:MAX_CHOICES]:
            name = self.columns.names.get(index)
            where = f"column {column_letter(index)}" + (f" ({quoted(name, 30)})" if name else "")
            described.append(f"{where} {quoted(cell, 40)}")
        if len(dropped) > MAX_CHOICES:
            described.append(f"and {len(dropped) - MAX_CHOICES:,} more")
        self.notes.append(
            Problem(
                self.file,
                line,
                "",
                f"{'cell' if len(dropped) == 1 else f'{len(dropped):,} cells'} dropped, "
                f"no column of the Kahoot layout takes "
                f"{'it' if len(dropped) == 1 else 'them'}: {', '.join(described)}",
            )
        )

    def _cell(self, cells: list[str], index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    def _question(self, cells: list[str], line: int) -> dict[str, Any] | None:
        columns = self.columns
        prompt = self._cell(cells, columns.question)
        answers = [self._cell(cells, index) for index in columns.answers]
        limit = self._cell(cells, columns.time)
        correct = self._cell(cells, columns.correct)
        before = len(self.errors)

        def error(message: str) -> None:
            self.errors.append(Problem(self.file, line, "", message))

        if not prompt:
            error("the question cell is empty")
        numbers: list[int] = []
        for part in correct.replace(";", ",").split(","):
            part = part.strip().removesuffix(".0")  # spreadsheets store numbers as floats
            if not _ANSWER_NUMBER.fullmatch(part) or not 1 <= int(part) <= len(answers):
                error(
                    f"correct answer {quoted(part or correct)} is not an answer number "
                    f"1–{len(answers)} (several are written like 1,3)"
                )
                continue
            if not answers[int(part) - 1]:
                error(f"correct answer {part} points at an empty answer cell")
            numbers.append(int(part))
        time_limit: int | None = None
        limit = limit.removesuffix(".0")
        if limit:
            if not _SECONDS.fullmatch(limit):
                error(f"time limit {quoted(limit)} is not a whole number of seconds")
            elif not 5 <= int(limit) <= 600:
                self.notes.append(
                    Problem(
                        self.file,
                        line,
                        "",
                        f"time limit {limit} s is left out: a pack's time limits are 5 to 600 "
                        "seconds",
                    )
                )
            else:
                time_limit = int(limit)
        if len(self.errors) > before:
            return None
        choices = [answer for answer in answers if answer]
        right = [answers[number - 1] for number in dict.fromkeys(numbers)]
        raw: dict[str, Any] = {"prompt": prompt}
        if time_limit is not None:
            raw["time_limit"] = time_limit
        explanation = self._cell(cells, columns.explanation)
        if explanation:
            raw["explanation"] = explanation
        if [c.lower() for c in choices] == ["true", "false"] and len(right) == 1:
            raw.update(type="true_false", answer=right[0].lower() == "true")
        elif len(right) == 1:
            raw.update(type="single", choices=choices, answer=right[0])
        else:
            raw.update(type="multiple", choices=choices, answers=right)
        return raw


def import_rows(
    rows: Iterator[tuple[int, list[str]]], filename: str, result: ImportResult
) -> ImportResult:
    """Questions from a Kahoot layout's rows (CSV records or spreadsheet rows, each with its
    line), into `result`. Raises `PackError` listing every malformed row (FILE:LINE: …)."""
    errors: list[Problem] = []
    columns, data = header_and_rows(rows)
    reader = RowReader(filename, columns, errors, result.notes)
    reader.read(data)
    fail_if_problems(errors)
    build_with_ids(reader.pending, file=filename, result=result)
    return result


def header_and_rows(
    rows: Iterator[tuple[int, list[str]]],
) -> tuple[Columns, Iterator[tuple[int, list[str]]]]:
    """The columns (from a header row among the first rows, else the template's order) and
    the data rows after it. Rows are read lazily, so a huge file is not held twice."""
    head: list[tuple[int, list[str]]] = []
    for line, row in rows:
        head.append((line, row))
        columns = find_columns(row)
        if columns is not None:
            return columns, rows
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    return TEMPLATE_ORDER, _chain(head, rows)


def _chain(
    head: list[tuple[int, list[str]]], rest: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    yield from head
    yield from rest


@dataclass
class ExportRow:
    """One question in the layout: its cells, and the notes it needs."""

    question: Question
    cells: list[str | int]


def unwritable(question: Question) -> str | None:
    """Why the layout cannot hold `question`, or None."""
    if question.type not in ("single", "multiple", "true_false"):
        return f"skipped {question.type} question: Kahoot holds only choice and true/false"
    if len(question.choices) > 4:
        return f"skipped: {len(question.choices)} choices, Kahoot holds at most 4"
    if question.type == "single" and [c.lower() for c in question.choices] == ["true", "false"]:
        return "skipped: a choice of 'True'/'False' would read back as a true/false question"
    return None


def export_rows(
    questions: Sequence[Question], *, default_time: int | None
) -> tuple[list[ExportRow], list[str], Counter[str]]:
    """The rows of the questions the layout holds (question, answers 1–4, time limit,
    correct numbers), notes on what was skipped or what Kahoot will refuse, and the count
    of each field kind left out. A question without a time limit gets `default_time`."""
    rows: list[ExportRow] = []
    notes: list[str] = []
    dropped: Counter[str] = Counter()
    defaulted = 0
    for question in questions:
        reason = unwritable(question)
        if reason:
            notes.append(f"{question.id}: {reason}")
            continue
        count_left_out(question, CARRIED, dropped)
        choices = list(question.choices)
        correct = ",".join(str(choices.index(answer) + 1) for answer in question.answers)
        limit = question.time_limit
        if limit is not None and limit not in KAHOOT_TIME_LIMITS:
            notes.append(f"{question.id}: time limit {limit} s is not one Kahoot offers")
        if limit is None and default_time is not None:
            limit = default_time
            defaulted += 1
        if len(question.prompt) > 120 or any(len(choice) > 75 for choice in choices):
            notes.append(
                f"{question.id}: longer than Kahoot allows (120 per question, 75 per answer)"
            )
        time_cell: str | int = "" if limit is None else limit
        cells: list[str | int] = [question.prompt, *choices, *[""] * (4 - len(choices))]
        rows.append(ExportRow(question, [*cells, time_cell, correct]))
    if defaulted:
        notes.append(
            f"{defaulted} question{'s' if defaulted > 1 else ''} without a time limit "
            f"written with Kahoot's default of {default_time} s"
        )
    return rows, notes, dropped
