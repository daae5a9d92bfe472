"""Kahoot's `.xlsx` quiz template (`kahoot_layout`), read and written with openpyxl.

The template's first sheet has a title and instruction rows, a header row (row 8) and one
question per row after it: a number in column A, the question in B, answers 1–4 in C–F, the
time limit in G (Kahoot's default is 20 s, written where a question has none) and the
correct answer numbers in H. Reading finds the header as the CSV reader does, so hand-made
sheets read too; notes and errors give the sheet row as the line.

Every text is written as a text cell, never a formula, whatever it starts with. A `.xlsx` is
a zip: one whose parts would unpack to more than `MAX_UNPACKED_BYTES` (a "zip bomb") is
refused before anything is unpacked, and only the first `MAX_COLUMNS` columns are read (a
sheet that declares more is told so in a note).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

from quiz.packs.errors import PackError, Problem
from quiz.packs.formats.common import (
    Exported,
    ImportResult,
    left_out,
)
from quiz.packs.formats.kahoot_layout import (
    HEADER,
    KAHOOT_DEFAULT_TIME_LIMIT,
    column_letter,
    export_rows,
    import_rows,
)
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_PARTS = 1_000
MAX_COLUMNS = 64
EXCEL_MAX_ROWS = 1_048_576
HEADER_ROW = 8
_INTRODUCTION = [
    ["Quiz template"],
    ["", "One question per row from row 9: the question, two to four answers, a time limit "
     "and the numbers of the correct answers."],
    ["", "Kahoot allows 120 characters per question and 75 per answer; several correct "
     "answers are written like 1,3."],
    ["", "Written by quiz (quiz pack export --format xlsx)."],
]  # fmt: skip


def _check_zip(data: bytes, filename: str) -> None:
    """Refuse what is not a zip, or would unpack to too much, before openpyxl opens it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise PackError.single(filename, "not an .xlsx file (it is not a zip archive)") from None
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        raise PackError.single(
            filename,
            f"refused: it would unpack to {unpacked / 2**20:,.0f} MB in {len(parts):,} parts; "
            f"a quiz spreadsheet needs far less (at most {MAX_UNPACKED_BYTES // 2**20} MB)",
        )


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(data: bytes, filename: str, notes: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise PackError.single(filename, f"cannot read this .xlsx: {reason}") from None
    try:
        sheet = workbook.worksheets[0]
        width = sheet.max_column or 0
        if width > MAX_COLUMNS:
            notes.append(
                Problem(
                    filename,
                    None,
                    "",
                    f"the sheet is {width:,} columns wide; only columns A to "
                    f"{column_letter(MAX_COLUMNS - 1)} are read",
                )
            )
        for number, row in enumerate(
            sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1
        ):
            if number > EXCEL_MAX_ROWS:  # only a crafted file claims rows past Excel's last
                break
            yield number, [_cell_text(value) for value in row]
    except PackError:
        raise
    except Exception as error:  # damaged sheet XML
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise PackError.single(filename, f"cannot read this .xlsx: {reason}") from None
    finally:
        workbook.close()


def import_bytes(data: bytes, filename: str) -> ImportResult:
    """Read the first sheet of a Kahoot-layout `.xlsx`.

    Raises `PackError` listing every malformed row (FILE:ROW: …), or naming why the file
    is refused.
    """
    _check_zip(data, filename)
    result = ImportResult()
    return import_rows(_rows(data, filename, result.notes), filename, result)


def export_questions(questions: Sequence[Question], meta: PackMeta) -> Exported:
    """Choice and true/false questions in Kahoot's template layout, as `.xlsx` bytes; notes
    as for the CSV layout."""
    import openpyxl

    rows, notes, dropped = export_rows(questions, default_time=KAHOOT_DEFAULT_TIME_LIMIT)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Kahoot"
    for row_number, cells in enumerate(_INTRODUCTION, start=1):
        for column, text in enumerate(cells, start=1):
            if text:
                _put(sheet, row_number, column, text)
    for column, text in enumerate(HEADER, start=2):
        _put(sheet, HEADER_ROW, column, text)
    for offset, row in enumerate(rows, start=1):
        _put(sheet, HEADER_ROW + offset, 1, offset)
        for column, value in enumerate(row.cells, start=2):
            if isinstance(value, str) and column == len(row.cells) + 1 and value.isdigit():
                value = int(value)  # one correct answer: a number, as Kahoot writes it
            if value != "":
                _put(sheet, HEADER_ROW + offset, column, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    notes += left_out("Kahoot .xlsx", dropped)
    return Exported(buffer.getvalue(), notes)


def _put(sheet: Any, row: int, column: int, value: str | int) -> None:
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it starts with '=': never a formula
