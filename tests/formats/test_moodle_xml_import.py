"""Reading Moodle XML as Moodle exports it (fixtures/moodle.xml, written from Moodle's
documentation of the format): HTML in CDATA becomes plain text, categories become tags, every
type a pack cannot hold is reported with its name; XML bombs are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.packs.errors import PackError
from quiz.packs.formats.moodle_xml_import import import_bytes


@pytest.fixture
def moodle(fixtures: Path) -> tuple[dict[str, dict[str, object]], list[str]]:
    result = import_bytes((fixtures / "moodle.xml").read_bytes(), "moodle.xml")
    questions = {q.id: q.model_dump(exclude_defaults=True) for q in result.questions}
    return questions, [str(note) for note in result.notes]


TAGS = ["Labour leadership"]  # "Default for Politics 101" is Moodle's place, not a topic


def test_single_choice_html_becomes_plain_text(moodle) -> None:  # type: ignore[no-untyped-def]
    questions, _ = moodle
    assert questions["backer-of-balls-ecd83e65"] == {
        "id": "backer-of-balls-ecd83e65",
        "type": "single",
        "prompt": "Which union backs Ed Balls?",
        "choices": ["Unite", "GMB", "Unison & CWU"],
        "answer": "Unite",
        "explanation": "The article names Unite as his backer.",
        "tags": TAGS,
    }


def test_multiple_answers_keep_the_categorys_and_their_own_tags(moodle) -> None:  # type: ignore[no-untyped-def]
    questions, _ = moodle
    assert questions["backers"] == {
        "id": "backers",
        "type": "multiple",
        "prompt": "Which of these back Ed Balls?",
        "choices": ["Charlie Whelan", "Jack Dromey", "Peter Mandelson"],
        "answers": ["Charlie Whelan", "Jack Dromey"],
        "tags": [*TAGS, "backers"],
    }


def test_true_false_short_answer_numerical_and_matching(moodle) -> None:  # type: ignore[no-untyped-def]
    questions, _ = moodle
    assert questions["harman-backs-balls"]["prompt"] == (
        "Harriet Harman backs Ed Balls.\n(According to the article.)"
    )
    assert questions["harman-backs-balls"]["answer"] is False
    assert questions["harman-backs-balls"]["explanation"] == "Right: she stays neutral."
    nickname = questions["nickname"]
    assert nickname["prompt"].endswith("Ed Miliband? <b> stays as written")  # plain_text
    assert (nickname["answer"], nickname["accept"]) == ("Milibland", ["Mili-bland"])
    numeric = questions["labour-mps"]
    assert (numeric["answer"], numeric["unit"], numeric["explanation"]) == (
        258,
        "MPs",
        "258 seats.",
    )
    assert questions["who-backs-whom"]["pairs"] == [
        {"left": "Mandelson", "right": "David Miliband"},
        {"left": "Whelan", "right": "Ed Balls"},
    ]
    markdown = questions["backer-of-balls-49433bae"]
    assert markdown["prompt"] == "Which newspaper backs Balls?"
    assert markdown["tags"] == [*TAGS, "Essays"]


def test_what_a_pack_cannot_hold_is_reported_per_question_with_its_line(moodle) -> None:  # type: ignore[no-untyped-def]
    _, notes = moodle
    assert notes == [
        'moodle.xml:16: feedback "Yes." is dropped: a pack has one explanation per question, '
        "not feedback per answer",
        'moodle.xml:65: image "Ed Balls" is left out: a pack holds text only',
        'moodle.xml:65: file "balls.jpg" is left out: a pack holds text only',
        'moodle.xml:65: weights of "Which of these back Ed Balls?" change to the game\'s rule '
        "(each right choice +50%, each wrong one -50%); the file gives +50%, +50%, -100%",
        'moodle.xml:65: feedback "He backs David." is dropped: a pack has one explanation per '
        "question, not feedback per answer",
        'moodle.xml:96: feedback "She backs nobody." is dropped: a pack has one explanation per '
        "question, not feedback per answer",
        'moodle.xml:118: answer "Bland" for 50% credit is dropped: a pack accepts an answer '
        "fully or not at all",
        'moodle.xml:144: feedback "Look it up." is dropped: a pack has one explanation per '
        "question, not feedback per answer",
        'moodle.xml:177: extra right-hand answer "Andy Burnham" is dropped: a pack\'s matching '
        "question has no unmatched answers",
        'moodle.xml:216: skipped essay question "Why Balls?" ("Explain why the unions backed '
        "Balls.\"): Moodle's essay questions have no counterpart in a pack",
        'moodle.xml:228: skipped description question "About this quiz" ("The next questions '
        "are about the article.\"): Moodle's description questions have no counterpart in a pack",
        'moodle.xml:238: skipped cloze question "Cloze" ("Balls is backed by '
        "{1:MULTICHOICE:=Unite~GMB}.\"): Moodle's embedded answers (Cloze) questions have no "
        "counterpart in a pack",
        'moodle.xml:248: skipped ddwtos question "Drag the union" ("[[1]] backs Balls."): '
        "Moodle's drag and drop into text questions have no counterpart in a pack",
        'moodle.xml:262: skipped gapselect question "Select the union" ("[[1]] backs Balls."): '
        "Moodle's select missing words questions have no counterpart in a pack",
        'moodle.xml:16: title "Backer of Balls" is used more than once; id '
        "backer-of-balls-ecd83e65",
        'moodle.xml:276: title "Backer of Balls" is used more than once; id '
        "backer-of-balls-49433bae",
    ]


BOMBS = {
    "billion laughs": (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
        ' <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">\n'
        ']>\n<quiz><question type="truefalse"><questiontext><text>&lol9;</text>'
        "</questiontext></question></quiz>\n"
    ),
    "quadratic blowup": (
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "' + "x" * 50_000 + '">]>\n'
        "<quiz>" + "&a;" * 50_000 + "</quiz>\n"
    ),
    "external entity": (
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        "<quiz><question><name><text>&secret;</text></name></question></quiz>\n"
    ),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_xml_bombs_are_refused_before_anything_expands(name: str) -> None:
    with pytest.raises(PackError) as caught:
        import_bytes(BOMBS[name].encode(), "bomb.xml")
    (problem,) = caught.value.problems
    assert problem.line == 2
    assert problem.message.startswith("refused: the file declares a DTD")


def test_malformed_xml_is_an_error_with_its_line() -> None:
    text = b'<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>\n'
    with pytest.raises(PackError) as caught:
        import_bytes(text, "bad.xml")
    assert [str(p) for p in caught.value.problems] == [
        "bad.xml:4: not valid XML: mismatched tag (column 3)"
    ]


def test_a_file_of_more_questions_than_a_pack_holds_is_refused_unparsed() -> None:
    text = b"<quiz>" + b'<question type="truefalse"></question>' * 20_001 + b"<broken"
    with pytest.raises(PackError) as caught:
        import_bytes(text, "big.xml")
    assert [str(p) for p in caught.value.problems] == [
        "big.xml: holds more than 20,000 questions; a pack holds at most 20,000, so split the file"
    ]


def test_a_wrong_fraction_is_an_error_and_a_multiple_answer_of_the_games_rule_is_not_noted() -> (
    None
):
    def quiz(answers: str) -> bytes:
        return (
            '<quiz>\n<question type="multichoice"><name><text>m</text></name>'
            '<questiontext format="plain_text"><text>Which?</text></questiontext>'
            f"<single>false</single>{answers}</question>\n</quiz>"
        ).encode()

    good = "".join(
        f'<answer fraction="{f}"><text>{t}</text></answer>'
        for t, f in (("a", "33.33333"), ("b", "33.33333"), ("c", "33.33333"), ("d", "-33.33333"))
    )
    result = import_bytes(quiz(good), "m.xml")
    assert result.notes == [] and result.questions[0].answers == ["a", "b", "c"]
    with pytest.raises(PackError) as caught:
        import_bytes(quiz('<answer fraction="lots"><text>a</text></answer>'), "m.xml")
    assert str(caught.value) == 'm.xml:2: fraction "lots" is not a number from -100 to 100'
