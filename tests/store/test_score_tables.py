"""Which high-score table a round enters, the daily challenge's one scored round a day, and
the totals kept per pack (one chart point per round)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import tomli_w

from quiz.cli import main
from quiz.game.modes import daily_seed
from quiz.game.result import RoundResult
from quiz.store import SaveStore, scores_data
from quiz.store.schema import HighScore, Profile
from quiz.store.stats import daily_played, high_score_rows, recent_scores, table_title

RoundFactory = Callable[..., RoundResult]


def ranked_tables(store: SaveStore, pack: str = "labour-2010") -> dict[str, list[int]]:
    tables = store.open_profile("Ada").high_scores.get(pack, {})
    return {key: [entry.score for entry in table] for key, table in tables.items()}


def test_rounds_with_another_time_or_without_speed_rank_in_tables_of_their_own(
    store: SaveStore, make_round: RoundFactory
) -> None:
    def record(number: int, score: int, **rules: object) -> bool:
        result = make_round(number, score=score).model_copy(update=rules)
        return store.record_round("Ada", result).new_high_score

    assert record(1, 500)
    assert record(2, 900, time_limit=30.0)
    assert record(3, 800, speed=False)
    assert record(4, 700, timeouts=False)
    assert record(5, 600, time_limit=45.0, speed=False, timeouts=False)
    assert record(6, 650, time_limit=20.0)  # --time 20 is the standard time
    assert ranked_tables(store) == {
        "classic": [650, 500],
        "classic 30s": [900],
        "classic no-speed": [800],
        "classic no-timeouts": [700],
        "classic no-speed no-timeouts": [600],  # no clock and no speed: the time can't matter
    }


def test_settings_that_cannot_change_a_score_do_not_split_a_table(
    store: SaveStore, make_round: RoundFactory
) -> None:
    # Blitz has no question timer: only the speed points depend on the time limit.
    blitz = make_round(1, score=300, mode="blitz")
    store.record_round("Ada", blitz.model_copy(update={"timeouts": False}))
    store.record_round("Ada", blitz.model_copy(update={"score": 200, "speed": False}))
    store.record_round(
        "Ada", blitz.model_copy(update={"score": 100, "speed": False, "time_limit": 60.0})
    )
    store.record_round("Ada", blitz.model_copy(update={"score": 400, "time_limit": 60.0}))
    assert ranked_tables(store) == {
        "blitz": [300],
        "blitz no-speed": [200, 100],
        "blitz 60s": [400],
    }


def test_practice_is_never_ranked(store: SaveStore, make_round: RoundFactory) -> None:
    outcome = store.record_round("Ada", make_round(1, score=5000, mode="practice"))
    assert outcome.saved and outcome.rank is None and not outcome.new_high_score
    assert ranked_tables(store) == {}
    assert scores_data(store, "Ada").high_scores == []
    # A practice table an older version kept is not shown.
    profile = Profile(
        name="Ada",
        created=datetime(2026, 3, 1, tzinfo=UTC),
        high_scores={
            "labour-2010": {
                "practice": [HighScore(score=9000, accuracy=1.0, date=datetime.now(UTC), round=1)]
            }
        },
    )
    assert high_score_rows(profile) == []


def test_practice_is_not_ranked_when_saving_is_impossible(
    tmp_path: Path, make_round: RoundFactory
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = SaveStore(blocker / "saves")
    outcome = store.record_round("Ada", make_round(1, mode="practice"))
    assert not outcome.saved and outcome.rank is None
    classic = store.record_round("Ada", make_round(2))
    assert not classic.saved and classic.rank is None  # a round not saved claims no place


def test_a_daily_challenge_is_known_as_played_by_its_date_and_pack(
    store: SaveStore, make_round: RoundFactory
) -> None:
    first, second = date(2026, 12, 1), date(2026, 12, 2)
    assert not daily_played(store, "Ada", "labour-2010", first)  # no such player yet
    daily = make_round(1, mode="daily").model_copy(
        update={"seed": daily_seed(first, "labour-2010")}
    )
    store.record_round("Ada", daily)
    practice = daily.model_copy(update={"mode": "practice", "seed": daily_seed(second, "x")})
    store.record_round("Ada", practice)
    assert daily_played(store, "Ada", "labour-2010", first)
    assert not daily_played(store, "Ada", "labour-2010", second)
    assert not daily_played(store, "Ada", "x", second)  # practice with that seed is no daily
    assert not daily_played(store, "Ada", "other-pack", first)


def test_each_round_is_one_point_by_pack_and_mode_and_feeds_the_sparkline(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 13):
        store.record_round("Ada", make_round(number, score=100 * number))
    store.record_round("Ada", make_round(13, score=5, mode="blitz"))
    store.record_round("Ada", make_round(14, score=7, pack_id="other"))
    stats = store.stats("Ada")
    assert recent_scores(stats, "labour-2010", "classic") == [300, 400, 500, 600, 700, 800,
                                                              900, 1000, 1100, 1200]  # fmt: skip
    assert recent_scores(stats, "labour-2010", "blitz") == [5]
    assert recent_scores(stats, "other", "classic") == [7]
    data = scores_data(store, "Ada", "labour-2010", "blitz")
    assert [(point.mode, point.round, point.score) for point in data.points] == [("blitz", 13, 5)]
    everything = scores_data(store, "Ada", "labour-2010")
    assert [point.round for point in everything.points] == list(range(1, 14))
    assert everything.packs == ["labour-2010", "other"]


def test_topics_and_missed_questions_are_kept_per_pack(
    store: SaveStore, make_round: RoundFactory
) -> None:
    store.record_round("Ada", make_round(1, pack_id="first"))
    store.record_round("Ada", make_round(2, pack_id="second", questions=6))
    second = scores_data(store, "Ada", "second")
    assert [(item.question_id, item.missed) for item in second.most_missed] == [
        ("second/q13", 1),
        ("second/q16", 1),
    ]
    assert {(topic.tag, topic.asked, topic.correct) for topic in second.weakest_topics} == {
        ("people", 3, 2),
        ("unions", 3, 2),
        ("numbers", 3, 2),
    }
    both = scores_data(store, "Ada")
    assert {item.question_id.split("/")[0] for item in both.most_missed} == {"first", "second"}
    assert {topic.tag: topic.asked for topic in both.weakest_topics}["people"] == 3 + 5


def test_version_1_totals_are_rebuilt_by_pack_from_the_history(
    store: SaveStore, make_round: RoundFactory
) -> None:
    for number in range(1, 4):
        store.record_round("Ada", make_round(number, pack_id=f"pack-{number % 2}"))
    folder = store.find_player("Ada")
    assert folder is not None
    version_1 = {
        "schema_version": 1,
        "applied_through": 3,
        "tags": {"people": {"asked": 99, "correct": 1}},
        "days": {"2026-03-01": {"rounds": 3, "score": 10, "correct": 1, "answered": 30}},
    }
    (folder / "stats.toml").write_text(tomli_w.dumps(version_1), "utf-8")
    stats = SaveStore(store.root).stats("Ada")
    assert stats.applied_through == 3
    assert sorted(stats.packs) == ["pack-0", "pack-1"]
    assert [point.round for point in stats.packs["pack-1"].rounds["classic"]] == [1, 3]
    assert stats.packs["pack-0"].tags["people"].asked == 5


def test_table_titles_read_as_words() -> None:
    assert table_title("classic") == "Classic"
    assert table_title("sudden_death 30s") == "Sudden death · 30 s per question"
    assert table_title("classic 7.5s no-speed no-timeouts") == (
        "Classic · 7.5 s per question · no speed points · no time-outs"
    )
    assert table_title("future-mode shiny") == "future-mode · shiny"


def test_a_round_remembers_the_settings_it_was_played_with() -> None:
    from quiz.game.round import Round, RoundConfig
    from quiz.packs.question import Question

    question = Question(id="q", type="typed", prompt="Who?", answers=("Ada",))
    config = RoundConfig(time_limit=35.0, speed=False, timeouts=False, seed=1)
    result = Round([question], config).result()
    assert (result.time_limit, result.speed, result.timeouts) == (35.0, False, False)


def test_quiz_scores_lists_each_table_by_its_rules(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, make_round: RoundFactory
) -> None:
    store = SaveStore(isolated_saves)
    store.record_round("Ada", make_round(1, score=500))
    store.record_round("Ada", make_round(2, score=900).model_copy(update={"time_limit": 30.0}))
    store.record_round("Ada", make_round(3, score=700, mode="practice"))
    assert main(["scores", "--player", "Ada"]) == 0
    out = capsys.readouterr().out
    assert "  High scores: labour-2010 · Classic\n     1.     500" in out
    assert "  High scores: labour-2010 · Classic · 30 s per question\n     1.     900" in out
    assert "Practice" not in out.split("Recent rounds:")[0]
    assert main(["scores", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["players"][0]["high_scores"]
    assert [(row["mode"], row["table"], row["score"]) for row in rows] == [
        ("classic", "classic", 500),
        ("classic", "classic 30s", 900),
    ]
