"""`quiz.durable.write_durably`: the one way the project writes a file all at once."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from quiz.durable import write_durably


def _leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith("."))


def test_text_replaces_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "pack.toml"
    target.write_text("old", encoding="utf-8")
    write_durably(target, "new – ünïcode")
    assert target.read_text(encoding="utf-8") == "new – ünïcode"
    assert _leftovers(tmp_path) == []


def test_bytes_are_written_as_given(tmp_path: Path) -> None:
    target = tmp_path / "deck.apkg"
    write_durably(target, b"\x00\x01binary", durable=False)
    assert target.read_bytes() == b"\x00\x01binary"


def test_without_replace_an_existing_file_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    target.write_text("the author's", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_durably(target, "mine", replace=False)
    assert target.read_text(encoding="utf-8") == "the author's"
    assert _leftovers(tmp_path) == []


def test_without_replace_a_new_file_is_created(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    write_durably(target, "mine", replace=False)
    assert target.read_text(encoding="utf-8") == "mine"
    assert _leftovers(tmp_path) == []


def test_an_existing_files_permissions_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "shared.toml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_durably(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "folder-in-the-way"
    target.mkdir()
    (target / "inside").write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        write_durably(target, "cannot replace a non-empty folder")
    assert (target / "inside").read_text(encoding="utf-8") == "x"
    assert _leftovers(tmp_path) == []


def test_text_that_cannot_be_encoded_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "pack.toml"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_durably(target, "half \udcff written")  # a lone surrogate cannot be saved
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.toml"]


def test_the_hook_runs_once_the_new_text_is_safe_and_before_the_old_file_goes(
    tmp_path: Path,
) -> None:
    target = tmp_path / "profile.toml"
    target.write_text("old", encoding="utf-8")
    seen: list[tuple[str, list[str]]] = []

    def before_replace() -> None:
        temps = [p.read_text(encoding="utf-8") for p in tmp_path.iterdir() if p != target]
        seen.append((target.read_text(encoding="utf-8"), temps))

    write_durably(target, "new", before_replace=before_replace)
    assert seen == [("old", ["new"])]
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.toml"]


def test_the_hook_does_not_run_when_the_new_text_cannot_be_written(tmp_path: Path) -> None:
    target = tmp_path / "profile.toml"
    target.write_text("old", encoding="utf-8")
    calls: list[str] = []
    with pytest.raises(UnicodeEncodeError):
        write_durably(target, "bad \udcff", before_replace=lambda: calls.append("rotated"))
    assert calls == []
    assert target.read_text(encoding="utf-8") == "old"


def test_a_failing_hook_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "profile.toml"
    target.write_text("old", encoding="utf-8")

    def refuse() -> None:
        raise OSError("no room for a backup")

    with pytest.raises(OSError, match="no room"):
        write_durably(target, "new", before_replace=refuse)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.toml"]
