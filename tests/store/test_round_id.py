"""Every recorded round carries a stable id, so the same round is recognised across machines."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import tomli

from quiz.game.result import RoundResult
from quiz.store import SaveStore
from quiz.store.history import history_files

RoundFactory = Callable[..., RoundResult]
FIXTURES = Path(__file__).parent / "fixtures"


def test_a_recorded_round_has_an_id_written_in_its_history_file(
    store: SaveStore, make_round: RoundFactory
) -> None:
    store.record_round("Ada", make_round(1))
    [stored] = store.history("Ada")
    assert re.fullmatch(r"[0-9a-f]{32}", stored.round_id)
    folder = store.find_player("Ada")
    assert folder is not None
    [path] = history_files(folder)
    [written] = tomli.loads(path.read_text("utf-8"))["rounds"]
    assert written["round_id"] == stored.round_id


def test_the_same_round_gets_the_same_id_in_any_saves_folder_and_others_differ(
    tmp_path: Path, make_round: RoundFactory
) -> None:
    here, there = SaveStore(tmp_path / "here"), SaveStore(tmp_path / "there")
    here.record_round("Ada", make_round(1))
    here.record_round("Ada", make_round(2))
    there.record_round("Ada", make_round(2))  # round 1 there, round 2 here
    ids_here = [stored.round_id for stored in here.history("Ada")]
    [id_there] = [stored.round_id for stored in there.history("Ada")]
    assert ids_here[0] == id_there
    assert ids_here[1] != id_there


def test_old_history_files_get_ids_when_read_and_keep_them_when_rewritten(
    tmp_path: Path, make_round: RoundFactory
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(FIXTURES / "v1", first)
    shutil.copytree(FIXTURES / "v1", second)
    migrated = [stored.round_id for stored in SaveStore(first).history("Ada Lovelace")]
    assert len(set(migrated)) == 2
    assert all(re.fullmatch(r"[0-9a-f]{32}", round_id) for round_id in migrated)
    # Two copies of one old file agree on the ids (they come from the rounds' content).
    assert [stored.round_id for stored in SaveStore(second).history("Ada Lovelace")] == migrated

    store = SaveStore(first)
    store.record_round("Ada Lovelace", make_round(3, player="Ada Lovelace"))
    folder = store.find_player("Ada Lovelace")
    assert folder is not None
    [path] = history_files(folder)
    document = tomli.loads(path.read_text("utf-8"))
    assert [entry["round_id"] for entry in document["rounds"]][:2] == list(reversed(migrated))
    assert document["schema_version"] == 2


def test_an_export_carries_each_rounds_id(store: SaveStore, make_round: RoundFactory) -> None:
    for number in range(1, 4):
        store.record_round("Ada", make_round(number))
    document = tomli.loads(store.export_player("Ada"))
    ids = [stored.round_id for stored in reversed(store.history("Ada"))]
    assert [entry["round_id"] for entry in document["rounds"]] == ids
