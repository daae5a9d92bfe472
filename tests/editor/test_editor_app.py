"""Pilot tests of `quiz edit`: create, edit every type, save, reload, comments kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import tomli
from editor_kit import SIZE, open_app, problems_text, select, set_field, settle, show_section
from textual.binding import Binding
from textual.widgets import Input, OptionList, Select, Static, TextArea

from quiz.packs.loader import load_pack
from quiz.tui.editor.app import EditorApp
from quiz.tui.editor.dialogs import ConfirmScreen
from quiz.tui.editor.help import HelpScreen
from quiz.tui.editor.preview import PreviewScreen


async def test_create_a_pack_from_nothing_then_save_and_reload(tmp_path: Path) -> None:
    path = tmp_path / "fresh-pack.toml"
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        assert "No questions yet" in str(app.query_one("#form-title", Static).render())
        await pilot.press("ctrl+n")
        await settle(pilot, lambda: app.form is not None, "a form for the new question")
        assert len(app.document) == 1
        set_field(app, "id", "first")
        set_field(app, "prompt", "Who backs David Miliband?")
        set_field(app, "choices", "Unite\nGMB\nUnison")
        set_field(app, "answer", "Unite")
        set_field(app, "explanation", "The article names Unite.")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not app.dirty, "saved")
    pack = load_pack(path, use_cache=False)
    assert pack.pack.title == "fresh pack"
    [question] = pack.questions
    assert question.model_dump(exclude_defaults=True) == {
        "id": "first",
        "type": "single",
        "prompt": "Who backs David Miliband?",
        "choices": ["Unite", "GMB", "Unison"],
        "answer": "Unite",
        "explanation": "The article names Unite.",
    }
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#:schema ")
    assert '# type = "matching"' in text  # the template's commented examples are kept


async def test_edit_every_question_type_then_reload_with_comments_kept(
    every_type_pack: Path,
) -> None:
    original = every_type_pack.read_text(encoding="utf-8")
    edits = {
        0: {"answer": "GMB", "choices": "Unite\nGMB\nUnison"},
        1: {"answers": "Unite"},
        2: {"answer": "false"},
        3: {"accept": "Edward Miliband\nEd"},
        4: {"items": "Coalition\nElection\nContest"},
        5: {"pairs": "Unite => Ed\nGMB => David"},
        6: {"answer": "257.5", "tolerance": "1", "unit": "members"},
    }
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        for index, fields in edits.items():
            await select(app, pilot, index)
            before = app.document.question(index)
            for field, text in fields.items():
                set_field(app, field, text)
            await settle(
                pilot,
                lambda index=index, before=before: app.document.question(index) != before,
                f"edit {index}",
            )
            assert "valid" in problems_text(app), problems_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "Saved demo.toml" in problems_text(app), "saved")
    saved = every_type_pack.read_text(encoding="utf-8")
    questions = tomli.loads(saved)["questions"]
    assert questions[0]["answer"] == "GMB"
    assert questions[1]["answers"] == ["Unite"]
    assert questions[2]["answer"] is False
    assert questions[3]["accept"] == ["Edward Miliband", "Ed"]
    assert questions[4]["items"] == ["Coalition", "Election", "Contest"]
    assert questions[5]["pairs"] == [
        {"left": "Unite", "right": "Ed"},
        {"left": "GMB", "right": "David"},
    ]
    assert (questions[6]["answer"], questions[6]["tolerance"]) == (257.5, 1)
    assert questions[6]["unit"] == "members"
    # Every comment of the author, and every line of theirs we did not edit, is still there.
    for line in original.splitlines():
        if line.startswith("#") or line.startswith("[") or "prompt" in line:
            assert line in saved.splitlines(), line
    assert 'choices = ["Unite", "GMB", "Unison"]  # the pack\'s order' in saved
    assert 'id = "editor-demo"  # the id save files follow' in saved
    assert saved.endswith("\n# The end of the author's file.\n")
    load_pack(every_type_pack, use_cache=False)


async def test_invalid_edit_is_refused_with_a_message_and_the_file_is_unchanged(
    every_type_pack: Path,
) -> None:
    original = every_type_pack.read_bytes()
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "answer", "Labour")
        await settle(pilot, lambda: "Labour" in problems_text(app), "a live message")
        assert 'answer: answer "Labour" is not one of choices' in problems_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: problems_text(app).startswith("Not saved"), "refusal")
        assert problems_text(app).startswith("Not saved: fix this question first.")
        # The edit stays in the form for the author to fix.
        assert app.query_one("#field-answer", Input).value == "Labour"
    assert every_type_pack.read_bytes() == original


async def test_a_duplicate_id_is_a_problem_of_the_question_and_is_not_saved(
    every_type_pack: Path,
) -> None:
    original = every_type_pack.read_bytes()
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "id", "multiple")  # another question has this id
        await settle(pilot, lambda: "already has" in problems_text(app), "a live message")
        message = problems_text(app)
        assert message == 'id: question 2 already has the id "multiple"; ids must be unique'
        assert "valid" not in message
        assert app.document.question(0)["id"] == "single"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: problems_text(app).startswith("Not saved"), "refusal")
        assert problems_text(app).startswith("Not saved: fix this question first.\nid:")
    assert every_type_pack.read_bytes() == original


async def test_a_pack_that_does_not_validate_as_a_whole_is_not_written(
    every_type_pack: Path,
) -> None:
    original = every_type_pack.read_bytes()
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        await show_section(app, pilot, "entities")
        set_field(app, "id", "edward")  # valid alone, but the typed question names "ed"
        await settle(pilot, lambda: app.document.item("entities", 0)["id"] == "edward", "edit")
        assert problems_text(app) == (
            "✓ This entity is valid.\n"
            'warning: id: 1 question refer to "ed"; change them too, or they will not be found'
        )
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: problems_text(app).startswith("Not saved"), "refusal")
        message = problems_text(app)
        assert message.startswith("Not saved: the pack does not validate.")
        assert "demo.toml:" in message and 'unknown entity "ed"' in message
        assert app.dirty
    assert every_type_pack.read_bytes() == original


async def test_changing_the_type_shows_that_types_fields(every_type_pack: Path) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "type", "numeric")
        await settle(pilot, lambda: app.query("#field-tolerance"), "the numeric fields")
        assert app.query("#field-tolerance") and not app.query("#field-choices")
        assert app.query_one("#field-prompt", TextArea).text.startswith("Which union")
        # "Unite" is not a number.
        await settle(pilot, lambda: problems_text(app).startswith("answer:"), "a message")
        set_field(app, "answer", "3")
        await settle(pilot, lambda: app.document.question(0)["type"] == "numeric", "the edit")
        assert app.document.question(0)["type"] == "numeric"
        assert "choices" not in app.document.question(0)


async def test_add_duplicate_delete_move_undo_and_redo(every_type_pack: Path) -> None:
    original = every_type_pack.read_text(encoding="utf-8")
    app = open_app(every_type_pack)

    def ids() -> list[str]:
        return [question["id"] for question in app.document.questions()]

    async with app.run_test(size=SIZE) as pilot:
        start = ids()
        await pilot.press("ctrl+d")
        await settle(pilot, lambda: ids()[:2] == ["single", "single-2"], "a duplicate")
        assert app.selected["questions"] == 1
        await pilot.press("ctrl+down")
        await settle(pilot, lambda: ids()[1:3] == ["multiple", "single-2"], "moved down")
        assert app.selected["questions"] == 2
        await pilot.press("f8")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked first")
        await pilot.press("y")
        await settle(pilot, lambda: ids() == start, "deleted")
        await pilot.press("ctrl+n")
        await settle(pilot, lambda: ids()[3:4] == ["new-question"], "a new question")
        assert app.selected["questions"] == 3
        await select(app, pilot, 0)
        await pilot.press("ctrl+up")  # already first: nothing happens, nothing to undo
        assert ids()[0] == "single"
        set_field(app, "prompt", "Changed?")
        await settle(pilot, lambda: app.document.question(0)["prompt"] == "Changed?", "edit 1")
        set_field(app, "prompt", "Changed again?")
        await settle(pilot, lambda: "again" in app.document.question(0)["prompt"], "edit 2")
        set_field(app, "explanation", "Changed twice.")
        await settle(pilot, lambda: "twice" in app.document.question(0)["explanation"], "edit 3")
        # One field's edits undo together: the explanation first, then the prompt.
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: "twice" not in app.document.question(0)["explanation"], "1")
        assert app.document.question(0)["prompt"] == "Changed again?"
        await settle(pilot, lambda: app.focused is app.query_one("#field-explanation"), "focus")
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: app.document.question(0)["prompt"].startswith("Which"), "2")
        for _ in range(4):  # then n, f8, move, duplicate
            await pilot.press("ctrl+z")
        await settle(pilot, lambda: app.document.text == original, "everything undone")
        assert not app.dirty
        await pilot.press("ctrl+z")
        assert app.document.text == original
        for _ in range(6):  # and all of it again
            await pilot.press("ctrl+y")
        await settle(pilot, lambda: "twice" in app.document.question(0)["explanation"], "redone")
        assert ids() == [*start[:3], "new-question", *start[3:]]
        assert app.document.question(0)["prompt"] == "Changed again?"


async def test_filter_by_text_tag_and_type(every_type_pack: Path) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        options = app.query_one("#items", OptionList)
        await pilot.press("ctrl+f")
        await pilot.press(*"type:num")
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == ["6"]
        app.item_list.filter_box.value = "union"
        await settle(pilot, lambda: options.option_count == 3, "three questions on unions")
        app.item_list.filter_box.value = "tag:none"
        await settle(pilot, lambda: options.option_count == 0, "no question")


async def test_preview_shows_pack_text_literally(every_type_pack: Path) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "prompt", "[@click=app.quit]Who[/] \x1b[31mbacks\x1b[0m Ed?")
        set_field(app, "choices", "[b]Unite[/b]\nUnison\nGMB")
        set_field(app, "answer", "[b]Unite[/b]")
        await pilot.press("f2")
        await settle(pilot, lambda: isinstance(app.screen, PreviewScreen), "the preview")
        assert isinstance(app.screen, PreviewScreen)
        prompt = str(app.screen.query_one("#preview-prompt", Static).render())
        assert prompt == "[@click=app.quit]Who[/] backs Ed?"
        answers = str(app.screen.query_one("#preview-answers", Static).render())
        assert "1 A ▲  [b]Unite[/b]" in answers
        reveal = app.screen.query_one("#preview-reveal", Static)
        assert not reveal.display
        await pilot.press("r")
        await settle(pilot, lambda: reveal.display, "the answer revealed")
        assert "Answer: [b]Unite[/b]" in str(reveal.render())
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, PreviewScreen), "closed")


async def test_markup_in_a_pack_is_listed_and_notified_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(
        '[pack]\nid = "h"\ntitle = "H"\n\n'
        '[[questions]]\nid = "calm"\ntype = "true_false"\n'
        'prompt = "[@click=app.quit]Quit?[/] \\u001b[2J"\nanswer = true\n\n'
        '[[questions]]\nid = "[b]x[/b]"\ntype = "true_false"\nprompt = "Fine?"\nanswer = true\n',
        encoding="utf-8",
    )
    original = path.read_text(encoding="utf-8")
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        options = app.query_one("#items", OptionList)
        label = str(options.get_option_at_index(0).prompt)
        assert label == "  1 T/F calm [@click=app.quit]Quit?[/]"  # escape sequence gone
        assert app.query_one("#field-prompt", TextArea).text == "[@click=app.quit]Quit?[/] "
        await pilot.pause()
        # Showing the question with its control characters stripped is not an edit.
        assert not app.dirty and app.document.text == original
        await select(app, pilot, 1)
        await pilot.press("f8")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked first")
        question = str(app.screen.query_one(".dialog-text", Static).render())
        assert question == 'Delete question 2, "[b]x[/b]"?'
        await pilot.press("y")
        await settle(pilot, lambda: len(app.document) == 1, "deleted")
        assert any(
            n.message == "Deleted [b]x[/b] (ctrl+z brings it back)." for n in app._notifications
        )
        assert app.is_running


async def test_typing_a_field_back_to_what_it_was_restores_the_question(
    every_type_pack: Path,
) -> None:
    original = every_type_pack.read_text(encoding="utf-8")
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "answer", "Unison")
        await settle(pilot, lambda: app.document.question(0)["answer"] == "Unison", "edit")
        set_field(app, "answer", "Unite")
        await settle(pilot, lambda: app.document.text == original, "edit back")
        assert not app.dirty


async def test_help_is_drawn_with_every_binding_as_the_footer_shows_it(
    every_type_pack: Path,
) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await pilot.pause()
        text_widget = app.screen.query_one("#help-text", Static)
        text = str(text_widget.render())
        for binding in EditorApp.BINDINGS:
            assert isinstance(binding, Binding)
            for key in binding.key.split(","):
                assert app.get_key_display(Binding(key, "")) in text, key
        assert "^s" in text and "f8" in text and "^↑" in text
        # What is drawn, not only the text: the box is as wide as its longest line and
        # shows every line (it was an empty 6×4 box).
        lines = text.splitlines()
        assert text_widget.region.width >= max(len(line) for line in lines)
        assert text_widget.region.height >= len(lines)
        box = app.screen.query_one("#help")
        assert box.region.width >= 80 and box.region.height >= len(lines)
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, HelpScreen), "closed")


async def test_a_pack_that_does_not_validate_opens_with_its_problems_and_can_be_fixed(
    every_type_pack: Path,
) -> None:
    text = every_type_pack.read_text(encoding="utf-8")
    every_type_pack.write_text(text.replace('id = "multiple"', 'id = "single"'), encoding="utf-8")
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        message = problems_text(app)
        assert "\nThe pack does not validate yet:\n" in message
        assert "demo.toml:" in message and '"single"' in message
        await select(app, pilot, 1)
        set_field(app, "id", "multiple")
        await settle(pilot, lambda: app.document.question(1)["id"] == "multiple", "the fix")
        assert "does not validate" not in problems_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not app.dirty, "saved")
    assert every_type_pack.read_text(encoding="utf-8") == text


async def test_quit_with_unsaved_changes_asks_twice(every_type_pack: Path) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "prompt", "Changed")
        await settle(pilot, lambda: app.dirty, "the edit")
        await pilot.press("ctrl+q")
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


def test_a_file_that_is_not_toml_is_refused_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[pack\nid = 1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "edit", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"quiz: {path}")


async def test_choosing_a_type_keeps_the_focus_and_clears_an_answer_that_does_not_fit(
    every_type_pack: Path,
) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        type_select = app.query_one("#field-type", Select)
        type_select.focus()
        await settle(pilot, lambda: type_select.has_focus, "the type chosen")
        set_field(app, "type", "numeric")
        await settle(pilot, lambda: app.query("#field-tolerance"), "the numeric fields")
        await settle(
            pilot, lambda: app.focused is app.query_one("#field-type", Select), "still the type"
        )
        assert app.query_one("#field-answer", Input).value == ""  # "Unite" is no number
        await settle(pilot, lambda: problems_text(app) == "answer: fill this in", "checked")


async def test_ctrl_a_selects_the_whole_field(every_type_pack: Path) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#field-answer", Input).focus()
        await pilot.press("ctrl+a", *"GMB")
        await settle(pilot, lambda: app.document.question(0)["answer"] == "GMB", "replaced")
        app.query_one("#field-prompt", TextArea).focus()
        await pilot.press("ctrl+a", *"New?")
        await settle(pilot, lambda: app.document.question(0)["prompt"] == "New?", "replaced")


async def test_a_new_question_is_not_saved_until_it_is_written(every_type_pack: Path) -> None:
    original = every_type_pack.read_bytes()
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot, lambda: len(app.document) == 8, "a new question")
        assert app.focused is app.query_one("#field-prompt", TextArea)
        assert problems_text(app) == (
            "prompt: fill this in\nchoices: needs at least 2 entries, not 0\nanswer: fill this in"
        )
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: problems_text(app).startswith("Not saved"), "refused")
        await select(app, pilot, 0)  # leaving it does not make it valid either
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: "does not validate" in problems_text(app), "refused")
        assert "questions[1].prompt" in problems_text(app)
    assert every_type_pack.read_bytes() == original


async def test_delete_asks_first_and_keep_keeps(every_type_pack: Path) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked")
        await pilot.press("n")
        await settle(pilot, lambda: not isinstance(app.screen, ConfirmScreen), "closed")
        assert len(app.document) == 7 and not app.dirty
