"""Writing imported questions as a pack: metadata from the file name, the #:schema line,
what the loader refuses, and safe writes that never replace a file unasked."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.packs.formats.gift import import_text
from quiz.packs.formats.pack_writer import (
    build_pack,
    meta_from_filename,
    pack_to_toml,
    verified_toml,
    write_new_file,
)
from quiz.packs.loader import parse_pack_text

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "questions" / "pack.schema.json"


def test_metadata_comes_from_the_file_name() -> None:
    meta = meta_from_filename("/some/where/World_capitals-2024.gift")
    assert (meta.id, meta.title) == ("world_capitals-2024", "World capitals 2024")
    assert meta.description == "Imported from World_capitals-2024.gift"
    assert meta_from_filename("!!!.csv").id == "imported"


def test_schema_line_is_relative_to_where_the_pack_goes(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "er" / "pack.toml"
    text = pack_to_toml(build_pack(import_text("Q {T}\n", "q.gift").questions, "q.gift"), out)
    first = text.splitlines()[0]
    assert first.startswith("#:schema ") and not first.startswith("#:schema /")
    assert (out.parent / first.removeprefix("#:schema ")).resolve() == SCHEMA_FILE
    assert SCHEMA_FILE.is_file()


def test_questions_the_loader_refuses_are_skipped_with_their_source_line() -> None:
    text = "Case? {=Unite ~unite ~GMB}\n\nFine? {T}\n"
    result = import_text(text, "case.gift")
    assert len(result.questions) == 2  # our own checks let "Unite"/"unite" through
    toml_text = verified_toml(result, "case.gift", None)
    pack = parse_pack_text(toml_text, filename="out.toml")
    assert [q.prompt for q in pack.questions] == ["Fine?"]
    (note,) = result.notes
    assert str(note).startswith("case.gift:1: skipped question case-9087803f:")
    assert "unite" in str(note)


def test_every_question_is_its_own_table_even_when_short() -> None:
    result = import_text("Q {T}\n\nMatch {=a -> b =c -> d}\n", "q.gift")
    data = tomllib.loads(pack_to_toml(build_pack(result.questions, "q.gift"), None))
    assert [q["type"] for q in data["questions"]] == ["true_false", "matching"]
    text = pack_to_toml(build_pack(result.questions, "q.gift"), None)
    assert text.count("[[questions]]") == 2 and text.index("[pack]") < text.index("[[questions]]")


def test_write_never_replaces_without_force_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "pack.toml"
    write_new_file(target, "first\n", force=False)
    with pytest.raises(QuizError, match="already exists; use --force"):
        write_new_file(target, "second\n", force=False)
    assert target.read_text() == "first\n"
    write_new_file(target, b"third\n", force=True)
    assert target.read_text() == "third\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.toml"]
    with pytest.raises(QuizError, match="is a folder"):
        write_new_file(tmp_path, "x", force=True)
    with pytest.raises(QuizError, match="does not exist"):
        write_new_file(tmp_path / "missing" / "p.toml", "x", force=False)


def test_ids_keep_the_letters_of_accented_titles() -> None:
    from quiz.packs.formats.common import slug_id

    assert slug_id("Dag Hammarskjöld's café") == "dag-hammarskjold-s-cafe"
    assert slug_id("Ελληνικά") == ""  # nothing ASCII is left: the importer numbers it instead
