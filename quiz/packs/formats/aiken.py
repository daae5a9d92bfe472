"""Aiken: Moodle's one-line multiple-choice format, read and written.

A question is one line of text, then its options, each on a line starting with a capital
letter and `.` or `)` and a space (`A. Paris`, `B) Lyon`), then `ANSWER: A`. Blank lines
between questions are optional. Aiken holds only single-answer choice questions, with no
explanation, so export leaves out every other question and says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from quiz.packs.errors import PackError, Problem
from quiz.packs.formats.common import (
    Exported,
    ImportResult,
    build_with_ids,
    count_left_out,
    fail_if_problems,
    left_out,
    numbered_lines,
    too_many_questions,
)
from quiz.packs.models import MAX_QUESTIONS, PackMeta
from quiz.packs.question import Question

_OPTION = re.compile(r"^([A-Z])[.)][ \t]+(.*)$")
_ANSWER = re.compile(r"^ANSWER:\s*(.*)$")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class _Pending:
    def __init__(self, prompt: str, line: int) -> None:
        self.prompt = prompt
        self.line = line
        self.options: dict[str, str] = {}


def import_text(text: str, filename: str) -> ImportResult:
    """Read Aiken text into single-answer questions.

    Raises `PackError` listing every malformed question (FILE:LINE: …).
    """
    result = ImportResult()
    errors: list[Problem] = []
    waiting: list[tuple[dict[str, Any], int, str]] = []
    pending: _Pending | None = None

    def error(line: int, message: str) -> None:
        errors.append(Problem(filename, line, "", message))

    for number, raw_line in numbered_lines(text.lstrip("\ufeff")):
        line = raw_line.strip()  # also drops the "\r" of CRLF files
        if not line:
            continue
        option = _OPTION.match(line)
        answer = _ANSWER.match(line)
        if answer:
            if pending is None:
                error(number, "'ANSWER:' without a question before it")
                continue
            letter = answer.group(1).strip()
            if len(pending.options) < 2:
                error(number, "a question needs at least two options (A. …, B. …)")
            elif letter not in pending.options:
                error(
                    number,
                    f"ANSWER: {letter or '(nothing)'} is not one of the options "
                    f"{', '.join(pending.options)}",
                )
            else:
                raw: dict[str, Any] = {
                    "type": "single",
                    "prompt": pending.prompt,
                    "choices": list(pending.options.values()),
                    "answer": pending.options[letter],
                }
                waiting.append((raw, pending.line, "question"))
                if len(waiting) > MAX_QUESTIONS:
                    raise PackError.single(filename, too_many_questions(), line=number)
            pending = None
        elif option:
            if pending is None:
                error(number, f"option {option.group(1)} comes before any question text")
            elif option.group(1) in pending.options:
                error(number, f"option {option.group(1)} appears twice")
            else:
                pending.options[option.group(1)] = option.group(2).strip()
        elif pending is not None and pending.options:
            error(pending.line, "the question has no 'ANSWER: <letter>' line after its options")
            pending = _Pending(line, number)
        elif pending is not None:
            error(number, "Aiken question text is one line; the line before has no options")
            pending = _Pending(line, number)
        else:
            pending = _Pending(line, number)
    if pending is not None:
        error(pending.line, "the question has no 'ANSWER: <letter>' line")
    fail_if_problems(errors)
    build_with_ids(waiting, file=filename, result=result)
    return result


def _unwritable(question: Question) -> str | None:
    if question.type != "single":
        return f"skipped {question.type} question: Aiken holds only single-answer choice"
    texts = [question.prompt, *question.choices]
    if any("\n" in text or "\r" in text for text in texts):
        return "skipped: Aiken holds only one-line texts"
    if _OPTION.match(question.prompt.strip()) or _ANSWER.match(question.prompt.strip()):
        return "skipped: its text would read as an Aiken option or answer line"
    if any(text != text.strip() for text in texts):
        return "skipped: Aiken cannot keep spaces around a text"
    return None


def export_questions(questions: Sequence[Question], meta: PackMeta) -> Exported:
    """Single-answer questions as Aiken; notes name every question left out and count each
    kind of field Aiken has no place for (it holds only the question, its choices and the
    right one)."""
    out: list[str] = []
    notes: list[str] = []
    dropped: Counter[str] = Counter()
    for question in questions:
        reason = _unwritable(question)
        if reason:
            notes.append(f"{question.id}: {reason}")
            continue
        count_left_out(question, (), dropped)
        out.append(question.prompt)
        for letter, choice in zip(LETTERS, question.choices, strict=False):
            out.append(f"{letter}. {choice}")
        out.append(f"ANSWER: {LETTERS[question.choices.index(question.answers[0])]}")
        out.append("")
    notes += left_out("Aiken", dropped)
    return Exported("\n".join(out), notes)
