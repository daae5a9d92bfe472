"""The validated-pack cache: keyed by content, invalidated on change, never in the way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.packs import cache
from quiz.packs.errors import PackError
from quiz.packs.loader import load_pack

WritePack = Callable[..., Path]


def entries() -> list[Path]:
    folder = cache.cache_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_cache_folder_follows_quiz_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache.cache_dir() == tmp_path / "elsewhere" / "packs"


def test_first_load_writes_one_entry_named_by_content_hash(
    good_text: str, write_pack: WritePack
) -> None:
    path = write_pack(good_text)
    load_pack(path)
    [entry] = entries()
    assert entry.name == cache.cache_key(path.read_bytes()) + ".json"
    # The temp file (always a dot-file) was renamed, not left behind.
    assert not [p for p in cache.cache_dir().iterdir() if p.name.startswith(".")]


def test_second_load_comes_from_the_cache(good_text: str, write_pack: WritePack) -> None:
    path = write_pack(good_text)
    first = load_pack(path)
    [entry] = entries()
    # Plant a different (valid) pack under the same key: only a cache read can return it.
    planted = first.model_copy(update={"pack": first.pack.model_copy(update={"title": "Cached"})})
    entry.write_text(planted.model_dump_json(), encoding="utf-8")
    assert load_pack(path).pack.title == "Cached"
    assert load_pack(path, use_cache=False).pack.title == first.pack.title


def test_cached_pack_equals_the_freshly_loaded_one(good_text: str, write_pack: WritePack) -> None:
    path = write_pack(good_text)
    fresh = load_pack(path)
    cached = load_pack(path)
    assert cached == fresh
    # What the author wrote (not defaults) survives too: writers use exclude_unset.
    assert cached.model_dump(exclude_unset=True) == fresh.model_dump(exclude_unset=True)


def test_changed_pack_gets_a_new_entry(
    good_text: str, write_pack: WritePack, replace_once: Callable[[str, str, str], str]
) -> None:
    path = write_pack(good_text)
    load_pack(path)
    path.write_text(replace_once(good_text, "Fixture: Labour", "Changed: Labour"), "utf-8")
    assert load_pack(path).pack.title.startswith("Changed")
    assert len(entries()) == 2


def test_broken_change_is_reported_not_served_from_cache(
    good_text: str, write_pack: WritePack
) -> None:
    path = write_pack(good_text)
    load_pack(path)
    path.write_text(good_text + "\nnonsense = [\n", "utf-8")
    with pytest.raises(PackError):
        load_pack(path)


@pytest.mark.parametrize("junk", [b"", b"{not json", b'{"pack": {"id": 3}}', b"\xff\xfe"])
def test_corrupt_entry_is_ignored_and_rewritten(
    junk: bytes, good_text: str, write_pack: WritePack
) -> None:
    path = write_pack(good_text)
    expected = load_pack(path)
    [entry] = entries()
    entry.write_bytes(junk)
    assert load_pack(path) == expected
    assert entry.read_bytes() != junk


def test_unreadable_entry_is_ignored(good_text: str, write_pack: WritePack) -> None:
    path = write_pack(good_text)
    expected = load_pack(path)
    [entry] = entries()
    entry.unlink()
    entry.mkdir()  # a directory where the entry should be: reading it fails
    assert load_pack(path) == expected


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_cache_folder_on_a_read_only_filesystem_does_not_break_loading(
    good_text: str, write_pack: WritePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # /proc refuses new files even to root, unlike a chmod-ed folder.
    monkeypatch.setenv("QUIZ_CACHE_DIR", "/proc/self")
    path = write_pack(good_text)
    assert load_pack(path).pack.id == "fixture-good"
    assert load_pack(path).pack.id == "fixture-good"


def test_cache_folder_that_is_a_file_does_not_break_loading(
    good_text: str, write_pack: WritePack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(blocker))
    assert load_pack(write_pack(good_text)).pack.id == "fixture-good"
    assert load_pack(write_pack(good_text)).pack.id == "fixture-good"


def test_use_cache_false_neither_reads_nor_writes(good_text: str, write_pack: WritePack) -> None:
    load_pack(write_pack(good_text), use_cache=False)
    assert entries() == []
