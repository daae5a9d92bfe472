"""Quizlet's export (term, tab, definition; one card per line, or the separators the user
chose) imports as typed questions or as single choices among the set's other terms."""

from __future__ import annotations

import pytest

from quiz.packs.errors import PackError
from quiz.packs.formats import guess_format
from quiz.packs.formats.quizlet import import_text

SET = (
    "Mandelson\tBusiness Secretary who backs David Miliband\n"
    "Whelan\tBrown's former spin doctor, who backs Ed Balls\n"
    "\n"
    "Dromey\tUnite official married to Harriet Harman\n"
    "Harman\tDeputy leader who backs nobody\n"
    "Burnham\tCandidate from Leigh\n"
)


def test_cards_become_typed_questions_asking_for_the_term() -> None:
    result = import_text(SET, "set.txt")
    assert result.notes == []
    first = result.questions[0]
    assert (first.type, first.prompt, first.answer) == (
        "typed",
        "Business Secretary who backs David Miliband",
        "Mandelson",
    )
    assert result.lines == [1, 2, 4, 5, 6]


def test_cards_become_single_choices_among_the_sets_other_terms() -> None:
    result = import_text(SET, "set.txt", kind="single")
    first = result.questions[0]
    assert first.type == "single" and first.answer == "Mandelson"
    assert len(first.choices) == 4 and "Mandelson" in first.choices
    assert set(first.choices) <= {"Mandelson", "Whelan", "Dromey", "Harman", "Burnham"}
    again = import_text(SET, "set.txt", kind="single").questions
    assert [q.choices for q in again] == [q.choices for q in result.questions]


def test_chosen_separators() -> None:
    text = "Mandelson - Business Secretary;Whelan - spin doctor;"
    result = import_text(text, "set.txt", separator=" - ", row_separator=";")
    assert [(q.prompt, q.answer) for q in result.questions] == [
        ("Business Secretary", "Mandelson"),
        ("spin doctor", "Whelan"),
    ]


def test_a_card_without_the_separator_names_its_line() -> None:
    with pytest.raises(PackError) as caught:
        import_text("Mandelson\tBusiness Secretary\nWhelan spin doctor\n", "set.txt")
    assert [str(p) for p in caught.value.problems] == [
        'set.txt:2: "Whelan spin doctor" has no tab between term and definition; give the '
        "separator the set was exported with (--separator)"
    ]


def test_a_tab_separated_file_is_guessed_as_quizlet() -> None:
    assert guess_format("set.txt", SET) == "quizlet"
