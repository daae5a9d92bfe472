"""Managing players in a saves folder: list, create, rename, delete, export."""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from quiz.durable import fsync_folder, write_durably
from quiz.store.errors import PlayerNameError, SaveError
from quiz.store.files import write_toml
from quiz.store.history import round_document, rounds_newest_first
from quiz.store.paths import clean_player_name, player_key
from quiz.store.schema import Profile, to_toml_document

if TYPE_CHECKING:
    from quiz.store.savestore import SaveStore

EXPORT_VERSION = 1


@dataclass(frozen=True)
class PlayerSummary:
    """A player as `quiz player list` shows it. `problem` says, in one line, why a player's
    files can't be used (then `created` may be None and `rounds` 0)."""

    name: str
    folder: Path
    created: datetime | None
    rounds: int
    problem: str | None = None


def _kept_bad_files(folder: Path) -> list[str]:
    try:
        return sorted(name for name in os.listdir(folder) if ".corrupt-" in name)
    except OSError:
        return []


def list_players(store: SaveStore) -> list[PlayerSummary]:
    """Every player in the saves folder, sorted by name (look-alike names together). A
    player with a profile or any recorded round is listed (a lost profile is rebuilt from the
    history); one whose files can't be used is listed with its `problem`, and never stops
    the others from being listed."""
    players: list[PlayerSummary] = []
    for folder in store.player_folders():
        files = store.player_files(folder)
        try:
            state = files.state()
        except SaveError as error:  # a file from a newer quiz, or a lock held elsewhere
            name = _name_or_folder(store, folder)
            players.append(PlayerSummary(name, folder, None, 0, problem=str(error)))
            continue
        if not state.profile_on_disk and state.last_round == 0:
            kept = _kept_bad_files(folder)
            if kept:
                problem = (
                    f"{folder}: nothing readable is left; the damaged files were kept as "
                    + ", ".join(kept)
                )
                players.append(PlayerSummary(folder.name, folder, None, 0, problem=problem))
            continue  # otherwise a folder with nothing in it yet (a player being created)
        profile = state.profile
        players.append(PlayerSummary(profile.name, folder, profile.created, profile.rounds))
    return sorted(players, key=lambda summary: (player_key(summary.name), summary.name))


def _name_or_folder(store: SaveStore, folder: Path) -> str:
    try:
        return store.name_in(folder) or folder.name
    except SaveError:
        return folder.name


def create_player(store: SaveStore, name: str) -> Profile:
    """A new player with an empty history. Raises PlayerNameError if the name has nothing
    visible or is taken (names that look alike are the same player), OSError if it can't
    write."""
    clean = clean_player_name(name)
    if store.find_player(clean) is not None:
        raise PlayerNameError(f"a player named {clean!r} already exists")
    folder = store.new_folder(clean)
    with store.locked(folder):
        if os.path.lexists(folder / "profile.toml"):  # created meanwhile by another quiz
            raise PlayerNameError(f"a player named {clean!r} already exists")
        profile = Profile(name=clean, created=store.clock().replace(microsecond=0))
        write_toml(folder / "profile.toml", to_toml_document(profile), keep_backup=False)
    return profile


def rename_player(store: SaveStore, old: str, new: str) -> Path:
    """Give a player a new name: one atomic write of their profile, under their lock. The
    folder stays where it is, so a session playing meanwhile keeps saving, and a crash
    leaves the old name or the new one. Returns the player's folder."""
    folder, _old_clean = store.require_player(old)
    clean_new = clean_player_name(new)
    other = store.find_player(clean_new)
    if other is not None and other != folder:
        raise PlayerNameError(f"a player named {clean_new!r} already exists")
    with store.locked(folder):
        files = store.player_files(folder)
        state = files.state(clean_new)
        state.profile.name = clean_new
        files.write_profile(state)
    store.forget_lock(folder)  # this store finds the player by the new name from now on
    return folder


def delete_player(store: SaveStore, name: str) -> None:
    """Remove a player and all their files (history, study state, backups)."""
    folder, _clean = store.require_player(name)
    with store.locked(folder):
        # Rename first, so a crash halfway through never leaves half a player listed.
        doomed = store.players_dir / f".deleted-{folder.name}-{secrets.token_hex(3)}"
        os.rename(folder, doomed)
        fsync_folder(store.players_dir)
    store.forget_lock(folder)
    shutil.rmtree(doomed, ignore_errors=True)


def export_document(store: SaveStore, name: str) -> dict[str, Any]:
    """Everything about a player as one document: profile, every round, study cards."""
    folder, clean = store.require_player(name)
    profile = store.open_profile(clean)
    rounds = list(rounds_newest_first(folder, store.recovery_lock(folder), store.warnings))
    rounds.reverse()
    cards = store.study_cards(clean)
    from quiz.store.study_state import card_to_record

    return {
        "export_version": EXPORT_VERSION,
        "profile": to_toml_document(profile),
        "rounds": [round_document(stored) for stored in rounds],
        "study": {qid: to_toml_document(card_to_record(card)) for qid, card in cards.items()},
    }


def export_player(store: SaveStore, name: str, destination: Path | None) -> str:
    """The export as TOML text; also written durably to `destination` if given."""
    text = tomli_w.dumps(export_document(store, name))
    if destination is not None:
        write_durably(destination, text)
    return text
