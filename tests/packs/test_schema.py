"""The shipped JSON Schema is the one the models generate; bundled packs point editors at it."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from quiz.packs.schema import pack_schema, schema_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "questions" / "pack.schema.json"
REFRESH = "refresh it with: .venv/bin/quiz pack schema -o questions/pack.schema.json"


def test_shipped_schema_is_current() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), REFRESH


def test_schema_has_title_id_and_forbids_unknown_keys() -> None:
    schema = pack_schema()
    assert schema["title"] == "quiz question pack"
    assert schema["$id"]
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["pack"]
    question = schema["properties"]["questions"]["items"]
    assert question["discriminator"]["propertyName"] == "type"


def test_schema_text_is_stable() -> None:
    assert schema_text() == schema_text()
    assert json.loads(schema_text()) == pack_schema()


def test_cli_prints_the_schema_and_writes_it_atomically(tmp_path: Path) -> None:
    printed = subprocess.run(
        [sys.executable, "-m", "quiz", "pack", "schema"], capture_output=True, text=True
    )
    assert printed.returncode == 0
    assert printed.stdout == schema_text()
    target = tmp_path / "pack.schema.json"
    target.write_text("old")
    written = subprocess.run(
        [sys.executable, "-m", "quiz", "pack", "schema", "-o", str(target)],
        capture_output=True,
        text=True,
    )
    assert written.returncode == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert [p.name for p in tmp_path.iterdir()] == ["pack.schema.json"]


def test_cli_refuses_to_write_over_a_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "pack", "schema", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "is a folder" in result.stderr
    assert "Traceback" not in result.stderr


BUNDLED = sorted((ROOT / "questions").glob("*.toml"))


@pytest.mark.parametrize("pack", BUNDLED, ids=[p.name for p in BUNDLED])
def test_bundled_pack_starts_with_the_taplo_schema_line(pack: Path) -> None:
    first = pack.read_text(encoding="utf-8").splitlines()[0]
    # taplo ignores "# :schema" with a space; the path is relative to the pack.
    assert first == "#:schema ./pack.schema.json"
    assert tomllib.loads(pack.read_text(encoding="utf-8"))  # and the pack is still TOML


def schema_errors(data: object) -> list[tuple[list[object], str]]:
    """(path in the document, message) of every schema violation, nested ones included."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads(SHIPPED.read_text(encoding="utf-8")))
    found = []
    pending = list(validator.iter_errors(data))
    while pending:
        error = pending.pop()
        found.append((list(error.absolute_path), error.message))
        pending += error.context or []
    return found


@pytest.mark.parametrize(
    "pack",
    [Path(__file__).parent / "fixtures" / "good.toml", *BUNDLED],
    ids=lambda path: path.name,
)
def test_shipped_schema_accepts_valid_packs(pack: Path) -> None:
    with open(pack, "rb") as handle:
        assert schema_errors(tomllib.load(handle)) == []


def test_shipped_schema_flags_mistakes_an_editor_should_show() -> None:
    good = tomllib.loads(
        (Path(__file__).parent / "fixtures" / "good.toml").read_text(encoding="utf-8")
    )
    good["pack"]["titel"] = "typo"
    good["questions"][0]["difficulty"] = 7
    errors = schema_errors(good)
    assert (["pack"], "Additional properties are not allowed ('titel' was unexpected)") in errors
    assert (["questions", 0, "difficulty"], "7 is greater than the maximum of 3") in errors
