"""The editing model: questions change one at a time, every other byte stays as written."""

from __future__ import annotations

import pytest
import tomli

from quiz.packs.editing import EditingError, PackDocument, render_question
from quiz.packs.models import PackFile

PACK = '''\
#:schema ../questions/pack.schema.json
# The author's own header comment.
[pack]
id = "demo"  # keep this inline comment
title = "Demo"

# ---- hand-written questions ----

# about q1
[[questions]]
id = "q1"   # id comment
type = "single"
prompt = "Who leads?"  # prompt comment
choices = ["Ed", "David"]  # choices comment
answer = "Ed"

# about q2
[[questions]]
id = "q2"
type = "true_false"
prompt = """
[[questions]]
looks like a header but is prompt text"""
answer = true
# a loose comment after q2

[[questions]]
id = "q3"
type = "matching"
prompt = "Match them."
[[questions.pairs]]
left = "Unite"
right = "David"
[[questions.pairs]]
left = "GMB"
right = "Ed"

[[entities]]
id = "ed"
name = "Ed"
kind = "person"

# final comment
'''


def ids(document: PackDocument) -> list[str]:
    return [q["id"] for q in document.questions()]


def test_unchanged_document_is_the_same_text() -> None:
    document = PackDocument(PACK)
    assert document.text == PACK
    assert ids(document) == ["q1", "q2", "q3"]


def test_question_lines_point_at_their_headers() -> None:
    document = PackDocument(PACK)
    lines = PACK.splitlines()
    for index in range(3):
        assert lines[document.line_of(index) - 1] == "[[questions]]"
    assert document.line_of(0) == 10


def test_update_rewrites_only_the_changed_keys() -> None:
    document = PackDocument(PACK)
    question = document.question(0)
    question["prompt"] = "Who leads Labour?"
    question["explanation"] = "He won."
    document.update(0, question)
    expected = PACK.replace(
        'prompt = "Who leads?"  # prompt comment\nchoices = ["Ed", "David"]  # choices comment\n'
        'answer = "Ed"\n',
        'prompt = "Who leads Labour?"  # prompt comment\n'
        'choices = ["Ed", "David"]  # choices comment\nanswer = "Ed"\nexplanation = "He won."\n',
    )
    assert document.text == expected
    assert tomli.loads(document.text)["questions"][0]["explanation"] == "He won."


def test_update_of_sub_table_pairs_keeps_everything_outside_the_question() -> None:
    document = PackDocument(PACK)
    question = document.question(2)
    question["pairs"] = [{"left": "Unite", "right": "Ed"}, {"left": "GMB", "right": "David"}]
    document.update(2, question)
    before = PACK.split('[[questions]]\nid = "q3"')[0]
    assert document.text.startswith(before)
    assert document.text.endswith(
        '\n\n[[entities]]\nid = "ed"\nname = "Ed"\nkind = "person"\n\n# final comment\n'
    )
    assert tomli.loads(document.text)["questions"][2]["pairs"][0] == {
        "left": "Unite",
        "right": "Ed",
    }


def test_removing_a_key_removes_only_its_line() -> None:
    document = PackDocument(PACK)
    question = document.question(0)
    question["tags"] = ["x"]
    document.update(0, question)
    del question["tags"]
    document.update(0, question)
    assert document.text == PACK


def test_move_swaps_questions_with_their_comments_and_keeps_the_gaps() -> None:
    document = PackDocument(PACK)
    assert document.move(0, 1) == 1
    assert ids(document) == ["q2", "q1", "q3"]
    text = document.text
    assert text.index("# about q2") < text.index("# about q1")
    assert '# ---- hand-written questions ----\n\n# about q2\n[[questions]]\nid = "q2"' in text
    assert document.move(1, -1) == 0
    assert document.text == PACK


def test_move_past_the_ends_does_nothing() -> None:
    document = PackDocument(PACK)
    assert document.move(0, -1) == 0
    assert document.move(2, 1) == 2
    assert document.text == PACK


def test_delete_drops_the_question_and_its_comment_only() -> None:
    document = PackDocument(PACK)
    document.delete(0)
    assert ids(document) == ["q2", "q3"]
    assert "# about q1" not in document.text
    assert document.text == PACK.replace(
        '# about q1\n[[questions]]\nid = "q1"   # id comment\ntype = "single"\n'
        'prompt = "Who leads?"  # prompt comment\nchoices = ["Ed", "David"]  # choices comment\n'
        'answer = "Ed"\n\n',
        "",
    )


def test_delete_keeps_a_loose_comment_below_the_question() -> None:
    document = PackDocument(PACK)
    document.delete(1)
    assert ids(document) == ["q1", "q3"]
    assert "# a loose comment after q2" in document.text
    assert "# about q2" not in document.text
    PackFile.model_validate(tomli.loads(document.text))


def test_insert_places_a_new_question_and_renders_it_in_key_order() -> None:
    document = PackDocument(PACK)
    new = {"answer": 258, "type": "numeric", "id": "n1", "prompt": "How many MPs?", "unit": "MPs"}
    assert document.insert(3, new) == 3
    assert ids(document) == ["q1", "q2", "q3", "n1"]
    text = document.text
    assert text.index('id = "n1"') < text.index("[[entities]]")
    assert render_question(new) == (
        '[[questions]]\nid = "n1"\ntype = "numeric"\nprompt = "How many MPs?"\nanswer = 258\n'
        'unit = "MPs"\n'
    )
    assert document.insert(0, new | {"id": "n0"}) == 0
    assert ids(document) == ["n0", "q1", "q2", "q3", "n1"]
    assert document.text.index("# ---- hand-written") < document.text.index('id = "n0"')


def test_insert_into_a_pack_without_questions() -> None:
    document = PackDocument('[pack]\nid = "p"\ntitle = "P"  # comment')
    document.insert(0, {"id": "a", "type": "true_false", "prompt": "Yes?", "answer": True})
    assert document.text == (
        '[pack]\nid = "p"\ntitle = "P"  # comment\n\n[[questions]]\nid = "a"\n'
        'type = "true_false"\nprompt = "Yes?"\nanswer = true\n'
    )


def test_duplicate_copies_without_the_comment_above_and_with_a_fresh_id() -> None:
    document = PackDocument(PACK)
    new_id = document.unique_id("q1")
    assert new_id == "q1-2"
    assert document.duplicate(0, new_id) == 1
    assert ids(document) == ["q1", "q1-2", "q2", "q3"]
    copy = document.question(1)
    assert copy | {"id": "q1"} == document.question(0)
    assert document.text.count("# about q1") == 1
    assert document.block(1).startswith('[[questions]]\nid = "q1-2"   # id comment\n')


def test_every_operation_leaves_text_that_parses_to_the_same_questions() -> None:
    document = PackDocument(PACK)
    document.duplicate(2, document.unique_id("q3"))
    document.move(3, -1)
    document.delete(0)
    document.insert(1, {"id": "x", "type": "typed", "prompt": "Name?", "answer": "Ed"})
    reparsed = PackDocument(document.text)
    assert reparsed.questions() == document.questions()
    assert ids(reparsed) == ["q2", "x", "q3-2", "q3"]


def test_inline_array_of_questions_is_refused() -> None:
    text = 'questions = [{id = "a", type = "true_false"}]\n[pack]\nid = "p"\ntitle = "P"\n'
    with pytest.raises(EditingError, match=r"\[\[questions\]\]"):
        PackDocument(text)


def test_text_that_is_not_toml_is_refused() -> None:
    with pytest.raises(EditingError, match="not valid TOML"):
        PackDocument("[pack\n")
