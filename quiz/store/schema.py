"""The save file formats (pydantic models) and the migrations from older versions.

Versions: `profile.toml` is at schema 3, the history files, `stats.toml` and `study.toml` at
2. Every file at these versions ends with its end line (quiz.store.end_line); older versions
had none and are read without it. Profile version 1 kept the theme at the top level and high
scores in one flat list, and no round counts; history version 1 had no `round_id` (nor the
time limit, speed and time-outs a round was played with); stats version 1 kept one set of
totals for every pack, by day.
Each model validates a whole file; `extra="forbid"` makes a misspelt key schema-invalid.
`SaveKind` ties each kind of file to its version and its parser.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from quiz.game.result import RoundResult

PROFILE_VERSION: Final = 3
HISTORY_VERSION: Final = 2
STUDY_VERSION: Final = 2
STATS_VERSION: Final = 2
ROUNDS_PER_FILE = 10
HIGH_SCORES_KEPT = 10
RECENT_KEPT = 20
ROUND_POINTS_KEPT = 100


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Settings(_Model):
    """Per-player preferences."""

    theme: str | None = Field(default=None, max_length=100)
    bell: bool | None = Field(default=None, description="Ring on a miss; None: never chosen.")


class HighScore(_Model):
    """One entry of a top-10 table."""

    score: int = Field(ge=0)
    accuracy: float = Field(ge=0, le=1)
    date: datetime
    round: int = Field(ge=0, description="Round number in the history; 0 if migrated.")
    pack_version: str = ""


class TagStats(_Model):
    asked: int = Field(default=0, ge=0)
    correct: int = Field(default=0, ge=0)


class QuestionStats(_Model):
    asked: int = Field(default=0, ge=0)
    missed: int = Field(default=0, ge=0)
    last_seen: datetime | None = None


class RoundPoint(_Model):
    """One recorded round: a point of the Scores chart and of the menu's sparkline."""

    round: int = Field(ge=1)
    date: datetime
    score: int = Field(ge=0)
    accuracy: float = Field(ge=0, le=1)
    seed: int | None = None


class PackStats(_Model):
    """One pack's totals: answers per tag and per question, and its latest rounds by mode
    (the newest ROUND_POINTS_KEPT of each, oldest first)."""

    tags: dict[str, TagStats] = {}
    questions: dict[str, QuestionStats] = {}
    rounds: dict[str, list[RoundPoint]] = {}


class RecentRound(_Model):
    round: int = Field(ge=1)
    date: datetime
    pack_id: str
    mode: str
    score: int = Field(ge=0)
    accuracy: float = Field(ge=0, le=1)


class Profile(_Model):
    """`profile.toml`: the name, settings, high scores and recent rounds.

    `applied_through` is the last history round folded in; later history rounds (written
    since the last checkpoint, or before a crash) are folded in when the file is read.
    """

    schema_version: Literal[3] = PROFILE_VERSION
    name: str = Field(min_length=1, max_length=200)
    created: datetime
    settings: Settings = Settings()
    applied_through: int = Field(default=0, ge=0)
    rounds: int = Field(default=0, ge=0, description="Rounds folded into the aggregates.")
    high_scores: dict[str, dict[str, list[HighScore]]] = {}
    recent: list[RecentRound] = []
    # The version the file had on disk, when it was migrated on load (then it is rewritten
    # at the next write, keeping the old file as a backup).
    _migrated_from: int | None = PrivateAttr(default=None)


class StatsFile(_Model):
    """`stats.toml`: totals for the Scores screen and the menu, by pack."""

    schema_version: Literal[2] = STATS_VERSION
    applied_through: int = Field(default=0, ge=0)
    packs: dict[str, PackStats] = {}


class StoredRound(RoundResult):
    """A round as kept in a history file: the RoundResult plus its number in the history and
    its id (`round_id_of`), which stays the same when the round moves to another saves folder
    and gets another number there."""

    round: int = Field(ge=1)
    round_id: str = Field(pattern=r"^[0-9a-f]{32}$")


def result_fields(result: RoundResult) -> dict[str, Any]:
    """What `result` holds as a RoundResult: a StoredRound's fields without its number and
    its id."""
    return {key: getattr(result, key) for key in RoundResult.model_fields}


def round_id_of(result: RoundResult) -> str:
    """The id of a round: a hash of what was played (everything but its number), so the
    same round has the same id wherever it is recorded or migrated, and no two rounds share
    one. Fields left at their defaults are not hashed, so adding a field later keeps the ids
    of the rounds that don't use it."""
    content = RoundResult.model_validate(
        {
            **result_fields(result),
            "started_at": result.started_at.astimezone(UTC),
        }
    ).model_dump(mode="json", exclude_defaults=True)
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


