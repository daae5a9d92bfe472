"""Open Trivia DB JSON, read and written.

The API answers `{"response_code": 0, "results": [{category, type, difficulty, question,
correct_answer, incorrect_answers}]}` with its texts HTML-encoded (`&quot;`, `&#039;`).
Reading decodes the entities; writing encodes them the same way, so a file we write reads
back unchanged and looks like what the API sends. Types are "multiple" (one right answer
among several) and "boolean"; difficulty is "easy", "medium" or "hard" (our 1, 2, 3); the
category becomes a tag. The format carries no choice order, so imported choices are
sorted (the right answer is not always first).
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
import urllib.parse
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
    json_item_lines,
    left_out,
    load_json,
    quoted,
)
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

DIFFICULTY_NAMES = {1: "easy", 2: "medium", 3: "hard"}
DIFFICULTY_LEVELS = {name: level for level, name in DIFFICULTY_NAMES.items()}
CARRIED = frozenset({"difficulty", "tags"})


def import_text(text: str, filename: str, *, encoding: str = "auto") -> ImportResult:
    """Read Open Trivia DB JSON (the API's answer, or just its `results` list), in any of
    the three encodings the API serves: HTML entities (its default), `url3986` (percent
    escapes) or `base64`; "auto" tells them apart by the file's own texts.

    Raises `PackError` listing every malformed entry (FILE:LINE: …).
    """
    data = load_json(text, filename, per_question="question")
    if isinstance(data, dict):
        code = data.get("response_code", 0)
        if code != 0:
            message = f"is {quoted(str(code))}: the API sent no questions (0 means success)"
            raise PackError.single(filename, message, line=1, key="response_code")
        data = data.get("results")
    if not isinstance(data, list):
        raise PackError.single(filename, "expected a list of questions", line=1, key="results")
    lines = json_item_lines(text, "results")
    result = ImportResult()
    errors: list[Problem] = []
    pending: list[tuple[dict[str, Any], int, str]] = []
    if encoding == "auto":
        encoding = detect_encoding(data)
    for index, item in enumerate(data):
        line = lines[index] if index < len(lines) else 1
        key = f"results[{index}]"
        if encoding != "html" and isinstance(item, dict):
            item = _decoded(item, encoding, line, key, filename, errors)
            if item is None:
                continue
        raw = _question(item, line, key, filename, errors, result.notes)
        if raw is not None:
            pending.append((raw, line, "question"))
    fail_if_problems(errors)
    build_with_ids(pending, file=filename, result=result)
    return result


_TEXT_FIELDS = ("category", "type", "difficulty", "question", "correct_answer")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_BASE64_NAMES = frozenset(
    base64.b64encode(name.encode()).decode()
    for name in ("multiple", "boolean", "easy", "medium", "hard")
)


def detect_encoding(results: list[Any]) -> str:
    """Which encoding the API used for `results`: "base64" when its type and difficulty
    names are base64 ("bXVsdGlwbGU=" is "multiple"), "url3986" when its questions have
    percent escapes and no spaces (url3986 writes a space as %20), else "html"."""
    items = [item for item in results if isinstance(item, dict)]
    names = {item.get(name) for item in items for name in ("type", "difficulty")}
    if names & _BASE64_NAMES:
        return "base64"
    questions = [item.get("question") for item in items]
    texts = [text for text in questions if isinstance(text, str)]
    if (
        texts
        and all(" " not in text for text in texts)
        and any(_PERCENT_ESCAPE.search(text) for text in texts)
    ):
        return "url3986"
    return "html"


def _decoded(
    item: dict[str, Any], encoding: str, line: int, key: str, file: str, errors: list[Problem]
) -> dict[str, Any] | None:
    """`item` with its texts decoded from url3986 or base64, and marked as already plain
    text; None (with an error) if a text is not in that encoding."""
    decoded = dict(item)
    fields = [name for name in _TEXT_FIELDS if isinstance(item.get(name), str)]
    try:
        for name in fields:
            decoded[name] = _decode(item[name], encoding)
        wrong = item.get("incorrect_answers")
        if isinstance(wrong, list):
            decoded["incorrect_answers"] = [
                _decode(answer, encoding) if isinstance(answer, str) else answer for answer in wrong
            ]
    except ValueError:
        errors.append(
            Problem(
                file,
                line,
                key,
                f"a text is not valid {encoding}; give --encoding html, "
                "url3986 or base64 as the file was fetched",
            )
        )
        return None
    decoded[_PLAIN] = True
    return decoded


def _decode(text: str, encoding: str) -> str:
    if encoding == "base64":
        try:
            return base64.b64decode(text, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise ValueError(text) from None
    return urllib.parse.unquote(text, errors="strict")


# Marks an item whose texts are decoded already (they must not be HTML-unescaped again).
_PLAIN = "\x00plain"


def _question(
    item: Any, line: int, key: str, file: str, errors: list[Problem], notes: list[Problem]
) -> dict[str, Any] | None:
    """The hand-question fields of one result; malformed fields go to `errors`, what a pack
    cannot keep to `notes`."""

    def error(field: str, message: str) -> None:
        errors.append(Problem(file, line, f"{key}.{field}" if field else key, message))

    if not isinstance(item, dict):
        error("", "expected an object with question, correct_answer and incorrect_answers")
        return None
    before = len(errors)
    for field in ("question", "correct_answer"):
        if not isinstance(item.get(field), str):
            error(field, "missing or not a string")
    wrong = item.get("incorrect_answers")
    if not isinstance(wrong, list) or not all(isinstance(answer, str) for answer in wrong):
        error("incorrect_answers", "missing or not a list of strings")
    kind = item.get("type", "multiple")
    if kind not in ("multiple", "boolean"):
        error("type", f'is {quoted(str(kind))}; expected "multiple" or "boolean"')
    difficulty = item.get("difficulty", "easy")
    if difficulty not in DIFFICULTY_LEVELS:
        error("difficulty", f"is {quoted(str(difficulty))}; expected easy, medium or hard")
    category = item.get("category", "")
    if not isinstance(category, str):
        error("category", "not a string")
    if len(errors) > before:
        return None
    unescape = _same if item.get(_PLAIN) else html.unescape
    right = unescape(item["correct_answer"])
    raw: dict[str, Any] = {"prompt": unescape(item["question"])}
    if DIFFICULTY_LEVELS[difficulty] != 1:
        raw["difficulty"] = DIFFICULTY_LEVELS[difficulty]
    category = unescape(category)
    if len(category) > 40:
        notes.append(
            Problem(
                file,
                line,
                f"{key}.category",
                f"{quoted(category)} is not kept as a tag (tags hold 40 characters)",
            )
        )
    elif category:
        raw["tags"] = [category]
    if kind == "boolean":
        if right not in ("True", "False"):
            error("correct_answer", f"is {quoted(right)}; a boolean question's is True or False")
            return None
        raw.update(type="true_false", answer=right == "True")
    else:
        assert isinstance(wrong, list)  # checked above
        choices = sorted([right, *(unescape(answer) for answer in wrong)], key=str.casefold)
        raw.update(type="single", choices=choices, answer=right)
    return raw


def _same(text: str) -> str:
    return text


def encode(text: str) -> str:
    """HTML-encode like the API does, so that decoding gives the text back."""
    return html.escape(text, quote=True).replace("&#x27;", "&#039;")


def export_questions(questions: Sequence[Question], meta: PackMeta) -> Exported:
    """Single-choice and true/false questions as Open Trivia DB JSON; notes name every
    question of another type and count each kind of field the format has no place for
    (it keeps one category, so tags after the first are counted too)."""
    results: list[dict[str, Any]] = []
    notes: list[str] = []
    dropped: Counter[str] = Counter()
    for question in questions:
        if question.type not in ("single", "true_false"):
            notes.append(
                f"{question.id}: skipped {question.type} question: Open Trivia DB "
                "holds only single-answer choice and true/false"
            )
            continue
        count_left_out(question, CARRIED, dropped)
        if len(question.tags) > 1:
            dropped["tags after the first"] += 1
        right = question.answers[0]
        results.append(
            {
                "category": encode(question.tags[0] if question.tags else meta.title),
                "type": "boolean" if question.type == "true_false" else "multiple",
                "difficulty": DIFFICULTY_NAMES.get(question.difficulty, "medium"),
                "question": encode(question.prompt),
                "correct_answer": encode(right),
                "incorrect_answers": [encode(c) for c in question.choices if c != right],
            }
        )
    notes += left_out("Open Trivia DB", dropped)
    document = {"response_code": 0, "results": results}
    return Exported(json.dumps(document, ensure_ascii=False, indent=2) + "\n", notes)
