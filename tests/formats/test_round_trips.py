"""import(export(pack)) gives back the same questions, for every type each format holds.

Each test exports the fixture pack (one question of every type, with the characters formats
must escape and text that looks like Textual markup) to a real file, imports that file, writes
the pack as TOML, loads it with the real loader and compares what the format carries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.packs.question import Question

# What each format carries, beyond prompt and answers.
CARRIED = {
    "gift": (
        "id",
        "type",
        "prompt",
        "choices",
        "answers",
        "pairs",
        "value",
        "tolerance",
        "explanation",
        "tags",
    ),
    "moodle-xml": (
        "id",
        "type",
        "prompt",
        "choices",
        "answers",
        "pairs",
        "value",
        "tolerance",
        "unit",
        "explanation",
        "tags",
    ),
    "xlsx": ("type", "prompt", "choices", "answers", "time_limit"),
    "aiken": ("type", "prompt", "choices", "answers"),
    "csv": ("type", "prompt", "choices", "answers", "time_limit"),
    "opentdb": ("type", "prompt", "answers", "difficulty", "tags"),
    "json": (
        "id",
        "type",
        "prompt",
        "choices",
        "answers",
        "items",
        "pairs",
        "value",
        "tolerance",
        "unit",
        "explanation",
        "quote",
        "attribution",
        "difficulty",
        "tags",
        "time_limit",
    ),
}
HELD_TYPES = {
    "gift": {"single", "multiple", "true_false", "typed", "matching", "numeric"},
    "moodle-xml": {"single", "multiple", "true_false", "typed", "matching", "numeric"},
    "xlsx": {"single", "multiple", "true_false"},
    "aiken": {"single"},
    "csv": {"single", "multiple", "true_false"},
    "opentdb": {"single", "true_false"},
    "json": {"single", "multiple", "true_false", "typed", "ordering", "matching", "numeric"},
}
EXTENSIONS = {
    "gift": "gift",
    "moodle-xml": "xml",
    "xlsx": "xlsx",
    "aiken": "txt",
    "csv": "csv",
    "opentdb": "json",
    "json": "json",
}


def carried(question: Question, fmt: str) -> dict[str, object]:
    fields = {field: getattr(question, field) for field in CARRIED[fmt]}
    if fmt == "xlsx" and question.time_limit is None:
        fields["time_limit"] = 20  # Kahoot's default, written where a question has none
    if question.type == "multiple":
        # The right answers of a multiple-answer question are a set; GIFT lists them in
        # choice order.
        fields["answers"] = sorted(question.answers)
    return fields


def round_trip(fmt, every_type, export_to, import_file, as_loaded_pack, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / f"exported.{EXTENSIONS[fmt]}"
    exported = export_to(fmt, every_type, path)
    result = import_file(fmt, path)
    assert result.notes == [], [str(note) for note in result.notes]
    return exported, as_loaded_pack(result, path)


@pytest.mark.parametrize("fmt", sorted(CARRIED))
def test_round_trip_gives_back_every_question_the_format_holds(
    fmt: str,
    every_type,
    export_to,
    import_file,
    as_loaded_pack,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    exported, back = round_trip(fmt, every_type, export_to, import_file, as_loaded_pack, tmp_path)
    skipped_ids = {note.split(":", 1)[0] for note in exported.notes if ": skipped" in note}
    sent = [q for q in every_type if q.id not in skipped_ids]
    # Every question of a type the format holds is sent, unless a note says why not.
    assert {q.type for q in sent} == HELD_TYPES[fmt] & {q.type for q in every_type}
    assert all(
        q.type not in HELD_TYPES[fmt]
        or q.id in {s.id for s in sent}
        or any(note.startswith(q.id + ":") for note in exported.notes)
        for q in every_type
    )
    assert len(back) == len(sent)
    for before, after in zip(sent, back, strict=True):
        want, got = carried(before, fmt), carried(after, fmt)
        if fmt == "opentdb":
            # Open Trivia DB keeps no choice order; the choices themselves must come back.
            assert sorted(after.choices) == sorted(before.choices)
            want["tags"] = before.tags[:1] or ("Every type",)
        assert got == want


def test_gift_round_trip_keeps_special_characters_and_markup_as_text(
    every_type,
    export_to,
    import_file,
    as_loaded_pack,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _, back = round_trip("gift", every_type, export_to, import_file, as_loaded_pack, tmp_path)
    by_id = {q.id: q for q in back}
    assert by_id["single-markup"].prompt == "[@click=app.quit]x[/] is shown how?"
    assert by_id["single-markup"].answers == ("[@click=app.quit]x[/]",)
    assert by_id["single-specials"].choices == ("a = b", "~c", "#d", "e: f", "%50%g", "[html]h")
    assert "{braces} ~tilde =equals #hash: colon \\ backslash" in by_id["single-specials"].prompt
    assert by_id["missing-word"].prompt == "Grant is _____ in Grant's tomb."
    text = (tmp_path / "exported.gift").read_text()
    assert "Grant is {" in text  # written as a missing-word question


def test_csv_round_trip_keeps_time_limits(
    every_type,
    export_to,
    import_file,
    as_loaded_pack,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _, back = round_trip("csv", every_type, export_to, import_file, as_loaded_pack, tmp_path)
    assert back[0].prompt == "Which union backs Ed Balls?"
    assert back[0].time_limit == 30


def test_opentdb_round_trip_decodes_what_it_encodes(
    every_type,
    export_to,
    import_file,
    as_loaded_pack,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _, back = round_trip("opentdb", every_type, export_to, import_file, as_loaded_pack, tmp_path)
    text = (tmp_path / "exported.json").read_text()
    assert "&lt;b&gt;bold&lt;/b&gt;" in text and "&quot;quoted&quot;" in text
    specials = next(q for q in back if "{braces}" in q.prompt)
    assert "& <b>bold</b> \"quoted\" 'single'" in specials.prompt


def test_json_round_trip_keeps_generated_questions_of_a_bank(
    export_to,
    import_file,
    as_loaded_pack,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack

    bank = tmp_path / "bank.toml"
    bank.write_text(BANK, encoding="utf-8")
    questions = generate_questions(load_pack(bank, use_cache=False))
    assert any(q.origin == "generated" for q in questions)
    path = tmp_path / "bank.json"
    export_to("json", questions, path)
    result = import_file("json", path)
    back = as_loaded_pack(result, path)
    assert [carried(q, "json") for q in back] == [carried(q, "json") for q in questions]
    # Generated questions become hand-written ones; each is reported with its facts.
    assert result.notes and all("generated from facts" in str(note) for note in result.notes)


BANK = """
[pack]
id = "bank"
title = "Bank"

