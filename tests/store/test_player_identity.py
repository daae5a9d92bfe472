"""Who a player is: a name with nothing invisible in it, look-alike names as one player, and a
folder that stays put when the player is renamed, even while they are playing."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.game.result import RoundResult
from quiz.store import PlayerNameError, SaveStore

RoundFactory = Callable[..., RoundResult]
DRIVER = Path(__file__).with_name("record_driver.py")


@pytest.mark.parametrize(
    "look_alike",
    ["\u0410da", "\u0430da", "Ａｄａ", "A\u200bda", "Ad\ufe0fa", "\u200eAda\u200f", "ADA"],
)
def test_names_that_look_the_same_are_one_player(
    store: SaveStore, make_round: RoundFactory, look_alike: str
) -> None:
    store.create_player("Ada")
    with pytest.raises(PlayerNameError, match="already exists"):
        store.create_player(look_alike)
    assert store.record_round(look_alike, make_round(1)).saved
    [player] = store.list_players()
    assert player.name == "Ada" and player.rounds == 1


@pytest.mark.parametrize("raw", ["A\u200bda", "\u3164Ada", "Ada\u200e", "Ad\ufe0fa", "Ada\u2800"])
def test_invisible_characters_never_reach_a_saved_name(store: SaveStore, raw: str) -> None:
    assert store.create_player(raw).name == "Ada"
    assert [player.name for player in store.list_players()] == ["Ada"]


def test_renaming_rewrites_the_profile_and_leaves_the_folder_where_it_is(
    store: SaveStore, make_round: RoundFactory
) -> None:
    store.record_round("Ada", make_round(1))
    folder = store.find_player("Ada")
    assert folder is not None
    assert store.rename_player("Ada", "Cy") == folder
    assert [path.name for path in store.players_dir.iterdir()] == [folder.name]
    assert store.find_player("Cy") == folder and store.find_player("Ada") is None
    # A new Ada is a new player, in a folder of her own.
    assert store.record_round("Ada", make_round(2)).saved
    assert [stored.seed for stored in store.history("Cy")] == [1]
    assert [stored.seed for stored in store.history("Ada")] == [2]


def _rewrite(path: Path, old: str, new: str) -> None:
    """Change a save file as a quiz would write it: with a fresh end line if it has one."""
    body, end, _checksum = path.read_bytes().partition(b"# end sha256=")
    body = body.replace(old.encode(), new.encode())
    if end:
        body += end + hashlib.sha256(body).hexdigest().encode() + b"\n"
    path.write_bytes(body)


def test_a_folder_belongs_to_whoever_its_profile_names(
    store: SaveStore, make_round: RoundFactory
) -> None:
    # What a rename killed half-way used to leave: the profile renamed to Cy, the folder
    # still the one made for Ada. Ada's next rounds must not be filed under Cy.
    store.record_round("Ada", make_round(1))
    folder = store.find_player("Ada")
    assert folder is not None
    _rewrite(folder / "profile.toml", 'name = "Ada"', 'name = "Cy"')

    fresh = SaveStore(store.root)
    assert fresh.find_player("Cy") == folder
    assert fresh.record_round("Ada", make_round(2)).saved
    assert fresh.find_player("Ada") not in (None, folder)
    assert [stored.seed for stored in fresh.history("Cy")] == [1]
    assert [stored.seed for stored in fresh.history("Ada")] == [2]


def test_renaming_a_player_while_they_play_loses_no_round(tmp_path: Path) -> None:
    root = tmp_path / "saves"
    rounds = 100
    driver = subprocess.Popen(
        [sys.executable, str(DRIVER), "acks", str(root), "Ada", "1", str(rounds)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert driver.stdin is not None and driver.stdout is not None
    try:
        assert driver.stdout.readline().strip() == "ready"
        names = ["Ada", "Cy"]
        renamer = SaveStore(root)
        driver.stdin.write("go\n")
        for turn in range(rounds):
            said = driver.stdout.readline().strip()
            assert said == f"ack {turn + 1}", said  # "unsaved …" would mean a lost round
            driver.stdin.write("next\n")  # the next round records while we rename
            driver.stdin.flush()
            renamer.rename_player(names[turn % 2], names[(turn + 1) % 2])
        assert driver.stdout.readline().strip() == "done"
        assert driver.wait() == 0
    finally:
        driver.kill()
        driver.wait()
    store = SaveStore(root)
    [player] = store.list_players()
    assert player.name == names[rounds % 2] and player.rounds == rounds
    history = store.history(player.name)
    assert sorted(stored.round for stored in history) == list(range(1, rounds + 1))
    assert sorted(stored.seed or 0 for stored in history) == list(range(1, rounds + 1))
    assert store.take_warnings() == []


@pytest.mark.parametrize("blank", ["   ", "", "\x1b[31m\x1b[0m", "\u200b\u3164", "\ufe0f"])
@pytest.mark.parametrize("front_end", [["--plain"], []])
def test_a_player_name_with_nothing_visible_is_refused_before_playing(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, blank: str, front_end: list[str]
) -> None:
    code = main(["play", *front_end, "--player", blank])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        "quiz: --player: a player name needs at least one visible letter or digit "
        "(spaces, escape sequences and invisible characters don't count)\n"
    )
    assert not (isolated_saves / "players").exists()
    main(["player", "new", blank])
    assert capsys.readouterr().err.startswith("quiz: a player name needs at least one visible")


def test_the_plain_header_shows_the_name_as_it_is_saved(
    tmp_path: Path, isolated_saves: Path
) -> None:
    pack = tmp_path / "one.toml"
    pack.write_text(
        '[pack]\nid = "one"\ntitle = "One"\n\n[[questions]]\nid = "q"\ntype = "single"\n'
        'prompt = "Pick b"\nchoices = ["a", "b"]\nanswer = "b"\n',
        encoding="utf-8",
    )
    typed = "\u200bAda \u3164 Lovelace " + "x" * 100
    command = ["play", "--plain", "--pack", str(pack), "--seed", "1", "--player", typed]
    run = subprocess.run(
        [sys.executable, "-m", "quiz", *command],
        input="2\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    saved = "Ada Lovelace " + "x" * 51  # 64 characters, as kept
    assert f"playing as {saved}\n" in run.stdout
    [player] = SaveStore(isolated_saves).list_players()
    assert player.name == saved and player.rounds == 1
