"""Whatever text an importer is given, it returns questions or raises PackError: never any
other exception (property-based, with text built from each format's special characters)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.packs.errors import PackError
from quiz.packs.formats import BINARY_IMPORTS, IMPORTERS, importer

PIECES = {
    "gift": [
        "::",
        "{",
        "}",
        "=",
        "~",
        "#",
        "####",
        "%50%",
        "->",
        "\\",
        ":",
        "..",
        "\n",
        "\n\n",
        "$CATEGORY: a/b",
        "// c",
        "[html]",
        "T",
        "FALSE",
        "1",
        "-2.5",
        "e9",
        " ",
        "x",
    ],
    "aiken": ["A. ", "B) ", "ANSWER: ", "A", "B", "C", "\n", "\n\n", "Q?", " ", "x"],
    "csv": [",", '"', "\n", "1", "2,3", "True", "False", "Question", "Answer 1", "x", " "],
    "opentdb": [
        '{"results": [',
        "{",
        "}",
        "]",
        ",",
        '"question": "q"',
        '"type": "boolean"',
        '"correct_answer": "True"',
        '"incorrect_answers": ["a"]',
        "&amp;",
        "null",
        "7",
    ],
    "moodle-xml": [
        '<?xml version="1.0"?>\n<quiz>',
        '<question type="multichoice">',
        '<question type="category"><category><text>$course$/top/A</text></category>',
        "<name><text>n</text></name>",
        '<questiontext format="html"><text><![CDATA[<p>Q &amp; <b>x</b></p>]]></text>',
        "</questiontext>",
        '<answer fraction="100"><text>a</text></answer>',
        '<answer fraction="-50"><text>b</text><feedback><text>f</text></feedback></answer>',
        "<single>false</single>",
        "</question>",
        "</quiz>",
        "<!DOCTYPE quiz [",
        '<!ENTITY a "aaaa">',
        "&a;",
        "<",
        ">",
        "&",
    ],
    "quizlet": ["\t", "\n", ";", "term", "definition", " ", "\r\n"],
    "xlsx": ["PK\x03\x04", "\x00", "[Content_Types].xml", "x"],
    "json": [
        '{"questions": [',
        "{",
        "}",
        "]",
        ",",
        '"id": "a"',
        '"type": "single"',
        '"prompt": "p"',
        '"choices": ["x", "y"]',
        '"answers": ["x"]',
        "null",
    ],
}


# Every format also meets numbers too long to read and deep nesting.
for pieces in PIECES.values():
    pieces += ["9" * 5000, "[" * 3000, "{" * 3000]


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_importer_returns_questions_or_pack_error(fmt: str, data: st.DataObject) -> None:
    pieces = data.draw(st.lists(st.sampled_from(PIECES[fmt]) | st.text(max_size=5), max_size=40))
    text = "".join(pieces)
    try:
        if fmt in BINARY_IMPORTS:
            result = importer(fmt).import_bytes(text.encode("utf-8", "replace"), "fuzz")
        else:
            result = importer(fmt).import_text(text, "fuzz")
    except PackError as error:
        assert error.problems and all(str(p).startswith("fuzz") for p in error.problems)
        return
    assert len(result.questions) == len(result.lines)