[[entities]]
id = "unite"
name = "Unite"
kind = "union"
roles = ["backer"]

[[entities]]
id = "gmb"
name = "GMB"
kind = "union"
roles = ["backer"]

[[entities]]
id = "balls"
name = "Ed Balls"
kind = "person"
roles = ["candidate"]

[[entities]]
id = "burnham"
name = "Andy Burnham"
kind = "person"
roles = ["candidate"]

[[relations]]
id = "backs"
ask_object = "Whom does {subject} back?"
statement = "{subject} backs {object}."

[[facts]]
id = "unite-backs-balls"
subject = "unite"
relation = "backs"
object = "balls"
quote = "Unite backs Balls"
"""


@pytest.mark.parametrize("fmt", sorted(CARRIED))
def test_the_bundled_bank_survives_a_round_trip(
    fmt: str,
    export_to,
    import_file,
    as_loaded_pack,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from quiz.packs.catalog import bundled_packs_dir
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack

    bank = load_pack(bundled_packs_dir() / "labour-2010.toml", use_cache=False)
    questions = generate_questions(bank)
    path = tmp_path / f"bank.{EXTENSIONS[fmt]}"
    exported = export_to(fmt, questions, path, bank.pack)
    skipped = {note.split(":", 1)[0] for note in exported.notes if ": skipped" in note}
    back = as_loaded_pack(import_file(fmt, path), path)
    sent = [q for q in questions if q.id not in skipped]
    assert len(sent) > 50 and len(back) == len(sent)
    for before, after in zip(sent, back, strict=True):
        want, got = carried(before, fmt), carried(after, fmt)
        if fmt == "opentdb":
            assert sorted(after.choices) == sorted(before.choices)
            want["tags"] = before.tags[:1] or (bank.pack.title,)
        assert got == want


def test_gift_skips_what_it_would_misread_and_says_why(
    every_type,
    export_to,
    import_file,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    typed = next(q for q in every_type if q.type == "typed")
    arrow = typed.model_copy(update={"id": "arrow", "answers": ("a -> b", "c")})
    tagged = typed.model_copy(update={"id": "tagged", "tags": ("top", "a/b")})
    exported = export_to("gift", [arrow, tagged], tmp_path / "edge.gift")
    assert exported.notes == [
        "arrow: skipped typed question: GIFT reads '->' in an answer as a matching pair and "
        "cannot escape it"
    ]
    (back,) = import_file("gift", tmp_path / "edge.gift").questions
    assert (back.id, back.tags) == ("tagged", ["top", "a/b"])
