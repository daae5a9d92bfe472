"""Imported ids come from content: a slug of the first words plus a short hash of the prompt
and answers, so reordering a file (or correcting a wrong choice) keeps every question's id,
and history and study state follow the right question."""

from __future__ import annotations

import json

import pytest

from quiz.packs.formats import importer

# Two questions whose first six words are the same, so only their content tells them apart.
AIKEN = {
    "2010": "Which union backs Ed Balls in 2010?\nA. Unite\nB. GMB\nANSWER: A\n",
    "2011": "Which union backs Ed Balls in 2011?\nA. Unite\nB. GMB\nANSWER: B\n",
}
GIFT = {
    "2010": "Which union backs Ed Balls in 2010? {=Unite ~GMB}\n",
    "2011": "Which union backs Ed Balls in 2011? {~Unite =GMB}\n",
}
CSV = {
    "2010": "Which union backs Ed Balls in 2010?,Unite,GMB,,,20,1\n",
    "2011": "Which union backs Ed Balls in 2011?,Unite,GMB,,,20,2\n",
}


def _opentdb(*years: str) -> str:
    answers = {"2010": ("Unite", "GMB"), "2011": ("GMB", "Unite")}
    results = [
        {
            "type": "multiple",
            "difficulty": "easy",
            "category": "Politics",
            "question": f"Which union backs Ed Balls in {year}?",
            "correct_answer": answers[year][0],
            "incorrect_answers": [answers[year][1]],
        }
        for year in years
    ]
    return json.dumps({"response_code": 0, "results": results})


def ids_by_prompt(fmt: str, text: str) -> dict[str, str]:
    result = importer(fmt).import_text(text, "file")
    return {q.prompt: q.id for q in result.questions}


@pytest.mark.parametrize(
    ("fmt", "pieces", "join"),
    [("aiken", AIKEN, "\n"), ("gift", GIFT, "\n"), ("csv", CSV, "")],
)
def test_reordering_a_file_keeps_every_id(fmt: str, pieces: dict[str, str], join: str) -> None:
    forward = ids_by_prompt(fmt, join.join([pieces["2010"], pieces["2011"]]))
    backward = ids_by_prompt(fmt, join.join([pieces["2011"], pieces["2010"]]))
    assert forward == backward
    assert forward == {
        "Which union backs Ed Balls in 2010?": "which-union-backs-ed-balls-in-d322f76e",
        "Which union backs Ed Balls in 2011?": "which-union-backs-ed-balls-in-c959e256",
    }


def test_reordering_open_trivia_db_keeps_every_id() -> None:
    forward = ids_by_prompt("opentdb", _opentdb("2010", "2011"))
    assert forward == ids_by_prompt("opentdb", _opentdb("2011", "2010"))
    assert len(set(forward.values())) == 2


def test_wrong_choices_explanations_and_case_do_not_change_an_id() -> None:
    (first,) = importer("gift").import_text("Who backs Balls? {=Unite ~GMB}\n", "a").questions
    (second,) = (
        importer("gift")
        .import_text("who  backs BALLS? {=unite ~Unison ~CWU ####Says the article.}\n", "b")
        .questions
    )
    assert first.id == second.id == "who-backs-balls-86f8fd9c"


def test_a_different_right_answer_is_a_different_question() -> None:
    (first,) = importer("gift").import_text("Who backs Balls? {=Unite ~GMB}\n", "a").questions
    (second,) = importer("gift").import_text("Who backs Balls? {~Unite =GMB}\n", "b").questions
    assert first.id != second.id


def test_a_title_used_once_is_the_id_and_repeated_titles_all_get_content_ids() -> None:
    text = "::Same:: A? {T}\n\n::Same:: B? {F}\n\n::Alone:: C? {T}\n"
    result = importer("gift").import_text(text, "dup.gift")
    assert [q.id for q in result.questions] == ["same-d15826b7", "same-21d82087", "alone"]
    assert [str(n) for n in result.notes] == [
        'dup.gift:1: title "Same" is used more than once; id same-d15826b7',
        'dup.gift:3: title "Same" is used more than once; id same-21d82087',
    ]
    swapped = "::Same:: B? {F}\n\n::Alone:: C? {T}\n\n::Same:: A? {T}\n"
    again = importer("gift").import_text(swapped, "dup.gift").questions
    assert {q.prompt: q.id for q in again} == {q.prompt: q.id for q in result.questions}


def test_only_an_identical_question_gets_a_numbered_id_and_a_note() -> None:
    text = "Q? {=a ~b}\n\nQ? {=a ~c}\n"
    result = importer("gift").import_text(text, "same.gift")
    assert [q.id for q in result.questions] == ["q-62847646", "q-62847646-2"]
    assert [str(n) for n in result.notes] == [
        "same.gift:3: the same question as line 1; id q-62847646-2"
    ]
