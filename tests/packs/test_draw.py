"""Drawing a round: deterministic by seed, fact groups kept apart, choices shuffled per question."""

from __future__ import annotations

import pytest

from quiz.packs.draw import draw_questions
from quiz.packs.question import FALSE, TRUE, Question


def choice(number: int, fact: str | None = None) -> Question:
    return Question(
        id=f"q{number}",
        type="single",
        prompt=f"Question {number}?",
        choices=tuple(f"choice {number}-{i}" for i in range(4)),
        answers=(f"choice {number}-0",),
        fact_ids=(fact,) if fact else (),
    )


def many(count: int = 40) -> list[Question]:
    return [choice(number) for number in range(count)]


def test_the_same_seed_gives_the_same_round() -> None:
    first = draw_questions(many(), seed=7, count=10)
    again = draw_questions(many(), seed=7, count=10)
    assert [q.model_dump() for q in first] == [q.model_dump() for q in again]


def test_different_seeds_give_different_rounds() -> None:
    rounds = {tuple(q.id for q in draw_questions(many(), seed=s, count=10)) for s in range(5)}
    assert len(rounds) == 5


def test_count_limits_the_round_and_none_draws_everything() -> None:
    questions = many(12)
    assert len(draw_questions(questions, seed=1, count=5)) == 5
    every = draw_questions(questions, seed=1, count=None)
    assert sorted(q.id for q in every) == sorted(q.id for q in questions)
    assert draw_questions(questions, seed=1, count=0) == []
    assert len(draw_questions(questions, seed=1, count=99)) == 12
    # A shorter round is the start of the longer one with the same seed.
    assert [q.id for q in draw_questions(questions, seed=1, count=5)] == [q.id for q in every[:5]]
    with pytest.raises(ValueError, match="at least 0"):
        draw_questions(questions, seed=1, count=-1)


def test_choices_are_shuffled_but_the_same_choices_and_answers() -> None:
    questions = many(30)
    drawn = draw_questions(questions, seed=3, count=None)
    original = {q.id: q for q in questions}
    moved = 0
    for question in drawn:
        before = original[question.id]
        assert sorted(question.choices) == sorted(before.choices)
        assert question.answers == before.answers
        moved += question.choices != before.choices
    assert moved > 20
    unshuffled = draw_questions(questions, seed=3, count=None, shuffle_choices=False)
    assert all(q.choices == original[q.id].choices for q in unshuffled)


def test_a_questions_choice_order_does_not_depend_on_what_else_is_drawn() -> None:
    alone = draw_questions([choice(5)], seed=11, count=None)[0]
    among = {q.id: q for q in draw_questions(many(), seed=11, count=None)}["q5"]
    assert alone.choices == among.choices


def test_true_false_and_ordering_keep_their_order() -> None:
    true_false = Question(id="tf", type="true_false", prompt="p", choices=(TRUE, FALSE),
                          answers=(FALSE,))  # fmt: skip
    ordering = Question(id="ord", type="ordering", prompt="p", items=("a", "b", "c", "d"))
    for seed in range(10):
        drawn = {q.id: q for q in draw_questions([true_false, ordering], seed=seed, count=None)}
        assert drawn["tf"].choices == (TRUE, FALSE)
        assert drawn["ord"].items == ("a", "b", "c", "d")


def test_questions_about_the_same_fact_are_kept_apart() -> None:
    questions = [choice(n, fact=f"fact-{n // 2}") for n in range(20)]  # pairs share a fact
    for seed in range(20):
        first_half = draw_questions(questions, seed=seed, count=10)
        facts = [q.fact_ids[0] for q in first_half]
        assert len(facts) == len(set(facts)), seed


def test_drawing_does_not_change_the_input() -> None:
    questions = many(10)
    snapshot = [q.model_dump() for q in questions]
    draw_questions(questions, seed=5, count=4)
    assert [q.model_dump() for q in questions] == snapshot
