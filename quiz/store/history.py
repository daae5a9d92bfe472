"""Round history: numbered rounds in small TOML files, so that recording one is cheap.

Round n lives in `history/<block>/rounds-<first>.toml`, where each file holds
ROUNDS_PER_FILE consecutive round numbers (`rounds-000001.toml` holds 1–10) and each block
folder holds 100 files (1,000 rounds). Appending rewrites only the newest small file, so
the cost of recording stays flat however long the history grows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import tomli_w

from quiz.store.files import (
    Loaded,
    ParsedFiles,
    backup_path,
    make_folders,
    read_recovering,
    write_atomic,
)
from quiz.store.schema import (
    HISTORY_VERSION,
    ROUNDS_PER_FILE,
    HistoryFile,
    StoredRound,
    parse_history,
    to_toml_document,
)

FILES_PER_BLOCK = 100
_FILE_NAME = re.compile(r"rounds-(\d{6,})\.toml")

LockFactory = Callable[[], AbstractContextManager[object]]


def file_index(round_number: int) -> int:
    """Which history file holds `round_number` (0-based)."""
    return (round_number - 1) // ROUNDS_PER_FILE


def history_path(player_dir: Path, index: int) -> Path:
    """The history file with 0-based `index`."""
    first = index * ROUNDS_PER_FILE + 1
    return player_dir / "history" / f"{index // FILES_PER_BLOCK:04d}" / f"rounds-{first:06d}.toml"


def read_history_file(
    path: Path, lock: LockFactory, cache: ParsedFiles | None = None
) -> Loaded[HistoryFile]:
    """One history file, recovering from backups like every save file. The value is shared
    with `cache`: never change it, build a new one."""
    return read_recovering(path, parse_history, max_version=HISTORY_VERSION, lock=lock, cache=cache)


def round_document(stored: StoredRound) -> dict[str, Any]:
    """A round as the TOML table written to the history."""
    document = to_toml_document(stored)
    # Keep the round number first: it is what a person scanning the file looks for.
    return {"round": document.pop("round"), "round_id": document.pop("round_id"), **document}


def append_round(path: Path, stored: StoredRound, current: HistoryFile | None) -> None:
    """Durably write `path` with `stored` added after the rounds already in it.

    `current` is the file as just read (under the lock); None if it doesn't exist yet. The
    existing text is kept byte for byte and the new `[[rounds]]` table is added after it,
    which keeps TOML valid and saves re-serialising the rounds before it; a file of an older
    version is rewritten whole in the current one.
    """
    addition = tomli_w.dumps({"rounds": [round_document(stored)]})
    if current is None:
        make_folders(path.parent)
        text = f"schema_version = {HISTORY_VERSION}\n\n{addition}"
        write_atomic(path, text, keep_backup=False)
        return
    if current._migrated_from is not None:
        rounds = [round_document(before) for before in [*current.rounds, stored]]
        write_atomic(path, tomli_w.dumps({"schema_version": HISTORY_VERSION, "rounds": rounds}))
        return
    existing = path.read_text("utf-8")
    write_atomic(path, f"{existing.rstrip()}\n\n{addition}")


def history_files(player_dir: Path) -> list[Path]:
    """Every history file of a player, oldest first."""
    root = player_dir / "history"
    if not root.is_dir():
        return []
    found: list[tuple[int, Path]] = []
    for block in root.iterdir():
        if not block.is_dir():
            continue
        for path in block.iterdir():
            match = _FILE_NAME.fullmatch(path.name)
            if match:
                found.append((int(match.group(1)), path))
    return [path for _, path in sorted(found)]


def read_after(
    player_dir: Path,
    after: int,
    lock: LockFactory,
    warnings: list[str],
    known: dict[Path, HistoryFile | None] | None = None,
    cache: ParsedFiles | None = None,
) -> tuple[list[StoredRound], dict[Path, HistoryFile | None]]:
    """History rounds numbered above `after`, in order (what the aggregates have not seen),
    and the files read on the way (None for a file with no usable copy).

    Reads forward from the file that would hold round `after + 1` until a file is missing;
    with `after == 0` it lists the folder instead, so gaps left by lost files are skipped.
    Files in `known` (read earlier under the same lock) are not read again.
    """
    if after == 0:
        paths: Iterator[Path] = iter(history_files(player_dir))
    else:
        paths = _paths_from(player_dir, file_index(after + 1))
    pending: list[StoredRound] = []
    files: dict[Path, HistoryFile | None] = {}
    for path in paths:
        if known is not None and path in known:
            files[path] = known[path]
        else:
            loaded = read_history_file(path, lock, cache)
            warnings.extend(loaded.warnings)
            files[path] = loaded.value
        value = files[path]
        if value is not None:
            pending.extend(stored for stored in value.rounds if stored.round > after)
    return pending, files


def _paths_from(player_dir: Path, index: int) -> Iterator[Path]:
    while True:
        path = history_path(player_dir, index)
        if not path.exists() and not backup_path(path, 1).exists():
            return
        yield path
        index += 1


def rounds_newest_first(
    player_dir: Path, lock: LockFactory, warnings: list[str]
) -> Iterator[StoredRound]:
    """Every recorded round, newest first, reading one small file at a time."""
    for path in reversed(history_files(player_dir)):
        loaded = read_history_file(path, lock)
        warnings.extend(loaded.warnings)
        if loaded.value is not None:
            yield from reversed(loaded.value.rounds)
