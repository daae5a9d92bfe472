"""Moving a player between saves folders: reading a `quiz player export` file and merging it
into a player (`quiz player import`).

A round is known by its `round_id` (a hash of what was played), not by its number, which is
only its place in one saves folder: a round already there is skipped, so importing the same
file twice, or two machines importing each other's exports, never counts a round twice.
New rounds are recorded after the player's own, in the file's order, and get the next
numbers here. High scores and study cards follow the rounds; what the file knows beyond its
rounds comes along too (high scores whose round is not in the file; a study card reviewed
later than any round, when rounds were lost on the way). See `merge_cards` for the rule.

The file is read and checked whole before anything is written: a bad file is one SaveError
line naming the file and the field, and leaves every save as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from fsrs import Card
from pydantic import BaseModel, ConfigDict, ValidationError

from quiz.game import study
from quiz.game.result import RoundResult
from quiz.store.aggregates import as_utc, high_score_rank
from quiz.store.errors import BadFile, PlayerNameError, SaveError
from quiz.store.files import write_toml
from quiz.store.paths import clean_player_name
from quiz.store.player_files import STUDY_FILE
from quiz.store.players import EXPORT_VERSION
from quiz.store.reading import read_save_bytes, toml_of
from quiz.store.schema import (
    HIGH_SCORES_KEPT,
    PROFILE_VERSION,
    CardRecord,
    Profile,
    StoredRound,
    parse_profile,
    result_fields,
    round_id_of,
    to_toml_document,
)
from quiz.store.study_state import card_from_record, card_to_record

if TYPE_CHECKING:
    from quiz.store.savestore import SaveStore

T = TypeVar("T")
A = TypeVar("A")
# An export holds every round a player has played, about 2.4 MB per 1,000 rounds: far more
# than one save file. Parsing takes some 20 times the file's size in memory.
MAX_EXPORT_BYTES = 64 * 1024 * 1024
_NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class PlayerExport:
    """A `quiz player export` file, checked: the profile, every round (each with its id) in
    the file's order, and the study cards by question id."""

    path: Path
    profile: Profile
    rounds: list[StoredRound]
    cards: dict[str, Card]


@dataclass(frozen=True)
class ImportSummary:
    """What `import_player` did: the player's name, whether it was new, how many rounds
    were added and how many were there already."""

    player: str
    created: bool
    added: int
    present: int


class _ExportDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    export_version: int
    profile: dict[str, Any]
    rounds: list[dict[str, Any]] = []
    study: dict[str, dict[str, Any]] = {}


def read_export(path: Path) -> PlayerExport:
    """The export file at `path`, checked whole. Raises SaveError (one line naming the file
    and, for a value that is wrong, the field) for anything that is not a good export."""
    try:
        # Followed: the user names this file, so it may be a link to it.
        raw, _version = read_save_bytes(path, follow_links=True, limit=MAX_EXPORT_BYTES)
        if not raw.strip():
            raise BadFile("the file is empty")
        data, _text = toml_of(raw)
    except FileNotFoundError:
        raise _bad(path, "no such file") from None
    except BadFile as error:
        raise _bad(path, str(error)) from None
    version = data.get("export_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _bad(
            path, "export_version: missing, so this is not a file `quiz player export` wrote"
        )
    if version > EXPORT_VERSION:
        raise _bad(
            path,
            f"export_version: {version}, written by a newer quiz (this one reads up to "
            f"{EXPORT_VERSION}); upgrade quiz to import it",
        )
    document = _checked(path, "", _ExportDocument.model_validate, data)
    profile_version = document.profile.get("schema_version")
    if isinstance(profile_version, int) and profile_version > PROFILE_VERSION:
        raise _bad(
            path,
            f"profile.schema_version: {profile_version}, written by a newer quiz (this one "
            f"reads up to {PROFILE_VERSION}); upgrade quiz to import it",
        )
    profile = _checked(path, "profile", parse_profile, document.profile)
    rounds = [
        _checked(path, f"rounds[{index}]", _stored_round, entry)
        for index, entry in enumerate(document.rounds)
    ]
    cards = {
        qid: card_from_record(_checked(path, f"study.{qid}", CardRecord.model_validate, record))
        for qid, record in document.study.items()
    }
    return PlayerExport(path, profile, rounds, cards)


def _stored_round(entry: dict[str, Any]) -> StoredRound:
    """A round of the file; one exported before rounds had ids gets the id of its content."""
    if "round_id" not in entry:
        fields = {key: value for key, value in entry.items() if key != "round"}
        entry = {**entry, "round_id": round_id_of(RoundResult.model_validate(fields))}
    return StoredRound.model_validate(entry)


