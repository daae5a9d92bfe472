"""What every format module shares: the result of an import or export, located notes,
question validation and id making.

An importer turns a file into hand-written question models plus notes about what it could
not carry (each with its line); it raises `PackError` (every problem at once, each with
FILE:LINE) when the file is malformed. An exporter turns concrete `Question`s into text or
bytes plus notes about what the target format could not hold.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quiz.packs.errors import PackError, Problem
from quiz.packs.models import MAX_ID, MAX_QUESTIONS, HandQuestion
from quiz.packs.question import Question
from quiz.safe_text import safe_text

# A fresh mypy run reads pydantic's TypeForm here; an incremental one sometimes does not.
_QUESTION_ADAPTER: TypeAdapter[HandQuestion] = TypeAdapter(
    HandQuestion  # type: ignore[arg-type, unused-ignore]  # see above
)
_QUESTIONS_ADAPTER: TypeAdapter[list[HandQuestion]] = TypeAdapter(list[HandQuestion])
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


def explain_with_feedback(q: dict[str, Any], right: str, others: list[str]) -> list[str]:
    """Moodle's feedback in a pack: the general feedback, else the right answer's, becomes
    the question's explanation. Returns the feedback texts a pack cannot keep (it has one
    explanation per question, not feedback per answer), for the importer to report."""
    if right and not q.get("explanation"):
        q["explanation"] = right
    elif right:
        others = [right, *others]
    return [text for text in others if text]


def dropped_feedback(text: str) -> str:
    return (
        f"feedback {quoted(text)} is dropped: a pack has one explanation per question, "
        "not feedback per answer"
    )


def slug_id(text: str) -> str:
    """An id (lower-case letters, digits, '-', '_', '.') made from a title; "" if none.
    Accents are dropped rather than the letters: "Hammarskjöld" gives "hammarskjold"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_ID_CHARS.sub("-", text.strip().lower()).strip("-_.")
    return slug[:MAX_ID].rstrip("-_.")


def content_digest(raw: dict[str, Any]) -> str:
    """A short hash of what a question asks and what its right answer is: its type, prompt
    and answers (the right choices, the true/false value, the typed answer, the number,
    the pairs or the order), with case and runs of spaces ignored.

    Wrong choices, explanations, tags and the like are left out, so that correcting them in
    the source and importing again keeps the question's id.
    """
    kind = str(raw.get("type", ""))
    if kind == "multiple":
        answers = sorted(_folded(str(answer)) for answer in raw.get("answers", ()))
    elif kind == "matching":
        answers = sorted(
            f"{_folded(str(pair['left']))}\x1f{_folded(str(pair['right']))}"
            for pair in raw.get("pairs", ())
        )
    elif kind == "ordering":
        answers = [_folded(str(item)) for item in raw.get("items", ())]
    else:
        answers = [_folded(str(raw.get("answer", "")))]
    key = "\x1e".join([kind, _folded(str(raw.get("prompt", ""))), *answers])
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def assign_ids(
    pending: list[tuple[dict[str, Any], int, str]],
    titles: list[str],
    *,
    file: str,
    notes: list[Problem],
) -> None:
    """Give each pending question (raw fields, line, kind) its id, from its content, so that
    reordering the file never moves an id to another question.

    A question with a title of its own in the file gets the title's slug (`::Grant's tomb::`
    → `grant-s-tomb`). Any other question, and every question whose title is used more than
    once, gets a slug of its first words plus a short hash of its prompt and answers
    (`which-union-backs-ed-balls-1a2b3c4d`). Only a question identical to an earlier one gets
    a further `-2`, and that is reported.
    """
    slugs = [slug_id(title) if title else "" for title in titles]
    repeated = {slug for slug, count in Counter(slugs).items() if slug and count > 1}
    used: dict[str, int] = {}  # id → line of the question that has it
    for (raw, line, _), title, slug in zip(pending, titles, slugs, strict=True):
        if slug and slug not in repeated:
            candidate = slug
        else:
            words = slug or slug_id(" ".join(str(raw.get("prompt", "")).split()[:6]))
            stem = words[:40].rstrip("-_.") or "q"
            candidate = f"{stem}-{content_digest(raw)}"
            if slug:
                notes.append(
                    Problem(
                        file,
                        line,
                        "",
                        f"title {quoted(title)} is used more than once; id {candidate}",
                    )
                )
        if candidate in used:
            first = used[candidate]
            suffix = 2
            while f"{candidate[: MAX_ID - 4]}-{suffix}" in used:
                suffix += 1
            renamed = f"{candidate[: MAX_ID - 4]}-{suffix}"
            notes.append(
                Problem(file, line, "", f"the same question as line {first}; id {renamed}")
            )
            candidate = renamed
        used[candidate] = line
        raw["id"] = candidate


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


