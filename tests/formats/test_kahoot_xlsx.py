"""Kahoot's `.xlsx` quiz template: a sheet laid out as Kahoot describes its template (title
and instruction rows, the header on row 8, one numbered question per row from row 9) reads
into questions; export writes that layout; hostile files (a zip bomb, 10,000 columns) are
refused or read in bounded time and memory."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from quiz.packs.errors import PackError
from quiz.packs.formats.kahoot_xlsx import export_questions, import_bytes
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

TEMPLATE_HEADER = [
    None,
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]


def template(rows: list[list[object]], path: Path) -> bytes:
    """A workbook laid out like Kahoot's template, with `rows` from row 9."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "Quiz template"
    sheet["B2"] = "Add questions, at least two answers, a time limit and the correct answers."
    sheet["B3"] = "Questions hold 120 characters and answers 75."
    sheet["B4"] = "The example question below is to be replaced by your first question."
    for column, text in enumerate(TEMPLATE_HEADER, start=1):
        if text:
            sheet.cell(row=8, column=column, value=text)
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=9 + offset, column=column, value=value)
    workbook.save(path)
    return path.read_bytes()


def test_the_template_layout_reads_into_questions(tmp_path: Path) -> None:
    data = template(
        [
            [1, "Which union backs Ed Balls?", "Unite", "GMB", "Unison", "CWU", 30, 1],
            [2, "Which of these back Balls?", "Whelan", "Mandelson", "Dromey", None, 60, "1,3"],
            [3, "Harman backs Balls.", "True", "False", None, None, 20, 2.0],
            [4, "No time limit given?", "yes", "no", None, None, None, 1],
        ],
        tmp_path / "kahoot.xlsx",
    )
    result = import_bytes(data, "kahoot.xlsx")
    assert result.notes == []
    single, multiple, true_false, untimed = result.questions
    assert (single.prompt, single.choices, single.answer, single.time_limit) == (
        "Which union backs Ed Balls?",
        ["Unite", "GMB", "Unison", "CWU"],
        "Unite",
        30,
    )
    assert (multiple.type, multiple.answers) == ("multiple", ["Whelan", "Dromey"])
    assert (true_false.type, true_false.answer) == ("true_false", False)
    assert untimed.time_limit is None


def test_a_bad_row_is_named_by_its_sheet_row(tmp_path: Path) -> None:
    data = template(
        [[1, "Fine?", "a", "b", None, None, 20, 1], [2, "Bad?", "a", "b", None, None, 20, 7]],
        tmp_path / "bad.xlsx",
    )
    with pytest.raises(PackError) as caught:
        import_bytes(data, "bad.xlsx")
    assert [str(p) for p in caught.value.problems] == [
        'bad.xlsx:10: correct answer "7" is not an answer number 1–4 (several are written like 1,3)'
    ]


def test_export_writes_the_template_layout_with_text_cells_only(tmp_path: Path) -> None:
    questions = [
        Question(
            id="f",
            type="single",
            prompt='=HYPERLINK("http://example.org")',
            choices=("+1", "@b"),
            answers=("+1",),
            time_limit=30,
        ),
        Question(id="m", type="multiple", prompt="M?", choices=("a", "b", "c"), answers=("a", "c")),
    ]
    exported = export_questions(questions, PackMeta(id="p", title="P"))
    assert exported.notes == [
        "1 question without a time limit written with Kahoot's default of 20 s"
    ]
    assert isinstance(exported.data, bytes)
    sheet = openpyxl.load_workbook(io.BytesIO(exported.data)).active
    assert sheet is not None
    assert [cell.value for cell in sheet[8]] == TEMPLATE_HEADER
    assert [cell.value for cell in sheet[9]] == [
        1, '=HYPERLINK("http://example.org")', "+1", "@b", None, None, 30, 1
    ]  # fmt: skip
    assert [cell.value for cell in sheet[10]] == [2, "M?", "a", "b", "c", None, 20, "1,3"]
    assert {cell.data_type for cell in sheet[9][1:4]} == {"s"}  # text, never a formula
    back = import_bytes(exported.data, "back.xlsx").questions
    assert [q.prompt for q in back] == ['=HYPERLINK("http://example.org")', "M?"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            for _ in range(100):
                part.write(b" " * 2**20)
    assert len(buffer.getvalue()) < 2**20  # a small file…
    with pytest.raises(PackError) as caught:
        import_bytes(buffer.getvalue(), "bomb.xlsx")
    assert str(caught.value) == (
        "bomb.xlsx: refused: it would unpack to 100 MB in 2 parts; a quiz spreadsheet "
        "needs far less (at most 64 MB)"
    )


def test_ten_thousand_columns_are_read_only_as_far_as_the_layout_could_go(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Question", "Answer 1", "Answer 2", "Correct", *["x"] * 9_996])
    for number in range(3):
        sheet.append([f"Q{number}?", "a", "b", 1, *[f"c{n}" for n in range(9_996)]])
    path = tmp_path / "wide.xlsx"
    workbook.save(path)
    result = import_bytes(path.read_bytes(), "wide.xlsx")
    assert len(result.questions) == 3
    notes = [str(note) for note in result.notes]
    assert notes[0] == "wide.xlsx: the sheet is 10,000 columns wide; only columns A to BL are read"
    assert notes[1].startswith("wide.xlsx:2: 60 cells dropped, no column of the Kahoot layout ")
    assert notes[1].endswith('column L ("x") "c7", and 52 more')
    assert len(notes) == 4


def test_what_is_not_an_xlsx_is_refused_in_words() -> None:
    with pytest.raises(PackError) as caught:
        import_bytes(b"Question,Answer 1\n", "not.xlsx")
    assert str(caught.value) == "not.xlsx: not an .xlsx file (it is not a zip archive)"
