"""Pilot tests of `quiz edit` on the rest of a pack: facts (with the questions they generate,
live), entities, relations, the [pack] table, and new facts from the source text."""

from __future__ import annotations

from pathlib import Path

from editor_kit import (
    SIZE,
    field_text,
    generated,
    open_app,
    problems_text,
    select,
    set_field,
    settle,
    show_section,
)
from textual.widgets import TextArea

from quiz.packs.loader import load_pack
from quiz.tui.editor.preview import PreviewScreen
from quiz.tui.editor.source_panel import SourcePanel

SOURCE = "Ed Balls is backed by Unite. GMB backs David Miliband,\nthey say."


async def test_editing_a_fact_changes_its_generated_questions_as_you_type(
    facts_pack: Path,
) -> None:
    original = facts_pack.read_text(encoding="utf-8")
    app = open_app(facts_pack)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "facts")
        assert generated(app) == [
            "one of     Who backs Ed Balls? → Unite",
            "true/false Ed Balls is backed by Unite. → True",
        ]
        set_field(app, "object", "unison")
        await settle(pilot, lambda: app.document.item("facts", 0)["object"] == "unison", "edit")
        assert generated(app) == [
            "one of     Who backs Ed Balls? → Unison",
            "true/false Ed Balls is backed by Unison. → True",
        ]
        assert problems_text(app) == "✓ This fact is valid."
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not app.dirty, "saved")
    saved = facts_pack.read_text(encoding="utf-8")
    assert saved == original.replace('object = "unite"', 'object = "unison"')
    assert load_pack(facts_pack, use_cache=False).facts[0].object == "unison"


async def test_a_fact_that_does_not_resolve_says_why_and_generates_nothing(
    facts_pack: Path,
) -> None:
    app = open_app(facts_pack)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "facts")
        set_field(app, "relation", "backs")
        await settle(pilot, lambda: "relation:" in problems_text(app), "a live message")
        assert problems_text(app) == 'relation: unknown relation "backs"; did you mean "backed-by"?'
        set_field(app, "relation", "nickname")  # a phrase relation: an object is wrong
        await settle(pilot, lambda: "object:" in problems_text(app), "the next message")
        assert problems_text(app) == (
            'object: relation "nickname" takes a phrase value, not an object; write value = … '
            'instead\nvalue: relation "nickname" needs a phrase, e.g. value = "…" (a quoted string)'
        )
        assert app.document.item("facts", 0)["relation"] == "backed-by"


async def test_a_number_fact_reads_its_value_as_a_number(tmp_path: Path) -> None:
    path = tmp_path / "numbers.toml"
    path.write_text(
        '[pack]\nid = "n"\ntitle = "N"\n\n[[entities]]\nid = "labour"\nname = "Labour"\n'
        'kind = "party"\n\n[[relations]]\nid = "seats"\nobject = "number"\nunit = "MPs"\n'
        'ask_object = "How many MPs has {subject}?"\n\n[[facts]]\nid = "labour-seats"\n'
        'subject = "labour"\nrelation = "seats"\nvalue = 258\nquote = "258 MPs"\n',
        encoding="utf-8",
    )
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "facts")
        assert field_text(app, "value") == "258"
        set_field(app, "value", "257")
        await settle(pilot, lambda: app.document.item("facts", 0)["value"] == 257, "edit")
        assert "number     How many MPs has Labour? Give a number. → 257 MPs" in generated(app)
        set_field(app, "value", "many")
        await settle(pilot, lambda: "value:" in problems_text(app), "a message")
        assert problems_text(app) == 'value: relation "seats" needs a number, e.g. value = 13'


async def test_a_quote_missing_from_the_source_is_a_warning_with_the_closest_passage(
    facts_pack: Path,
) -> None:
    app = open_app(facts_pack, source_text=SOURCE)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "facts")
        assert problems_text(app) == "✓ This fact is valid."
        set_field(app, "quote", "Ed Balls is backed by Unison")
        await settle(pilot, lambda: "warning" in problems_text(app), "a warning")
        assert problems_text(app) == (
            "✓ This fact is valid.\n"
            'warning: quote: not found in the source; closest passage: "Ed Balls is backed by'
            ' Unite."'
        )


