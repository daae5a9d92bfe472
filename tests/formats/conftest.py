"""Fixtures for the format tests: the fixture files, the fixture pack's questions, and
export/import helpers that go through the real loader and generator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.packs.formats import BINARY_IMPORTS, exporter, importer
from quiz.packs.formats.common import Exported, ImportResult
from quiz.packs.formats.pack_writer import build_pack, pack_to_toml
from quiz.packs.generate import generate_questions
from quiz.packs.loader import load_pack
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def every_type() -> list[Question]:
    """Every concrete question of fixtures/every_type.toml (one of each type)."""
    return generate_questions(load_pack(FIXTURES / "every_type.toml", use_cache=False))


@pytest.fixture
def meta() -> PackMeta:
    return load_pack(FIXTURES / "every_type.toml", use_cache=False).pack


@pytest.fixture
def import_file() -> Callable[[str, Path], ImportResult]:
    """Read a real file with the named format's importer."""

    def run(fmt: str, path: Path) -> ImportResult:
        if fmt in BINARY_IMPORTS:
            return importer(fmt).import_bytes(path.read_bytes(), str(path))  # type: ignore[no-any-return]
        return importer(fmt).import_text(path.read_text(encoding="utf-8"), str(path))  # type: ignore[no-any-return]

    return run


@pytest.fixture
def export_to(meta: PackMeta) -> Callable[..., Exported]:
    """Export questions with the named format into a real file (with the fixture pack's
    metadata unless `pack_meta` is given)."""

    def run(
        fmt: str, questions: list[Question], path: Path, pack_meta: PackMeta | None = None
    ) -> Exported:
        exported = exporter(fmt).export_questions(questions, pack_meta or meta)
        if isinstance(exported.data, bytes):
            path.write_bytes(exported.data)
        else:
            path.write_text(exported.data, encoding="utf-8")
        return exported

    return run


@pytest.fixture
def as_loaded_pack(tmp_path: Path) -> Callable[[ImportResult, Path], list[Question]]:
    """The concrete questions of the pack an import makes, written as TOML and read back
    by the real loader (so every imported pack is also checked to load)."""

    def run(result: ImportResult, source: Path) -> list[Question]:
        out = tmp_path / f"{source.stem}-imported.toml"
        out.write_text(
            pack_to_toml(build_pack(result.questions, str(source), result.meta), out), "utf-8"
        )
        return generate_questions(load_pack(out, use_cache=False))

    return run
