"""Fixtures for the editor tests: a pack with one question of every type, with comments."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The editor tests' shared helpers (`editor_kit`) import by name under --import-mode=importlib.
HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from editor_packs import EVERY_TYPE_PACK, FACTS_PACK, SOURCE_TEXT  # noqa: E402


@pytest.fixture
def every_type_pack(tmp_path: Path) -> Path:
    """A pack file named demo.toml holding one question of each type."""
    path = tmp_path / "demo.toml"
    path.write_text(EVERY_TYPE_PACK, encoding="utf-8")
    return path


@pytest.fixture
def facts_pack(tmp_path: Path) -> Path:
    """A pack file race.toml with entities, relations and facts, and its source.txt."""
    path = tmp_path / "race.toml"
    path.write_text(FACTS_PACK, encoding="utf-8")
    (tmp_path / "source.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    return path
