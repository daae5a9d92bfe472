"""Where saves live, and player names turned into safe folder names."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.result import RoundResult
from quiz.safe_text import safe_text
from quiz.store import PlayerNameError, SaveStore, resolve_saves_dir
from quiz.store.paths import MAX_NAME_LENGTH, clean_player_name, player_folder_name

ROOT = Path(__file__).resolve().parents[2]
RoundFactory = Callable[..., RoundResult]


def test_cli_value_wins_over_the_environment(tmp_path: Path) -> None:
    assert resolve_saves_dir(str(tmp_path / "cli")) == tmp_path / "cli"


def test_environment_variable_comes_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_SAVES_DIR", str(tmp_path / "env"))
    assert resolve_saves_dir(None) == tmp_path / "env"


def _resolve_in_copy(tmp_path: Path, *, with_saves: bool, installed: bool = False) -> str:
    """Resolve the saves folder in a fresh interpreter running a copy of the package: in a
    checkout, or (`installed`) in a site-packages folder where other distributions put
    `questions` and `saves` folders beside it."""
    checkout = tmp_path / ("site-packages" if installed else "checkout")
    shutil.copytree(ROOT / "quiz", checkout / "quiz", ignore=shutil.ignore_patterns("__pycache__"))
    if not installed:
        (checkout / "pyproject.toml").write_text("[project]\nname = 'quiz'\n")
    (checkout / "questions").mkdir()
    if with_saves:
        (checkout / "saves").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "QUIZ_SAVES_DIR"}
    env["PYTHONPATH"] = str(checkout)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    code = "import quiz.store.paths as p; print(p.resolve_saves_dir(None))"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_source_checkout_uses_its_own_saves_folder(tmp_path: Path) -> None:
    assert _resolve_in_copy(tmp_path, with_saves=True) == str(tmp_path / "checkout" / "saves")


def test_otherwise_the_user_data_folder_is_used(tmp_path: Path) -> None:
    found = _resolve_in_copy(tmp_path, with_saves=False)
    assert found == str(tmp_path / "xdg" / "quiz" / "saves")


def test_installed_saves_go_to_the_user_data_folder_never_beside_the_package(
    tmp_path: Path,
) -> None:
    found = _resolve_in_copy(tmp_path, with_saves=True, installed=True)
    assert found == str(tmp_path / "xdg" / "quiz" / "saves")


def test_this_checkout_saves_in_its_own_saves_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZ_SAVES_DIR")
    assert resolve_saves_dir(None) == ROOT / "saves"


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "../x", "C:\\Windows\\system32", "a/b\\c", ".hidden", "~root"],
)
def test_path_like_names_stay_inside_the_players_folder(store: SaveStore, name: str) -> None:
    store.create_player(name)
    folder = store.find_player(name)
    assert folder is not None and folder.parent == store.players_dir
    assert folder.resolve().is_relative_to(store.players_dir.resolve())
    assert store.open_profile(name).name == name
    assert [player.name for player in store.list_players()] == [name]


@pytest.mark.parametrize("name", ["CON", "nul", "Com1", "LPT9", "aux", "PRN"])
def test_windows_device_names_get_a_harmless_folder(store: SaveStore, name: str) -> None:
    folder_name = player_folder_name(name)
    assert folder_name.split("-")[0] == "p"
    store.create_player(name)
    assert store.open_profile(name).name == name


@pytest.mark.parametrize(
    "name",
    ["", "   ", "\t\n", "\x1b[31m", "\u202e", "\x00\x07", "..", "/", "\u200b\u3164", "\ufe0f"],
)
def test_names_with_nothing_visible_are_refused_with_a_clear_error(
    store: SaveStore, name: str
) -> None:
    with pytest.raises(PlayerNameError, match="needs at least one visible letter or digit"):
        store.create_player(name)
    assert not store.players_dir.exists() or list(store.players_dir.iterdir()) == []


def test_a_ten_thousand_character_name_is_capped(store: SaveStore) -> None:
    name = "Ω" * 10_000
    profile = store.create_player(name)
    assert profile.name == "Ω" * MAX_NAME_LENGTH
    folder = store.find_player(name)
    assert folder is not None and len(folder.name) < 40


def test_unicode_names_are_kept_and_case_does_not_make_a_new_player(
    store: SaveStore, make_round: RoundFactory
) -> None:
    store.record_round("Zoë 李 [b]x[/b]", make_round(1))
    store.record_round("ZOË 李 [B]X[/B]", make_round(2))
    [player] = store.list_players()
    assert player.name == "Zoë 李 [b]x[/b]" and player.rounds == 2
    assert player.folder.name.startswith("zoe-b-x-b-")
    with pytest.raises(PlayerNameError, match="already exists"):
        store.create_player("zoë 李 [b]x[/b]")


def test_control_characters_are_stripped_from_names(store: SaveStore) -> None:
    profile = store.create_player("Ada\x1b[2J\x9b\u202e Lovelace\n")
    assert profile.name == "Ada Lovelace"


@given(st.text(max_size=300))
def test_any_name_gives_a_short_ascii_folder_name_or_a_clear_refusal(raw: str) -> None:
    try:
        name = clean_player_name(raw)
    except PlayerNameError:
        # Nothing visible to keep: not one ASCII letter or digit where the name would be.
        shown = " ".join(safe_text(raw, single_line=True).split())
        assert not re.search(r"[A-Za-z0-9]", shown[:64])
        return
    folder_name = player_folder_name(name)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*-[0-9a-f]{10}", folder_name)
    assert len(folder_name) <= 40
    assert folder_name.split("-")[0] not in {"con", "nul", "prn", "aux"}
    assert 0 < len(name) <= MAX_NAME_LENGTH
    assert safe_text(name, single_line=True) == name
    assert clean_player_name(name) == name  # cleaning twice finds the same player
