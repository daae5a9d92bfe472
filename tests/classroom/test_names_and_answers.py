"""Generated nicknames and the plain student's answer lines."""

from __future__ import annotations

import pytest

from quiz.classroom import protocol as p
from quiz.classroom.names import nickname
from quiz.plain.join import parse_answer


def test_a_nickname_is_an_adjective_and_an_animal_nobody_has() -> None:
    always_first = lambda n: 0  # noqa: E731
    assert nickname(lambda name: False, always_first) == "Brave Badger"
    # Random picks that keep hitting names in use give way to the first free pair in order.
    assert nickname(lambda name: name == "Brave Badger", always_first) == "Brave Beaver"
    # With every pair in use, the pairs come again, numbered.
    taken = lambda name: not name.endswith(" 2")  # noqa: E731
    assert nickname(taken, always_first) == "Brave Badger 2"


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
