"""Damaged, old, newer and unwritable save files: recovered, migrated, refused, reported."""

from __future__ import annotations

import errno
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import tomli

from quiz.game.result import RoundResult
from quiz.store import NewerSaveError, PlayerNameError, SaveStore
from quiz.store.files import backup_path

RoundFactory = Callable[..., RoundResult]
FIXTURES = Path(__file__).parent / "fixtures"


def _edited_by_hand(good: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """`good` changed the way a person editing it would, ending it with a bare `# end`."""
    body = good[: good.rstrip(b"\n").rfind(b"\n") + 1]
    return change(body) + b"# end\n"


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "garbage": lambda good: b"\x00\xff\xfe not toml at all [[[ \x9b",
    "edited": lambda good: good.replace(b"\n", b"\nunknown_key = 1\n", 1),
    "edited-by-hand-invalid": lambda good: _edited_by_hand(
        good, lambda body: body.replace(b"\n", b"\nunknown_key = 1\n", 1)
    ),
}
REASON = {
    "truncated": "cut short",
    "empty": "empty",
    "garbage": "UTF-8",
    "edited": "does not match the checksum",
    "edited-by-hand-invalid": "key unknown_key",
}


def _player_with_backups(store: SaveStore, make_round: RoundFactory, rounds: int) -> Path:
    for number in range(1, rounds + 1):
        store.record_round("Ada", make_round(number))
    store.set_theme("Ada", "nord")  # one more profile write, so there are several backups
    folder = store.find_player("Ada")
    assert folder is not None
    return folder


def _corrupt_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_profile_loads_newest_good_backup_and_keeps_the_bad_file(
    store: SaveStore, make_round: RoundFactory, damage: str
) -> None:
    folder = _player_with_backups(store, make_round, 21)
    profile_path = folder / "profile.toml"
    bad = DAMAGE[damage](profile_path.read_bytes())
    profile_path.write_bytes(bad)

    fresh = SaveStore(store.root)
    profile = fresh.open_profile("Ada")
    # The backup is one write older (no theme yet) but no round is lost: the history has them.
    assert profile.rounds == 21
    [warning] = fresh.take_warnings()
    assert "\n" not in warning
    assert str(profile_path) in warning and "profile.toml.bak1" in warning
    assert REASON[damage] in warning
    [kept] = _corrupt_copies(profile_path)
    assert kept.read_bytes() == bad
    assert tomli.loads(profile_path.read_text("utf-8"))["schema_version"] == 3
    # Playing on works and the next open is clean.
    assert fresh.record_round("Ada", make_round(22)).saved
    again = SaveStore(store.root)
    assert again.open_profile("Ada").rounds == 22
    assert again.take_warnings() == []


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_history_file_falls_back_to_its_backup(
    store: SaveStore, make_round: RoundFactory, damage: str
) -> None:
    folder = _player_with_backups(store, make_round, 13)
    newest = folder / "history" / "0000" / "rounds-000011.toml"
    bad = DAMAGE[damage](newest.read_bytes())
    newest.write_bytes(bad)

    fresh = SaveStore(store.root)
    seeds = [stored.seed for stored in fresh.history("Ada")]
    # Backup 1 of that file holds rounds 11 and 12; round 13 is only in the kept bad file.
    assert seeds == list(range(12, 0, -1))
    [warning] = fresh.take_warnings()
    assert "rounds-000011.toml" in warning and "bak1" in warning
    [kept] = _corrupt_copies(newest)
    assert kept.read_bytes() == bad


def test_damaged_study_state_recovers_from_backup(
    store: SaveStore, make_round: RoundFactory
) -> None:
    folder = _player_with_backups(store, make_round, 25)
    cards_before = store.study_cards("Ada")
    (folder / "study.toml").write_text("schema_version = 1\ncards = 7\n")
    fresh = SaveStore(store.root)
    assert fresh.study_cards("Ada") == cards_before
    assert any("study.toml" in warning for warning in fresh.take_warnings())


def test_profile_with_no_good_backup_is_rebuilt_from_the_history(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 6):
        store.record_round("Ada", make_round(number, score=number * 100))
    folder = store.find_player("Ada")
    assert folder is not None
    (folder / "profile.toml").write_text("garbage")
    fresh = SaveStore(store.root)
    profile = fresh.open_profile("Ada")
    assert profile.rounds == 5
    assert profile.high_scores["labour-2010"]["classic"][0].score == 500
    [warning] = fresh.take_warnings()
    assert "no good backup" in warning


