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
TRUE_FALSE = SINGLE.model_copy(update={"kind": "true_false", "choices": ["True", "False"]})
ORDERING = SINGLE.model_copy(update={"kind": "ordering", "choices": ["b", "c", "a", "d"]})
MATCHING = SINGLE.model_copy(
    update={"kind": "matching", "left": ["Blair", "Brown", "Hoon"], "choices": ["x", "y", "z"]}
)
NUMERIC = SINGLE.model_copy(update={"kind": "numeric", "choices": [], "unit": "hours"})


@pytest.mark.parametrize(
    ("question", "line", "choices", "text"),
    [
        (SINGLE, "2\n", [1], None),
        (SINGLE, " 3 ", [2], None),
        (SINGLE, "b", [1], None),
        (TRUE_FALSE, "f", [1], None),
        (MULTIPLE, "1,3", [0, 2], None),
        (MULTIPLE, "3 1 3", [0, 2], None),
        (MULTIPLE, "c a", [0, 2], None),
        (TYPED, "  Unite the Union \n", [], "Unite the Union"),
        # The same forms as `quiz play --plain`: every item's number, first to last.
        (ORDERING, "3 1 2 4", [2, 0, 1, 3], None),
        (ORDERING, "3124", [2, 0, 1, 3], None),
        # Each left number followed by a right letter, in any order.
        (MATCHING, "2a 1c 3b", [2, 0, 1], None),
        (MATCHING, "1-b, 2-b, 3-a", [1, 1, 0], None),
        (NUMERIC, " 1,000 hours ", [], "1,000 hours"),
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
        (SINGLE, "4", "Answer with a number 1-3 or a letter A-C"),
        (SINGLE, "0", "Answer with a number 1-3 or a letter A-C"),
        (SINGLE, "1,2", "'1,2' is not a choice"),
        (SINGLE, "", "Answer with a number 1-3 or a letter A-C"),
        (TYPED, "   ", "Type your answer"),
        (ORDERING, "3 1 2", "give each of the 4 numbers once"),
        (MATCHING, "1a 2b", "pair each of the 3 numbers"),
        (MATCHING, "1a 1b 3c", "1 is paired twice"),
        (NUMERIC, "lots", "'lots' is not a number. Type a number \\(hours\\)"),
    ],
)
def test_lines_that_do_not_fit_get_a_hint(
    question: p.QuestionMessage, line: str, hint: str
) -> None:
    with pytest.raises(ValueError, match=hint):
        parse_answer(line, question)
