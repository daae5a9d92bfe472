"""Names (cleaning, look-alike keys) and the plain student's answer lines."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.classroom import protocol as p
from quiz.classroom.names import MAX_NAME, BadName, clean_name, name_key
from quiz.plain.join import parse_answer


@given(st.text(max_size=300))
def test_a_cleaned_name_is_short_printable_and_its_key_is_stable(raw: str) -> None:
    try:
        name = clean_name(raw)
    except BadName:
        return
    assert 0 < len(name) <= MAX_NAME
    assert all(unicodedata.category(ch) not in ("Cc", "Cf") for ch in name)
    assert name == name.strip()
    assert name_key(name) == name_key(name_key(name))
    assert clean_name(name) == name


SINGLE = p.QuestionMessage(
    number=2, total=5, kind="single", prompt="?", choices=["a", "b", "c"], seconds=20
)
MULTIPLE = SINGLE.model_copy(update={"kind": "multiple"})
TYPED = SINGLE.model_copy(update={"kind": "typed", "choices": []})


@pytest.mark.parametrize(
    ("question", "line", "choices", "text"),
    [
        (SINGLE, "2\n", [1], None),
        (SINGLE, " 3 ", [2], None),
        (MULTIPLE, "1,3", [0, 2], None),
        (MULTIPLE, "3 1 3", [0, 2], None),
        (TYPED, "  Unite the Union \n", [], "Unite the Union"),
    ],
)
def test_answer_lines_become_answers(
    question: p.QuestionMessage, line: str, choices: list[int], text: str | None
) -> None:
    answer = parse_answer(line, question)
    assert answer.question == 2 and answer.choices == choices and answer.text == text


@pytest.mark.parametrize(
    ("question", "line", "hint"),
    [
        (SINGLE, "4", "a number from 1 to 3"),
        (SINGLE, "0", "a number from 1 to 3"),
        (SINGLE, "b", "a number from 1 to 3"),
        (SINGLE, "1,2", "pick one choice"),
        (SINGLE, "", "a number from 1 to 3"),
        (TYPED, "   ", "type your answer"),
    ],
)
def test_lines_that_do_not_fit_get_a_hint(
    question: p.QuestionMessage, line: str, hint: str
) -> None:
    with pytest.raises(ValueError, match=hint):
        parse_answer(line, question)