class HistoryFile(_Model):
    """`history/rounds-NNNNNN.toml`: up to ROUNDS_PER_FILE rounds, in order."""

    schema_version: Literal[2] = HISTORY_VERSION
    rounds: list[StoredRound] = []
    _migrated_from: int | None = PrivateAttr(default=None)


class CardRecord(_Model):
    """An FSRS card as TOML (None fields are left out, TOML has no null)."""

    card_id: int
    state: int = Field(ge=1, le=3)
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime
    last_review: datetime | None = None


class StudyFile(_Model):
    """`study.toml`: one FSRS card per question id the player has answered."""

    schema_version: Literal[2] = STUDY_VERSION
    applied_through: int = Field(default=0, ge=0)
    cards: dict[str, CardRecord] = {}


def to_toml_document(model: BaseModel) -> dict[str, Any]:
    """A model as a dict tomli-w can write: None values dropped, since TOML has no null."""
    return model.model_dump(mode="python", exclude_none=True)


def migrate_profile(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a profile document of any older version up to PROFILE_VERSION, step by step.
    Version 3 differs from 2 only by the end line, which is checked before parsing."""
    if data.get("schema_version") == 1:
        data = _profile_v1_to_v2(data)
    if data.get("schema_version") == 2:
        data = {**data, "schema_version": 3}
    return data


def _profile_v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1: `theme` at the top level, `[[high_scores]]` as one list with pack and mode
    in each entry, no aggregates. Version 2 nests high scores by pack and mode, moves the
    theme into [settings], and rebuilds the aggregates from the history (applied_through 0).
    """
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for entry in data.get("high_scores", []):
        table = grouped.setdefault(str(entry["pack"]), {}).setdefault(str(entry["mode"]), [])
        table.append(
            {
                "score": entry["score"],
                "accuracy": entry.get("accuracy", 0.0),
                "date": entry["date"],
                "round": 0,
                "pack_version": str(entry.get("pack_version", "")),
            }
        )
    settings = {"theme": data["theme"]} if data.get("theme") else {}
    return {
        "schema_version": 2,
        "name": data["name"],
        "created": data["created"],
        "settings": settings,
        "applied_through": 0,
        "high_scores": grouped,
    }


def parse_profile(data: dict[str, Any]) -> Profile:
    version = data.get("schema_version")
    profile = Profile.model_validate(migrate_profile(data))
    if version != PROFILE_VERSION:
        profile._migrated_from = version
    return profile


def migrate_history(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a history document of any older version up to HISTORY_VERSION. Version 1 had no
    `round_id`: each round gets the id of its content (so two copies of one old file agree)."""
    if data.get("schema_version") == 1:
        rounds = []
        for entry in data.get("rounds", []):
            fields = {key: value for key, value in entry.items() if key != "round"}
            rounds.append({**entry, "round_id": round_id_of(RoundResult.model_validate(fields))})
        data = {**data, "schema_version": 2, "rounds": rounds}
    return data


def parse_history(data: dict[str, Any]) -> HistoryFile:
    version = data.get("schema_version")
    history = HistoryFile.model_validate(migrate_history(data))
    if version != HISTORY_VERSION:
        history._migrated_from = version
    return history


def _only_end_line_added(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 of stats.toml and study.toml is version 2 without the end line."""
    return {**data, "schema_version": 2} if data.get("schema_version") == 1 else data


def parse_stats(data: dict[str, Any]) -> StatsFile:
    if data.get("schema_version") == 1:
        # Version 1 kept one set of totals for every pack, by day, which cannot be split by
        # pack or round: the totals are rebuilt from the history (applied_through 0).
        return StatsFile()
    return StatsFile.model_validate(data)


def parse_study(data: dict[str, Any]) -> StudyFile:
    return StudyFile.model_validate(_only_end_line_added(data))


T = TypeVar("T")


@dataclass(frozen=True)
class SaveKind(Generic[T]):
    """One kind of save file: what it holds (in words, for messages), its current version,
    the first version that ends with an end line, and its parser (which migrates)."""

    holds: str
    version: int
    end_line_since: int
    parse: Callable[[dict[str, Any]], T]


PROFILE = SaveKind("high scores", PROFILE_VERSION, 3, parse_profile)
HISTORY = SaveKind("round history", HISTORY_VERSION, 2, parse_history)
STATS = SaveKind("stats", STATS_VERSION, 2, parse_stats)
STUDY = SaveKind("practice schedule", STUDY_VERSION, 2, parse_study)
