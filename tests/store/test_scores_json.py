"""`quiz scores --json`: the progress the chart draws (by round and by day), filtered by
--pack like everything else, an absolute saves path, and an unknown pack refused."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz.cli import main
from quiz.game.result import RoundResult
from quiz.store import SaveStore
from quiz.store.files import write_toml
from quiz.store.progress import player_progress
from quiz.store.schema import to_toml_document

RoundFactory = Callable[..., RoundResult]


def scores(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["scores", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def scores_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code, out, err = scores(capsys, "--json", *argv)
    assert code == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


@pytest.fixture
def ada(isolated_saves: Path, make_round: RoundFactory) -> SaveStore:
    """Ada's rounds 14 (2026-03-01 23:00), 15 and 16 (the next day) of labour-2010 and 17
    (the next day too) of another pack, recorded as her rounds 1 to 4."""
    store = SaveStore(isolated_saves)
    for number in (14, 15, 16):
        store.record_round("Ada", make_round(number))
    store.record_round("Ada", make_round(17, pack_id="other"))
    return store


def test_json_has_the_progress_by_round_and_by_day(
    capsys: pytest.CaptureFixture[str], ada: SaveStore
) -> None:
    document = scores_json(capsys)
    assert document["version"] == 2
    [player] = document["players"]
    progress = player["progress"]
    assert progress["days"] == [
        {"date": "2026-03-01", "rounds": 1, "mean_score": 1518.0, "accuracy": 0.7},
        {"date": "2026-03-02", "rounds": 3, "mean_score": 1592.0, "accuracy": 0.6667},
    ]
    rounds = progress["rounds"]
    assert [entry["round"] for entry in rounds] == [1, 2, 3, 4]  # oldest first
    assert rounds[0] == {
        "round": 1,
        "round_id": ada.history("Ada")[-1].round_id,
        "date": "2026-03-01T23:00:00+00:00",
        "pack": "labour-2010",
        "mode": "classic",
        "score": 1518,
        "accuracy": 0.7,
    }
    assert [(entry["pack"], entry["score"]) for entry in rounds[1:]] == [
        ("labour-2010", 1555),
        ("labour-2010", 1592),
        ("other", 1629),
    ]


def test_pack_filters_the_progress_topics_and_most_missed(
    capsys: pytest.CaptureFixture[str], ada: SaveStore
) -> None:
    everything = scores_json(capsys)["players"][0]
    assert {topic["tag"]: topic["asked"] for topic in everything["weakest_topics"]} == {
        "people": 20,
        "unions": 20,
        "numbers": 20,
    }

    [one_pack] = scores_json(capsys, "--pack", "labour-2010")["players"]
    assert [entry["score"] for entry in one_pack["progress"]["rounds"]] == [1518, 1555, 1592]
    assert one_pack["progress"]["days"][1] == {
        "date": "2026-03-02",
        "rounds": 2,
        "mean_score": 1573.5,
        "accuracy": 0.65,
    }
    assert {
        topic["tag"]: (topic["asked"], topic["correct"]) for topic in one_pack["weakest_topics"]
    } == {
        "people": (15, 10),
        "unions": (15, 10),
        "numbers": (15, 10),
    }
    [other] = scores_json(capsys, "--pack", "other")["players"]
    assert other["most_missed"]
    assert all(item["question_id"].startswith("other/") for item in other["most_missed"])


def test_saves_is_an_absolute_path(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_round: RoundFactory,
) -> None:
    monkeypatch.chdir(tmp_path)
    SaveStore(tmp_path / "here" / "saves").record_round("Ada", make_round(1))
    document = scores_json(capsys, "--saves", "here/../here/saves")
    assert document["saves"] == str(tmp_path / "here" / "saves")
    assert [player["name"] for player in document["players"]] == ["Ada"]


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_an_unknown_pack_is_an_error(
    capsys: pytest.CaptureFixture[str], ada: SaveStore, json_flag: list[str]
) -> None:
    code, out, err = scores(capsys, *json_flag, "--pack", "labour2010")
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("quiz: --pack 'labour2010': no pack with that id")
    assert "labour-2010, other" in err  # the ids it does know


def test_a_known_pack_nobody_played_yet_is_no_error(
    capsys: pytest.CaptureFixture[str], ada: SaveStore, make_round: RoundFactory
) -> None:
    ada.record_round("Bea", make_round(1, player="Bea", pack_id="bea-only"))
    # Bundled, or played by another player: known, and simply empty for Ada.
    for pack in ("labour-2010", "bea-only"):
        [player] = scores_json(
            capsys, "--player", "Bea" if pack == "labour-2010" else "Ada", "--pack", pack
        )["players"]
        assert player["progress"] == {"rounds": [], "days": []}
        assert player["high_scores"] == [] and player["weakest_topics"] == []


def shape(value: Any) -> Any:
    """The keys of every object in `value` (lists by their first item), without the values."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__ if isinstance(value, (bool, str)) else "number"


