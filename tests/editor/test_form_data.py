"""The form's text and a question's data convert both ways without changing the file."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.tui.editor.form_data import (
    fields_for,
    from_form,
    question_problems,
    question_warnings,
    to_form,
)
from quiz.tui.editor.question_list import matches_filter

EXAMPLES: list[dict[str, Any]] = [
    {"id": "s", "type": "single", "prompt": "P", "choices": ["a", "b"], "answer": "a"},
    {"id": "m", "type": "multiple", "prompt": "P", "choices": ["a", "b"], "answers": ["a", "b"]},
    {"id": "t", "type": "true_false", "prompt": "P", "answer": False, "difficulty": 3},
    {"id": "y", "type": "typed", "prompt": "P", "answer": "Ed", "accept": ["Red Ed"]},
    {"id": "o", "type": "ordering", "prompt": "P", "items": ["1", "2", "3"], "tags": ["x", "y"]},
    {
        "id": "p",
        "type": "matching",
        "prompt": "P",
        "pairs": [{"left": "a", "right": "b"}, {"left": "c", "right": "d"}],
    },
    {"id": "n", "type": "numeric", "prompt": "P", "answer": 2.5, "tolerance": 0.5, "unit": "%"},
]


@pytest.mark.parametrize("question", EXAMPLES, ids=[q["type"] for q in EXAMPLES])
def test_unchanged_form_gives_back_the_same_question(question: dict[str, Any]) -> None:
    values = to_form(question)
    assert set(values) == set(fields_for(question["type"]))
    assert from_form(values, question) == question
    assert question_problems(question) == []


def test_a_key_the_author_wrote_at_its_default_is_kept() -> None:
    question = EXAMPLES[0] | {"difficulty": 1, "explanation": ""}
    assert from_form(to_form(question), question) == question


def test_numbers_that_do_not_parse_are_reported_by_field() -> None:
    values = to_form(EXAMPLES[6]) | {"answer": "lots", "time_limit": "2"}
    problems = question_problems(from_form(values, EXAMPLES[6]))
    assert problems == [
        "answer: Input should be a valid number",
        "time_limit: Input should be greater than or equal to 5",
    ]


def test_answer_not_among_choices_is_a_problem() -> None:
    values = to_form(EXAMPLES[0]) | {"answer": "c"}
    [problem] = question_problems(from_form(values, EXAMPLES[0]))
    assert problem.startswith('answer: answer "c" is not one of choices')


def test_a_pair_without_the_separator_is_explained() -> None:
    values = to_form(EXAMPLES[5]) | {"pairs": "a => b\nc d"}
    assert question_problems(from_form(values, EXAMPLES[5])) == [
        "pairs.1: write each pair as 'left => right'"
    ]


def test_filter_words_tags_and_types() -> None:
    question = EXAMPLES[4]
    assert matches_filter(question, "")
    assert matches_filter(question, "tag:x type:ord")
    assert matches_filter(question, "O")  # the id, ignoring case
    assert not matches_filter(question, "tag:z")
    assert not matches_filter(question, "type:single")
    assert not matches_filter(question, "missing")


def test_lint_warnings_of_one_question_name_their_field() -> None:
    question = {
        "id": "w",
        "type": "typed",
        "prompt": "Who is Ed Miliband's brother, David Miliband?",
        "answer": "David Miliband",
    }
    assert question_warnings(question) == [
        "warning: explanation: no explanation: say why the answer is right",
        'warning: prompt: the prompt contains its own answer "David Miliband"',
    ]
    assert question_warnings(question | {"prompt": "Who?", "explanation": "x"}) == []


def test_the_facts_a_bank_question_names_survive_an_edit_and_are_no_problem() -> None:
    from pathlib import Path

    from quiz.packs.loader import load_pack

    bank = load_pack(Path(__file__).resolve().parents[2] / "questions" / "labour-2010.toml")
    question = {"id": "cav", "type": "single", "prompt": "Who?", "choices": ["a", "b", "c", "d"],
                "answer": "a", "facts": ["verdict-ed-smarter"]}  # fmt: skip
    edited = from_form(to_form(question) | {"prompt": "Who, then?"}, question)
    assert edited["facts"] == ["verdict-ed-smarter"]
    assert question_problems(edited, bank) == []
    [problem] = question_problems(edited | {"facts": ["no-such-fact"]}, bank)
    assert problem.startswith('facts.0: unknown fact "no-such-fact"')