def test_only_the_last_three_versions_are_kept_as_backups(
    store: SaveStore,
) -> None:
    store.create_player("Ada")
    for theme in ["one", "two", "three", "four", "five"]:
        store.set_theme("Ada", theme)
    folder = store.find_player("Ada")
    assert folder is not None
    profile = folder / "profile.toml"

    def theme_in(path: Path) -> str | None:
        return tomli.loads(path.read_text("utf-8")).get("settings", {}).get("theme")

    assert theme_in(profile) == "five"
    assert [theme_in(backup_path(profile, n)) for n in (1, 2, 3)] == ["four", "three", "two"]
    assert not backup_path(profile, 4).exists()


def test_saves_are_written_like_every_other_file_keeping_permissions_and_no_temp(
    store: SaveStore,
) -> None:
    store.create_player("Ada")
    folder = store.find_player("Ada")
    assert folder is not None
    profile = folder / "profile.toml"
    profile.chmod(0o640)  # a player who keeps their saves from other users
    store.set_theme("Ada", "nord")
    store.set_theme("Ada", "dracula")
    assert profile.stat().st_mode & 0o777 == 0o640
    assert [path.name for path in folder.iterdir() if path.name.startswith(".")] == [".lock"]
    assert tomli.loads(backup_path(profile, 1).read_text("utf-8"))["settings"]["theme"] == "nord"


@pytest.mark.parametrize("file_name", ["profile.toml", "study.toml", "stats.toml"])
def test_a_file_from_a_newer_quiz_is_refused_and_left_unchanged(
    store: SaveStore, make_round: RoundFactory, file_name: str
) -> None:
    folder = _player_with_backups(store, make_round, 12)
    path = folder / file_name
    text = path.read_text("utf-8").replace("schema_version = ", "schema_version = 9", 1)
    path.write_text(text)
    fresh = SaveStore(store.root)
    if file_name == "study.toml":  # practice goes on, in the pack's order
        assert fresh.study_cards("Ada") == {}
        [message] = fresh.take_warnings()
    else:
        with pytest.raises(NewerSaveError) as caught:
            fresh.open_profile("Ada")
            fresh.stats("Ada")
        message = str(caught.value)
    assert str(path) in message and "newer quiz" in message and "\n" not in message
    # Recording never raises: it refuses the round when the profile is newer, and saves the
    # round but leaves the newer file alone at the checkpoint (round 20) otherwise.
    outcomes = [fresh.record_round("Ada", make_round(number)) for number in range(13, 23)]
    if file_name == "profile.toml":
        assert not any(outcome.saved for outcome in outcomes)
        assert all(outcome.warning and message in outcome.warning for outcome in outcomes)
    else:
        assert all(outcome.saved for outcome in outcomes)
        [warned] = [outcome for outcome in outcomes if outcome.warning]
        holds = {"study.toml": "practice schedule", "stats.toml": "stats"}[file_name]
        assert warned.warning == f"Round 20 saved; your {holds} could not be updated ({message})"
    assert path.read_text("utf-8") == text
    assert _corrupt_copies(path) == []


def test_version_1_profile_is_migrated_on_load(tmp_path: Path, make_round: RoundFactory) -> None:
    root = tmp_path / "saves"
    shutil.copytree(FIXTURES / "v1", root)
    store = SaveStore(root)
    profile = store.open_profile("Ada Lovelace")
    assert profile.schema_version == 3
    assert profile.settings.theme == "gruvbox"
    assert profile.rounds == 2
    classic = profile.high_scores["labour-2010"]["classic"]
    assert [(entry.score, entry.round) for entry in classic] == [(4200, 2), (3100, 1)]
    # A high score with no round left in the history survives the migration.
    assert [(e.score, e.round) for e in profile.high_scores["labour-2010"]["blitz"]] == [(2500, 0)]
    questions = store.stats("Ada Lovelace").packs["labour-2010"].questions
    assert questions["labour-2010/vacancy"].missed == 1
    assert store.take_warnings() == []

    store.record_round("Ada Lovelace", make_round(3, player="Ada Lovelace", score=10))
    folder = store.find_player("Ada Lovelace")
    assert folder is not None
    written = tomli.loads((folder / "profile.toml").read_text("utf-8"))
    assert written["schema_version"] == 3 and written["settings"]["theme"] == "gruvbox"
    # The version-1 file itself is kept as the newest backup.
    old = tomli.loads(backup_path(folder / "profile.toml", 1).read_text("utf-8"))
    assert old["schema_version"] == 1
    assert SaveStore(root).open_profile("ada lovelace").rounds == 3


