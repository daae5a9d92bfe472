"""Writing a pack as TOML: one writer for `pack import` and `pack generate`, keys in the
order the editor writes them too, and what it writes loads back as the same pack."""

from __future__ import annotations

import tomllib
from pathlib import Path

from quiz.packs.editing import render_question
from quiz.packs.formats.pack_writer import pack_to_toml
from quiz.packs.generated_pack import generated_pack_toml
from quiz.packs.loader import load_pack, parse_pack_text
from quiz.packs.pack_toml import pack_toml

ROOT = Path(__file__).resolve().parents[2]
EVERY_TYPE = ROOT / "tests" / "formats" / "fixtures" / "every_type.toml"


def test_a_written_pack_loads_back_as_the_same_pack() -> None:
    pack = load_pack(EVERY_TYPE, use_cache=False)
    assert {q.type for q in pack.questions} == {
        "single", "multiple", "true_false", "typed", "ordering", "matching", "numeric",
    }  # fmt: skip
    again = parse_pack_text(pack_toml(pack, "pack.schema.json"), filename="again.toml")
    assert again == pack


def test_import_generate_and_the_editor_write_a_question_alike() -> None:
    pack = load_pack(EVERY_TYPE, use_cache=False)
    imported = tomllib.loads(pack_to_toml(pack, None))["questions"]
    for table in imported:
        edited = tomllib.loads(render_question(table))["questions"][0]
        assert list(edited) == list(table), table["id"]
    assert list(imported[0])[:3] == ["id", "type", "prompt"]
    bank = load_pack(ROOT / "questions" / "labour-2010.toml", use_cache=False)
    generated = generated_pack_toml(bank, "../questions/pack.schema.json")
    assert generated.startswith("#:schema ../questions/pack.schema.json\n\n[pack]\n")
    for table in tomllib.loads(generated)["questions"]:
        assert list(tomllib.loads(render_question(table))["questions"][0]) == list(table)
