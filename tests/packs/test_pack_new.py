"""`quiz pack new`: a valid pack with a commented, working example of every part."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import tomli

from quiz.packs.loader import parse_pack_text
from quiz.packs.models import PackFile
from quiz.packs.new_pack import new_pack_text
from quiz.packs.pack_toml import schema_reference
from quiz.packs.semantics import check_semantics

ROOT = Path(__file__).resolve().parents[2]
EVERY_TYPE = ["single", "multiple", "true_false", "typed", "ordering", "matching", "numeric"]


def run_quiz(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, check=False
    )


def uncomment_examples(text: str) -> str:
    """The pack with its examples switched on: `# ` removed, `## ` explanations kept."""
    start = text.index("## ──")
    lines = [
        line[2:] if line.startswith("# ") else "" if line == "#" else line
        for line in text[start:].splitlines()
    ]
    return text[:start] + "\n".join(lines) + "\n"


def test_new_pack_validates_and_starts_with_the_schema_line(tmp_path: Path) -> None:
    target = tmp_path / "packs" / "mine.toml"
    target.parent.mkdir()
    result = run_quiz("pack", "new", str(target), "--title", 'Who "leads"? [Labour]')
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("#:schema ")
    schema = (target.parent / first.removeprefix("#:schema ")).resolve()
    assert schema == (ROOT / "questions" / "pack.schema.json").resolve()
    pack = PackFile.model_validate(tomli.loads(text))
    assert pack.pack.title == 'Who "leads"? [Labour]'
    assert pack.pack.id == "who-leads-labour"
    assert pack.questions == [] and pack.facts == []
    checked = run_quiz("pack", "check", str(target))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.strip() == f"{target}: OK (0 questions)"


def test_commented_examples_cover_every_type_and_are_themselves_valid() -> None:
    text = new_pack_text("Examples")
    live = PackFile.model_validate(tomli.loads(uncomment_examples(text)))
    assert [question.type for question in live.questions] == EVERY_TYPE
    assert len(live.entities) == 2 and len(live.relations) == 1 and len(live.facts) == 1
    assert live.facts[0].relation == live.relations[0].id
    assert live.pack.source is not None
    assert check_semantics(live) == []
    # The loader's full check too (it also generates the fact's questions).
    parse_pack_text(uncomment_examples(text), filename="examples.toml")
    # Every example is commented out: the pack as written has none of them.
    assert tomli.loads(text).keys() == {"pack"}
    for kind in EVERY_TYPE:
        assert f'# type = "{kind}"' in text


def test_refuses_to_overwrite_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    target.write_text("precious\n", encoding="utf-8")
    result = run_quiz("pack", "new", str(target), "--title", "Mine")
    assert result.returncode == 1
    assert result.stderr.strip() == f"quiz: {target}: already exists; not overwriting it"
    assert target.read_text(encoding="utf-8") == "precious\n"


def test_a_title_that_cannot_be_a_pack_title_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    result = run_quiz("pack", "new", str(target), "--title", "x" * 200)
    assert result.returncode == 2
    assert "--title" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()


def test_schema_reference_is_relative_to_the_pack_folder(tmp_path: Path) -> None:
    schema = tmp_path / "repo" / "questions" / "pack.schema.json"
    assert schema_reference(tmp_path / "repo" / "questions" / "p.toml", schema) == (
        "pack.schema.json"
    )
    assert schema_reference(tmp_path / "elsewhere" / "p.toml", schema) == (
        "../repo/questions/pack.schema.json"
    )


def uncomment_from(text: str, marker: str) -> str:
    """The pack with only the examples from `marker` on switched on."""
    start = text.index(marker)
    lines = [
        line[2:] if line.startswith("# ") else "" if line == "#" else line
        for line in text[start:].splitlines()
    ]
    return text[:start] + "\n".join(lines) + "\n"


def test_the_example_questions_alone_make_a_valid_pack() -> None:
    text = uncomment_from(new_pack_text("Examples"), "## Single answer")
    pack = parse_pack_text(text, filename="questions-only.toml")
    assert [question.type for question in pack.questions] == EVERY_TYPE
    assert pack.entities == [] and pack.facts == []


def test_an_unknown_entity_in_a_pack_without_entities_is_said_in_good_english() -> None:
    import pytest

    from quiz.packs.errors import PackError

    text = (
        '[pack]\nid = "p"\ntitle = "P"\n\n[[questions]]\nid = "q"\ntype = "typed"\n'
        'prompt = "Who?"\nanswer = "Ed"\nentity = "ed"\n'
    )
    with pytest.raises(PackError) as caught:
        parse_pack_text(text, filename="p.toml")
    assert str(caught.value) == (
        'p.toml:10: questions[0].entity: unknown entity "ed"; the pack has no entities'
    )
