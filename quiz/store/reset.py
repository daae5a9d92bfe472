"""Starting a player afresh while keeping the player (`quiz player reset`): their scores (every
round, the high scores and the Scores-screen totals), their study cards, or both. The name,
the date the player was created and their settings stay.

Resetting the scores empties the history, so the next round is round 1 again and nothing is
left to rebuild the old scores from. The old files' backups go too: a backup of a file from
before the reset would bring back what was reset if it were ever loaded.

Crash safety, under the player's lock: the history is first moved aside in one rename;
then study.toml is rewritten, stats.toml (derived) removed, and profile.toml rewritten last.
A crash at any point leaves files that agree with each other: until the profile is
rewritten it still counts the old rounds, so rounds recorded meanwhile carry on after them,
and the study file (at 0 or at the old count) and the rebuilt totals take them in either
way. A reset cut short is finished by running it again.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.durable import fsync_folder
from quiz.store.files import BACKUPS, backup_path, write_toml
from quiz.store.player_files import PROFILE_FILE, STATS_FILE, STUDY_FILE
from quiz.store.schema import StudyFile, to_toml_document
from quiz.store.study_state import card_to_record

if TYPE_CHECKING:
    from quiz.store.savestore import SaveStore

_ASIDE = ".reset-"  # a history being removed; a crash may leave one behind


@dataclass(frozen=True)
class ResetSummary:
    """What `reset_player` removed: the player's name, how many rounds (0 when the scores
    were kept) and how many study cards (0 when they were kept)."""

    player: str
    rounds: int
    cards: int


def reset_player(store: SaveStore, name: str, *, scores: bool, study: bool) -> ResetSummary:
    """Reset the scores and/or the study cards of the player called `name`. Raises
    PlayerNameError if there is no such player, OSError or SaveError if it can't write."""
    folder, clean = store.require_player(name)
    with store.locked(folder):
        _remove_asides(folder)
        files = store.player_files(folder)
        state = files.state(clean)
        _study_file, study_on_disk, cards = files.study(known=state.files)
        rounds = state.profile.rounds if scores else 0
        aside = _move_history_aside(folder) if scores else None
        kept = {} if study else {qid: card_to_record(card) for qid, card in cards.items()}
        # With the history gone the cards stand alone (the next round is round 1); without
        # them, the rounds already played are not to be reviewed again.
        fresh = StudyFile(applied_through=0 if scores else state.last_round, cards=kept)
        write_toml(folder / STUDY_FILE, to_toml_document(fresh), keep_backup=study_on_disk)
        _remove_backups(folder / STUDY_FILE)
        if scores:
            # stats.toml goes before the profile restarts the count: totals that claim the
            # old rounds would skip the new rounds with the same numbers.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / STATS_FILE)
            _remove_backups(folder / STATS_FILE)
            fsync_folder(folder)
            profile = state.profile
            profile.high_scores, profile.recent = {}, []
            profile.rounds = profile.applied_through = 0
            files.write_profile(state)
            _remove_backups(folder / PROFILE_FILE)
        if aside is not None:
            shutil.rmtree(aside)
    return ResetSummary(state.profile.name, rounds, len(cards) if study else 0)


def _move_history_aside(folder: Path) -> Path | None:
    history = folder / "history"
    if not history.exists():
        return None
    aside = folder / f"{_ASIDE}{secrets.token_hex(4)}"
    os.rename(history, aside)
    fsync_folder(folder)
    return aside


def _remove_backups(path: Path) -> None:
    for number in range(1, BACKUPS + 1):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(backup_path(path, number))


def _remove_asides(folder: Path) -> None:
    """Finish removing a history a reset interrupted by a crash had moved aside."""
    for entry in folder.iterdir():
        if entry.name.startswith(_ASIDE) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
