"""`quiz player …` and `quiz scores …` end to end, on real save folders."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import tomli

from quiz.cli import main
from quiz.game.result import RoundResult
from quiz.store import SaveStore

RoundFactory = Callable[..., RoundResult]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_player_lifecycle(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, tmp_path: Path
) -> None:
    assert run(capsys, "player", "new", "Ada")[0] == 0
    assert run(capsys, "player", "new", "Bea")[0] == 0
    code, out, err = run(capsys, "player", "new", "ADA")
    assert code == 1 and err == "quiz: a player named 'ADA' already exists\n"
    code, out, _ = run(capsys, "player", "list")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["Player", "Ada", "Bea"]
    assert run(capsys, "player", "rename", "ada", "Cy")[0] == 0
    out = run(capsys, "player", "list")[1]
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["Bea", "Cy"]
    assert run(capsys, "player", "delete", "bea", "--yes")[0] == 0
    assert [p.name for p in SaveStore(isolated_saves).list_players()] == ["Cy"]


def test_delete_without_yes_and_no_terminal_deletes_nothing(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "player", "new", "Ada")
    monkeypatch.setattr(sys, "stdin", open("/dev/null"))  # noqa: SIM115 — closed by pytest
    code, _, err = run(capsys, "player", "delete", "Ada")
    assert code == 2 and "--yes" in err
    assert SaveStore(isolated_saves).find_player("Ada") is not None


def test_export_writes_every_round_as_toml(
    capsys: pytest.CaptureFixture[str],
    isolated_saves: Path,
    tmp_path: Path,
    make_round: RoundFactory,
) -> None:
    store = SaveStore(isolated_saves)
    for number in range(1, 13):
        store.record_round("Ada", make_round(number))
    target = tmp_path / "ada.toml"
    code, _, err = run(capsys, "player", "export", "Ada", "-o", str(target))
    assert code == 0 and str(target) in err
    document = tomli.loads(target.read_text("utf-8"))
    assert document["export_version"] == 1
    assert document["profile"]["name"] == "Ada"
    assert [entry["seed"] for entry in document["rounds"]] == list(range(1, 13))
    assert set(document["study"]) == {
        a.question_id for r in store.history("Ada") for a in r.answers
    }
    code, out, _ = run(capsys, "player", "export", "Ada")
    assert tomli.loads(out) == document


def test_scores_json_has_the_documented_shape(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, make_round: RoundFactory
) -> None:
    store = SaveStore(isolated_saves)
    store.record_round("Ada", make_round(1, score=300))
    store.record_round("Ada", make_round(2, score=900))
    store.record_round("Ada", make_round(3, score=500, pack_id="other"))
    store.record_round("Bea", make_round(4, score=100, player="Bea"))
    code, out, _ = run(capsys, "scores", "--json", "--player", "ada", "--pack", "labour-2010")
    assert code == 0
    document = json.loads(out)
    assert document["version"] == 2 and document["pack"] == "labour-2010"
    [ada] = document["players"]
    assert set(ada) == {
        "name", "rounds", "high_scores", "recent", "progress", "weakest_topics", "most_missed",
    }  # fmt: skip
    assert ada["name"] == "Ada" and ada["rounds"] == 3
    assert [(row["rank"], row["score"]) for row in ada["high_scores"]] == [(1, 900), (2, 300)]
    assert set(ada["high_scores"][0]) == {
        "pack", "mode", "table", "rank", "score", "accuracy", "date", "round",
    }  # fmt: skip
    assert [entry["round"] for entry in ada["recent"]] == [2, 1]
    assert {"tag", "asked", "correct", "accuracy"} == set(ada["weakest_topics"][0])
    assert {"question_id", "asked", "missed"} == set(ada["most_missed"][0])
    everyone = json.loads(run(capsys, "scores", "--json")[1])
    assert [player["name"] for player in everyone["players"]] == ["Ada", "Bea"]


def test_scores_table_shows_untrusted_text_literally_without_controls(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, make_round: RoundFactory
) -> None:
    hostile_pack = "[@click=app.quit]x[/]\x1b[2J\x9b\u202e"
    SaveStore(isolated_saves).record_round(
        "[b]Eve[/b]", make_round(1, player="x", pack_id=hostile_pack)
    )
    code, out, _ = run(capsys, "scores")
    assert code == 0
    assert "[b]Eve[/b] — 1 rounds" in out
    assert "[@click=app.quit]x[/]" in out
    assert not any(char in out for char in "\x1b\x9b\u202e")
    json_out = run(capsys, "scores", "--json")[1]
    assert json_out.isascii() and json.loads(json_out)["players"][0]["recent"][0]["pack"] == (
        hostile_pack
    )


def test_unknown_player_is_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "scores", "--player", "Nobody")
    assert code == 1 and err.startswith("quiz: no player named 'Nobody'") and err.count("\n") == 1


def test_unwritable_saves_folder_is_a_clear_error_from_a_real_process(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "--saves", str(blocker / "saves"), "player", "new", "Ada"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("quiz: ") and str(blocker) in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert blocker.read_text() == ""


def test_a_save_file_that_is_a_folder_is_set_aside_and_said_in_one_line(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, make_round: RoundFactory
) -> None:
    store = SaveStore(isolated_saves)
    store.record_round("Ada", make_round(1))
    folder = store.find_player("Ada")
    assert folder is not None
    (folder / "stats.toml").unlink()
    (folder / "stats.toml").mkdir()
    code, out, err = run(capsys, "scores", "--player", "Ada")
    # Set aside (kept, not deleted), rebuilt from the history, and said once, in one line.
    assert code == 0 and "Ada — 1 rounds" in out
    [line] = err.splitlines()
    assert line.startswith(f"quiz: warning: {folder / 'stats.toml'} is damaged: it is a folder")
    [kept] = folder.glob("stats.toml.corrupt-*")
    assert kept.is_dir()
