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
    assert document.text_before(1).endswith('answer = "Ed"\n\n')
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


# The other sections: entities, relations, facts and the [pack] table.

WHOLE_PACK = """\
# Header comment.
[pack]
id = "demo"  # the id save files follow
title = "Demo"

[pack.source]
title = "The article"  # as published

# ---- entities ----

[[entities]]
id = "ed"
name = "Ed"  # short form
kind = "person"

# about david
[[entities]]
id = "david"
name = "David"
kind = "person"

[[relations]]
id = "backs"
object = "entity"
ask_object = "Whom does {subject} back?"

# ---- facts ----

[[facts]]
id = "ed-backs-david"  # keep me
subject = "ed"
relation = "backs"
object = "david"
quote = "Ed backs David"

[[questions]]
id = "q1"
type = "true_false"
prompt = "Yes?"
answer = true
"""


def test_every_section_is_read_as_items() -> None:
    document = PackDocument(WHOLE_PACK)
    assert document.text == WHOLE_PACK
    assert [e["id"] for e in document.items("entities")] == ["ed", "david"]
    assert document.item("pack", 0) == {
        "id": "demo",
        "title": "Demo",
        "source": {"title": "The article"},
    }
    assert document.count("relations") == 1 and document.count("facts") == 1
    assert document.item_line("facts", 0) == 29
    assert WHOLE_PACK.splitlines()[document.item_line("entities", 1) - 1] == "[[entities]]"


def test_updating_a_fact_rewrites_only_its_changed_keys() -> None:
    document = PackDocument(WHOLE_PACK)
    fact = document.item("facts", 0)
    fact["quote"] = "Ed is backing David"
    fact["difficulty"] = 2
    document.update_item("facts", 0, fact)
    assert document.text == WHOLE_PACK.replace(
        'quote = "Ed backs David"\n', 'quote = "Ed is backing David"\ndifficulty = 2\n'
    )


def test_updating_the_pack_table_keeps_comments_and_its_source_table() -> None:
    document = PackDocument(WHOLE_PACK)
    meta = document.item("pack", 0)
    meta["title"] = "Demo pack"
    meta["licence"] = "CC BY 4.0"
    meta["source"] = {"title": "The article", "author": "A. Blogger"}
    document.update_item("pack", 0, meta)
    assert document.text == WHOLE_PACK.replace(
        'title = "Demo"\n', 'title = "Demo pack"\nlicence = "CC BY 4.0"\n'
    ).replace("# as published\n", '# as published\nauthor = "A. Blogger"\n')
    del meta["source"]
    document.update_item("pack", 0, meta)
    assert "[pack.source]" not in document.text
    assert document.item("pack", 0) == meta
    meta["source"] = {"title": "Back again"}
    document.update_item("pack", 0, meta)
    assert tomli.loads(document.text)["pack"]["source"] == {"title": "Back again"}


def test_entities_insert_move_duplicate_and_delete_with_their_comments() -> None:
    document = PackDocument(WHOLE_PACK)
    unite = {"kind": "union", "name": "Unite", "id": "unite"}
    assert document.insert_item("entities", 2, unite) == 2
    assert document.text.index('id = "unite"') < document.text.index("[[relations]]")
    assert 'id = "unite"\nname = "Unite"\nkind = "union"\n' in document.text
    assert document.move_item("entities", 1, -1) == 0
    assert [e["id"] for e in document.items("entities")] == ["david", "ed", "unite"]
    assert document.text.index("# about david") < document.text.index('id = "ed"')
    assert document.duplicate_item("entities", 0, "david-2") == 1
    document.delete_item("entities", 0)
    assert "# about david" not in document.text
    assert [e["id"] for e in document.items("entities")] == ["david-2", "ed", "unite"]
    assert document.unique_item_id("entities", "ed") == "ed-2"
    PackFile.model_validate(tomli.loads(document.text))


def test_a_sections_first_item_goes_after_the_sections_before_it() -> None:
    text = WHOLE_PACK.split("[[relations]]")[0].rstrip("\n") + "\n"
    document = PackDocument(
        text + '\n[[questions]]\nid = "q"\ntype = "true_false"\nprompt = "P"\nanswer = true\n'
    )
    document.insert_item("facts", 0, {"id": "f", "subject": "ed", "relation": "r", "quote": "q"})
    document.insert_item("relations", 0, {"id": "r", "object": "phrase"})
    text = document.text
    assert text.index('id = "david"') < text.index("[[relations]]") < text.index("[[facts]]")
    assert text.index("[[facts]]") < text.index("[[questions]]")
    assert "\n\n[[relations]]\n" in text and "\n\n[[facts]]\n" in text


def test_deleting_the_last_fact_and_adding_one_puts_it_back_in_place() -> None:
    document = PackDocument(WHOLE_PACK)
    fact = document.item("facts", 0)
    document.delete_item("facts", 0)
    assert document.count("facts") == 0 and "[[facts]]" not in document.text
    document.insert_item("facts", 0, fact)
    assert document.text.index("# ---- facts ----") < document.text.index("[[facts]]")
    assert document.text.index("[[facts]]") < document.text.index("[[questions]]")
    PackFile.model_validate(tomli.loads(document.text))


def test_a_section_written_inline_is_read_only_and_kept_as_written() -> None:
    text = (
        'entities = [{id = "ed", name = "Ed", kind = "person"}]\n\n'
        '[pack]\nid = "p"\ntitle = "P"\n\n'
        '[[questions]]\nid = "q"\ntype = "true_false"\nprompt = "P"\nanswer = true\n'
    )
    document = PackDocument(text)
    assert document.items("entities") == [{"id": "ed", "name": "Ed", "kind": "person"}]
    reason = document.read_only_reason("entities")
    assert reason is not None and "[[entities]]" in reason
    with pytest.raises(EditingError, match="inline array"):
        document.update_item("entities", 0, {"id": "ed", "name": "Eddie", "kind": "person"})
    assert document.read_only_reason("pack") is None
    document.update(0, {"id": "q", "type": "true_false", "prompt": "Changed", "answer": True})
    assert document.text == text.replace('"P"\nanswer', '"Changed"\nanswer')
