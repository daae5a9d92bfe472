"""Kahoot's layout as teachers' spreadsheets have it: header names other than the template's,
cells no column takes (reported, one note per row), and formulas never written raw."""

from __future__ import annotations

import csv
import io

import pytest

from quiz.packs.errors import PackError
from quiz.packs.formats import kahoot_csv
from quiz.packs.models import PackMeta
from quiz.packs.question import Question


def test_a_header_with_other_names_is_mapped() -> None:
    text = "Question,A1,A2,A3,A4,Time,Correct\nWho backs Balls?,Unite,GMB,,,30,1\n"
    result = kahoot_csv.import_text(text, "mine.csv")
    (question,) = result.questions
    assert (question.prompt, question.choices, question.answer) == (
        "Who backs Balls?",
        ["Unite", "GMB"],
        "Unite",
    )
    assert question.time_limit == 30 and result.notes == []


@pytest.mark.parametrize(
    "header",
    [
        "Question text,Option 1,Option 2,Option 3,Option 4,Time limit,Correct answer",
        "question,answer1,answer2,answer3,answer4,seconds,correct answers",
        "Q,Choice 1,Choice 2,Choice 3,Choice 4,Timer,Key",
    ],
)
def test_known_header_variants(header: str) -> None:
    (question,) = kahoot_csv.import_text(f"{header}\nQ?,a,b,c,,20,2\n", "v.csv").questions
    assert (question.choices, question.answer, question.time_limit) == (["a", "b", "c"], "b", 20)


def test_columns_are_found_by_name_in_any_order() -> None:
    text = "Correct,Answer 2,Question,Answer 1,Explanation\n2,No,Is it?,Yes,Because.\n"
    (question,) = kahoot_csv.import_text(text, "o.csv").questions
    assert (question.prompt, question.choices, question.answer) == ("Is it?", ["Yes", "No"], "No")
    assert question.explanation == "Because."


def test_every_cell_beyond_the_layout_is_reported_with_its_row() -> None:
    text = "Q?,a,b,,,20,1,extra,,more\nR?,a,b,,,20,2\n"
    result = kahoot_csv.import_text(text, "x.csv")
    assert len(result.questions) == 2
    assert [str(n) for n in result.notes] == [
        'x.csv:1: 2 cells dropped, no column of the Kahoot layout takes them: column H "extra", '
        'column J "more"'
    ]


def test_a_column_the_layout_has_no_place_for_is_named_in_the_note() -> None:
    text = "Question,Answer 1,Answer 2,Correct,Notes\nQ?,a,b,1,check this\nR?,a,b,2,\n"
    result = kahoot_csv.import_text(text, "n.csv")
    assert [str(n) for n in result.notes] == [
        'n.csv:2: cell dropped, no column of the Kahoot layout takes it: column E ("Notes") '
        '"check this"'
    ]


def test_the_templates_numbering_column_is_not_data() -> None:
    text = ",Question,Answer 1,Answer 2,Time,Correct\n1,Q?,a,b,20,1\n"
    result = kahoot_csv.import_text(text, "t.csv")
    assert result.notes == [] and result.questions[0].prompt == "Q?"


def test_more_rows_than_a_pack_holds_are_refused_before_the_rest_is_read() -> None:
    text = "Q?,a,b,,,20,1\n" * 20_001 + "broken,\n"
    with pytest.raises(PackError) as caught:
        kahoot_csv.import_text(text, "big.csv")
    assert [str(p) for p in caught.value.problems] == [
        "big.csv:20001: holds more than 20,000 questions; a pack holds at most 20,000, "
        "so split the file"
    ]


FORMULAS = ['=HYPERLINK("http://example.org","click")', "+cmd|' /C calc'!A0", "@SUM(A1:A9)"]


def test_formula_cells_are_neutralised_on_export_and_said_per_question() -> None:
    question = Question(
        id="f",
        type="single",
        prompt=FORMULAS[0],
        choices=[FORMULAS[1], FORMULAS[2], "-1", "plain"],
        answers=["plain"],
    )
    safe = Question(id="s", type="single", prompt="Safe?", choices=["a", "b"], answers=["a"])
    exported = kahoot_csv.export_questions([question, safe], PackMeta(id="p", title="P"))
    assert isinstance(exported.data, str)
    rows = list(csv.reader(io.StringIO(exported.data)))
    assert rows[1][:5] == ["'" + FORMULAS[0], "'" + FORMULAS[1], "'" + FORMULAS[2], "'-1", "plain"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert exported.notes == [
        "f: text starting with =, +, -, @ or a tab is written with a leading ' so that "
        "spreadsheets do not run it as a formula"
    ]
    (back, _) = kahoot_csv.import_text(exported.data, "back.csv").questions
    assert (back.prompt, back.choices) == (FORMULAS[0], [FORMULAS[1], FORMULAS[2], "-1", "plain"])
