"""Saving writes the whole new text or nothing, and opening handles files that are not there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.commands.edit import read_or_start
from quiz.errors import QuizError
from quiz.packs.loader import parse_pack_text
from quiz.tui.editor.saving import write_text_atomically


def test_atomic_write_replaces_the_file_keeps_its_mode_and_leaves_no_temporary(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pack.toml"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o640)
    write_text_atomically(path, "new ✓\n")
    assert path.read_text(encoding="utf-8") == "new ✓\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.toml"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_text_atomically(path, "half \udcff written")  # a lone surrogate cannot be saved
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.toml"]


def test_a_missing_file_starts_a_new_valid_pack_named_after_it(tmp_path: Path) -> None:
    text, is_new = read_or_start(tmp_path / "labour_race-2010.toml")
    assert is_new
    pack = parse_pack_text(text, filename="labour_race-2010.toml")
    assert pack.pack.title == "labour race 2010"
    assert not (tmp_path / "labour_race-2010.toml").exists()  # nothing is written until saved


def test_a_missing_folder_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="does not exist"):
        read_or_start(tmp_path / "nowhere" / "pack.toml")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="is a directory"):
        read_or_start(tmp_path)
