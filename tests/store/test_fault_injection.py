"""Fault injection: every kind of save file × every kind of damage × every command that reads
saves. Whatever the damage, no command shows a traceback; the damage is said once, in a line
naming the file; the bad file is kept (set aside, or left alone when a newer quiz wrote it);
nothing else is lost, other players are untouched, and later rounds are saved.

It holds for root (these tests run as root): the damage is made of what a file *is* (a
folder, a named pipe, a link out of the folder) rather than permission bits, and an
unreadable file is, for root, a file whose every open is refused with EACCES.
"""

from __future__ import annotations

import asyncio
import errno
import gzip
import hashlib
import os
import re
import shutil
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from play_kit import play_in_app, play_plain, run_cli, write_pack

from quiz.game.result import AnswerResult, RoundResult
from quiz.store import NewerSaveError, SaveStore

KINDS = {
    "profile": "profile.toml",
    "stats": "stats.toml",
    "study": "study.toml",
    "newest history": "history/0000/rounds-000021.toml",
    "older history": "history/0000/rounds-000001.toml.gz",
}
DAMAGES = [
    "cut at a byte",
    "cut at a line",
    "cut at a table",
    "empty",
    "garbage",
    "newer version",
    "folder",
    "named pipe",
    "link outside",
    "unreadable",
]
COMMANDS = ["play", "plain play", "practice", "scores", "player list"]
PLAYING = {"play", "plain play", "practice"}
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _round(number: int, player: str) -> RoundResult:
    answers = tuple(
        AnswerResult(
            question_id=f"labour-2010/q{(number + index) % 30:02d}",
            given=f"answer {index}",
            correct=(number + index) % 3 != 0,
            credit=1.0,
            points=100,
            seconds=2.5,
            tags=("people",),
        )
        for index in range(5)
    )
    return RoundResult(
        player=player,
        pack_id="labour-2010",
        pack_version="1.0",
        mode="classic",
        seed=number,
        started_at=START + timedelta(hours=number),
        duration=30.0,
        score=100 * number,
        best_streak=2,
        answers=answers,
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ada with 23 rounds (two sealed history chunks, a plain one of three rounds, backups
    of everything) and Bea with 5, built once and copied for every case."""
    root = tmp_path_factory.mktemp("template") / "saves"
    store = SaveStore(root)
    for number in range(1, 24):
        assert store.record_round("Ada", _round(number, "Ada")).saved
    store.set_theme("Ada", "nord")
    for number in range(1, 6):
        assert store.record_round("Bea", _round(number, "Bea")).saved
    write_pack(root.parent)
    return root


def _with_end_line(body: bytes) -> bytes:
    return body + b"# end sha256=" + hashlib.sha256(body).hexdigest().encode() + b"\n"


def _text_damage(damage: str, good: bytes) -> bytes:
    """Damage done to the text of a save file (inside the gzip for a sealed one)."""
    if damage == "cut at a line":
        return good[: good.rfind(b"\n", 0, len(good) * 2 // 3) + 1]
    if damage == "cut at a table":
        return good[: good.rfind(b"\n[", 0, len(good) - 80) + 1]
    assert damage == "newer version"  # a whole, valid file as a newer quiz would write it
    body = good[: good.rstrip(b"\n").rfind(b"\n") + 1]
    return _with_end_line(re.sub(rb"schema_version = \d+", b"schema_version = 99", body, count=1))


@dataclass
class Damaged:
    """What a case did to the file, to check that the bad file was kept."""

    path: Path
    kind: str  # "bytes", "newer", "folder", "named pipe", "link", "unreadable"
    content: bytes = b""
    link_target: Path | None = None


def _refuse_reading(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the file now at `path` unreadable: no read permission for anyone. Root reads any
    file whatever its permission bits, so for root every open of this very file (its inode,
    wherever it is renamed) is also refused with EACCES, as the system refuses it to a user
    without read permission."""
    path.chmod(0)  # what makes a file unreadable for everyone but root
    if os.geteuid() != 0:
        return
    status = path.stat()
    refused = (status.st_dev, status.st_ino)
    real_open = os.open

    def open_refusing(file: object, flags: int, *args: object, **kwargs: object) -> int:
        if kwargs.get("dir_fd") is None and isinstance(file, str | Path):
            try:
                found = os.stat(file, follow_symlinks=False)
            except OSError:
                found = None
            if found is not None and (found.st_dev, found.st_ino) == refused:
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", open_refusing)


def _damage(path: Path, damage: str, outside: Path, monkeypatch: pytest.MonkeyPatch) -> Damaged:
    good = path.read_bytes()
    sealed = path.name.endswith(".gz")
    if damage in ("cut at a line", "cut at a table", "newer version"):
        text = gzip.decompress(good) if sealed else good
        damaged = _text_damage(damage, text)
        bad = gzip.compress(damaged, mtime=0) if sealed else damaged
        path.write_bytes(bad)
        return Damaged(path, "newer" if damage == "newer version" else "bytes", bad)
    if damage in ("cut at a byte", "empty", "garbage"):
        bad = {
            "cut at a byte": good[: len(good) * 2 // 3 + 1],
            "empty": b"",
            "garbage": b"\x00\xff\xfe not toml at all [[[ \x9b\x1b[2J",
        }[damage]
        path.write_bytes(bad)
        return Damaged(path, "bytes", bad)
    path.unlink()
    if damage == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("a file in a folder that took the save file's name")
        return Damaged(path, "folder")
    if damage == "named pipe":
        os.mkfifo(path)
        return Damaged(path, "named pipe")
    if damage == "link outside":
        # A valid file of someone else's, outside the saves: never to be read or changed.
        outside.mkdir(exist_ok=True)
        target = outside / path.name
        target.write_bytes(good.replace(b"Ada", b"Eve"))
        path.symlink_to(target)
        return Damaged(path, "link", target.read_bytes(), target)
    assert damage == "unreadable"
    path.write_bytes(good)
    _refuse_reading(path, monkeypatch)
    return Damaged(path, "unreadable", good)


def _assert_kept(damaged: Damaged) -> None:
    path = damaged.path
    if damaged.kind == "newer":
        assert path.read_bytes() == damaged.content  # refused and left exactly as it was
        return
    [kept] = path.parent.glob(f"{path.name}.corrupt-*")
    mode = os.lstat(kept).st_mode
    if damaged.kind == "folder":
        assert stat.S_ISDIR(mode) and (kept / "inside.txt").exists()
    elif damaged.kind == "named pipe":
        assert stat.S_ISFIFO(mode)
    elif damaged.kind == "link":
        assert damaged.link_target is not None
        assert stat.S_ISLNK(mode) and kept.readlink() == damaged.link_target
        assert damaged.link_target.read_bytes() == damaged.content
    else:
        if damaged.kind == "unreadable":
            assert stat.S_IMODE(mode) == 0  # kept exactly as it was found
            kept.chmod(0o600)
        assert stat.S_ISREG(mode) and kept.read_bytes() == damaged.content


def _ada_folder(root: Path) -> Path:
    folder = SaveStore(root).find_player("Ada")
    assert folder is not None
    return folder


def _run(command: str, root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    pack = root.parent / "one.toml"
    if command == "play":
        return asyncio.run(play_in_app(root, pack))
    if command == "plain play":
        return play_plain(root, pack, capsys)
    if command == "practice":
        return play_plain(root, pack, capsys, "--mode", "practice")
    if command == "scores":
        return run_cli(["scores", "--saves", str(root)], "", capsys)
    return run_cli(["player", "list", "--saves", str(root)], "", capsys)


def _is_about_the_round(line: str) -> bool:
    """ "Not saved: …" or "Round 24 saved; your stats could not be updated (…)"."""
    return re.match(r"(Not saved: |Round \d+ saved; )", line) is not None


def _seeds(store: SaveStore, name: str) -> list[int | None]:
    return [stored.seed for stored in store.history(name) if stored.pack_id != "one"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_damage_is_said_once_kept_and_costs_nothing_else(
    kind: str,
    damage: str,
    command: str,
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "saves"
    shutil.copytree(template, root, symlinks=True)
    write_pack(tmp_path)
    path = _ada_folder(root) / KINDS[kind]
    damaged = _damage(path, damage, tmp_path / "elsewhere", monkeypatch)

    lines = _run(command, root, capsys)

    assert not any("Traceback" in line for line in lines)
    naming = [line for line in lines if str(path) in line]
    assert naming, f"nothing said about {path}: {lines}"
    assert len(set(naming)) == len(naming), f"said twice: {naming}"
    # One warning about the file, and at most one line about the round that names it too.
    assert len([line for line in naming if not _is_about_the_round(line)]) <= 1, naming
    assert len([line for line in naming if _is_about_the_round(line)]) <= 1, naming
    _assert_kept(damaged)
    monkeypatch.undo()  # the file set aside stays unreadable; nothing else was

    store = SaveStore(root)
    refused = damaged.kind == "newer" and kind in ("profile", "newest history")
    if damaged.kind == "newer" and "history" in kind:
        with pytest.raises(NewerSaveError):  # refused, not guessed at: nothing is lost
            store.history("Ada")
    else:
        # Only the newest round lives in the newest history file alone (its backup is one
        # round older); every other round is still there, and so is the command's round.
        lost = {23} if kind == "newest history" else set()
        assert set(_seeds(store, "Ada")) == set(range(1, 24)) - lost
        played = [stored for stored in store.history("Ada") if stored.pack_id == "one"]
        assert len(played) == (1 if command in PLAYING and not refused else 0)
    assert _seeds(store, "Bea") == [5, 4, 3, 2, 1]
    # Later rounds are saved (for Ada unless her files come from a newer quiz).
    assert store.record_round("Bea", _round(6, "Bea")).saved
    later = store.record_round("Ada", _round(30, "Ada"))
    assert later.saved != refused, later.warning
    if refused:
        assert later.warning is not None and str(path) in later.warning
    elif damaged.kind != "newer" or "history" not in kind:
        assert 30 in _seeds(SaveStore(root), "Ada")