def _checked(path: Path, where: str, parse: Callable[[A], T], data: A) -> T:
    """`parse(data)`, its errors turned into one line naming `path` and the field."""
    try:
        return parse(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = _field_name(where, first["loc"])
        raise _bad(path, f"{field}: {first['msg']}") from None
    except SaveError as error:
        raise _bad(path, f"{where}: {error}") from None
    except (KeyError, TypeError, ValueError) as error:  # a migration meeting an odd shape
        raise _bad(path, f"{where}: does not match the save format ({error})") from None


def _field_name(where: str, loc: Iterable[int | str]) -> str:
    """('answers', 2, 'correct') under 'rounds[0]' -> 'rounds[0].answers[2].correct'."""
    name = where
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name or "(top level)"


def _bad(path: Path, problem: str) -> SaveError:
    return SaveError(f"{path}: {problem}")


def import_player(store: SaveStore, path: Path, name: str | None = None) -> ImportSummary:
    """Merge the export at `path` into the player called `name` (default: the name in the
    file), creating the player if there is none. Rounds already there are skipped (by id).
    Raises SaveError for a bad file before anything is written; PlayerNameError for a name
    that can't be used; OSError or SaveError when the saves can't be written."""
    export = read_export(path)
    if name is not None:
        clean = clean_player_name(name)
    else:
        try:
            clean = clean_player_name(export.profile.name)
        except PlayerNameError as error:
            raise _bad(path, f"profile.name: {error}") from None
    folder = store.find_player(clean)
    created = folder is None
    if folder is None:
        store.create_player(clean)
        folder = store.find_player(clean)
        if folder is None:  # deleted at once by another quiz
            raise SaveError(f"{store.players_dir}: the new player {clean!r} disappeared")
    with store.locked(folder):
        files = store.player_files(folder)
        local_cards = files.study()[2]
        local_rounds = store.history(clean)
        known = {stored.round_id for stored in local_rounds}
        added: list[StoredRound] = []
        for stored in export.rounds:
            ids = {stored.round_id, round_id_of(stored)}
            if known.isdisjoint(ids):
                added.append(stored)
            known |= ids
        if added:
            results = [RoundResult.model_validate(result_fields(stored)) for stored in added]
            store.import_rounds(clean, results)
        state = files.state(clean)
        profile = state.profile
        merge_high_scores(profile, export.profile)
        profile.created = (
            export.profile.created if created else min(profile.created, export.profile.created)
        )
        if profile.settings.theme is None:
            profile.settings.theme = export.profile.settings.theme
        files.write_profile(state)
        study_file, on_disk, cards = files.study()
        if added:
            cards = replayed_cards([*reversed(local_rounds), *added])
        merged = merge_cards(cards, local_cards, export.cards)
        study_file.cards = {qid: card_to_record(card) for qid, card in merged.items()}
        write_toml(folder / STUDY_FILE, to_toml_document(study_file), keep_backup=on_disk)
    return ImportSummary(profile.name, created, len(added), len(export.rounds) - len(added))


def merge_high_scores(profile: Profile, other: Profile) -> None:
    """Add `other`'s high scores to `profile`'s tables in place, each entry once (an entry
    is its score and date). Entries that come in this way have no round here (round 0):
    those with a round were added when the round was."""
    for pack_id, tables in other.high_scores.items():
        for key, entries in tables.items():
            table = profile.high_scores.setdefault(pack_id, {}).setdefault(key, [])
            for entry in entries:
                date = as_utc(entry.date)
                if any(mine.score == entry.score and as_utc(mine.date) == date for mine in table):
                    continue
                rank = high_score_rank(table, entry.score)
                if rank is not None:
                    table.insert(rank - 1, entry.model_copy(update={"date": date, "round": 0}))
                    del table[HIGH_SCORES_KEPT:]


def replayed_cards(rounds: Sequence[StoredRound]) -> dict[str, Card]:
    """The study cards that every answer of `rounds`, reviewed in the order they were
    played (by start time; rounds that started together in the given order), gives: what
    one machine that played them all would have."""
    cards: dict[str, Card] = {}
    for stored in sorted(rounds, key=lambda stored: as_utc(stored.started_at)):
        cards = study.review_round(cards, stored)
    return cards


def merge_cards(replayed: Mapping[str, Card], *others: Mapping[str, Card]) -> dict[str, Card]:
    """One card per question: the one reviewed last among the history's own (`replayed`)
    and the study states merged (`others`), the history's on a tie. A card reviewed later
    than any round knows of rounds that were lost, so it is the better guess."""
    merged = dict(replayed)
    for cards in others:
        for qid, card in cards.items():
            mine = merged.get(qid)
            if mine is None or _last_review(card) > _last_review(mine):
                merged[qid] = card
    return merged


def _last_review(card: Card) -> datetime:
    return _NEVER if card.last_review is None else as_utc(card.last_review)