# The fields of a concrete question that a format may have no place for, as notes name them.
FIELD_KINDS: dict[str, str] = {
    "explanation": "explanations",
    "quote": "quotes",
    "attribution": "attributions",
    "difficulty": "difficulty",
    "tags": "tags",
    "time_limit": "time limits",
    "unit": "units",
    "accept": "typed alternatives",
}


def count_left_out(question: Question, carried: Iterable[str], dropped: Counter[str]) -> None:
    """Add one to `dropped` for each field kind `question` sets that is not `carried`."""
    held = {
        "explanation": bool(question.explanation),
        "quote": bool(question.quote),
        "attribution": bool(question.attribution),
        "difficulty": question.difficulty != 1,
        "tags": bool(question.tags),
        "time_limit": question.time_limit is not None,
        "unit": bool(question.unit),
        "accept": question.type == "typed" and len(question.answers) > 1,
    }
    for kind, present in held.items():
        if present and kind not in carried:
            dropped[FIELD_KINDS[kind]] += 1


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


def build_with_ids(
    pending: list[tuple[dict[str, Any], int, str]],
    *,
    file: str,
    result: ImportResult,
    titles: list[str] | None = None,
) -> None:
    """`assign_ids` then `build_questions`: what every importer does once it has read the
    whole file without errors."""
    assign_ids(pending, titles or [""] * len(pending), file=file, notes=result.notes)
    build_questions(pending, file=file, result=result)


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while a reader builds many small objects that
    form no cycles: otherwise it runs again and again over all of them, about a sixth of
    the time of a large import (bench/formats.py). Reference counting still frees them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) for each line of `text`, cut at "\n" only (as editors count
    lines), one at a time: a 20 MB file is never held a second time as a list of lines."""
    number, start = 1, 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield number, text[start:]
            return
        yield number, text[start:end]
        number, start = number + 1, end + 1


def too_many_questions() -> str:
    """The message for a file with more questions than a pack holds."""
    return (
        f"holds more than {MAX_QUESTIONS:,} questions; a pack holds at most "
        f"{MAX_QUESTIONS:,}, so split the file"
    )


def weights_note(prompt: str, weights: list[float], right: int) -> str | None:
    """How a multiple-answer question's weights (in percent, in choice order) change, or
    None when they are the game's own rule: each of the `right` right choices +100/R %, each
    wrong one -100/R %."""
    share = 100 / right
    if all(abs(abs(weight) - share) < 0.01 for weight in weights):
        return None
    given = ", ".join(f"{weight:+.7g}%" for weight in weights)
    return (
        f"weights of {quoted(prompt)} change to the game's rule (each right choice "
        f"+{share:.7g}%, each wrong one -{share:.7g}%); the file gives {given}"
    )


def fail_if_problems(problems: list[Problem]) -> None:
    """Raise one PackError carrying every problem, if there are any."""
    if problems:
        raise PackError(problems)


def load_json(text: str, filename: str, *, per_question: str = "") -> Any:
    """Parse JSON text; anything wrong is a PackError naming the file and, where it can
    tell, the line (invalid syntax, nesting too deep, a number too long to read).

    With `per_question` (a key every question has, such as "question"), a file holding
    more questions than a pack is refused before it is parsed into objects."""
    if per_question and text.count(f'"{per_question}"') > MAX_QUESTIONS:
        raise PackError.single(filename, too_many_questions())
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
