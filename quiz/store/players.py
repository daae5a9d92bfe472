"""Managing players in a saves folder: list, create, rename, delete, export; bulk history."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from quiz.durable import fsync_folder
from quiz.store.errors import PlayerNameError, SaveError
from quiz.store.files import make_folders, write_atomic, write_toml
from quiz.store.history import (
    file_index,
    history_path,
    read_history_file,
    round_document,
    rounds_newest_first,
)
from quiz.store.paths import clean_player_name, player_key
from quiz.store.schema import HISTORY_VERSION, HistoryFile, Profile, StoredRound, to_toml_document

if TYPE_CHECKING:
    from quiz.store.savestore import SaveStore

EXPORT_VERSION = 1


@dataclass(frozen=True)
class PlayerSummary:
    """A player as `quiz player list` shows it."""

    name: str
    folder: Path
    created: datetime
    rounds: int


def list_players(store: SaveStore) -> list[PlayerSummary]:
    """Every player whose profile can be read, sorted by name (case-insensitively)."""
    if not store.players_dir.is_dir():
        return []
    players: list[PlayerSummary] = []
    for folder in sorted(store.players_dir.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            if store.player_files(folder).read_profile().value is None:
                continue
            profile = store.player_files(folder).state(folder.name).profile
        except SaveError as error:
            store.warnings.append(str(error))
            continue
        players.append(PlayerSummary(profile.name, folder, profile.created, profile.rounds))
    return sorted(players, key=lambda summary: player_key(summary.name))


def create_player(store: SaveStore, name: str) -> Profile:
    """A new player with an empty history. Raises PlayerNameError if the name is empty or
    taken (names differing only in case are the same player), OSError if it can't write."""
    clean = clean_player_name(name)
    if store.find_player(clean) is not None:
        raise PlayerNameError(f"a player named {clean!r} already exists")
    folder = store.folder_for(clean)
    with store.locked(folder):
        profile = Profile(name=clean, created=store.clock().replace(microsecond=0))
        write_toml(folder / "profile.toml", to_toml_document(profile), keep_backup=False)
    return profile


def rename_player(store: SaveStore, old: str, new: str) -> Path:
    """Give a player a new name (and the matching folder). Returns the new folder."""
    folder, _old_clean = store.require_player(old)
    clean_new = clean_player_name(new)
    target = store.folder_for(clean_new)
    other = store.find_player(clean_new)
    if other is not None and other != folder:
        raise PlayerNameError(f"a player named {clean_new!r} already exists")
    with store.locked(folder):
        state = store.player_files(folder).state(clean_new)
        state.profile.name = clean_new
        store.player_files(folder).write_profile(state)
        if target != folder:
            # The profile already holds the new name, so a crash before this rename leaves
            # a player `find_player` still finds by scanning.
            os.rename(folder, target)
            fsync_folder(store.players_dir)
    store.forget_lock(folder)
    return target


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
    """The export as TOML text; also written atomically to `destination` if given."""
    text = tomli_w.dumps(export_document(store, name))
    if destination is not None:
        write_atomic(destination, text, keep_backup=False, replace_unread=True)
    return text


def write_history_batch(
    folder: Path,
    batch: Sequence[StoredRound],
    files: dict[Path, HistoryFile | None],
    lock: Callable[[], AbstractContextManager[object]],
) -> None:
    """Write many new rounds, each history file once (one fsync per file, not per round)."""
    by_path: dict[Path, list[StoredRound]] = {}
    for stored in batch:
        by_path.setdefault(history_path(folder, file_index(stored.round)), []).append(stored)
    for path, rounds in by_path.items():
        current = files[path] if path in files else read_history_file(path, lock).value
        before = list(current.rounds) if current is not None else []
        document = {
            "schema_version": HISTORY_VERSION,
            "rounds": [round_document(stored) for stored in [*before, *rounds]],
        }
        make_folders(path.parent)
        write_toml(path, document, keep_backup=current is not None)
