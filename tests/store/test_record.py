"""Recording rounds and reading them back: history, high scores, Scores-screen data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import tomli

from quiz.game.result import RoundResult
from quiz.store import SaveStore, scores_data
from quiz.store.history import chunk_indexes, history_path
from quiz.store.schema import HIGH_SCORES_KEPT, ROUNDS_PER_FILE

RoundFactory = Callable[..., RoundResult]
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_recorded_round_keeps_every_field_and_answer(
    store: SaveStore, make_round: RoundFactory
) -> None:
    result = make_round(1)
    outcome = store.record_round("Ada", result)
    assert outcome.saved and outcome.round == 1
    [stored] = store.history("Ada")
    assert stored.round == 1
    assert stored.model_dump(exclude={"round", "round_id"}) == result.model_dump()


def test_history_is_plain_toml_a_person_can_read(
    store: SaveStore, make_round: RoundFactory
) -> None:
    store.record_round("Ada", make_round(1))
    folder = store.find_player("Ada")
    assert folder is not None
    path = history_path(folder, 0)
    document = tomli.loads(path.read_text("utf-8"))
    assert document["schema_version"] == 2
    assert document["rounds"][0]["seed"] == 1
    assert document["rounds"][0]["answers"][0]["given"] == "answer 0"


def test_many_rounds_span_several_history_files_and_come_back_newest_first(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 26):
        store.record_round("Ada", make_round(number))
    folder = store.find_player("Ada")
    assert folder is not None
    assert chunk_indexes(folder) == [0, 1, 2]  # 25 rounds at 10 per file
    assert [stored.seed for stored in store.history("Ada")] == list(range(25, 0, -1))
    assert [stored.seed for stored in store.history("Ada", limit=3)] == [25, 24, 23]
    assert ROUNDS_PER_FILE == 10


def test_history_filters_by_pack_and_mode(store: SaveStore, make_round: RoundFactory) -> None:
    store.record_round("Ada", make_round(1, pack_id="a"))
    store.record_round("Ada", make_round(2, pack_id="b", mode="blitz"))
    store.record_round("Ada", make_round(3, pack_id="b"))
    assert [r.seed for r in store.history("Ada", pack_id="b")] == [3, 2]
    assert [r.seed for r in store.history("Ada", pack_id="b", mode="blitz")] == [2]


def test_high_scores_are_top_ten_per_pack_and_mode_with_dates(
    store: SaveStore, make_round: RoundFactory
) -> None:
    scores = [500, 900, 100, 1200, 700, 300, 1100, 800, 400, 600, 1000, 200]
    for number, score in enumerate(scores, 1):
        store.record_round("Ada", make_round(number, score=score))
    store.record_round("Ada", make_round(20, score=50, mode="blitz"))
    profile = store.open_profile("Ada")
    table = profile.high_scores["labour-2010"]["classic"]
    assert [entry.score for entry in table] == sorted(scores, reverse=True)[:HIGH_SCORES_KEPT]
    assert table[0].date == make_round(4).started_at
    assert [entry.score for entry in profile.high_scores["labour-2010"]["blitz"]] == [50]


def test_record_round_says_when_a_score_is_a_new_high_score(
    store: SaveStore, make_round: RoundFactory
) -> None:
    first = store.record_round("Ada", make_round(1, score=500))
    assert first.new_high_score and first.previous_best is None
    lower = store.record_round("Ada", make_round(2, score=400))
    assert not lower.new_high_score and lower.rank == 2 and lower.previous_best == 500
    higher = store.record_round("Ada", make_round(3, score=800))
    assert higher.new_high_score and higher.previous_best == 500


def test_scores_data_reports_each_round_weak_topics_and_missed_questions(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 31):  # 30 rounds an hour apart: two days from 09:00
        store.record_round("Ada", make_round(number))
    data = scores_data(store, "ada", "labour-2010")
    assert data.player == "Ada" and data.rounds == 30
    assert [point.round for point in data.points] == list(range(1, 31))
    assert data.points[0].score == 1037 and data.points[0].accuracy == 0.7
    assert data.packs == ["labour-2010"]
    accuracies = [topic.accuracy for topic in data.weakest_topics]
    assert accuracies == sorted(accuracies)
    assert {topic.tag for topic in data.weakest_topics} == {"people", "unions", "numbers"}
    assert data.most_missed and all(item.missed >= 1 for item in data.most_missed)
    misses = [item.missed for item in data.most_missed]
    assert misses == sorted(misses, reverse=True)
    assert [entry.round for entry in data.recent[:2]] == [30, 29]


def test_aggregates_match_a_count_over_the_whole_history(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 24):
        store.record_round("Ada", make_round(number))
    stats = store.stats("Ada").packs["labour-2010"]
    everything = [a for r in store.history("Ada") for a in r.answers]
    for tag, totals in stats.tags.items():
        tagged = [a for a in everything if tag in a.tags]
        assert totals.asked == len(tagged)
        assert totals.correct == sum(a.correct for a in tagged)
    assert sum(q.missed for q in stats.questions.values()) == sum(not a.correct for a in everything)


def test_theme_is_remembered_per_player(store: SaveStore) -> None:
    store.create_player("Ada")
    store.create_player("Bea")
    assert store.get_theme("Ada") is None
    assert store.set_theme("Ada", "nord")
    assert SaveStore(store.root).get_theme("ADA") == "nord"
    assert store.get_theme("Bea") is None


def test_the_bell_setting_is_remembered_per_player_beside_the_theme(store: SaveStore) -> None:
    store.create_player("Ada")
    store.create_player("Bea")
    assert store.get_bell("Ada") is False
    assert store.set_theme("Ada", "nord") and store.set_bell("Ada", True)
    reopened = SaveStore(store.root)
    assert reopened.get_bell("ada") is True and reopened.get_theme("Ada") == "nord"
    assert reopened.get_bell("Bea") is False
    assert store.set_bell("Ada", False)
    assert SaveStore(store.root).get_bell("Ada") is False


def test_a_new_store_sees_rounds_recorded_since_the_last_checkpoint(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 14):  # 13 rounds: checkpoint at 10, three after it
        store.record_round("Ada", make_round(number))
    fresh = SaveStore(store.root)
    assert fresh.open_profile("Ada").rounds == 13
    assert fresh.stats("Ada").applied_through == 13
    assert fresh.take_warnings() == []


def test_import_rounds_writes_in_bulk_and_matches_recording_one_by_one(
    saves_root: Path, make_round: RoundFactory
) -> None:
    one_by_one = SaveStore(saves_root / "a", clock=lambda: START)
    bulk = SaveStore(saves_root / "b", clock=lambda: START)
    rounds = [make_round(number) for number in range(1, 36)]
    for result in rounds:
        one_by_one.record_round("Ada", result)
    assert bulk.import_rounds("Ada", rounds) == 35
    assert bulk.open_profile("Ada").model_dump() == one_by_one.open_profile("Ada").model_dump()
    assert bulk.stats("Ada") == one_by_one.stats("Ada")
    assert bulk.study_cards("Ada") == one_by_one.study_cards("Ada")


def test_opening_a_profile_reads_only_the_newest_history_files(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 36):  # checkpoint at round 30, five rounds after it
        store.record_round("Ada", make_round(number))
    folder = store.find_player("Ada")
    assert folder is not None
    for path in (folder / "history" / "0000").glob("rounds-0000[0-2]1.toml*"):
        path.unlink()  # rounds 1-30 gone from disk, backups too
    fresh = SaveStore(store.root)
    profile = fresh.open_profile("Ada")
    assert profile.rounds == 35
    assert scores_data(fresh, "Ada").rounds == 35
    assert fresh.take_warnings() == []


def test_rename_keeps_history_and_refuses_a_taken_name(
    store: SaveStore, make_round: RoundFactory
) -> None:
    from quiz.store import PlayerNameError

    store.record_round("Ada", make_round(1))
    store.create_player("Bea")
    with pytest.raises(PlayerNameError, match="already exists"):
        store.rename_player("Ada", "bea")
    store.rename_player("Ada", "ADA")  # only the case changes: same folder
    assert store.open_profile("ada").name == "ADA"
    new_folder = store.rename_player("ADA", "Cy")
    assert new_folder == store.find_player("cy")
    assert [stored.seed for stored in store.history("Cy")] == [1]
    assert store.find_player("Ada") is None


def test_two_stores_on_one_folder_see_each_others_writes(
    saves_root: Path, make_round: RoundFactory
) -> None:
    # Each store keeps the files it parsed; a write by another must still be seen.
    first = SaveStore(saves_root)
    second = SaveStore(saves_root)
    for number in range(1, 24):
        writer = first if number % 3 else second
        writer.record_round("Ada", make_round(number, score=number))
    second.set_theme("Ada", "nord")
    assert first.open_profile("Ada").settings.theme == "nord"
    assert first.open_profile("Ada").rounds == 23
    assert first.record_round("Ada", make_round(24, score=99)).round == 24
    assert second.open_profile("Ada").high_scores["labour-2010"]["classic"][0].score == 99
    assert [stored.round for stored in second.history("Ada")] == list(range(24, 0, -1))


def test_a_round_that_scored_nothing_is_no_high_score(
    store: SaveStore, make_round: RoundFactory
) -> None:
    nothing = store.record_round("Ada", make_round(1, score=0))
    assert nothing.saved and nothing.rank is None and not nothing.new_high_score
    assert store.open_profile("Ada").high_scores.get("labour-2010", {}).get("classic", []) == []
    first = store.record_round("Ada", make_round(2, score=10))
    assert first.new_high_score and first.previous_best is None
