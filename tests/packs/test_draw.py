"""Drawing a round: deterministic by seed, fact groups kept apart, choices shuffled per question."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.packs.draw import draw_questions, pick_round
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
    # A shorter round picks the first of the longer one's questions with the same seed.
    five = {q.id for q in draw_questions(questions, seed=1, count=5)}
    assert five <= {q.id for q in draw_questions(questions, seed=1, count=10)}
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


# --- the round's limits -------------------------------------------------------------------


def made(number: int, *, kind: str = "single", template: str = "", facts: tuple[str, ...] = (),
         difficulty: int = 1, quote: str = "") -> Question:  # fmt: skip
    if kind == "true_false":
        return Question(id=f"q{number}", type="true_false", prompt=f"Statement {number}.",
                        choices=(TRUE, FALSE), answers=(TRUE,), template=template,
                        fact_ids=facts, difficulty=difficulty, quote=quote)  # fmt: skip
    question = choice(number)
    return question.model_copy(
        update={"template": template, "fact_ids": facts, "difficulty": difficulty, "quote": quote}
    )


def limits_broken(round_: list[Question]) -> list[str]:
    """Which of the round's limits the questions break, block of ten by block of ten."""
    broken = []
    seen: set[str] = set()
    for start in range(0, len(round_), 10):
        block = round_[start : start + 10]
        if sum(q.type == "true_false" for q in block) > 3:
            broken.append(f"more than 3 true/false in block {start // 10}")
        templates = [q.template or q.id for q in block]
        if any(templates.count(t) > 2 for t in templates):
            broken.append(f"a template 3+ times in block {start // 10}")
        for question in block:
            if seen & set(question.fact_ids):
                broken.append(f"{question.id} repeats a fact")
            seen |= set(question.fact_ids)
        levels = [q.difficulty for q in block]
        if levels != sorted(levels):
            broken.append(f"block {start // 10} is not easier to harder")
    return broken


def rich_pool() -> list[Question]:
    """Sixty questions about twenty facts: plenty of true/false and shared templates."""
    pool = []
    for number in range(60):
        fact = f"fact-{number // 3}"
        kind = "true_false" if number % 3 == 1 else "single"
        template = f"t{number % 3}" if number < 40 else ""
        pool.append(made(number, kind=kind, template=template, facts=(fact,),
                         difficulty=1 + number % 3))  # fmt: skip
    return pool


def test_a_round_never_repeats_a_fact_and_keeps_true_false_and_templates_in_check() -> None:
    pool = rich_pool()
    for seed in range(50):
        assert limits_broken(draw_questions(pool, seed=seed, count=10)) == [], seed


def test_a_round_builds_from_easier_to_harder() -> None:
    pool = rich_pool()
    for seed in range(10):
        levels = [q.difficulty for q in draw_questions(pool, seed=seed, count=10)]
        assert levels == sorted(levels) and len(set(levels)) > 1


def test_every_ten_of_a_long_round_keeps_the_limits() -> None:
    pool = rich_pool()
    # Twenty facts: later tens must repeat facts of earlier ones, never of their own ten.
    every = draw_questions(pool, seed=4, count=None)
    assert sorted(q.id for q in every) == sorted(q.id for q in pool)
    assert limits_broken(every[:10]) == []
    for start in range(0, 60, 10):
        block = every[start : start + 10]
        # A third of the pool is true/false: only the last ten gets more than its three.
        assert sum(q.type == "true_false" for q in block) <= (3 if start < 50 else 5)
        facts = [f for q in block for f in q.fact_ids]
        assert len(facts) == len(set(facts))


def test_questions_quoting_one_passage_are_kept_apart_in_a_ten() -> None:
    # "Cheesie Blair and Chalkie Brown": one question's explanation gives the other away.
    pool = [made(n, facts=(f"f{n}",), quote="Cheesie Blair and Chalkie Brown") for n in range(2)]
    pool += [made(10 + n, facts=(f"g{n}",)) for n in range(9)]
    for seed in range(30):
        round_ = draw_questions(pool, seed=seed, count=10)
        assert sum(q.quote != "" for q in round_) == 1, seed


def test_a_pool_that_cannot_keep_the_limits_still_gives_a_full_round() -> None:
    only_true_false = [made(n, kind="true_false", facts=("same",)) for n in range(12)]
    assert len(draw_questions(only_true_false, seed=1, count=10)) == 10


def test_the_limits_are_three_true_false_and_two_of_a_template_in_ten() -> None:
    pool = [made(n, kind="true_false", facts=(f"f{n}",)) for n in range(4)]
    pool += [made(10 + n, template="same", facts=(f"g{n}",)) for n in range(3)]
    pool += [made(20 + n, facts=(f"h{n}",)) for n in range(3)]
    for seed in range(20):
        round_ = draw_questions(pool, seed=seed, count=8)
        assert sum(q.type == "true_false" for q in round_) == 3
        assert sum(q.template == "same" for q in round_) == 2


# --- property: the draw breaks a limit only when nothing left could keep them ---------------

pools = st.lists(
    st.tuples(
        st.sampled_from(["single", "true_false", "typed"]),
        st.sampled_from(["", "a", "b"]),
        st.lists(st.sampled_from(["f1", "f2", "f3", "f4", "f5", "f6"]), max_size=2),
        st.integers(1, 3),
        st.sampled_from(["", "", "one passage", "another  Passage"]),
    ),
    max_size=40,
)


def _breaks(question: Question, before: list[Question]) -> bool:
    block = before[len(before) - len(before) % 10 :]
    used = {f for q in before for f in q.fact_ids}
    quoted = {" ".join(q.quote.casefold().split()) for q in block} - {""}
    template = question.template or question.id
    return bool(
        used & set(question.fact_ids)
        or (question.type == "true_false" and sum(q.type == "true_false" for q in block) >= 3)
        or sum((q.template or q.id) == template for q in block) >= 2
        or " ".join(question.quote.casefold().split()) in quoted
    )


@settings(max_examples=150, deadline=None)
@given(pools, st.integers(0, 40), st.randoms(use_true_random=False))
def test_a_limit_is_broken_only_when_no_question_left_could_keep_it(rows, count, rng) -> None:  # type: ignore[no-untyped-def]
    pool = [
        made(
            number, kind=kind, template=template, facts=tuple(facts), difficulty=level, quote=quote
        )
        for number, (kind, template, facts, level, quote) in enumerate(rows)
    ]
    rng.shuffle(pool)
    picked = pick_round(pool, count)
    assert len(picked) == min(count, len(pool))
    assert len({q.id for q in picked}) == len(picked)
    for index, question in enumerate(picked):
        before = picked[:index]
        if _breaks(question, before):
            left = [q for q in pool if q not in before and q is not question]
            assert all(_breaks(other, before) for other in left), (index, question.id)


@settings(max_examples=60, deadline=None)
@given(st.integers(10, 30), st.integers(0, 2**32))
def test_rounds_from_a_pool_with_enough_facts_keep_every_limit(facts: int, seed: int) -> None:
    # Each fact has a question of its own wording besides true/false and shared templates.
    pool = [made(n, facts=(f"f{n}",), difficulty=1 + n % 3) for n in range(facts)]
    pool += [made(100 + n, kind="true_false", facts=(f"f{n}",), template="tf")
             for n in range(facts)]  # fmt: skip
    pool += [made(200 + n, template="shared", facts=(f"f{n}",)) for n in range(facts)]
    assert limits_broken(draw_questions(pool, seed=seed, count=10)) == []