def test_saves_folder_under_a_file_plays_on_without_saving(
    tmp_path: Path, make_round: RoundFactory
) -> None:
    # Tests run as root, where chmod does not stop writes: a folder that is really a file
    # fails the same way a read-only or full disk does (an OSError on write).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    store = SaveStore(blocker / "saves")
    reason = store.check_writable()
    assert reason is not None and str(blocker) in reason and "without saving" in reason
    assert store.list_players() == []
    first = store.record_round("Ada", make_round(1, score=700))
    assert not first.saved
    assert first.warning == f"Not saved: can't save to {blocker / 'saves'} (Not a directory)"
    assert not first.new_high_score  # nothing is claimed for a round that was not saved
    second = store.record_round("Ada", make_round(2))
    assert not second.saved and second.warning == first.warning  # every round says so
    assert blocker.read_text() == ""


def test_losing_write_access_mid_game_keeps_what_was_saved(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 4):
        store.record_round("Ada", make_round(number))
    folder = store.find_player("Ada")
    assert folder is not None
    history = folder / "history"
    shutil.move(history, folder / "history-moved")
    history.write_text("a file where the history folder was")
    outcome = store.record_round("Ada", make_round(4))
    assert not outcome.saved
    assert outcome.warning == f"Not saved: can't save to {history / '0000'} (Not a directory)"
    history.unlink()
    shutil.move(folder / "history-moved", history)
    assert [stored.seed for stored in SaveStore(store.root).history("Ada")] == [3, 2, 1]
    # The same store saves again as soon as it can: nothing stays switched off.
    assert store.record_round("Ada", make_round(5)).saved
    assert store.unavailable is None


def test_a_file_nobody_could_read_is_never_replaced_without_a_backup(tmp_path: Path) -> None:
    from quiz.store import SaveError
    from quiz.store.files import write_atomic

    unread = tmp_path / "profile.toml"
    unread.write_bytes(b"\x00 damaged")
    with pytest.raises(SaveError, match="not overwritten"):
        write_atomic(unread, "schema_version = 2\n", keep_backup=False)
    assert unread.read_bytes() == b"\x00 damaged"
    assert [p.name for p in tmp_path.iterdir()] == ["profile.toml"]  # no temp file left


