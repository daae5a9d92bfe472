"""One seed, one order: `quiz pack show --seed N`, a game round and a classroom deck with the
same seed show every question's choices, ordering items and matching column alike."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from fakes import right_answer

from quiz.classroom.deck import prepare
from quiz.classroom.question_source import pack_questions
from quiz.game.round import Round, RoundConfig
from quiz.packs.playable import open_playable

ROOT = Path(__file__).resolve().parent.parent
SEED = 7
FIVE = ("Abbott", "Balls", "Burnham", "Miliband D", "Miliband E")

PACK = f"""\
[pack]
id = "orders"
title = "Orders"

[[questions]]
id = "single-1"
type = "single"
prompt = "Which one first?"
choices = {list(FIVE)!r}
answer = "Balls"

[[questions]]
id = "single-2"
type = "single"
prompt = "Which one second?"
choices = {list(FIVE)!r}
answer = "Abbott"

[[questions]]
id = "multiple-1"
type = "multiple"
prompt = "Which ones?"
choices = {list(FIVE)!r}
answers = ["Abbott", "Burnham"]

[[questions]]
id = "true-false-1"
type = "true_false"
prompt = "True?"
answer = false

[[questions]]
id = "ordering-1"
type = "ordering"
prompt = "In order?"
items = {list(FIVE)!r}

[[questions]]
id = "ordering-2"
type = "ordering"
prompt = "In order again?"
items = {list(FIVE)!r}

[[questions]]
id = "matching-1"
type = "matching"
prompt = "Match them"
pairs = [
  {{ left = "one", right = "Abbott" }},
  {{ left = "two", right = "Balls" }},
  {{ left = "three", right = "Burnham" }},
  {{ left = "four", right = "Miliband D" }},
  {{ left = "five", right = "Miliband E" }},
]
"""


def _shown_by_pack_show(path: Path) -> dict[str, tuple[str, ...]]:
    """Question id → the texts `pack show` labels A), B)… (choices, items or right column)."""
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "pack", "show", str(path), "--seed", str(SEED)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shown: dict[str, tuple[str, ...]] = {}
    for block in result.stdout.split("\n\n")[1:]:
        question_id = re.search(r"^   id: (.+)$", block, re.MULTILINE)
        assert question_id is not None, block
        labelled = re.findall(r"^   [A-L]\) (.+)$", block, re.MULTILINE)
        shown[question_id.group(1)] = tuple(labelled)
    return shown


def _shown_in_a_round(path: Path) -> dict[str, tuple[str, ...]]:
    pack = open_playable(str(path))
    config = RoundConfig(mode="classic", count=len(pack.questions), seed=SEED, timeouts=False)
    round_ = Round(pack.questions, config)
    shown: dict[str, tuple[str, ...]] = {}
    while (view := round_.next_question()) is not None:
        shown[view.question.id] = view.choices or view.items or view.rights
        round_.answer(right_answer(view.question))
    return shown


def test_pack_show_shows_the_order_a_round_with_the_same_seed_shows(tmp_path: Path) -> None:
    path = tmp_path / "orders.toml"
    path.write_text(PACK, encoding="utf-8")
    in_round = _shown_in_a_round(path)
    assert _shown_by_pack_show(path) == in_round
    # Shuffled at all: the items of an ordering question never show in the answer's order.
    assert in_round["ordering-1"] != FIVE and in_round["ordering-2"] != FIVE


def test_a_classroom_deck_shows_the_order_a_round_with_the_same_seed_shows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "orders.toml"
    path.write_text(PACK, encoding="utf-8")
    _, _, questions = pack_questions(str(path), count=None, seed=SEED)
    deck = prepare(questions, seconds=20, seed=SEED)
    shown = {hosted.question.id: hosted.choices for hosted in deck}
    in_round = _shown_in_a_round(path)
    # Every type: choices, ordering items and a matching question's right-hand column.
    assert shown == in_round
