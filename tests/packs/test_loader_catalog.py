"""Finding packs: the bundled folder, summaries, and names given on the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.packs.catalog import bundled_packs_dir, list_packs, resolve_pack
from quiz.packs.generate import generate_questions
from quiz.packs.loader import load_pack

WritePack = Callable[..., Path]
ROOT = Path(__file__).resolve().parents[2]


def test_bundled_packs_are_the_checkouts_questions_folder() -> None:
    assert bundled_packs_dir() == ROOT / "questions"


def test_list_packs_summarises_good_and_broken_packs(
    good_text: str, write_pack: WritePack, tmp_path: Path
) -> None:
    write_pack(good_text, "one.toml")
    write_pack("[pack]\nid = 3\n", "two.toml")
    good, broken = list_packs(tmp_path)
    assert (good.id, good.title, good.path.name) == (
        "fixture-good",
        "Fixture: Labour leadership 2010",
        "one.toml",
    )
    assert good.question_count == len(generate_questions(load_pack(tmp_path / "one.toml")))
    assert good.problem is None
    assert (broken.id, broken.question_count) == ("two", None)
    assert broken.problem is not None and "pack.title" in broken.problem
    assert "(and 1 more)" in broken.problem  # the wrong id too


def test_resolve_a_path(good_text: str, write_pack: WritePack) -> None:
    path = write_pack(good_text, "mine.toml")
    assert resolve_pack(str(path)) == path
    # A path that does not exist is still a path: loading it reports "no such file".
    assert resolve_pack("somewhere/else.toml") == Path("somewhere/else.toml")


def test_resolve_by_file_stem_or_pack_id(
    good_text: str, write_pack: WritePack, tmp_path: Path
) -> None:
    path = write_pack(good_text, "labour.toml")
    assert resolve_pack("labour", folder=tmp_path) == path
    assert resolve_pack("fixture-good", folder=tmp_path) == path


def test_bare_file_name_not_here_is_looked_for_among_the_packs(
    good_text: str, write_pack: WritePack, tmp_path: Path
) -> None:
    path = write_pack(good_text, "labour.toml")
    assert resolve_pack("labour.toml", folder=tmp_path) == path
    assert resolve_pack("other.toml", folder=tmp_path) == Path("other.toml")


def test_unknown_name_lists_what_is_available(
    good_text: str, write_pack: WritePack, tmp_path: Path
) -> None:
    write_pack(good_text, "labour.toml")
    with pytest.raises(QuizError) as caught:
        resolve_pack("tories", folder=tmp_path)
    assert str(caught.value) == 'no pack called "tories"; available packs: fixture-good, labour'


def test_default_is_the_bundled_labour_pack(tmp_path: Path) -> None:
    bundled = bundled_packs_dir() / "labour-2010.toml"
    if bundled.exists():
        assert resolve_pack(None) == bundled
    with pytest.raises(QuizError, match='no pack called "labour-2010"; available packs: none'):
        resolve_pack(None, folder=tmp_path)
