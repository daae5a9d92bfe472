"""What the player is told about each round: exactly what was saved, in the app and in
--plain. A round that made it into the history is never called "not saved", and a round
that did not is never called a new high score."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from play_kit import play_in_app, play_plain, write_pack

from quiz.game.result import RoundResult
from quiz.store import SaveStore

RoundFactory = Callable[..., RoundResult]


def _stats_from_a_newer_quiz(store: SaveStore, make_round: RoundFactory) -> Path:
    """Ada with 9 rounds, so the next one brings stats.toml up to date, which a newer quiz
    has since written."""
    for number in range(1, 10):
        store.record_round("Ada", make_round(number))
    folder = store.find_player("Ada")
    assert folder is not None
    stats = folder / "stats.toml"
    body = b"schema_version = 99\n"
    stats.write_bytes(body + b"# end sha256=" + hashlib.sha256(body).hexdigest().encode() + b"\n")
    return stats


def test_plain_says_the_round_was_saved_when_only_the_stats_were_not(
    store: SaveStore,
    make_round: RoundFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stats = _stats_from_a_newer_quiz(store, make_round)
    lines = play_plain(store.root, write_pack(tmp_path), capsys)
    [said] = [line for line in lines if str(stats) in line]
    assert said.startswith(f"Round 10 saved; your stats could not be updated ({stats}: written")
    assert not any("Not saved" in line for line in lines)
    assert len(SaveStore(store.root).history("Ada")) == 10


def test_the_app_says_the_round_was_saved_when_only_the_stats_were_not(
    store: SaveStore, make_round: RoundFactory, tmp_path: Path
) -> None:
    stats = _stats_from_a_newer_quiz(store, make_round)
    said = asyncio.run(play_in_app(store.root, write_pack(tmp_path)))
    assert any(
        line.startswith(f"Round 10 saved; your stats could not be updated ({stats}: written")
        for line in said
    ), said
    assert not any("Not saved" in line for line in said)
    assert len(SaveStore(store.root).history("Ada")) == 10


@pytest.mark.parametrize("front_end", ["app", "plain"])
def test_a_round_that_was_not_saved_is_no_high_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], front_end: str
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    root, pack = blocker / "saves", write_pack(tmp_path)
    if front_end == "app":
        said = asyncio.run(play_in_app(root, pack))
    else:
        said = play_plain(root, pack, capsys)
    assert f"Not saved: can't save to {root} (Not a directory)" in said
    assert not any("high score" in line for line in said)
