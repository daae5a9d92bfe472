"""Reading Moodle GIFT: every feature of fixtures/features.gift (written from Moodle's
documentation of the format), the notes on what a pack cannot hold, and malformed input."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.packs.errors import PackError
from quiz.packs.formats.gift import import_text


@pytest.fixture
def features(fixtures: Path) -> dict[str, dict[str, object]]:
    result = import_text((fixtures / "features.gift").read_text("utf-8"), "features.gift")
    return {q.id: q.model_dump(exclude_defaults=True) for q in result.questions}


@pytest.fixture
def notes(fixtures: Path) -> list[str]:
    result = import_text((fixtures / "features.gift").read_text("utf-8"), "features.gift")
    return [str(note) for note in result.notes]


def test_multiple_choice_with_title_and_category(features) -> None:  # type: ignore[no-untyped-def]
    assert features["grant-s-tomb"] == {
        "id": "grant-s-tomb",
        "type": "single",
        "prompt": "Who's buried in Grant's tomb?",
        "choices": ["Grant", "Jefferson", "no one"],
        "answer": "no one",
        "tags": ["Politics", "Labour leadership"],
    }


def test_missing_word_puts_a_blank_where_the_answers_were(features) -> None:  # type: ignore[no-untyped-def]
    assert features["missing-word"]["prompt"] == "Grant is _____ in Grant's tomb."
    assert features["missing-word"]["answer"] == "entombed"
    thanksgiving = features["thanksgiving"]
    assert thanksgiving["prompt"] == (
        "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November."
    )
    assert thanksgiving["choices"] == ["second", "third", "fourth"]


def test_weighted_answers_make_a_multiple_answer_question(features) -> None:  # type: ignore[no-untyped-def]
    weighted = features["weighted"]
    assert weighted["type"] == "multiple"
    assert weighted["answers"] == ["Grant", "Grant's wife"]
    assert weighted["choices"] == ["No one", "Grant", "Grant's wife", "Grant's father"]


def test_true_false_with_feedback(features, notes) -> None:  # type: ignore[no-untyped-def]
    assert features["truestatement-about-grant"]["answer"] is True
    false = features["false-statement"]
    assert false["answer"] is False
    # {FALSE#wrong-feedback#right-feedback}: the right one explains; the other is reported.
    assert false["explanation"] == "Right, it rises in the east."
    assert any(
        note.startswith("features.gift:25:") and "Wrong: it rises in the east." in note
        for note in notes
    )


def test_short_answer_alternatives(features) -> None:  # type: ignore[no-untyped-def]
    short = features["short-answer"]
    assert (short["type"], short["answer"]) == ("typed", "Grant")
    assert short["accept"] == ["Ulysses S. Grant", "Ulysses Grant"]


def test_matching_with_general_feedback(features) -> None:  # type: ignore[no-untyped-def]
    matching = features["matching"]
    assert matching["pairs"][1] == {"left": "Italy", "right": "Rome"}
    assert len(matching["pairs"]) == 4
    assert matching["explanation"] == "It's good to know the capitals"


def test_numerical_tolerance_range_and_several_answers(features, notes) -> None:  # type: ignore[no-untyped-def]
    assert (features["tolerance"]["answer"], features["tolerance"]["tolerance"]) == (1822, 5)
    assert (features["range"]["answer"], features["range"]["tolerance"]) == (3.1415, 0.0005)
    several = features["several-numbers"]
    assert several["answer"] == 1822 and "tolerance" not in several
    assert several["explanation"] == "Correct! Full credit."
    assert any(n.startswith("features.gift:41:") and "1822±2 (50%)" in n for n in notes)


def test_per_answer_feedback_of_the_right_answer_explains(features, notes) -> None:  # type: ignore[no-untyped-def]
    assert features["feedback"]["explanation"] == "Very good!"
    dropped = [n for n in notes if n.startswith("features.gift:46:")]
    assert len(dropped) == 2 and "feedback comment on the wrong answer" in dropped[0]


def test_general_feedback_explains(features) -> None:  # type: ignore[no-untyped-def]
    assert features["general-feedback"]["explanation"] == "Thirty-three signed."
    assert features["general-feedback"]["accept"] == ["thirty-three"]


def test_html_and_markdown_become_plain_text_for_the_question_and_its_answers(
    features, notes
) -> None:  # type: ignore[no-untyped-def]
    assert features["markdown"]["prompt"] == "Which is bold?"
    assert features["markdown"]["choices"] == ["this", "that"]
    assert features["markdown"]["tags"] == ["Formats"]
    assert features["plain"]["prompt"].startswith("Is 1")
    assert features["html"]["prompt"] == "Which tag?"
    assert not any(n.startswith("features.gift:60:") for n in notes)


def test_html_text_keeps_what_a_reader_sees() -> None:
    text = (
        "[html]<p>Tom &amp; <b>Jerry</b></p><p>Pick &lt;two&gt;<br>of them "
        '<img src="@@PLUGINFILE@@/map.png"></p>{=A &amp; B#<i>Yes</i> ~C ####<p>Because.</p>}\n'
    )
    result = import_text(text, "h.gift")
    (question,) = result.questions
    assert question.prompt == "Tom & Jerry\nPick <two>\nof them"
    assert question.choices == ["A & B", "C"]
    assert question.explanation == "Because."
    assert [str(n) for n in result.notes] == [
        'h.gift:1: image "map.png" is left out: a pack holds text only',
        'h.gift:1: feedback "Yes" is dropped: a pack has one explanation per question, not '
        "feedback per answer",
    ]


def test_an_answer_may_have_a_format_of_its_own() -> None:
    (question,) = import_text("[html]<b>Q</b> {=[plain]<b>x</b> ~y}\n", "f.gift").questions
    assert (question.prompt, question.choices) == ("Q", ["<b>x</b>", "y"])


def test_escapes_and_newline(features) -> None:  # type: ignore[no-untyped-def]
    escapes = features["escapes"]
    assert escapes["prompt"] == (
        "Which has {braces}, ~tilde, = equals, # hash, : colon and \\ backslash?\nSecond line."
    )
    assert escapes["choices"] == ["a {b} c", "d ~ e"]


def test_essay_and_description_are_reported_with_their_lines(features, notes) -> None:  # type: ignore[no-untyped-def]
    assert "essay" not in features
    assert any(
        n.startswith("features.gift:67: skipped essay question") and "Hammarskj" in n for n in notes
    )
    assert any(n.startswith("features.gift:69: skipped description") for n in notes)


def test_question_without_title_gets_an_id_from_its_words(features) -> None:  # type: ignore[no-untyped-def]
    untitled = [q for q in features.values() if q["prompt"] == "Which union backs Ed Balls?"]
    assert len(untitled) == 1 and untitled[0]["id"] == "which-union-backs-ed-balls-ecd83e65"


def test_numerical_wrong_answer_feedback_is_reported() -> None:
    result = import_text("Year? {#=1822:0 #Right ~#Look it up}\n", "n.gift")
    (question,) = result.questions
    assert (question.answer, question.explanation) == (1822, "Right")
    assert [str(n) for n in result.notes] == [
        'n.gift:1: feedback "Look it up" is dropped: a pack has one explanation per question, '
        "not feedback per answer"
    ]


def test_the_last_general_feedback_marker_counts_as_in_moodle() -> None:
    (question,) = import_text("Q {=a ~b ####one####two}\n", "g.gift").questions
    assert question.explanation == "two"


def test_partial_credit_and_several_right_answers_are_reported() -> None:
    text = "Pick {=a ~%50%b ~c}\n\nBoth {=a =b ~c}\n\nWeights {~%70%a ~%30%b ~c}\n"
    result = import_text(text, "w.gift")
    assert [q.type for q in result.questions] == ["single", "multiple"]
    messages = [str(n) for n in result.notes]
    assert messages[0].startswith("w.gift:1: partial credit (50%)")
    assert messages[1].startswith('w.gift:3: skipped multiple choice "Both"')
    assert messages[2] == (
        'w.gift:5: weights of "Weights" change to the game\'s rule (each right choice +50%, '
        "each wrong one -50%); the file gives +70%, +30%, +0%"
    )


def test_the_right_answers_feedback_survives_partial_credit_on_wrong_answers() -> None:
    text = "Pick {=a#Right, a. ~%50%b#Half. ~c#No.}\n"
    result = import_text(text, "p.gift")
    (question,) = result.questions
    assert question.explanation == "Right, a."
    assert [str(n) for n in result.notes] == [
        'p.gift:1: partial credit (50%) for "b" is dropped: a pack\'s single-answer question '
        "has one right answer",
        'p.gift:1: feedback "Half." is dropped: a pack has one explanation per question, not '
        "feedback per answer",
        'p.gift:1: feedback "No." is dropped: a pack has one explanation per question, not '
        "feedback per answer",
    ]


@pytest.mark.parametrize(
    "answers",
    [
        "~%50%a ~%50%b ~%-50%c ~%-50%d",
        "~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-33.33333%d",
        "~%100%a ~%-100%b",
    ],
)
def test_weights_that_are_the_games_own_rule_import_without_a_note(answers: str) -> None:
    result = import_text(f"Which? {{{answers}}}\n", "w.gift")
    assert result.notes == [] and result.questions[0].type == "multiple"


def test_question_a_pack_cannot_hold_is_skipped_with_its_line() -> None:
    choices = " ".join(f"~c{n}" for n in range(12))
    result = import_text(f"Fine? {{T}}\n\nToo many {{=a {choices}}}\n", "big.gift")
    assert len(result.questions) == 1
    assert str(result.notes[0]).startswith(
        'big.gift:3: skipped multiple-choice question "Too many"'
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Fine {T}\n\n::Title A question {T}\n", 3, "never closed with '::'"),
        ("Fine {T}\n\nOpen {=a ~b\n~c\n", 3, "'{' is never closed"),
        ("Q {=a ~b}\n\nStray } brace {T}\n", 3, "'}' without '{'"),
        ("Q {=a\n{ ~b}\n", 2, "'{' inside an answer block"),
        ("Q {=a ~b} and {=c}\n", 1, "one answer block"),
        ("// comment\nQ {a ~b}\n", 2, "starts with '='"),
        ("Q {~a ~b}\n", 1, "needs a right answer"),
        ("Q\nmore {#abc}\n", 2, "is not a number"),
        ("Q {#5..1}\n", 1, "is not a number"),
        ("Q {~%500%a =b}\n", 1, "outside -100…100"),
        ("Q {=a -> b =c}\n", 1, "'=left -> right'"),
        ("{=a}\n", 1, "no text before its answers"),
    ],
)
def test_malformed_gift_is_an_error_with_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(PackError) as caught:
        import_text(text, "bad.gift")
    problems = caught.value.problems
    assert len(problems) == 1
    assert problems[0].line == line and message in problems[0].message
    assert str(problems[0]).startswith(f"bad.gift:{line}: ")


def test_every_malformed_question_is_reported_at_once(fixtures: Path) -> None:
    text = (fixtures / "malformed.gift").read_text("utf-8")
    with pytest.raises(PackError) as caught:
        import_text(text, "malformed.gift")
    assert [problem.line for problem in caught.value.problems] == [4, 6, 10, 12]


def test_lines_are_counted_as_editors_count_them() -> None:
    # CRLF endings, and characters Python's splitlines() would treat as line breaks.
    text = "Q\u2028one {T}\r\n\r\nQ\x0ctwo {T}\r\n\r\nBad {~a ~b}\r\n"
    with pytest.raises(PackError) as caught:
        import_text(text, "crlf.gift")
    assert [problem.line for problem in caught.value.problems] == [5]
    result = import_text(text.replace("Bad {~a ~b}", "Good {=a ~b}"), "crlf.gift")
    assert result.lines == [1, 3, 5]
    assert result.questions[0].prompt == "Q\u2028one"


def test_only_the_leading_category_context_is_left_out_of_tags() -> None:
    text = "$CATEGORY: $course$/top/top/Labour//Unions\n\nQ {T}\n\n$CATEGORY: Plain\n\nR {F}\n"
    first, second = import_text(text, "c.gift").questions
    assert first.tags == ["top", "Labour/Unions"]
    assert second.tags == ["Plain"]


def test_true_false_right_feedback_may_hold_a_hash() -> None:
    (question,) = import_text("Q {F#No.#Yes: see note \\#1 and #2}\n", "t.gift").questions
    assert question.explanation == "Yes: see note #1 and #2"


def test_notes_and_errors_inside_answers_name_the_answer_line() -> None:
    result = import_text("Q {\n  =a\n  // a comment\n  ~%50%b\n  ~c\n}\n", "m.gift")
    assert str(result.notes[0]).startswith("m.gift:4: partial credit (50%)")
    with pytest.raises(PackError) as caught:
        import_text("Fine {T}\n\nQ {\n  =a\n  ~%500%b\n}\n", "m.gift")
    assert str(caught.value.problems[0]) == "m.gift:5: weight 500% is outside -100…100"


def test_private_use_characters_are_text_like_any_other() -> None:
    # The reader swaps escapes for private-use characters the file does not hold.
    text = "Q \ue000\ue001 \\= {=\ue002 ~b}\n"
    (question,) = import_text(text, "pua.gift").questions
    assert (question.prompt, question.answer) == ("Q \ue000\ue001 =", "\ue002")


def test_many_repeats_of_one_question_get_distinct_ids() -> None:
    result = import_text("Q {=a ~b}\n\n" * 300 + "::q-2:: Q {=a ~b}\n", "rep.gift")
    ids = [q.id for q in result.questions]
    assert len(set(ids)) == len(ids) == 301
    assert ids[:3] == ["q-90bfedf1", "q-90bfedf1-2", "q-90bfedf1-3"]
    assert ids[-1] == "q-2"  # its own title


def test_a_question_with_thousands_of_answers_is_one_note() -> None:
    text = "Fine {T}\n\nQ {=a\n" + "~%50%b\n" * 5000 + "}\n"
    result = import_text(text, "many.gift")
    assert len(result.questions) == 1
    assert [str(n) for n in result.notes] == [
        'many.gift:3: skipped question "Q": 5001 answers, more than any question of a pack holds'
    ]
