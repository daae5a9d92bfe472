"""Our own JSON: every concrete question of a pack, as `quiz pack export --format json`
writes it, and read back into hand-written questions.

The file is `{"pack": {…pack metadata…}, "questions": [Question.model_dump(mode="json"), …]}`.
Reading it back keeps the pack's metadata and everything a hand-written question holds; a
generated question becomes a hand-written one, and that (with its fact ids) is reported.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import ValidationError

from quiz.packs.errors import PackError, Problem
from quiz.packs.formats.common import (
    Exported,
    ImportResult,
    fail_if_problems,
    json_item_lines,
    load_json,
    quoted,
    validate_hand,
)
from quiz.packs.hand_questions import hand_fields
from quiz.packs.models import PackMeta
from quiz.packs.question import Question


def export_questions(questions: Sequence[Question], meta: PackMeta) -> Exported:
    """Every question, whole, with the pack's metadata; JSON holds everything."""
    document = {
        "pack": meta.model_dump(mode="json"),
        "questions": [question.model_dump(mode="json") for question in questions],
    }
    return Exported(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def import_text(text: str, filename: str) -> ImportResult:
    """Read JSON written by `export_questions` (or a bare list of its questions).

    Raises `PackError` listing every malformed question (FILE:LINE: key: …).
    """
    data = load_json(text, filename, per_question="prompt")
    meta = None
    if isinstance(data, dict):
        try:
            meta = PackMeta.model_validate(data.get("pack"))
        except ValidationError:
            meta = None  # not ours, or edited: the pack's metadata comes from the file name
        data = data.get("questions")
    if not isinstance(data, list):
        raise PackError.single(filename, "expected a list of questions", line=1, key="questions")
    lines = json_item_lines(text, "questions")
    result = ImportResult(meta=meta)
    errors: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(data):
        line = lines[index] if index < len(lines) else 1
        try:
            question = Question.model_validate(item)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            key = f"questions[{index}]" + (f".{where}" if where else "")
            errors.append(Problem(filename, line, key, first["msg"]))
            continue
        if question.id in seen:
            errors.append(
                Problem(filename, line, f"questions[{index}].id", f"{question.id!r} is used twice")
            )
            continue
        seen.add(question.id)
        if question.fact_ids:
            result.notes.append(
                Problem(
                    filename,
                    line,
                    "",
                    f"{question.id}: generated from facts "
                    f"{quoted(', '.join(question.fact_ids), 120)}; imported as a hand-written "
                    "question",
                )
            )
        elif question.attribution and meta is None:
            result.notes.append(
                Problem(
                    filename,
                    line,
                    "",
                    f"{question.id}: its attribution "
                    f"{quoted(question.attribution)} is left out (the file has no pack "
                    "metadata with a source)",
                )
            )
        hand, reason = validate_hand(hand_fields(question))
        if hand is None:
            errors.append(Problem(filename, line, f"questions[{index}]", reason))
            continue
        result.questions.append(hand)
        result.lines.append(line)
    fail_if_problems(errors)
    return result
