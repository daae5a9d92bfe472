"""Fixtures for the student page's tests: one chromium per module (pages and contexts are
cheap, browsers are not), and real hosts on 127.0.0.1."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# --import-mode=importlib does not put test folders on sys.path; the helpers live beside us
# and in the classroom tests (their questions of every type).
HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent / "classroom"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from web_helpers import CHROMIUM_ARGS, chromium_path  # noqa: E402


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's chromium under playwright (never a browser playwright downloads)."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
