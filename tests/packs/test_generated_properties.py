"""Properties over generated packs (hypothesis): a round drawn from any pack breaks a limit
(a fact twice, too many true/false or of one template, a passage quoted twice in a ten) only
when nothing left could keep it, and no typed question takes another entity's name."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.game.checking import check_answer
from quiz.packs.draw import pick_round
from quiz.packs.generate import generate_questions
from quiz.packs.models import PackFile
from quiz.packs.question import Question

FIRST = ["Ed", "David", "Jon", "Harriet", "Jack", "Tessa", "Gordon", "Tony"]
LAST = ["Miliband", "Balls", "Cruddas", "Harman", "Dromey", "Jowell", "Brown", "Blair",
        "Milliband", "Bals"]  # fmt: skip

RELATIONS = [
    {"id": "backs", "ask_object": "Who backs {subject}?", "ask_subject": "Whom does {object} back?",
     "statement": "{subject} is backed by {object}.", "typed": True,
     "subject_roles": ["candidate"], "object_roles": ["backer"]},
    {"id": "called", "object": "phrase", "ask_object": "What is {subject} called?",
     "ask_subject": "Who is called {object}?", "statement": "{subject} is called {object}.",
     "typed": True},
    {"id": "mps", "object": "number", "unit": "MPs", "tolerance": 2,
     "ask_object": "How many MPs back {subject}?", "statement": "{subject} has {object}."},
]  # fmt: skip

people = st.lists(
    st.tuples(
        st.sampled_from(FIRST),
        st.sampled_from(LAST),
        st.sampled_from(["he", "she"]),
        st.sampled_from(["candidate", "backer"]),
    ),
    min_size=4,
    max_size=12,
    unique_by=lambda person: (person[0], person[1]),
)
facts = st.lists(
    st.tuples(st.integers(0, 11), st.integers(0, 2), st.integers(0, 11), st.integers(1, 99),
              st.sampled_from(["the bookies’ favourite", "Red Ed", "his own man", "Milibland"])),
    max_size=25,
)  # fmt: skip


def make_pack(rows: list[tuple[str, str, str, str]], fact_rows: list[Any]) -> PackFile:
    entities = [
        {"id": f"p{n}", "name": f"{first} {last}", "kind": "person", "roles": [role],
         "pronoun": pronoun}
        for n, (first, last, pronoun, role) in enumerate(rows)
    ]  # fmt: skip
    made = []
    for number, (subject, relation, obj, count, phrase) in enumerate(fact_rows):
        row: dict[str, Any] = {
            "id": f"f{number}",
            "subject": f"p{subject % len(rows)}",
            "relation": RELATIONS[relation]["id"],
            "quote": f"passage {number % 4}",
        }
        if relation == 0:
            row["object"] = f"p{obj % len(rows)}"
        else:
            row["value"] = phrase if relation == 1 else count
        made.append(row)
    return PackFile.model_validate(
        {
            "pack": {"id": "p", "title": "P"},
            "entities": entities,
            "relations": RELATIONS,
            "facts": made,
        }
    )


def _breaks(question: Question, before: list[Question]) -> bool:
    block = before[len(before) - len(before) % 10 :]
    used = {fact for q in before for fact in q.fact_ids}
    quoted = {" ".join(q.quote.casefold().split()) for q in block} - {""}
    template = question.template or question.id
    return bool(
        used & set(question.fact_ids)
        or (question.type == "true_false" and sum(q.type == "true_false" for q in block) >= 3)
        or sum((q.template or q.id) == template for q in block) >= 2
        or " ".join(question.quote.casefold().split()) in quoted
    )


@settings(max_examples=60, deadline=None)
@given(people, facts, st.integers(1, 25), st.randoms(use_true_random=False))
def test_a_round_of_any_generated_pack_breaks_a_limit_only_when_it_must(
    rows, fact_rows, count, rng
) -> None:  # type: ignore[no-untyped-def]
    pool = generate_questions(make_pack(rows, fact_rows))
    rng.shuffle(pool)
    picked = pick_round(pool, count)
    assert len(picked) == min(count, len(pool))
    for index, question in enumerate(picked):
        before = picked[:index]
        if _breaks(question, before):
            left = [q for q in pool if q not in before and q is not question]
            assert all(_breaks(other, before) for other in left), (index, question.id)


@settings(max_examples=60, deadline=None)
@given(people, facts)
def test_no_typed_question_of_a_generated_pack_takes_another_entitys_name(rows, fact_rows) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack(rows, fact_rows)
    names = [entity.name for entity in pack.entities]
    for question in generate_questions(pack):
        if question.type != "typed":
            continue
        accepted = {answer.casefold() for answer in question.answers}
        for name in names:
            if name.casefold() in accepted:
                continue
            assert not check_answer(question, name).correct, (question.id, name)
            surname = name.split()[-1]
            if all(surname.casefold() not in answer.split() for answer in accepted):
                assert not check_answer(question, surname).correct, (question.id, surname)
