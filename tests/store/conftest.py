"""Fixtures for the save-file tests: a store in a temp folder and a round factory."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.game.result import AnswerResult, RoundResult
from quiz.store import SaveStore

# The shared helpers here (`play_kit`) import by name under --import-mode=importlib.
HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
RoundFactory = Callable[..., RoundResult]


def build_round(
    number: int,
    *,
    player: str = "Ada",
    pack_id: str = "labour-2010",
    mode: str = "classic",
    score: int | None = None,
    questions: int = 10,
    wrong_every: int = 3,
    start: datetime = START,
) -> RoundResult:
    """Round `number`: seed = number, a deterministic score, every 3rd answer wrong."""
    answers = tuple(
        AnswerResult(
            question_id=f"{pack_id}/q{(number * questions + index) % 40:02d}",
            given=f"answer {index}",
            correct=(number + index) % wrong_every != 0,
            credit=1.0,
            points=100,
            seconds=2.5,
            tags=("people",) if index % 2 else ("unions", "numbers"),
        )
        for index in range(questions)
    )
    return RoundResult(
        player=player,
        pack_id=pack_id,
        pack_version="1.0",
        mode=mode,
        seed=number,
        started_at=start + timedelta(hours=number),
        duration=30.0,
        score=score if score is not None else 1000 + (number * 37) % 900,
        best_streak=2,
        answers=answers,
    )


@pytest.fixture
def make_round() -> RoundFactory:
    return build_round


@pytest.fixture
def saves_root(tmp_path: Path) -> Path:
    return tmp_path / "saves"


@pytest.fixture
def store(saves_root: Path) -> SaveStore:
    return SaveStore(saves_root, clock=lambda: START)
