"""`quiz player import FILE`: a player moves between saves folders (machines) and back,
merging rounds, high scores and study cards, never counting a round twice."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli
import tomli_w

from quiz.cli import main
from quiz.game.result import RoundResult
from quiz.store import SaveStore

RoundFactory = Callable[..., RoundResult]


def quiz(capsys: pytest.CaptureFixture[str], saves: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--saves", str(saves), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def export(capsys: pytest.CaptureFixture[str], saves: Path, name: str, target: Path) -> str:
    code, _, err = quiz(capsys, saves, "player", "export", name, "-o", str(target))
    assert code == 0, err
    return target.read_text("utf-8")


def play(saves: Path, make_round: RoundFactory, *numbers: int, player: str = "Ada") -> None:
    store = SaveStore(saves)
    for number in numbers:
        assert store.record_round(player, make_round(number, player=player)).saved


def folder_snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` and a hash of its bytes (folders too, so new ones show)."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")) if root.exists() else []:
        relative = str(path.relative_to(root))
        if path.is_dir():
            found[relative] = "folder"
        elif not path.name.endswith(".lock"):
            found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def test_an_export_imported_into_an_empty_saves_folder_is_the_same_player(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_round: RoundFactory
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    play(here, make_round, *range(1, 13))
    SaveStore(here).set_theme("Ada", "nord")
    original = export(capsys, here, "Ada", tmp_path / "ada.toml")

    code, out, err = quiz(capsys, there, "player", "import", str(tmp_path / "ada.toml"))
    assert code == 0, err
    assert out == f"Created player Ada from {tmp_path / 'ada.toml'}: 12 new rounds.\n"
    assert export(capsys, there, "Ada", tmp_path / "again.toml") == original


def test_importing_the_same_file_again_adds_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_round: RoundFactory
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    play(here, make_round, *range(1, 13))
    export(capsys, here, "Ada", tmp_path / "ada.toml")
    assert quiz(capsys, there, "player", "import", str(tmp_path / "ada.toml"))[0] == 0
    once = folder_snapshot(there)

    code, out, _ = quiz(capsys, there, "player", "import", str(tmp_path / "ada.toml"))
    assert code == 0
    assert out == (f"Merged {tmp_path / 'ada.toml'} into Ada: 0 new rounds (12 already there).\n")
    assert len(SaveStore(there).history("Ada")) == 12
    # Still one copy of every round, and the same high scores and cards.
    assert export(capsys, there, "Ada", tmp_path / "twice.toml") == (
        tmp_path / "ada.toml"
    ).read_text("utf-8")
    assert {key for key in folder_snapshot(there) if "history" in key} == {
        key for key in once if "history" in key
    }


def card_table(saves: Path, name: str) -> dict[str, tuple[Any, ...]]:
    return {
        qid: (card.state, card.stability, card.difficulty, card.due, card.last_review)
        for qid, card in SaveStore(saves).study_cards(name).items()
    }


def high_score_table(saves: Path, name: str) -> list[tuple[int, Any]]:
    profile = SaveStore(saves).open_profile(name)
    return [(entry.score, entry.date) for entry in profile.high_scores["labour-2010"]["classic"]]


def test_two_machines_end_with_every_round_once_and_the_same_scores_and_cards(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_round: RoundFactory
) -> None:
    here, there, everything = tmp_path / "here", tmp_path / "there", tmp_path / "one"
    play(here, make_round, *range(1, 7))
    export(capsys, here, "Ada", tmp_path / "first.toml")
    assert quiz(capsys, there, "player", "import", str(tmp_path / "first.toml"))[0] == 0
    play(there, make_round, 7, 8, 9)
    play(here, make_round, 10, 11)

    export(capsys, there, "Ada", tmp_path / "from-there.toml")
    export(capsys, here, "Ada", tmp_path / "from-here.toml")
    code, out, _ = quiz(capsys, here, "player", "import", str(tmp_path / "from-there.toml"))
    assert code == 0 and "3 new rounds (6 already there)" in out
    code, out, _ = quiz(capsys, there, "player", "import", str(tmp_path / "from-here.toml"))
    assert code == 0 and "2 new rounds (6 already there)" in out

    # The same eleven rounds, each once, on both machines …
    ids_here = [stored.round_id for stored in SaveStore(here).history("Ada")]
    ids_there = [stored.round_id for stored in SaveStore(there).history("Ada")]
    assert len(ids_here) == len(set(ids_here)) == 11
    assert sorted(ids_here) == sorted(ids_there)
    # … and the high scores and study cards of one machine that played them all, in order.
    play(everything, make_round, *range(1, 12))
    assert high_score_table(here, "Ada") == high_score_table(everything, "Ada")
    assert high_score_table(there, "Ada") == high_score_table(everything, "Ada")
    assert card_table(here, "Ada") == card_table(everything, "Ada")
    assert card_table(there, "Ada") == card_table(everything, "Ada")


def test_import_as_another_name_creates_that_player(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_round: RoundFactory
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    play(here, make_round, 1, 2, 3)
    export(capsys, here, "Ada", tmp_path / "ada.toml")
    play(there, make_round, 4, player="Ada")
    code, out, err = quiz(
        capsys, there, "player", "import", str(tmp_path / "ada.toml"), "--as", "Bea"
    )
    assert code == 0, err
    assert out.startswith("Created player Bea from ")
    store = SaveStore(there)
    assert [stored.seed for stored in store.history("Bea")] == [3, 2, 1]
    assert [stored.seed for stored in store.history("Ada")] == [4]


def test_an_export_from_before_round_ids_gets_them_and_is_not_doubled(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_round: RoundFactory
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    play(here, make_round, 1, 2, 3)
    document = tomli.loads(export(capsys, here, "Ada", tmp_path / "ada.toml"))
    for entry in document["rounds"]:
        del entry["round_id"]
    old = tmp_path / "old.toml"
    old.write_text(tomli_w.dumps(document), "utf-8")
    assert quiz(capsys, there, "player", "import", str(old))[0] == 0
    code, out, _ = quiz(capsys, there, "player", "import", str(old))
    assert code == 0 and "0 new rounds (3 already there)" in out
    assert [s.round_id for s in SaveStore(there).history("Ada")] == [
        s.round_id for s in SaveStore(here).history("Ada")
    ]


def test_high_scores_whose_rounds_are_not_in_the_file_come_along(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_round: RoundFactory
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    play(here, make_round, 1, 2)
    document = tomli.loads(export(capsys, here, "Ada", tmp_path / "ada.toml"))
    table = document["profile"]["high_scores"]["labour-2010"]["classic"]
    best = {"score": 9999, "accuracy": 1.0, "date": datetime(2026, 1, 1, tzinfo=UTC), "round": 0}
    table.insert(0, best)
    document["rounds"] = document["rounds"][1:]  # round 1 was lost on the way
    edited = tmp_path / "edited.toml"
    edited.write_text(tomli_w.dumps(document), "utf-8")
    assert quiz(capsys, there, "player", "import", str(edited))[0] == 0
    profile = SaveStore(there).open_profile("Ada")
    scores = [(e.score, e.round) for e in profile.high_scores["labour-2010"]["classic"]]
    # 9999 and round 1's score come from the profile (no round here: 0); 1074 is round 2,
    # recorded here as round 1.
    assert scores == [(9999, 0), (1074, 1), (1037, 0)]


def test_a_study_card_newer_than_every_round_wins(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_round: RoundFactory
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    play(here, make_round, 1, 2)
    document = tomli.loads(export(capsys, here, "Ada", tmp_path / "ada.toml"))
    newer_id, older_id = sorted(document["study"])[:2]
    newer = document["study"][newer_id]
    # Reviewed later than any round in the file: its rounds were lost, the card knows more.
    newer.update(
        last_review=newer["last_review"].replace(year=2027),
        due=newer["due"].replace(year=2027),
        stability=123.5,
    )
    edited = tmp_path / "edited.toml"
    edited.write_text(tomli_w.dumps(document), "utf-8")
    assert quiz(capsys, there, "player", "import", str(edited))[0] == 0
    cards = SaveStore(there).study_cards("Ada")
    assert cards[newer_id].stability == 123.5
    assert cards[newer_id].last_review is not None and cards[newer_id].last_review.year == 2027
    assert cards[older_id] == SaveStore(here).study_cards("Ada")[older_id]


def _edit(document: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> bytes:
    change(document)
    return tomli_w.dumps(document).encode()


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        if value is None:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


BAD_EXPORTS: dict[str, tuple[Callable[[dict[str, Any]], bytes] | bytes, str]] = {
    "not TOML": (b"export_version = 1\nprofile = [", "not valid TOML"),
    "empty": (b"", "empty"),
    "not UTF-8": (b"export_version = 1\nname = '\xff\xfe'\n", "not UTF-8"),
    "no export_version": (b'title = "a pack"\n', "export_version"),
    "newer export": (lambda d: _edit(d, _set(("export_version",), 99)), "newer quiz"),
    "unknown key": (lambda d: _edit(d, _set(("extra",), 1)), "extra"),
    "no profile name": (lambda d: _edit(d, _set(("profile", "name"), None)), "profile.name"),
    "negative score": (lambda d: _edit(d, _set(("rounds", 1, "score"), -5)), "rounds[1].score"),
    "answer not a bool": (
        lambda d: _edit(d, _set(("rounds", 0, "answers", 2, "correct"), "maybe")),
        "rounds[0].answers[2].correct",
    ),
    "bad card": (
        lambda d: _edit(d, _set(("study", "labour-2010/q10", "state"), 9)),
        "study.labour-2010/q10.state",
    ),
    "blank name": (
        lambda d: _edit(d, _set(("profile", "name"), "   ")),
        "name",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_EXPORTS))
def test_a_bad_export_is_one_line_naming_file_and_field_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_round: RoundFactory, kind: str
) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    play(here, make_round, 1, 2)
    good = tomli.loads(export(capsys, here, "Ada", tmp_path / "ada.toml"))
    play(there, make_round, 5)  # Ada already exists there: nothing of hers may change
    before = folder_snapshot(there)
    make, expected = BAD_EXPORTS[kind]
    bad = tmp_path / "bad.toml"
    bad.write_bytes(make if isinstance(make, bytes) else make(good))

    code, out, err = quiz(capsys, there, "player", "import", str(bad))
    assert code == 1 and out == ""
    assert err.startswith(f"quiz: {bad}") and err.count("\n") == 1, err
    assert expected in err
    assert folder_snapshot(there) == before


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_an_export_that_is_not_a_file_is_refused_without_waiting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    odd = tmp_path / "odd.toml"
    if kind == "folder":
        odd.mkdir()
    else:
        os.mkfifo(odd)  # nobody writes to it: opening it to read must not wait
    code, _, err = quiz(capsys, tmp_path / "saves", "player", "import", str(odd))
    assert code == 1 and err.startswith(f"quiz: {odd}: ") and err.count("\n") == 1
    assert ("folder" if kind == "folder" else "named pipe") in err
    assert not (tmp_path / "saves").exists()


def test_an_export_that_does_not_exist_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = quiz(capsys, tmp_path / "saves", "player", "import", str(tmp_path / "no.toml"))
    assert code == 1 and err == f"quiz: {tmp_path / 'no.toml'}: no such file\n"


def test_an_export_named_through_a_symbolic_link_is_followed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_round: RoundFactory
) -> None:
    # Unlike a save file, a file the user names may be a link to the export.
    play(tmp_path / "here", make_round, 1, 2)
    export(capsys, tmp_path / "here", "Ada", tmp_path / "ada.toml")
    link = tmp_path / "latest.toml"
    link.symlink_to(tmp_path / "ada.toml")
    code, out, err = quiz(capsys, tmp_path / "there", "player", "import", str(link))
    assert (code, err) == (0, "")
    assert out == f"Created player Ada from {link}: 2 new rounds.\n"


def test_an_export_through_a_dangling_link_is_no_such_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    link = tmp_path / "gone.toml"
    link.symlink_to(tmp_path / "nowhere.toml")
    code, _, err = quiz(capsys, tmp_path / "saves", "player", "import", str(link))
    assert code == 1 and err == f"quiz: {link}: no such file\n"


def test_an_export_over_the_size_cap_is_refused_before_parsing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.store import transfer

    monkeypatch.setattr(transfer, "MAX_EXPORT_BYTES", 1024 * 1024)
    big = tmp_path / "big.toml"
    big.write_bytes(b"export_version = 1\n" + b"#" * (1024 * 1024))
    code, _, err = quiz(capsys, tmp_path / "saves", "player", "import", str(big))
    assert code == 1 and err == f"quiz: {big}: the file is over 1 MB\n"
