"""The plain host's event lines: one line per change, names shown literally and safely."""

from __future__ import annotations

import io

from quiz.plain.host import EventPrinter


def test_an_answer_count_is_printed_once_per_change() -> None:
    out = io.StringIO()
    printer = EventPrinter(out)
    printer("question", {"number": 1, "total": 2})
    # Two answers acknowledged in one journal batch both report 2 of 2.
    printer("answered", {"answered": 2, "players": 2})
    printer("answered", {"answered": 2, "players": 2})
    printer("question", {"number": 2, "total": 2})
    printer("answered", {"answered": 1, "players": 2})
    printer("answered", {"answered": 2, "players": 2})
    assert out.getvalue().splitlines() == [
        "question 1/2",
        "answers: 2/2",
        "question 2/2",
        "answers: 1/2",
        "answers: 2/2",
    ]


def test_names_are_printed_without_control_characters() -> None:
    out = io.StringIO()
    EventPrinter(out)("joined", {"name": "[@click=app.quit]x[/]\x1b[2J\x9b\u202e"})
    assert out.getvalue() == "joined: [@click=app.quit]x[/]\n"