def test_the_documented_json_example_has_the_real_shape(
    capsys: pytest.CaptureFixture[str], ada: SaveStore
) -> None:
    text = (Path(__file__).parents[2] / "docs" / "saves.md").read_text("utf-8")
    [example] = re.findall(r"```json\n(.*?)```", text, flags=re.DOTALL)
    documented = json.loads(re.sub(r"\s+//[^\n]*", "", example))
    real = scores_json(capsys, "--pack", "labour-2010", "--player", "Ada", "--rounds", "1")
    assert shape(documented) == shape(real)


def test_a_pack_found_only_in_the_history_is_known(
    capsys: pytest.CaptureFixture[str], ada: SaveStore
) -> None:
    # A profile that keeps no trace of "other" (as one written before it was played would).
    folder = ada.find_player("Ada")
    assert folder is not None
    profile = to_toml_document(ada.open_profile("Ada"))  # up to date: every round counted
    profile["high_scores"].pop("other")
    profile["recent"] = [entry for entry in profile["recent"] if entry["pack_id"] != "other"]
    write_toml(folder / "profile.toml", profile)  # whole: with its end line
    code, out, err = scores(capsys, "--pack", "other")
    assert code == 0, err
    assert "Ada — 4 rounds" in out


def test_a_pack_found_only_in_the_history_is_known_when_stats_toml_is_lost(
    capsys: pytest.CaptureFixture[str], ada: SaveStore
) -> None:
    # stats.toml (and its backups) gone too: the totals are rebuilt from the history.
    folder = ada.find_player("Ada")
    assert folder is not None
    profile = to_toml_document(ada.open_profile("Ada"))
    profile["high_scores"].pop("other")
    profile["recent"] = [entry for entry in profile["recent"] if entry["pack_id"] != "other"]
    write_toml(folder / "profile.toml", profile)  # whole: with its end line
    for stats_file in folder.glob("stats.toml*"):
        stats_file.unlink()
    code, out, err = scores(capsys, "--pack", "other")
    assert code == 0, err
    assert "Ada — 4 rounds" in out
    code, _, err = scores(capsys, "--pack", "nother")
    assert code == 1
    assert "other" in err.rstrip("\n").split("known packs: ")[1].split(", "), err


def test_player_progress_of_one_pack_is_its_rounds_oldest_first_and_its_days(
    ada: SaveStore,
) -> None:
    made = player_progress(ada, "Ada", "labour-2010")
    assert [(entry.round, entry.pack_id, entry.score) for entry in made.rounds] == [
        (1, "labour-2010", 1518),
        (2, "labour-2010", 1555),
        (3, "labour-2010", 1592),
    ]
    assert [(day.day.isoformat(), day.rounds, day.mean_score) for day in made.days] == [
        ("2026-03-01", 1, 1518.0),
        ("2026-03-02", 2, 1573.5),
    ]
    assert player_progress(ada, "Ada", "nowhere").rounds == []
