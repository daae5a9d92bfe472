"""CSV in Kahoot's spreadsheet layout (`kahoot_layout`), read and written.

Cells may be separated by ',' or, as spreadsheets in many locales save them, ';'. On export,
a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a
leading `'` (`quiz.safe_text.spreadsheet_cell`), so that a spreadsheet opening the file
never runs it as a formula; each question so changed is named in the notes. Reading takes
that `'` off again, so the text comes back as it was.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from quiz.packs.errors import PackError
from quiz.packs.formats.common import (
    Exported,
    ImportResult,
    left_out,
)
from quiz.packs.formats.kahoot_layout import HEADER, export_rows, import_rows
from quiz.packs.models import PackMeta
from quiz.packs.question import Question
from quiz.safe_text import spreadsheet_cell, spreadsheet_text


def _records(text: str, filename: str) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the file line it starts on (records may span lines), read
    lazily; broken CSV is a PackError with its line."""
    text = text.lstrip("\ufeff")
    first = text[: text.find("\n")] if "\n" in text else text
    # Spreadsheets in many locales save CSV with ';' between cells.
    delimiter = ";" if first.count(";") > first.count(",") else ","
    # Lines one at a time: a StringIO of a 20 MB file would take four times its size.
    reader = csv.reader(_lines(text), delimiter=delimiter)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise PackError.single(filename, f"not valid CSV: {error}", line=start) from None
        yield start, [spreadsheet_text(cell) for cell in row]
        start = reader.line_num + 1


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, each with its line break, as csv.reader wants them (old Mac
    spreadsheets end lines with a lone carriage return)."""
    newline = "\n" if "\n" in text or "\r" not in text else "\r"
    start = 0
    while start < len(text):
        end = text.find(newline, start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def import_text(text: str, filename: str) -> ImportResult:
    """Read Kahoot-layout CSV into choice and true/false questions.

    Raises `PackError` listing every malformed row (FILE:LINE: …).
    """
    return import_rows(_records(text, filename), filename, ImportResult())


def export_questions(questions: Sequence[Question], meta: PackMeta) -> Exported:
    """Choice and true/false questions as Kahoot-layout CSV; notes name what was left out,
    what Kahoot itself will refuse (over-long texts, time limits it does not offer) and
    which cells were kept from running as formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    rows, notes, dropped = export_rows(questions, default_time=None)
    for row in rows:
        cells = [spreadsheet_cell(cell) for cell in row.cells]
        if cells != row.cells:
            notes.append(
                f"{row.question.id}: text starting with =, +, -, @ or a tab is written with a "
                "leading ' so that spreadsheets do not run it as a formula"
            )
        writer.writerow(cells)
    notes += left_out("Kahoot CSV", dropped)
    return Exported(buffer.getvalue(), notes)
