"""Shared fixtures: every test runs isolated from the developer's own saves and config."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI must be reproducible: the same examples every run, so a red CI is a real regression and
# not a new random draw. Locally, hypothesis explores. No deadlines: the machines are shared.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
# Shared test helpers (`fakes`) import by name under --import-mode=importlib.
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))
QUESTIONS = ROOT / "questions"
ARTICLE = ROOT.parent / "shared" / "source-article.txt"


@pytest.fixture(autouse=True)
def isolated_saves(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point save files and caches at a fresh temp folder, never ./saves or the user's."""
    folder = tmp_path_factory.mktemp("saves")
    monkeypatch.setenv("QUIZ_SAVES_DIR", str(folder))
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder
