"""A save is never half-written: the order of fsync and replace when a round is recorded.

`os.fsync` and `os.replace` are wrapped by recorders that call the real ones, on a real temp
folder. Files are told apart by inode (a replace keeps the inode of the file it moves, and
an fsync'd descriptor says which inode it belongs to), so the test holds whatever the writer
calls its temporary files.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from quiz.game.result import RoundResult
from quiz.store import SaveStore

RoundFactory = Callable[..., RoundResult]
BACKUP = re.compile(r"\.bak\d+$")


@dataclass(frozen=True)
class Synced:
    inode: int
    size: int
    is_folder: bool


@dataclass(frozen=True)
class Replaced:
    inode: int
    size: int
    target: Path


def _record_calls(monkeypatch: pytest.MonkeyPatch) -> list[Synced | Replaced]:
    calls: list[Synced | Replaced] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        status = os.fstat(fd)
        calls.append(Synced(status.st_ino, status.st_size, stat.S_ISDIR(status.st_mode)))
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str], **kwargs: object) -> None:
        status = os.stat(src)
        real_replace(src, dst, **kwargs)  # type: ignore[arg-type]
        calls.append(Replaced(status.st_ino, status.st_size, Path(dst)))

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return calls


def _check_each_save(calls: list[Synced | Replaced], root: Path) -> list[str]:
    """Every replace that puts a save in place (backups only shift old, synced files) must
    follow an fsync of the new file at its full size and precede an fsync of its folder.
    Returns the names of the saves checked."""
    checked = []
    for index, call in enumerate(calls):
        if not isinstance(call, Replaced) or BACKUP.search(call.target.name):
            continue
        assert call.target.is_relative_to(root), call.target
        assert Synced(call.inode, call.size, False) in calls[:index], (
            f"{call.target.name} was put in place before its content was fsynced"
        )
        after = calls[index + 1 :]
        folders_synced_after = {
            later.inode for later in after if isinstance(later, Synced) and later.is_folder
        }
        assert call.target.parent.stat().st_ino in folders_synced_after, (
            f"the folder of {call.target.name} was not fsynced after the replace"
        )
        checked.append(call.target.name)
    return checked


def test_recording_a_round_fsyncs_each_file_before_its_replace_and_the_folder_after(
    saves_root: Path, make_round: RoundFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SaveStore(saves_root)
    store.create_player("Ada")
    calls = _record_calls(monkeypatch)
    assert store.record_round("Ada", make_round(1)).saved
    checked = _check_each_save(calls, saves_root)
    assert any(name.startswith("rounds-") for name in checked), checked


def test_a_profile_rewrite_fsyncs_before_replacing_and_keeps_a_backup(
    saves_root: Path, make_round: RoundFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SaveStore(saves_root)
    store.create_player("Ada")
    for number in range(1, 10):
        store.record_round("Ada", make_round(number))
    calls = _record_calls(monkeypatch)
    # The tenth round rewrites the files derived from the history (profile, stats, study).
    assert store.record_round("Ada", make_round(10)).saved
    checked = _check_each_save(calls, saves_root)
    assert {"profile.toml", "stats.toml", "study.toml"} <= set(checked), checked
    folder = store.find_player("Ada")
    assert folder is not None and (folder / "profile.toml.bak1").exists()
