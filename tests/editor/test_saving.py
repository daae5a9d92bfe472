"""Opening a pack in the editor handles files that are not there (saving is `write_durably`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.commands.edit import read_or_start
from quiz.errors import QuizError
from quiz.packs.loader import parse_pack_text


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
