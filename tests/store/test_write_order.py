"""A save is never half-written: the order of fsync and replace when a round is recorded.

Recording wrappers around the real `os.fsync` and `os.replace` (see `fsync_order`), on a
real temp folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fsync_order import check_synced_around_each_replace, record_fsync_and_replace

from quiz.game.result import RoundResult
from quiz.store import SaveStore

RoundFactory = Callable[..., RoundResult]


def test_recording_a_round_fsyncs_each_file_before_its_replace_and_the_folder_after(
    saves_root: Path, make_round: RoundFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SaveStore(saves_root)
    store.create_player("Ada")
    calls = record_fsync_and_replace(monkeypatch)
    assert store.record_round("Ada", make_round(1)).saved
    checked = check_synced_around_each_replace(calls, saves_root)
    assert any(name.startswith("rounds-") for name in checked), checked


def test_a_profile_rewrite_fsyncs_before_replacing_and_keeps_a_backup(
    saves_root: Path, make_round: RoundFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SaveStore(saves_root)
    store.create_player("Ada")
    for number in range(1, 10):
        store.record_round("Ada", make_round(number))
    calls = record_fsync_and_replace(monkeypatch)
    # The tenth round rewrites the files derived from the history (profile, stats, study).
    assert store.record_round("Ada", make_round(10)).saved
    checked = check_synced_around_each_replace(calls, saves_root)
    assert {"profile.toml", "stats.toml", "study.toml"} <= set(checked), checked
    folder = store.find_player("Ada")
    assert folder is not None and (folder / "profile.toml.bak1").exists()
