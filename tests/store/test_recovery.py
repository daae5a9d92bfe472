"""Damaged, old, newer and unwritable save files: recovered, migrated, refused, reported."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import tomli

from quiz.game.result import RoundResult
from quiz.store import NewerSaveError, SaveStore
from quiz.store.files import backup_path

RoundFactory = Callable[..., RoundResult]
FIXTURES = Path(__file__).parent / "fixtures"

DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "garbage": lambda good: b"\x00\xff\xfe not toml at all [[[ \x9b",
    "schema-invalid": lambda good: good.replace(b"\n", b"\nunknown_key = 1\n", 1),
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
    reason = {"empty": "empty", "garbage": "UTF-8", "schema-invalid": "key unknown_key"}
    assert reason.get(damage, "at line") in warning
    [kept] = _corrupt_copies(profile_path)
    assert kept.read_bytes() == bad
    assert tomli.loads(profile_path.read_text("utf-8"))["schema_version"] == 2
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
    with pytest.raises(NewerSaveError) as caught:
        fresh.open_profile("Ada")
        fresh.stats("Ada")
        fresh.study_cards("Ada")
    message = str(caught.value)
    assert str(path) in message and "newer quiz" in message and "\n" not in message
    # Recording reads profile.toml every round and the other files at each checkpoint
    # (every 10 rounds): by then at the latest it refuses, without touching the file.
    with pytest.raises(NewerSaveError):
        for number in range(13, 23):
            fresh.record_round("Ada", make_round(number))
    assert path.read_text("utf-8") == text
    assert _corrupt_copies(path) == []


def test_version_1_profile_is_migrated_on_load(tmp_path: Path, make_round: RoundFactory) -> None:
    root = tmp_path / "saves"
    shutil.copytree(FIXTURES / "v1", root)
    store = SaveStore(root)
    profile = store.open_profile("Ada Lovelace")
    assert profile.schema_version == 2
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
    assert written["schema_version"] == 2 and written["settings"]["theme"] == "gruvbox"
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
    assert not first.saved and first.warning == reason
    assert first.new_high_score  # still worth saying after the round
    second = store.record_round("Ada", make_round(2))
    assert not second.saved and second.warning is None  # said once
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
    assert not outcome.saved and outcome.warning and "without saving" in outcome.warning
    history.unlink()
    shutil.move(folder / "history-moved", history)
    assert [stored.seed for stored in SaveStore(store.root).history("Ada")] == [3, 2, 1]


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
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 11):  # profile written at round 1; next checkpoint at round 11
        store.record_round("Ada", make_round(number))
    folder = store.find_player("Ada")
    assert folder is not None
    stats = folder / "stats.toml"
    stats.unlink()
    stats.mkdir()  # a folder where the file should be: every write of it fails
    outcome = store.record_round("Ada", make_round(11))
    assert outcome.saved and outcome.round == 11
    assert outcome.warning is not None and "without saving" in outcome.warning
    stats.rmdir()
    fresh = SaveStore(store.root)
    assert [stored.seed for stored in fresh.history("Ada", limit=2)] == [11, 10]
    assert fresh.stats("Ada").applied_through == 11
    assert fresh.record_round("Ada", make_round(12)).saved
