"""Where a hosted game's questions come from: a pack (through the pack layer), or a JSON
list of questions (for scripts, tests and benchmarks)."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from quiz.errors import QuizError
from quiz.packs.question import Question

MAX_JSON_BYTES = 5_000_000


def pack_questions(
    ref: str | None, *, count: int | None, seed: int, kinds: Collection[str] | None = None
) -> tuple[str, str, list[Question]]:
    """(pack id, pack title, drawn questions) of the pack `ref`, of every type or only of
    `kinds`. Raises the pack layer's located errors (QuizError) for a bad pack."""
    from quiz.packs.catalog import resolve_pack
    from quiz.packs.draw import draw_questions
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack

    path = resolve_pack(ref)
    if not path.is_file():
        raise QuizError(f"{path}: no such pack; give one with --pack NAME or --pack FILE")
    pack = load_pack(path)
    # Leave out what is not asked before drawing, so the round's limits (one appearance per
    # fact, true/false and templates in check) hold for what is asked.
    offered = [q for q in generate_questions(pack) if kinds is None or q.type in kinds]
    questions = draw_questions(offered, seed=seed, count=count or None, shuffle_choices=False)
    return pack.pack.id, pack.pack.title, questions


def json_questions(path: Path, *, count: int | None) -> list[Question]:
    """Questions from a JSON file: a list of objects with the fields of
    quiz.packs.question.Question. Errors name the file, the item and the field."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise QuizError(f"{path}: cannot read: {error.strerror}") from None
    if len(data) > MAX_JSON_BYTES:
        raise QuizError(f"{path}: larger than {MAX_JSON_BYTES // 1_000_000} MB")
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise QuizError(f"{path}: not valid JSON: {error}") from None
    try:
        questions = TypeAdapter(list[Question]).validate_python(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise QuizError(f"{path}: item {where}: {first['msg']}") from None
    return questions[:count] if count else questions
