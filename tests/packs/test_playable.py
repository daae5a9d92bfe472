"""The play path's cache of generated questions: same questions, rebuilt on change or damage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.packs import cache
from quiz.packs.errors import PackError
from quiz.packs.generate import generate_questions
from quiz.packs.loader import load_pack
from quiz.packs.playable import load_playable

BANK = Path(__file__).resolve().parents[2] / "questions" / "labour-2010.toml"


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    target = tmp_path / "bank.toml"
    shutil.copy(BANK, target)
    shutil.copy(BANK.with_name("pack.schema.json"), tmp_path / "pack.schema.json")
    return target


def _entries() -> list[Path]:
    return sorted(cache.cache_dir().glob("*.questions.json"))


def test_cached_questions_equal_a_full_load_and_generation(pack_file: Path) -> None:
    expected = tuple(generate_questions(load_pack(pack_file, use_cache=False)))
    first = load_playable(pack_file)
    assert len(_entries()) == 1
    second = load_playable(pack_file)
    assert first.questions == expected
    assert second.questions == expected
    assert (second.id, second.version) == ("labour-2010", first.version)


def test_a_changed_pack_is_not_served_from_the_cache(pack_file: Path) -> None:
    load_playable(pack_file)
    text = pack_file.read_text(encoding="utf-8")
    pack_file.write_text(text.replace('title = "', 'title = "Changed: ', 1), encoding="utf-8")
    assert load_playable(pack_file).title.startswith("Changed: ")


def test_a_damaged_cache_entry_is_ignored_and_rewritten(pack_file: Path) -> None:
    good = load_playable(pack_file)
    [entry] = _entries()
    entry.write_bytes(b'{"questions": [{"id": 1')
    assert load_playable(pack_file) == good
    assert entry.read_bytes().startswith(b'{"ref"')


def test_a_broken_pack_still_reports_located_problems(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[pack]\nid = "x"\ntitel = "typo"\n', encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_playable(broken)
    assert f"{broken}:3:" in str(caught.value)
