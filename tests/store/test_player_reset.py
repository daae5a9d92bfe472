"""`quiz player reset NAME [--scores|--study]`: start a player's scores or study cards (or
both) afresh, keeping the player; asked first on a terminal, refused in scripts without --yes.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.game import study
from quiz.game.result import RoundResult
from quiz.store import SaveStore, scores_data

RoundFactory = Callable[..., RoundResult]


def quiz(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ada_with_rounds(saves: Path, make_round: RoundFactory, rounds: int = 12) -> SaveStore:
    store = SaveStore(saves)
    for number in range(1, rounds + 1):
        assert store.record_round("Ada", make_round(number)).saved
    assert store.set_theme("Ada", "nord")
    return store


def every_file_text(folder: Path) -> str:
    """Everything written in the player's folder, backups included."""
    return "\n".join(
        path.read_text("utf-8", errors="replace") for path in folder.rglob("*") if path.is_file()
    )


def test_reset_scores_deletes_rounds_and_high_scores_and_keeps_the_study_cards(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, make_round: RoundFactory
) -> None:
    store = ada_with_rounds(isolated_saves, make_round)
    cards = store.study_cards("Ada")
    created = store.open_profile("Ada").created
    code, out, err = quiz(capsys, "player", "reset", "ada", "--scores", "--yes")
    assert code == 0, err
    assert (
        out
        == "Reset Ada's scores: 12 rounds, high scores and progress deleted; study cards kept.\n"
    )

    fresh = SaveStore(isolated_saves)
    profile = fresh.open_profile("Ada")
    assert (profile.rounds, profile.high_scores, profile.recent) == (0, {}, [])
    assert (profile.name, profile.created, profile.settings.theme) == ("Ada", created, "nord")
    assert fresh.history("Ada") == []
    totals = scores_data(fresh, "Ada")
    assert (totals.weakest_topics, totals.most_missed, totals.recent) == ([], [], [])
    assert fresh.study_cards("Ada") == cards
    folder = fresh.find_player("Ada")
    assert folder is not None
    assert "score = 1407" not in every_file_text(folder)  # round 11's score, nowhere kept
    # The next round is round 1 again, and its answers are reviewed on the cards kept.
    outcome = fresh.record_round("Ada", make_round(13))
    assert (outcome.round, outcome.rank) == (1, 1)
    assert SaveStore(isolated_saves).study_cards("Ada") == study.review_round(cards, make_round(13))


def test_reset_study_clears_the_cards_and_keeps_rounds_and_scores(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, make_round: RoundFactory
) -> None:
    store = ada_with_rounds(isolated_saves, make_round)
    high_scores = store.open_profile("Ada").high_scores
    cards = len(store.study_cards("Ada"))
    code, out, _ = quiz(capsys, "player", "reset", "Ada", "--study", "--yes")
    assert code == 0
    assert out == f"Reset Ada's study cards: {cards} cleared; rounds and scores kept.\n"

    fresh = SaveStore(isolated_saves)
    assert fresh.study_cards("Ada") == {}
    folder = fresh.find_player("Ada")
    assert folder is not None
    assert "card_id" not in every_file_text(folder)  # no backup keeps the old cards
    assert len(fresh.history("Ada")) == 12
    assert fresh.open_profile("Ada").high_scores == high_scores
    # Only the next round's answers make cards, not the old rounds again.
    fresh.record_round("Ada", make_round(13))
    answered = {answer.question_id for answer in make_round(13).answers}
    assert set(SaveStore(isolated_saves).study_cards("Ada")) == answered


def test_reset_without_a_choice_resets_both(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, make_round: RoundFactory
) -> None:
    store = ada_with_rounds(isolated_saves, make_round)
    cards = len(store.study_cards("Ada"))
    code, out, _ = quiz(capsys, "player", "reset", "Ada", "--yes")
    assert code == 0
    assert out == (
        f"Reset Ada: 12 rounds, high scores, progress and {cards} study cards deleted.\n"
    )
    fresh = SaveStore(isolated_saves)
    assert fresh.history("Ada") == [] and fresh.study_cards("Ada") == {}
    assert fresh.open_profile("Ada").settings.theme == "nord"
    assert [p.name for p in fresh.list_players()] == ["Ada"]
    assert fresh.record_round("Ada", make_round(13)).round == 1


def test_scores_and_study_cannot_both_be_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["player", "reset", "Ada", "--scores", "--study"])
    assert stopped.value.code == 2


def test_reset_of_an_unknown_player_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = quiz(capsys, "player", "reset", "Nobody", "--yes")
    assert code == 1 and err.startswith("quiz: no player named 'Nobody'") and err.count("\n") == 1


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and path.name != ".lock"
    }


def test_reset_without_a_terminal_or_yes_is_refused(
    isolated_saves: Path, make_round: RoundFactory
) -> None:
    ada_with_rounds(isolated_saves, make_round, rounds=3)
    before = snapshot(isolated_saves)
    run = subprocess.run(
        [sys.executable, "-m", "quiz", "player", "reset", "Ada"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stderr == "quiz: not resetting 'Ada' without confirmation: add --yes\n"
    assert snapshot(isolated_saves) == before


def reset_on_a_terminal(answer: str, *args: str) -> tuple[int, str]:
    """`quiz player reset Ada` with a pseudo-terminal for stdin, answering `answer`."""
    leader, follower = pty.openpty()
    try:
        game = subprocess.Popen(
            [sys.executable, "-m", "quiz", "player", "reset", "Ada", *args],
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        os.write(leader, f"{answer}\n".encode())
        out, _ = game.communicate(timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    return game.returncode, out.decode()


def test_on_a_terminal_reset_asks_and_no_keeps_everything(
    isolated_saves: Path, make_round: RoundFactory
) -> None:
    ada_with_rounds(isolated_saves, make_round, rounds=3)
    before = snapshot(isolated_saves)
    code, out = reset_on_a_terminal("n", "--scores")
    assert code == 1
    assert out == (
        "Reset Ada's scores: delete all 3 rounds, the high scores and progress? "
        "Study cards are kept. [y/N] Nothing reset.\n"
    )
    assert snapshot(isolated_saves) == before


def test_on_a_terminal_yes_resets(isolated_saves: Path, make_round: RoundFactory) -> None:
    store = ada_with_rounds(isolated_saves, make_round, rounds=3)
    cards = len(store.study_cards("Ada"))
    code, out = reset_on_a_terminal("y", "--study")
    assert code == 0
    assert out.startswith(f"Reset Ada's study cards ({cards})? Rounds and scores are kept. [y/N] ")
    assert SaveStore(isolated_saves).study_cards("Ada") == {}


def test_a_history_left_aside_by_a_crashed_reset_is_removed_by_the_next(
    capsys: pytest.CaptureFixture[str], isolated_saves: Path, make_round: RoundFactory
) -> None:
    store = ada_with_rounds(isolated_saves, make_round, rounds=3)
    folder = store.find_player("Ada")
    assert folder is not None
    (folder / ".reset-0badc0de" / "0000").mkdir(parents=True)
    (folder / ".reset-0badc0de" / "0000" / "rounds-000001.toml").write_text("x")
    # Meanwhile the player plays on: the profile still counts the old rounds.
    assert store.record_round("Ada", make_round(4)).round == 4
    assert quiz(capsys, "player", "reset", "Ada", "--study", "--yes")[0] == 0
    assert not (folder / ".reset-0badc0de").exists()
    assert len(SaveStore(isolated_saves).history("Ada")) == 4