def test_a_failed_checkpoint_still_reports_the_round_as_saved(
    store: SaveStore, make_round: RoundFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(1, 10):  # profile written at round 1; next checkpoint at round 10
        store.record_round("Ada", make_round(number))
    folder = store.find_player("Ada")
    assert folder is not None
    stats = folder / "stats.toml"
    real_replace = os.replace

    def disk_full_for_stats(source: object, target: object) -> None:
        if str(target) == str(stats):  # root ignores permissions: fail the one write instead
            raise OSError(errno.ENOSPC, "No space left on device", str(source))
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", disk_full_for_stats)
    outcome = store.record_round("Ada", make_round(10))
    monkeypatch.undo()
    assert outcome.saved and outcome.round == 10 and outcome.rank is not None
    assert outcome.warning == (
        f"Round 10 saved; your stats could not be updated ({stats}: No space left on device)"
    )
    fresh = SaveStore(store.root)
    assert [stored.seed for stored in fresh.history("Ada", limit=2)] == [10, 9]
    assert fresh.stats("Ada").applied_through == 10
    assert fresh.record_round("Ada", make_round(11)).saved


def _ada_and_bea(store: SaveStore, make_round: RoundFactory) -> Path:
    for number in range(1, 24):
        store.record_round("Ada", make_round(number))
    store.set_theme("Ada", "nord")
    for number in range(1, 4):
        store.record_round("Bea", make_round(number, player="Bea"))
    folder = store.find_player("Ada")
    assert folder is not None
    return folder


@pytest.mark.parametrize("kind", ["folder", "named pipe"])
def test_another_players_unreadable_profile_stops_nobody(
    store: SaveStore,
    make_round: RoundFactory,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    from quiz.cli import main

    folder = _ada_and_bea(store, make_round)
    profile = folder / "profile.toml"
    profile.unlink()
    if kind == "folder":
        profile.mkdir()
    else:
        os.mkfifo(profile)  # opening it for reading used to wait forever
    saves = ["--saves", str(store.root)]
    assert main(["scores", *saves]) == 0
    out, err = capsys.readouterr()
    assert "Ada — 23 rounds" in out and "Bea — 3 rounds" in out
    [warning] = err.splitlines()
    assert warning.startswith(f"quiz: warning: {profile} is damaged: it is a ")
    assert "loaded backup profile.toml.bak1" in warning
    assert main(["player", "list", *saves]) == 0
    out, err = capsys.readouterr()
    assert [line.split()[:2] for line in out.splitlines()[1:]] == [["Ada", "23"], ["Bea", "3"]]
    assert err == ""  # said once, by the command that found it
    zed = SaveStore(store.root).record_round("Zed", make_round(1, player="Zed"))
    assert zed.saved and zed.warning is None


def test_a_player_with_nothing_readable_left_is_listed_as_damaged(
    store: SaveStore, make_round: RoundFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    from quiz.cli import main

    store.create_player("Ada")
    store.record_round("Bea", make_round(1, player="Bea"))
    folder = store.find_player("Ada")
    assert folder is not None
    (folder / "profile.toml").unlink()
    (folder / "profile.toml").mkdir()
    assert main(["player", "list", "--saves", str(store.root)]) == 0
    out, err = capsys.readouterr()
    assert [line.split()[:2] for line in out.splitlines()[1:]] == [
        [folder.name, "?"],
        ["Bea", "1"],
    ]
    assert "damaged" in out.splitlines()[1]
    [warning] = err.splitlines()
    assert str(folder / "profile.toml") in warning and "no good backup" in warning


def test_a_player_with_history_but_no_profile_is_rebuilt_and_listed(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 14):
        store.record_round("Ada Lovelace", make_round(number, player="Ada Lovelace"))
    folder = store.find_player("Ada Lovelace")
    assert folder is not None
    for path in folder.glob("profile.toml*"):
        path.unlink()
    fresh = SaveStore(store.root)
    [player] = fresh.list_players()
    assert (player.name, player.rounds, player.folder) == ("Ada Lovelace", 13, folder)
    assert player.created == make_round(1).started_at
    with pytest.raises(PlayerNameError, match="already exists"):
        fresh.create_player("ada lovelace")
    assert fresh.open_profile("Ada Lovelace").high_scores["labour-2010"]["classic"]
    assert fresh.record_round("Ada Lovelace", make_round(14, player="Ada Lovelace")).round == 14


def test_a_missing_older_history_file_comes_back_from_its_backup(
    store: SaveStore, make_round: RoundFactory
) -> None:
    folder = _ada_and_bea(store, make_round)
    block = folder / "history" / "0000"
    [oldest] = [
        path for path in block.iterdir() if re.fullmatch(r"rounds-000001\.toml(\.gz)?", path.name)
    ]
    oldest.unlink()
    fresh = SaveStore(store.root)
    assert [stored.seed for stored in fresh.history("Ada")] == list(range(23, 0, -1))
    [warning] = fresh.take_warnings()
    assert warning.startswith(f"{oldest} is missing; loaded backup {oldest.name}.bak1")
    assert oldest.exists()  # restored in place


def test_a_failed_replace_keeps_the_file_and_all_three_backups(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.create_player("Ada")
    for theme in ["one", "two", "three", "four"]:
        store.set_theme("Ada", theme)
    folder = store.find_player("Ada")
    assert folder is not None
    profile = folder / "profile.toml"
    before = {path.name: path.read_bytes() for path in folder.glob("profile.toml*")}
    assert sorted(before) == ["profile.toml", *(f"profile.toml.bak{n}" for n in (1, 2, 3))]
    real_replace = os.replace

    def replace_fails_for_the_profile(source: object, target: object) -> None:
        if str(target) == str(profile):
            raise OSError(errno.EIO, "Input/output error", str(source))
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace_fails_for_the_profile)
    assert not store.set_theme("Ada", "five")
    monkeypatch.undo()
    assert {path.name: path.read_bytes() for path in folder.glob("profile.toml*")} == before
    assert [path.name for path in folder.iterdir() if path.name.startswith(".")] == [".lock"]
    # The error names the file being written, not a temp file that no longer exists.
    assert store.unavailable is not None
    assert store.unavailable.startswith(f"can't save to {profile} (Input/output error)")


def test_the_same_damage_is_reported_once_however_often_it_is_read(
    store: SaveStore, make_round: RoundFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _ada_and_bea(store, make_round)
    (folder / "profile.toml").write_text("garbage")
    real_replace = os.replace

    def read_only_folder(source: object, target: object) -> None:
        # A folder nobody may write in (root writes anyway): nothing can be set aside.
        if ".corrupt-" in str(target):
            raise OSError(errno.EROFS, "Read-only file system", str(source))
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", read_only_folder)
    fresh = SaveStore(store.root)
    fresh.list_players()
    fresh.open_profile("Ada")
    fresh.open_profile("Ada")
    fresh.stats("Ada")
    fresh.record_round("Ada", make_round(24))
    warnings = fresh.take_warnings()
    assert len(warnings) == 1, warnings
    assert "could not be renamed (Read-only file system)" in warnings[0]


def test_a_migrated_high_score_takes_its_accuracy_from_the_history(tmp_path: Path) -> None:
    root = tmp_path / "saves"
    shutil.copytree(FIXTURES / "v1", root)
    classic = SaveStore(root).open_profile("Ada Lovelace").high_scores["labour-2010"]["classic"]
    # Version 1 left out the accuracy of the 3100 round; its history has 1 of 2 right.
    assert [(entry.score, entry.accuracy) for entry in classic] == [(4200, 1.0), (3100, 0.5)]
