"""Fixtures for the pack-loading tests: the valid fixture pack and a way to write variants."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD_PACK = FIXTURES / "good.toml"


@pytest.fixture
def good_text() -> str:
    """The text of a valid pack that uses every question type and relation kind."""
    return GOOD_PACK.read_text(encoding="utf-8")


@pytest.fixture
def write_pack(tmp_path: Path) -> Callable[..., Path]:
    """write_pack(text, name="pack.toml") -> the path of a real file holding `text`."""

    def write(text: str | bytes, name: str = "pack.toml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def _line_of(text: str, fragment: str) -> int:
    assert text.count(fragment) == 1, f"{fragment!r} occurs {text.count(fragment)} times"
    return text[: text.index(fragment)].count("\n") + 1


@pytest.fixture
def replace_once() -> Callable[[str, str, str], str]:
    """replace_once(text, old, new): `old` must occur exactly once (so edits can't miss)."""
    return _replace_once


@pytest.fixture
def line_of() -> Callable[[str, str], int]:
    """line_of(text, fragment): the 1-based line of the one occurrence of `fragment`."""
    return _line_of
