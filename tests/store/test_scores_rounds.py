"""`quiz scores --rounds [N]`: a player's recent rounds with every answer, in text and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.game.result import AnswerResult, RoundResult
from quiz.packs.playable import open_playable
from quiz.store import SaveStore

RoundFactory = Callable[..., RoundResult]


def scores(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["scores", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def answer(question_id: str, given: str, credit: float, points: int, **flags: bool) -> AnswerResult:
    return AnswerResult(
        question_id=question_id,
        given=given,
        correct=credit == 1,
        credit=credit,
        points=points,
        seconds=4.25,
        **flags,
    )


def a_round(answers: tuple[AnswerResult, ...], pack_id: str = "custom") -> RoundResult:
    return RoundResult(
        player="Ada",
        pack_id=pack_id,
        pack_version="1.0",
        mode="sudden_death",
        seed=3,
        started_at=datetime(2026, 3, 4, 18, 12, 40, tzinfo=UTC),
        duration=30.0,
        score=1450,
        best_streak=1,
        answers=answers,
    )


def test_rounds_lists_each_answer_literally(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path
) -> None:
    SaveStore(isolated_saves).record_round(
        "Ada",
        a_round(
            (
                answer("q-one", "[b]Ed[/b] \x1b[31mBalls", 1.0, 900, fuzzy=True),
                answer("q-two", "1 2 3", 0.5, 450, fifty_fifty=True),
                answer("q-three", "", 0.0, 0, timed_out=True),
            )
        ),
    )
    code, out, err = scores(capsys, "--player", "ada", "--rounds")
    assert code == 0, err
    assert out.splitlines() == [
        "Ada — last 1 round",
        "  Round 1 · 2026-03-04 18:12 UTC · custom · Sudden death · 1450 points · "
        "1 of 3 right (33%)",
        "    1. ✓ Correct: q-one",
        "       you: [b]Ed[/b] Balls; 900 points, 4.2 s; accepted as a near miss",
        "    2. ½ Partly correct: q-two",
        "       you: 1 2 3; 450 points, 4.2 s; with the 50:50",
        "    3. ✗ Time's up: q-three",
        "       you: (no answer); 0 points, 4.2 s",
    ]


def test_rounds_shows_the_newest_n_of_the_pack(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, make_round: RoundFactory
) -> None:
    store = SaveStore(isolated_saves)
    for number in range(1, 13):
        store.record_round("Ada", make_round(number, questions=2))
    store.record_round("Ada", make_round(13, questions=2, pack_id="other"))
    out = scores(capsys, "--player", "Ada", "--rounds")[1]
    assert [line.split(" · ")[0].strip() for line in out.splitlines() if "Round " in line] == [
        f"Round {number}" for number in range(13, 3, -1)
    ]
    assert out.startswith("Ada — last 10 rounds\n")
    out = scores(capsys, "--player", "Ada", "--rounds", "2", "--pack", "labour-2010")[1]
    assert out.startswith("Ada — last 2 rounds of labour-2010\n")
    assert [line.split(" · ")[0].strip() for line in out.splitlines() if "Round " in line] == [
        "Round 12",
        "Round 11",
    ]


def test_rounds_of_a_bundled_pack_show_its_prompts(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path
) -> None:
    bank = open_playable(None)
    question = bank.questions[0]
    SaveStore(isolated_saves).record_round(
        "Ada", a_round((answer(question.id, "x", 0.0, 0),), pack_id=bank.id)
    )
    out = scores(capsys, "--rounds")[1]
    assert f"    1. ✗ Wrong: {question.prompt}" in out.splitlines()


def test_rounds_in_json_carry_every_answer(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path
) -> None:
    store = SaveStore(isolated_saves)
    store.record_round("Ada", a_round((answer("q-one", "Ed", 1.0, 900),)))
    code, out, _ = scores(capsys, "--json", "--rounds", "5")
    assert code == 0
    [ada] = json.loads(out)["players"]
    [entry] = ada["history"]
    assert entry == {
        "round": 1,
        "round_id": store.history("Ada")[0].round_id,
        "date": "2026-03-04T18:12:40+00:00",
        "pack": "custom",
        "pack_version": "1.0",
        "mode": "sudden_death",
        "seed": 3,
        "duration": 30.0,
        "score": 1450,
        "accuracy": 1.0,
        "best_streak": 1,
        "answers": [
            {
                "question_id": "q-one",
                "given": "Ed",
                "correct": True,
                "credit": 1.0,
                "points": 900,
                "seconds": 4.25,
                "timed_out": False,
                "fifty_fifty": False,
                "fuzzy": False,
                "tags": [],
            }
        ],
    }
    assert "history" not in json.loads(scores(capsys, "--json")[1])["players"][0]


@pytest.mark.parametrize("count", ["0", "-1", "many", "1001"])
def test_rounds_needs_a_count_from_one_to_a_thousand(
    capsys: pytest.CaptureFixture[str], count: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["scores", "--rounds", count])
    assert stopped.value.code == 2
    assert "--rounds" in capsys.readouterr().err
