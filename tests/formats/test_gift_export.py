"""Writing GIFT: weights that score a multiple-answer question as the game does, and text
that Moodle would read as HTML marked as plain text."""

from __future__ import annotations

import itertools
import re

import pytest

from quiz.game.checking import check_answer
from quiz.packs.formats.gift import import_text
from quiz.packs.formats.gift_export import export_questions
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

META = PackMeta(id="p", title="P")


def multiple(right: int, wrong: int) -> Question:
    choices = [f"right {n}" for n in range(right)] + [f"wrong {n}" for n in range(wrong)]
    return Question(
        id="m", type="multiple", prompt="Which?", choices=choices, answers=choices[:right]
    )


def test_multiple_answer_weights_are_plus_and_minus_a_share_of_100() -> None:
    text = export_questions([multiple(3, 2)], META).data
    assert isinstance(text, str)
    assert re.findall(r"~%(-?[0-9.]+)%", text) == [
        "33.33333", "33.33333", "33.33333", "-33.33333", "-33.33333"
    ]  # fmt: skip


@pytest.mark.parametrize(("right", "wrong"), [(1, 3), (2, 2), (3, 2), (4, 4), (7, 1)])
def test_moodle_scoring_of_the_exported_weights_is_the_games_credit(right: int, wrong: int) -> None:
    question = multiple(right, wrong)
    text = export_questions([question], META).data
    assert isinstance(text, str)
    weights = [float(w) for w in re.findall(r"~%(-?[0-9.]+)%", text)]
    for size in range(len(question.choices) + 1):
        for picked in itertools.combinations(range(len(question.choices)), size):
            # Moodle: the sum of the picked weights, kept between 0 and 100 %.
            moodle = min(100.0, max(0.0, sum(weights[i] for i in picked))) / 100
            game = check_answer(question, [question.choices[i] for i in picked]).credit
            assert moodle == pytest.approx(game, abs=1e-6), picked


def test_the_exported_weights_import_back_without_a_note() -> None:
    text = export_questions([multiple(3, 2)], META).data
    assert isinstance(text, str)
    result = import_text(text, "m.gift")
    assert result.notes == []
    assert result.questions[0].answers == ["right 0", "right 1", "right 2"]


@pytest.mark.parametrize(
    ("prompt", "choices"),
    [
        ("Tom & <b>bold</b>?", ["a", "b"]),
        ("Pick <two>", ["a", "b"]),
        ("Which is right?", ["a &amp; b", "c"]),
        ("Which is right?", ["<i>x</i>", "c"]),
    ],
)
def test_text_moodle_would_read_as_html_is_marked_plain(prompt: str, choices: list[str]) -> None:
    question = Question(id="h", type="single", prompt=prompt, choices=choices, answers=[choices[0]])
    text = export_questions([question], META).data
    assert isinstance(text, str)
    assert f"::h:: [plain]{prompt}" in text.replace("\\:", ":")
    (back,) = import_text(text, "h.gift").questions
    assert (back.prompt, back.choices) == (prompt, choices)


def test_text_without_html_is_written_as_it_is() -> None:
    question = Question(id="t", type="true_false", prompt="Is 1 < 2?", answers=["True"])
    plain = Question(id="u", type="true_false", prompt="Plain words", answers=["True"])
    text = export_questions([question, plain], META).data
    assert isinstance(text, str)
    assert "::t:: [plain]Is 1 < 2? {TRUE}" in text
    assert "::u:: Plain words {TRUE}" in text
