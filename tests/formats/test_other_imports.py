"""Reading Aiken, Kahoot-layout CSV, Open Trivia DB JSON and our own JSON: the fixtures
(written from each format's documentation) and malformed input, each error with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.packs.errors import PackError
from quiz.packs.formats import guess_format, importer


def read(fmt: str, path: Path) -> list[dict[str, object]]:
    result = importer(fmt).import_text(path.read_text("utf-8"), path.name)
    assert result.notes == []
    return [q.model_dump(exclude_defaults=True) for q in result.questions]


def problems(fmt: str, text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(PackError) as caught:
        importer(fmt).import_text(text, "bad")
    return [(p.line, p.message) for p in caught.value.problems]


def test_aiken_reads_both_option_styles_and_missing_blank_lines(fixtures: Path) -> None:
    questions = read("aiken", fixtures / "sample.aiken")
    assert [q["prompt"] for q in questions] == [
        "Is this a true or false question?",
        "Which LMS has the most quiz import formats?",
        "Which union backs Ed Balls?",
    ]
    assert questions[1]["choices"] == [
        "Moodle",
        "ATutor",
        "Claroline",
        "Blackboard",
        "WebCT",
        "Ilias",
    ]
    assert [q["answer"] for q in questions] == ["Yes", "Moodle", "Unite"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q?\nA. a\nB. b\nANSWER: C\n", [(4, "ANSWER: C is not one of the options A, B")]),
        ("Q?\nA. a\nB. b\n", [(1, "no 'ANSWER: <letter>' line")]),
        (
            "A. a\nB. b\nANSWER: A\n",
            [
                (1, "option A comes before any question text"),
                (2, "option B comes before any question text"),
                (3, "'ANSWER:' without a question"),
            ],
        ),
        ("Q?\nA. a\nANSWER: A\n", [(3, "at least two options")]),
        (
            "Q?\nA. a\nA. b\nANSWER: A\n",
            [(3, "option A appears twice"), (4, "at least two options")],
        ),
        (
            "Q?\nA. a\nB. b\nNext?\nA. c\nB. d\nANSWER: A\n",
            [(1, "no 'ANSWER: <letter>' line after its options")],
        ),
        ("First line\nsecond line\nA. a\nB. b\nANSWER: A\n", [(2, "one line")]),
    ],
)
def test_malformed_aiken(text: str, expected: list[tuple[int, str]]) -> None:
    found = problems("aiken", text)
    assert [line for line, _ in found] == [line for line, _ in expected]
    for (_, message), (_, part) in zip(found, expected, strict=True):
        assert part in message


def test_kahoot_csv_finds_its_header_below_title_rows(fixtures: Path) -> None:
    questions = read("csv", fixtures / "kahoot.csv")
    assert questions[0] == {
        "id": "which-union-backs-ed-balls-ecd83e65",
        "type": "single",
        "prompt": "Which union backs Ed Balls?",
        "choices": ["Unite", "GMB", "Unison", "CWU"],
        "answer": "Unite",
        "time_limit": 30,
    }
    assert questions[1]["type"] == "multiple"
    assert questions[1]["answers"] == ["Charlie Whelan", "Jack Dromey", "Harriet Harman"]
    assert (questions[2]["type"], questions[2]["answer"]) == ("true_false", True)
    assert questions[3]["prompt"] == 'A question with a "quoted" word and a line\nbreak in it?'
    assert "time_limit" not in questions[3]
    assert questions[4]["prompt"] == "[@click=app.quit]x[/] is kept as text?"


def test_kahoot_csv_without_header() -> None:
    result = importer("csv").import_text("Q?,a,b,,,20,2\n", "plain.csv")
    assert result.questions[0].answer == "b"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Q?,a,b,,,20,5", "not an answer number 1–4"),
        ("Q?,a,b,,,20,", "not an answer number 1–4"),
        ("Q?,a,b,,,20,3", "points at an empty answer cell"),
        ("Q?,a,b,,,soon,1", "not a whole number of seconds"),
        (",a,b,,,20,1", "the question cell is empty"),
    ],
)
def test_malformed_kahoot_rows_name_their_line(row: str, message: str) -> None:
    text = "\n".join(
        [
            ",".join(
                [
                    "Question",
                    "Answer 1",
                    "Answer 2",
                    "Answer 3",
                    "Answer 4",
                    "Time limit",
                    "Correct",
                ]
            ),
            "Fine?,a,b,,,20,1",
            row,
            "",
        ]
    )
    found = problems("csv", text)
    assert len(found) == 1 and found[0][0] == 3 and message in found[0][1]


def test_kahoot_time_limit_a_pack_cannot_hold_is_reported_and_left_out() -> None:
    result = importer("csv").import_text("Q?,a,b,,,900,1\n", "long.csv")
    assert result.questions[0].time_limit is None
    assert str(result.notes[0]) == (
        "long.csv:1: time limit 900 s is left out: a pack's time limits are 5 to 600 seconds"
    )


def test_kahoot_huge_numbers_are_errors_not_crashes() -> None:
    digits = "9" * 5000
    assert problems("csv", f"Q?,a,b,,,{digits},1\n")[0][1].startswith("time limit")
    assert problems("csv", f"Q?,a,b,,,20,{digits}\n")[0][1].startswith("correct answer")


def test_opentdb_decodes_html_entities(fixtures: Path) -> None:
    questions = read("opentdb", fixtures / "opentdb.json")
    first, second, third = questions
    assert first["prompt"] == 'In "Fairy Tail", what is the nickname of Natsu Dragneel?'
    assert first["tags"] == ["Entertainment: Japanese Anime & Manga"]
    assert first["difficulty"] == 2 and first["answer"] == "The Salamander"
    assert sorted(first["choices"]) == sorted(
        ["The Salamander", "The Dragon Slayer", "The Dragon", "The Demon"]
    )
    assert second == {
        "id": "the-sun-s-surface-is-hotter-than-27a72015",
        "type": "true_false",
        "answer": False,
        "prompt": "The Sun's surface is hotter than its core.",
        "tags": ["Science & Nature"],
    }
    assert third["prompt"] == "Who was Prime Minister when <b>Labour</b> lost in 2010?"
    assert third["difficulty"] == 3


@pytest.mark.parametrize(
    ("text", "line", "part"),
    [
        ('{"response_code": 0, "results": [\n  {"question": "Q", \n', 3, "not valid JSON"),
        ('{"response_code": 1, "results": []}', 1, "the API sent no questions"),
        ('{"results": {}}', 1, "expected a list"),
        (
            '{"results": [\n{"type": "multiple", "question": "Q", "correct_answer": "a",\n'
            '"incorrect_answers": ["b"]},\n{"type": "multiple", "question": "Q2",\n'
            '"incorrect_answers": ["b"]}\n]}',
            4,
            "correct_answer",
        ),
        (
            '{"results": [\n  {"type": "text", "question": "Q", "correct_answer": "a", '
            '"incorrect_answers": []}]}',
            2,
            'expected "multiple" or "boolean"',
        ),
        (
            '{"results": [\n  {"difficulty": "brutal", "question": "Q", "correct_answer": "a", '
            '"incorrect_answers": ["b"]}]}',
            2,
            "easy, medium or hard",
        ),
        (
            '{"results": [\n\n  {"type": "boolean", "question": "Q", "correct_answer": "Yes", '
            '"incorrect_answers": ["No"]}]}',
            3,
            "True or False",
        ),
        ('{"results": [\n  7]}', 2, "expected an object"),
    ],
)
def test_malformed_opentdb_names_line_and_key(text: str, line: int, part: str) -> None:
    with pytest.raises(PackError) as caught:
        importer("opentdb").import_text(text, "bad.json")
    (problem,) = caught.value.problems
    assert problem.line == line and part in str(problem)


def test_our_json_reports_a_broken_question_with_line_and_key() -> None:
    text = (
        '{"pack": {}, "questions": [\n  {"id": "a", "type": "single", "prompt": "P",\n'
        '   "choices": ["x", "y"], "answers": ["x"]},\n'
        '  {"id": "b", "type": "single", "prompt": "P", "colour": "red"}\n]}'
    )
    with pytest.raises(PackError) as caught:
        importer("json").import_text(text, "bad.json")
    (problem,) = caught.value.problems
    assert (problem.line, problem.key) == (4, "questions[1].colour")


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("q.gift", "anything", "gift"),
        ("q.csv", "anything", "csv"),
        ("q.txt", "::t:: Q {T}\n", "gift"),
        ("q.txt", "Q {=a ~b}\n", "gift"),
        ("q.txt", "Q?\nA. a\nB. b\nANSWER: A\n", "aiken"),
        ("q.json", '{"response_code": 0, "results": []}', "opentdb"),
        ("q.json", '{"pack": {}, "questions": []}', "json"),
        ("q.txt", "Question,Answer 1\nQ,a\n", "csv"),
        ("q.txt", "just words", None),
    ],
)
def test_format_is_guessed_from_extension_then_content(name: str, text: str, fmt: str) -> None:
    assert guess_format(name, text) == fmt


def test_aiken_lines_are_counted_as_editors_count_them() -> None:
    text = "Q\x0cone?\r\nA. a\r\nB. b\r\nANSWER: Z\r\n"
    assert problems("aiken", text) == [(4, "ANSWER: Z is not one of the options A, B")]


def test_json_number_too_long_to_read_is_an_error_with_its_line() -> None:
    text = '{"results": [\n\n' + "9" * 5000 + "]}"
    for fmt in ("opentdb", "json"):
        ((line, message),) = problems(fmt, text)
        assert line == 3 and message.startswith("cannot read this JSON")