async def test_a_new_fact_from_a_sentence_of_the_source(facts_pack: Path) -> None:
    app = open_app(facts_pack, source_text=SOURCE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        panel = app.query_one(SourcePanel)
        await settle(pilot, lambda: panel.has_focus and app.section == "facts", "the source")
        panel.move_cursor((0, 35))  # in "GMB backs David Miliband, they say."
        await pilot.press("enter")
        await settle(pilot, lambda: app.document.count("facts") == 4, "a new fact")
        new = app.document.item("facts", 1)
        assert new == {
            "id": "fact-gmb-backs-david-miliband-they",
            "subject": "gmb",
            "relation": "",
            "object": "david-miliband",
            "quote": "GMB backs David Miliband, they say.",
        }
        assert app.focused is app.query_one("#field-relation")
        assert problems_text(app) == "relation: fill this in"
        await pilot.press(*"backed-by")
        await settle(pilot, lambda: app.document.item("facts", 1)["relation"] == "backed-by", "")
        assert problems_text(app) == "✓ This fact is valid."
        # Picking a passage of the sentence takes only what is selected.
        await pilot.press("f9", "f9")
        await settle(pilot, lambda: panel.has_focus, "the source again")
        panel.selection = panel.selection.__class__((0, 0), (0, 27))
        assert panel.picked_text() == "Ed Balls is backed by Unite"


async def test_entities_edit_names_aliases_kind_and_roles(facts_pack: Path) -> None:
    original = facts_pack.read_text(encoding="utf-8")
    app = open_app(facts_pack)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "entities")
        assert field_text(app, "aliases") == "Balls"
        set_field(app, "aliases", "Balls\nMr Balls")
        await settle(pilot, lambda: len(app.document.item("entities", 0)["aliases"]) == 2, "")
        set_field(app, "roles", "candidate, shadow chancellor")
        await settle(pilot, lambda: len(app.document.item("entities", 0)["roles"]) == 2, "")
        await select(app, pilot, 1)
        set_field(app, "name", "Ed Balls")  # already the name of entity 1
        await settle(pilot, lambda: "already names" in problems_text(app), "a message")
        assert problems_text(app) == (
            'name: "Ed Balls" already names entity "ed-balls"; a name or alias must point to '
            "one entity only"
        )
        set_field(app, "name", "David Miliband")
        set_field(app, "kind", "group")
        await settle(pilot, lambda: app.document.item("entities", 1)["kind"] == "group", "kind")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not app.dirty, "saved")
    saved = facts_pack.read_text(encoding="utf-8")
    assert saved == original.replace(
        'aliases = ["Balls"]\nkind = "person"\nroles = ["candidate"]',
        'aliases = ["Balls", "Mr Balls"]\nkind = "person"\n'
        'roles = ["candidate", "shadow chancellor"]',
    ).replace('name = "David Miliband"\nkind = "person"', 'name = "David Miliband"\nkind = "group"')


async def test_relation_templates_change_the_generated_questions(facts_pack: Path) -> None:
    app = open_app(facts_pack)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "relations")
        assert generated(app) == [
            "one of     Who backs David Miliband? → GMB",
            "one of     Who backs Ed Balls? → Unite",
            "true/false Ed Balls is backed by Unite. → True",
            "true/false David Miliband is backed by GMB. → True",
        ]
        set_field(app, "statement", "")
        await settle(pilot, lambda: "statement" not in app.document.item("relations", 0), "")
        assert generated(app) == [
            "one of     Who backs David Miliband? → GMB",
            "one of     Who backs Ed Balls? → Unite",
        ]
        set_field(app, "ask_object", "Who backs {them}?")
        await settle(pilot, lambda: "placeholder" in problems_text(app), "a message")
        assert problems_text(app) == (
            'ask_object: unknown placeholder "{them}"; only {subject} and {object} are allowed'
        )


