"""The pure parts of the whole-pack editor: each section's form text both ways, the checks
of one item in the context of the pack, facts from quotes, and the undo history."""

from __future__ import annotations

from typing import Any

import pytest
from editor_packs import FACTS_PACK, SOURCE_TEXT

from quiz.packs.editing import PackDocument
from quiz.packs.errors import PackError
from quiz.packs.loader import parse_pack_text
from quiz.tui.editor.history import History, Snapshot
from quiz.tui.editor.item_checks import build_context, item_problems, item_warnings
from quiz.tui.editor.quote_source import fact_from_quote, quote_of, sentence_at
from quiz.tui.editor.records import RECORD_KINDS

DOCUMENT = PackDocument(FACTS_PACK)


@pytest.mark.parametrize("section", ["pack", "entities", "relations", "facts"])
def test_an_unchanged_form_gives_back_every_item(section: str) -> None:
    kind = RECORD_KINDS[section]
    for item in DOCUMENT.items(section):
        assert kind.from_form(kind.to_form(item), item) == item


def test_clearing_the_source_fields_removes_the_source_table() -> None:
    kind = RECORD_KINDS["pack"]
    meta = DOCUMENT.item("pack", 0)
    values = kind.to_form(meta) | {"source.title": "", "source.where": ""}
    assert kind.from_form(values, meta) == {"id": "race", "title": "The race"}
    values = kind.to_form(meta) | {"source.title": "", "source.author": "A. Blogger"}
    cleared = kind.from_form(values, meta)
    assert cleared["source"] == {"author": "A. Blogger", "where": "source.txt"}
    assert item_problems("pack", 0, cleared, build_context(DOCUMENT)) == [
        "source.title: fill this in"
    ]


def test_defaults_stay_unwritten_and_keys_the_form_does_not_show_are_kept() -> None:
    kind = RECORD_KINDS["relations"]
    relation = {"id": "r", "ask_object": "Who is {subject}?"}
    assert kind.from_form(kind.to_form(relation), relation) == relation
    meta = {"id": "p", "title": "P", "format": 1}
    assert RECORD_KINDS["pack"].from_form(RECORD_KINDS["pack"].to_form(meta), meta) == meta


def check(section: str, index: int, changes: dict[str, Any]) -> list[str]:
    item = DOCUMENT.item(section, index) | changes
    return item_problems(section, index, item, build_context(DOCUMENT))


def test_an_id_another_item_of_the_section_has_is_a_problem() -> None:
    assert check("entities", 0, {"id": "gmb"}) == [
        'id: entity 4 already has the id "gmb"; ids must be unique'
    ]
    assert check("facts", 2, {"id": "balls-backed-by-unite"}) == [
        'id: fact 1 already has the id "balls-backed-by-unite"; ids must be unique'
    ]
    assert check("facts", 0, {"id": "who-backs"}) == []  # a question's id is another section


def test_references_of_a_fact_are_checked_against_the_pack() -> None:
    assert check("facts", 0, {"subject": "ed-ball"}) == [
        'subject: unknown entity "ed-ball"; did you mean "ed-balls"?'
    ]
    assert check("facts", 0, {"subject": "Ed"}) == [
        "subject: an id may use only lower-case letters, digits, '-', '_' and '.', and starts"
        " with a letter or digit"
    ]
    assert check("facts", 0, {"object": None}) == [
        'object: relation "backed-by" links two entities: add object = "<entity id>"'
    ]


def test_an_entity_is_checked_with_every_other_entity() -> None:
    assert check("entities", 2, {"aliases": ["Balls"]}) == [
        'aliases.0: "Balls" already names entity "ed-balls"; a name or alias must point to one'
        " entity only"
    ]
    assert check("entities", 2, {"kind": "union-ish"}) == [
        'kind: "union-ish" is not allowed here; did you mean "union"?'
    ]


def test_renaming_what_others_refer_to_is_a_warning() -> None:
    context = build_context(DOCUMENT)
    unite = DOCUMENT.item("entities", 2) | {"id": "unite-union"}
    assert item_warnings("entities", 2, unite, context, "unite") == [
        'warning: id: 1 fact refer to "unite"; change them too, or they will not be found'
    ]
    backed = DOCUMENT.item("relations", 0) | {"id": "backs"}
    assert item_warnings("relations", 0, backed, context, "backed-by") == [
        'warning: id: 2 facts refer to "backed-by"; change them too, or they will not be found'
    ]


def test_a_quote_is_checked_against_the_source_as_pack_check_does() -> None:
    context = build_context(DOCUMENT, SOURCE_TEXT)
    fact = DOCUMENT.item("facts", 2)
    assert item_warnings("facts", 2, fact, context, fact["id"]) == []  # ’ and ' are alike
    moved = fact | {"quote": "Milibland is the favourite"}
    assert item_warnings("facts", 2, moved, context, fact["id"]) == [
        'warning: quote: not found in the source; closest passage: "say. Milibland is the'
        " bookies'\""
    ]


def test_the_sentence_around_a_place_in_the_source() -> None:
    text = SOURCE_TEXT
    assert sentence_at(text, 0) == "Ed Balls is backed by Unite."
    assert sentence_at(text, text.index("David")) == "GMB backs David Miliband, they say."
    assert sentence_at(text, text.index("Unison")) == "Unison has not decided yet."
    assert sentence_at(text, len(text)) == "Unison has not decided yet."
    assert quote_of("word " * 200) == ("word " * 120).strip()


def test_a_fact_from_a_quote_guesses_subject_and_object_from_names_and_aliases() -> None:
    entities = DOCUMENT.items("entities")
    assert fact_from_quote("Unite? Balls, they say, has it.", entities) == {
        "id": "fact-unite-balls-they-say-has",
        "subject": "unite",
        "relation": "",
        "object": "ed-balls",
        "quote": "Unite? Balls, they say, has it.",
    }
    assert fact_from_quote("Nobody at all.", entities)["subject"] == ""


def test_undo_groups_the_edits_of_one_field_and_redo_returns_them() -> None:
    history = History()
    history.record(Snapshot("0", "questions", 0, "prompt"), field_edit=True)
    history.record(Snapshot("1", "questions", 0, "prompt"), field_edit=True)  # same field
    history.record(Snapshot("2", "questions", 0, "answer"), field_edit=True)
    assert history.undo(Snapshot("3", "questions", 0)) == Snapshot("2", "questions", 0, "answer")
    assert history.undo(Snapshot("2", "questions", 0)) == Snapshot("0", "questions", 0, "prompt")
    assert history.undo(Snapshot("0", "questions", 0)) is None
    assert history.redo(Snapshot("0", "questions", 0)) == Snapshot("2", "questions", 0, "prompt")
    assert history.redo(Snapshot("2", "questions", 0)) == Snapshot("3", "questions", 0, "answer")
    history.record(Snapshot("3", "facts", 1))
    assert history.redo(Snapshot("4", "facts", 1)) is None  # a new change ends the redo


def test_pack_check_says_limits_in_words() -> None:
    text = FACTS_PACK.replace('answer = "Unite"', 'answer = ""')
    with pytest.raises(PackError) as raised:
        parse_pack_text(text, filename="race.toml")
    assert [str(p) for p in raised.value.problems] == [
        "race.toml:93: questions[0].answer: must not be empty"
    ]
