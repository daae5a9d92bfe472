"""What every format module shares: the result of an import or export, located notes,
question validation and id making.

An importer turns a file into hand-written question models plus notes about what it could
not carry (each with its line); it raises `PackError` (every problem at once, each with
FILE:LINE) when the file is malformed. An exporter turns concrete `Question`s into text or
bytes plus notes about what the target format could not hold.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quiz.packs.errors import PackError, Problem
from quiz.packs.models import MAX_ID, HandQuestion
from quiz.safe_text import safe_text

_QUESTION_ADAPTER: TypeAdapter[Any] = TypeAdapter(HandQuestion)
_QUESTIONS_ADAPTER: TypeAdapter[list[Any]] = TypeAdapter(list[HandQuestion])
_NOT_ID_CHARS = re.compile(r"[^a-z0-9_.-]+")


@dataclass(slots=True)
class ImportResult:
    """Questions read from a file (pydantic hand-question models, in file order) and notes
    on everything the file held that a pack cannot (skipped questions, dropped feedback)."""

    questions: list[Any] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # where each question starts in the file
    meta: Any = None  # the pack's metadata, when the file holds it (our own JSON does)


@dataclass(slots=True)
class Exported:
    """The exported file (text, or bytes for binary formats) and one note per thing the
    format could not hold."""

    data: str | bytes
    notes: list[str] = field(default_factory=list)


def quoted(text: str, limit: int = 60) -> str:
    """A short, single-line, control-free rendering of untrusted text for a message."""
    clean = safe_text(text, single_line=True)
    if len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return f'"{clean}"'


def slug_id(text: str) -> str:
    """An id (lower-case letters, digits, '-', '_', '.') made from a title; "" if none.
    Accents are dropped rather than the letters: "Hammarskjöld" gives "hammarskjold"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_ID_CHARS.sub("-", text.strip().lower()).strip("-_.")
    return slug[:MAX_ID].rstrip("-_.")


class IdMaker:
    """Hands out unique question ids: from a title when there is one, else from the first
    words of the question (so ids survive reordering), else `q<N>`.

    A repeated title gets a suffix, and that change is reported, never silent.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._next_suffix: dict[str, int] = {}  # so a thousand repeats cost no more than one
        self._counter = 0

    def make(
        self, title: str, line: int, file: str, notes: list[Problem], *, text: str = ""
    ) -> str:
        self._counter += 1
        base = slug_id(title) if title else ""
        candidate = base or slug_id(" ".join(text.split()[:6]))[:40].rstrip("-_.")
        candidate = candidate or f"q{self._counter}"
        if candidate in self._used:
            stem = candidate[: MAX_ID - 8]
            suffix = self._next_suffix.get(stem, 2)
            while f"{stem}-{suffix}" in self._used:
                suffix += 1
            self._next_suffix[stem] = suffix + 1
            renamed = f"{stem}-{suffix}"
            if base:
                notes.append(
                    Problem(file, line, "", f"title {quoted(title)} is used twice; id {renamed}")
                )
            candidate = renamed
        self._used.add(candidate)
        return candidate


def semantic_problem(raw: dict[str, Any]) -> str | None:
    """What makes this question unusable in a pack although it has the right shape."""
    choices = raw.get("choices")
    if choices is not None:
        if len(set(choices)) != len(choices):
            return "has the same choice twice"
        answers = raw.get("answers", [raw.get("answer")])
        if any(answer not in choices for answer in answers):
            return "has an answer that is not among its choices"
        if raw["type"] == "multiple" and len(set(answers)) != len(answers):
            return "lists the same answer twice"
    if raw.get("type") == "ordering" and len(set(raw["items"])) != len(raw["items"]):
        return "has the same item twice"
    if raw.get("type") == "matching":
        lefts = [pair["left"] for pair in raw["pairs"]]
        rights = [pair["right"] for pair in raw["pairs"]]
        if len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
            return "matches the same item twice"
    if raw.get("type") == "typed" and raw["answer"] in raw.get("accept", ()):
        return "accepts its own answer twice"
    return None


def validate_hand(raw: dict[str, Any]) -> tuple[Any, str]:
    """(the hand-written question model, "") or (None, why a pack cannot hold it)."""
    try:
        question = _QUESTION_ADAPTER.validate_python(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"][1:])
        return None, f"{where}: {first['msg']}" if where else first["msg"]
    problem = semantic_problem(raw)
    if problem:
        return None, f"it {problem}"
    return question, ""


def build_question(
    raw: dict[str, Any], *, file: str, line: int, kind: str, result: ImportResult
) -> bool:
    """Validate one imported question and add it to `result`.

    A question a pack cannot hold (too many choices, text over a cap, a repeated choice) is
    not an error in the source file: it is skipped and reported with its line. Returns
    whether the question was kept.
    """
    question, reason = validate_hand(raw)
    if question is None:
        result.notes.append(
            Problem(file, line, "", f"skipped {kind} {quoted(raw['prompt'])}: {reason}")
        )
        return False
    result.questions.append(question)
    result.lines.append(line)
    return True


def build_untitled(
    raw: dict[str, Any], ids: IdMaker, *, file: str, line: int, result: ImportResult
) -> bool:
    """`build_question` for a format whose questions have no title: the id is made from the
    question's first words."""
    raw["id"] = ids.make("", line, file, result.notes, text=raw["prompt"])
    return build_question(raw, file=file, line=line, kind="question", result=result)