async def test_a_relation_with_many_questions_shows_five_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    bank = tmp_path / "bank.toml"
    bank.write_text(
        (Path(__file__).resolve().parents[2] / "questions" / "labour-2010.toml").read_text(
            encoding="utf-8"
        ),
        encoding="utf-8",
    )
    app = open_app(bank)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "relations")
        shown = app.generated_questions()
        assert len(generated(app)) == 5
        assert shown[-1].startswith("  … and ") and shown[-1].endswith(" more")


async def test_the_pack_table_and_its_source_are_edited_in_place(facts_pack: Path) -> None:
    original = facts_pack.read_text(encoding="utf-8")
    app = open_app(facts_pack)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "pack")
        assert field_text(app, "source.title") == "A blog post"
        set_field(app, "title", "The 2010 race")
        set_field(app, "source.author", "A. Blogger")
        await settle(pilot, lambda: "author" in app.document.item("pack", 0)["source"], "edit")
        set_field(app, "language", "")
        await settle(pilot, lambda: "language:" in problems_text(app), "a message")
        assert problems_text(app) == "language: fill this in"
        set_field(app, "language", "en")
        await settle(pilot, lambda: "valid" in problems_text(app), "valid again")
        await pilot.press("ctrl+n")  # a pack has one [pack] table
        assert app.document.count("pack") == 1
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not app.dirty, "saved")
    assert facts_pack.read_text(encoding="utf-8") == original.replace(
        'title = "The race"', 'title = "The 2010 race"'
    ).replace('where = "source.txt"\n', 'where = "source.txt"\nauthor = "A. Blogger"\n')


async def test_preview_of_a_fact_shows_its_first_question(facts_pack: Path) -> None:
    app = open_app(facts_pack)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "facts")
        await pilot.press("f2")
        await settle(pilot, lambda: isinstance(app.screen, PreviewScreen), "the preview")
        prompt = app.screen.query_one("#preview-prompt")
        assert str(prompt.render()) == "Who backs Ed Balls?"


async def test_switching_sections_keeps_each_sections_place(facts_pack: Path) -> None:
    app = open_app(facts_pack)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "entities")
        await select(app, pilot, 3)
        await show_section(app, pilot, "facts")
        await select(app, pilot, 2)
        await show_section(app, pilot, "entities")
        await settle(pilot, lambda: field_text(app, "id") == "gmb", "the entity again")
        assert str(app.query_one("#form-title").render()) == "Entity 4 of 7  ·  line 30"
        await show_section(app, pilot, "facts")
        await settle(pilot, lambda: field_text(app, "id") == "nickname-milibland", "the fact")
        assert isinstance(app.query_one("#field-quote"), TextArea)


async def test_a_section_written_inline_is_shown_read_only(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    text = (
        'entities = [{id = "ed", name = "Ed", kind = "person"}]\n\n[pack]\nid = "p"\ntitle = "P"\n'
    )
    path.write_text(text, encoding="utf-8")
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "entities")
        assert field_text(app, "name") == "Ed"
        assert app.query_one("#field-name").disabled
        assert problems_text(app).startswith("Read-only: the entities are not all written as")
        await pilot.press("ctrl+n", "ctrl+d")
        assert app.document.text == text and not app.dirty


async def test_the_next_fact_is_checked_against_the_edited_one(facts_pack: Path) -> None:
    app = open_app(facts_pack)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "facts")
        set_field(app, "id", "renamed")
        await settle(pilot, lambda: app.document.item("facts", 0)["id"] == "renamed", "edit")
        set_field(app, "subject", "david-miliband")
        await settle(pilot, lambda: app.document.item("facts", 0)["subject"] != "ed-balls", "")
        await select(app, pilot, 1)
        assert generated(app)[0] == (
            "all of     Who backs David Miliband? Choose all that apply. → GMB, Unite"
        )
        set_field(app, "id", "renamed")
        await settle(pilot, lambda: "already has" in problems_text(app), "the duplicate")
        assert problems_text(app) == 'id: fact 1 already has the id "renamed"; ids must be unique'
