"""write_durably's order: the temp file is fsynced before the replace, the folder after.

Recording wrappers around the real `os.fsync` and `os.replace` (see `fsync_order`), on a
real temp folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fsync_order import Replaced, check_synced_around_each_replace, record_fsync_and_replace

from quiz.durable import write_durably


def test_a_new_file_is_fsynced_then_put_in_place_then_its_folder_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = record_fsync_and_replace(monkeypatch)
    write_durably(tmp_path / "pack.toml", "title = 'new'\n")
    assert check_synced_around_each_replace(calls, tmp_path) == ["pack.toml"]


def test_replacing_a_file_follows_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.toml"
    target.write_text("title = 'old'\n")
    calls = record_fsync_and_replace(monkeypatch)
    write_durably(target, "title = 'replaced, and longer'\n")
    assert check_synced_around_each_replace(calls, tmp_path) == ["pack.toml"]
    assert target.read_text() == "title = 'replaced, and longer'\n"


def test_a_cache_write_skips_the_fsyncs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = record_fsync_and_replace(monkeypatch)
    write_durably(tmp_path / "entry.json", b"{}", durable=False)
    assert [type(call) for call in calls] == [Replaced]