def left_out(format_name: str, dropped: Counter[str]) -> list[str]:
    """One export note per kind of field the format has no place for, with its count."""
    return [
        f"{format_name} has no place for {label}: {count} left out"
        for label, count in sorted(dropped.items())
    ]


def build_questions(
    pending: list[tuple[dict[str, Any], int, str]], *, file: str, result: ImportResult
) -> None:
    """`build_question` for many (raw, line, kind) at once: one pydantic call when every
    question has the right shape (the usual case, and much faster), else one at a time."""
    try:
        models = _QUESTIONS_ADAPTER.validate_python([raw for raw, _, _ in pending])
    except ValidationError:
        for raw, line, kind in pending:
            build_question(raw, file=file, line=line, kind=kind, result=result)
        return
    for model, (raw, line, kind) in zip(models, pending, strict=True):
        problem = semantic_problem(raw)
        if problem:
            result.notes.append(
                Problem(file, line, "", f"skipped {kind} {quoted(raw['prompt'])}: it {problem}")
            )
            continue
        result.questions.append(model)
        result.lines.append(line)


def fail_if_problems(problems: list[Problem]) -> None:
    """Raise one PackError carrying every problem, if there are any."""
    if problems:
        raise PackError(problems)


def load_json(text: str, filename: str) -> Any:
    """Parse JSON text; anything wrong is a PackError naming the file and, where it can
    tell, the line (invalid syntax, nesting too deep, a number too long to read)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise PackError.single(
            filename, f"not valid JSON: {error.msg}", line=error.lineno
        ) from None
    except RecursionError:
        raise PackError.single(filename, "not valid JSON: nested too deeply") from None
    except ValueError as error:  # e.g. an integer of thousands of digits
        long_number = re.search(r"[0-9]{1000,}", text)
        line = text.count("\n", 0, long_number.start()) + 1 if long_number else None
        raise PackError.single(filename, f"cannot read this JSON: {error}", line=line) from None


def json_item_lines(text: str, key: str) -> list[int]:
    """The line each element of the top-level array `key` (or of a top-level array) starts
    on, for locating problems in JSON that has already parsed. Empty if it cannot tell."""
    decoder = json.JSONDecoder()
    stripped = text.lstrip()
    position = len(text) - len(stripped)
    if stripped.startswith("{"):
        found = re.search(r'"' + re.escape(key) + r'"\s*:\s*\[', text)
        if not found:
            return []
        position = found.end()
    elif stripped.startswith("["):
        position += 1
    else:
        return []
    lines: list[int] = []
    line, counted = 1, 0
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return lines
        line += text.count("\n", counted, position)
        counted = position
        lines.append(line)
        try:
            _, position = decoder.raw_decode(text, position)
        except ValueError:
            return lines
