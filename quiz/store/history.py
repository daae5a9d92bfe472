"""Round history: numbered rounds in small TOML files, so that recording one is cheap.

Round n lives in the file for its chunk of ROUNDS_PER_FILE consecutive round numbers
(`rounds-000001.toml` holds 1–10), in block folders of 100 files (1,000 rounds):
`history/<block>/rounds-<first>.toml`. Appending rewrites only the newest small file, so
the cost of recording stays flat however long the history grows.

A chunk is *sealed* once its last round is recorded: it is written once, gzip-compressed,
as `rounds-<first>.toml.gz` with one backup copy (`.gz.bak1`), and the plain file and its
three rolling backups are removed. A sealed chunk never changes again, so one copy is all
the backup it needs, and compressed it takes about a fifteenth of the space.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from quiz.durable import fsync_folder, write_durably
from quiz.store.end_line import add_end_line
from quiz.store.errors import BadFile
from quiz.store.files import BACKUPS, backup_path, make_folders, remove_stale_temps, write_save
from quiz.store.reading import (
    Loaded,
    LockFactory,
    ParsedFiles,
    looks_whole,
    read_recovering,
    read_save_bytes,
)
from quiz.store.schema import (
    HISTORY,
    HISTORY_VERSION,
    ROUNDS_PER_FILE,
    HistoryFile,
    StoredRound,
    to_toml_document,
)

FILES_PER_BLOCK = 100
# How many of the newest history files a player open looks at (the last 1,000 rounds):
# enough to find damage where play happens, few enough that opening stays flat.
FILES_LOOKED_AT = 100
_CHUNK_FILE = re.compile(r"rounds-(\d{6,})\.toml(?:\.gz)?(?:\.bak\d)?")


def file_index(round_number: int) -> int:
    """Which history chunk holds `round_number` (0-based)."""
    return (round_number - 1) // ROUNDS_PER_FILE


def history_path(player_dir: Path, index: int) -> Path:
    """The plain file of chunk `index` (while it is not complete)."""
    first = index * ROUNDS_PER_FILE + 1
    return player_dir / "history" / f"{index // FILES_PER_BLOCK:04d}" / f"rounds-{first:06d}.toml"


def sealed_path(player_dir: Path, index: int) -> Path:
    """The sealed (complete, compressed) file of chunk `index`."""
    plain = history_path(player_dir, index)
    return plain.with_name(f"{plain.name}.gz")


def _copies(player_dir: Path, index: int) -> list[Path]:
    """Every name chunk `index` may have on disk: sealed and plain, and their backups."""
    sealed, plain = sealed_path(player_dir, index), history_path(player_dir, index)
    return [sealed, backup_path(sealed, 1), plain] + [
        backup_path(plain, number) for number in range(1, BACKUPS + 1)
    ]


@dataclass
class Chunk:
    """One history chunk as read: its rounds (empty when it has no usable copy), its text
    when it is a plain file at the current version (to append to), whether it is sealed,
    and whether any copy of it was found."""

    rounds: list[StoredRound]
    text: str | None = None
    sealed: bool = False
    found: bool = False


def read_chunk(
    player_dir: Path,
    index: int,
    lock: LockFactory,
    warnings: list[str],
    cache: ParsedFiles | None = None,
) -> Chunk:
    """Chunk `index`: its sealed file when there is a good one, else its plain file, each
    recovering from its backups. The rounds are shared with `cache`: never change them."""
    sealed = read_recovering(sealed_path(player_dir, index), HISTORY, lock=lock, cache=cache)
    warnings.extend(sealed.warnings)
    if sealed.value is not None:
        return Chunk(list(sealed.value.rounds), sealed=True, found=True)
    plain = read_recovering(history_path(player_dir, index), HISTORY, lock=lock, cache=cache)
    warnings.extend(plain.warnings)
    return _chunk(plain)


def _chunk(loaded: Loaded[HistoryFile]) -> Chunk:
    if loaded.value is None:
        return Chunk([])
    current = loaded.value._migrated_from is None
    return Chunk(list(loaded.value.rounds), loaded.text if current else None, found=True)


def round_document(stored: StoredRound) -> dict[str, Any]:
    """A round as the TOML table written to the history."""
    document = to_toml_document(stored)
    # Keep the round number first: it is what a person scanning the file looks for.
    return {"round": document.pop("round"), "round_id": document.pop("round_id"), **document}


def chunk_text(rounds: list[StoredRound]) -> str:
    """The TOML text of a history file holding `rounds` (without its end line)."""
    return tomli_w.dumps(
        {"schema_version": HISTORY_VERSION, "rounds": [round_document(r) for r in rounds]}
    )


def write_chunk(player_dir: Path, index: int, chunk: Chunk, added: list[StoredRound]) -> Chunk:
    """Durably write chunk `index` with the rounds `added` after those already in `chunk`
    (as just read, under the player's lock); returns the chunk as now on disk.

    A plain file at the current version keeps its text byte for byte, with the new
    `[[rounds]]` tables added after it; anything else is written whole. A chunk whose last
    round number is filled is sealed.
    """
    rounds = [*chunk.rounds, *added]
    if chunk.text is not None and not chunk.sealed:
        addition = tomli_w.dumps({"rounds": [round_document(r) for r in added]})
        text = f"{chunk.text.rstrip()}\n\n{addition}"
    else:
        text = chunk_text(rounds)
    plain = history_path(player_dir, index)
    make_folders(plain.parent)
    remove_stale_temps(plain.parent)
    if index > 0:
        _finish_seal(player_dir, index - 1)
    if chunk.sealed or rounds[-1].round % ROUNDS_PER_FILE == 0:
        seal(player_dir, index, text)
        return Chunk(rounds, sealed=True, found=True)
    write_save(plain, text, keep_backup=chunk.found)
    return Chunk(rounds, text, found=True)


def seal(player_dir: Path, index: int, text: str) -> None:
    """Write chunk `index` as its sealed file and that file's backup copy, then remove the
    plain file and its backups. Each step is durable, so a crash anywhere leaves the
    rounds readable: the sealed file is read first, the plain one while it is missing."""
    data = gzip.compress(add_end_line(text), mtime=0)
    sealed = sealed_path(player_dir, index)
    write_durably(sealed, data)
    write_durably(backup_path(sealed, 1), data)
    _finish_seal(player_dir, index)
    fsync_folder(sealed.parent)


def _finish_seal(player_dir: Path, index: int) -> None:
    """Remove what a seal interrupted by a crash left of the plain file, once the sealed
    file and its backup copy are both there."""
    sealed, plain = sealed_path(player_dir, index), history_path(player_dir, index)
    if (
        os.path.lexists(plain)
        and os.path.lexists(sealed)
        and os.path.lexists(backup_path(sealed, 1))
    ):
        for leftover in [plain] + [backup_path(plain, n) for n in range(1, BACKUPS + 1)]:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def _files_by_chunk(
    player_dir: Path, newest_blocks: int | None = None
) -> dict[int, dict[str, os.DirEntry[str]]]:
    """Every history file of a player (backups too), by chunk index and name: one listing
    of each block folder (or of the `newest_blocks` newest), whose entries know their type
    and, once asked, their status."""
    chunks: dict[int, dict[str, os.DirEntry[str]]] = {}
    blocks: list[os.DirEntry[str]] = []
    with contextlib.suppress(OSError), os.scandir(player_dir / "history") as listing:
        blocks = sorted(
            (entry for entry in listing if entry.is_dir(follow_symlinks=False)),
            key=lambda entry: entry.name,
        )
    for block in blocks[-newest_blocks:] if newest_blocks else blocks:
        with contextlib.suppress(OSError), os.scandir(block.path) as entries:
            for entry in entries:
                name = entry.name
                # "rounds-<first>.toml…": checked by the pattern only when it looks so.
                if name.startswith("rounds-") and _CHUNK_FILE.fullmatch(name):
                    first = int(name[7 : name.index(".")])
                    chunks.setdefault(file_index(first), {})[name] = entry
    return chunks


def chunk_indexes(player_dir: Path) -> list[int]:
    """Every history chunk of a player that has any file (or backup) on disk, oldest first."""
    return sorted(_files_by_chunk(player_dir))


def _chunk_exists(player_dir: Path, index: int) -> bool:
    return any(os.path.lexists(path) for path in _copies(player_dir, index))


def read_after(
    player_dir: Path,
    after: int,
    lock: LockFactory,
    warnings: list[str],
    known: dict[int, Chunk] | None = None,
    cache: ParsedFiles | None = None,
) -> tuple[list[StoredRound], dict[int, Chunk]]:
    """History rounds numbered above `after`, in order (what the aggregates have not seen),
    and the chunks read on the way, by index.

    Reads forward from the chunk that would hold round `after + 1` until a chunk has no
    file at all; with `after == 0` it lists the folder instead, so gaps are skipped.
    Chunks in `known` (read earlier under the same lock) are not read again.
    """
    if after == 0:
        indexes: Iterator[int] = iter(chunk_indexes(player_dir))
    else:
        indexes = _indexes_from(player_dir, file_index(after + 1))
    pending: list[StoredRound] = []
    chunks: dict[int, Chunk] = {}
    for index in indexes:
        if known is not None and index in known:
            chunks[index] = known[index]
        else:
            chunks[index] = read_chunk(player_dir, index, lock, warnings, cache)
        pending.extend(stored for stored in chunks[index].rounds if stored.round > after)
    return pending, chunks


def _indexes_from(player_dir: Path, index: int) -> Iterator[int]:
    while _chunk_exists(player_dir, index):
        yield index
        index += 1


def rounds_newest_first(
    player_dir: Path, lock: LockFactory, warnings: list[str]
) -> Iterator[StoredRound]:
    """Every recorded round, newest first, reading one small file at a time."""
    for index in reversed(chunk_indexes(player_dir)):
        yield from reversed(read_chunk(player_dir, index, lock, warnings).rounds)


def chunks_needing_a_look(player_dir: Path) -> list[int]:
    """Of the newest FILES_LOOKED_AT chunks, those whose files don't look whole at a glance:
    only backups left; a plain file that does not end with its end line (see
    `looks_whole`); a sealed file that is not a regular file the size of its backup copy, or
    that changed after the copy was made (a sealed file is written before its copy and never
    again). A listing of the newest two block folders and one status per sealed file and
    copy, so opening a player costs about the same at 1,000 rounds as at 10,000. Older
    chunks are checked as they are read."""
    found = []
    files_by_chunk = _files_by_chunk(player_dir, newest_blocks=2)
    newest = max(files_by_chunk, default=0)
    for index, files in files_by_chunk.items():
        if index <= newest - FILES_LOOKED_AT:
            continue
        plain = f"rounds-{index * ROUNDS_PER_FILE + 1:06d}.toml"
        sealed = files.get(f"{plain}.gz")
        if sealed is not None:
            whole = _unchanged_since_sealed(sealed, files.get(f"{plain}.gz.bak1"))
        elif plain in files:
            whole = looks_whole(Path(files[plain].path), HISTORY)
        else:
            whole = False  # only backups left
        if not whole:
            found.append(index)
    return sorted(found)


def _unchanged_since_sealed(sealed: os.DirEntry[str], copy: os.DirEntry[str] | None) -> bool:
    try:
        if copy is None or not sealed.is_file(follow_symlinks=False):
            return False
        status, copied = sealed.stat(follow_symlinks=False), copy.stat(follow_symlinks=False)
    except OSError:
        return False
    return (
        status.st_size == copied.st_size
        and status.st_mtime_ns <= copied.st_mtime_ns
        and status.st_ctime_ns <= copied.st_ctime_ns
    )


def renew_sealed_copy(player_dir: Path, index: int) -> None:
    """Write the backup copy of sealed chunk `index` again from the sealed file (which the
    caller has just read whole), so that the copy is newer than the file again, after a
    restore or a copy of the saves folder that wrote them in the other order."""
    sealed = sealed_path(player_dir, index)
    with contextlib.suppress(OSError, BadFile):
        raw, _version = read_save_bytes(sealed)
        write_durably(backup_path(sealed, 1), raw)
