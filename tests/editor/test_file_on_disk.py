"""The file the editor edits: another program's changes are noticed (modification time and
hash), and the author chooses: reload, keep mine, or save as; bundled packs of an installed
quiz are saved elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from editor_kit import SIZE, open_app, problems_text, set_field, settle
from textual.widgets import Input

from quiz.commands.edit import installed_pack_reason, named_source, pack_path
from quiz.packs.catalog import bundled_packs_dir
from quiz.packs.editing import PackDocument
from quiz.tui.editor.dialogs import DiskChangedScreen, SaveAsScreen
from quiz.tui.editor.disk_state import changed_on_disk, fingerprint_of

THEIRS = "The article says so, says another program."


def change_on_disk(path: Path) -> str:
    """Another program's edit of the file: the first explanation changes."""
    text = path.read_text(encoding="utf-8").replace("The article says so.", THEIRS)
    path.write_text(text, encoding="utf-8")
    return text


def test_a_rewrite_with_the_same_time_and_size_is_seen_by_its_hash(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("one\n", encoding="utf-8")
    known = fingerprint_of(path)
    info = path.stat()
    path.write_text("two\n", encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert not changed_on_disk(path, known)  # the quick check trusts time and size
    assert changed_on_disk(path, known, thorough=True)  # saving always compares the hash
    path.write_text("one\n", encoding="utf-8")
    assert not changed_on_disk(path, known, thorough=True)  # touched, but the same bytes
    path.unlink()
    assert changed_on_disk(path, known)
    assert not changed_on_disk(path, None)


async def test_saving_over_a_change_on_disk_asks_and_keep_mine_overwrites(
    every_type_pack: Path,
) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "prompt", "Mine?")
        await settle(pilot, lambda: app.dirty, "my edit")
        change_on_disk(every_type_pack)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DiskChangedScreen), "the question")
        assert THEIRS in every_type_pack.read_text(encoding="utf-8")  # nothing written yet
        await pilot.press("k")
        await settle(pilot, lambda: not app.dirty, "saved")
    saved = every_type_pack.read_text(encoding="utf-8")
    assert 'prompt = "Mine?"' in saved and THEIRS not in saved


async def test_reload_takes_the_disk_version_and_undo_brings_mine_back(
    every_type_pack: Path,
) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "prompt", "Mine?")
        await settle(pilot, lambda: app.dirty, "my edit")
        theirs = change_on_disk(every_type_pack)
        app.check_disk()  # as the timer or the terminal regaining focus does
        await settle(pilot, lambda: isinstance(app.screen, DiskChangedScreen), "the question")
        await pilot.press("r")
        await settle(pilot, lambda: app.document.text == theirs, "their version")
        assert not app.dirty
        assert app.query_one("#field-explanation").text == THEIRS  # type: ignore[attr-defined]
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: app.document.question(0)["prompt"] == "Mine?", "mine back")
        assert app.dirty
        await pilot.press("ctrl+s")  # the reload was seen: no question this time
        await settle(pilot, lambda: not app.dirty, "saved")
    assert 'prompt = "Mine?"' in every_type_pack.read_text(encoding="utf-8")


async def test_save_as_keeps_both_versions(every_type_pack: Path) -> None:
    app = open_app(every_type_pack)
    copy = every_type_pack.with_name("mine.toml")
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "prompt", "Mine?")
        await settle(pilot, lambda: app.dirty, "my edit")
        theirs = change_on_disk(every_type_pack)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DiskChangedScreen), "the question")
        await pilot.press("a")
        await settle(pilot, lambda: isinstance(app.screen, SaveAsScreen), "the file name")
        box = app.screen.query_one("#save-as-path", Input)
        box.value = str(every_type_pack)
        await pilot.press("enter")  # an existing file is refused, never overwritten
        problem = app.screen.query_one("#save-as-problem")
        await settle(pilot, lambda: "exists" in str(problem.render()), "refused")
        box.value = str(copy)
        await pilot.press("enter")
        await settle(pilot, lambda: not app.dirty, "saved as")
        assert app.path == copy
        assert "mine.toml" in str(app.query_one("#status").render())
    assert every_type_pack.read_text(encoding="utf-8") == theirs
    assert 'prompt = "Mine?"' in copy.read_text(encoding="utf-8")


async def test_the_timer_notices_a_change_without_a_keypress(every_type_pack: Path) -> None:
    app = open_app(every_type_pack, watch_seconds=0.05)
    async with app.run_test(size=SIZE) as pilot:
        change_on_disk(every_type_pack)
        await settle(pilot, lambda: isinstance(app.screen, DiskChangedScreen), "the question")
        await pilot.press("escape")  # decide later: nothing is written
        await settle(pilot, lambda: not isinstance(app.screen, DiskChangedScreen), "closed")
    assert THEIRS in every_type_pack.read_text(encoding="utf-8")


async def test_a_file_deleted_on_disk_offers_keep_mine_or_save_as(every_type_pack: Path) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "prompt", "Mine?")
        await settle(pilot, lambda: app.dirty, "my edit")
        every_type_pack.unlink()
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, DiskChangedScreen), "the question")
        text = str(app.screen.query_one(".dialog-text").render())
        assert text.startswith("demo.toml was deleted since you opened it.")
        await pilot.press("r")  # nothing to reload
        assert isinstance(app.screen, DiskChangedScreen)
        await pilot.press("k")
        await settle(pilot, lambda: not app.dirty, "saved again")
    assert 'prompt = "Mine?"' in every_type_pack.read_text(encoding="utf-8")


async def test_a_read_only_pack_is_saved_as_a_copy_with_the_reason_shown(
    every_type_pack: Path,
) -> None:
    original = every_type_pack.read_bytes()
    copy = every_type_pack.with_name("copy.toml")
    app = open_app(every_type_pack, read_only_reason="demo.toml is bundled with quiz.")
    async with app.run_test(size=SIZE) as pilot:
        assert "read-only" in str(app.query_one("#status").render())
        set_field(app, "prompt", "Mine?")
        await settle(pilot, lambda: app.dirty, "my edit")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, SaveAsScreen), "save as")
        assert "bundled" in str(app.screen.query_one(".dialog-text").render())
        app.screen.query_one("#save-as-path", Input).value = str(copy)
        await pilot.press("enter")
        await settle(pilot, lambda: not app.dirty, "saved as")
        assert "Saved copy.toml." in problems_text(app)
        assert "read-only" not in str(app.query_one("#status").render())
    assert every_type_pack.read_bytes() == original
    assert 'prompt = "Mine?"' in copy.read_text(encoding="utf-8")


def test_only_bundled_packs_of_an_installed_quiz_are_read_only(tmp_path: Path) -> None:
    bundled = tmp_path / "site-packages" / "quiz" / "data"
    bundled.mkdir(parents=True)
    pack = bundled / "labour-2010.toml"
    pack.write_text("", encoding="utf-8")
    reason = installed_pack_reason(pack, bundled)
    assert reason is not None
    assert reason.startswith("labour-2010.toml is a pack bundled with the installed quiz (")
    assert installed_pack_reason(tmp_path / "mine.toml", bundled) is None
    # Run from this checkout, its questions/ folder is the authors' own: editable in place.
    assert installed_pack_reason(bundled_packs_dir() / "labour-2010.toml") is None


def test_a_bundled_packs_name_opens_that_pack(tmp_path: Path) -> None:
    assert pack_path("labour-2010") == bundled_packs_dir() / "labour-2010.toml"
    assert pack_path(str(tmp_path / "new.toml")) == tmp_path / "new.toml"
    assert pack_path("no-such-pack-anywhere") == Path("no-such-pack-anywhere")


def test_the_source_is_the_file_pack_source_where_names(facts_pack: Path) -> None:
    document = PackDocument(facts_pack.read_text(encoding="utf-8"))
    assert named_source(facts_pack, document) == (facts_pack.parent / "source.txt").read_text(
        encoding="utf-8"
    )
    (facts_pack.parent / "source.txt").unlink()
    assert named_source(facts_pack, document) is None
    labour = PackDocument((bundled_packs_dir() / "labour-2010.toml").read_text(encoding="utf-8"))
    assert named_source(bundled_packs_dir() / "labour-2010.toml", labour) is None  # a sentence


async def test_a_disk_version_that_cannot_be_edited_is_not_reloaded(
    every_type_pack: Path,
) -> None:
    app = open_app(every_type_pack)
    async with app.run_test(size=SIZE) as pilot:
        set_field(app, "prompt", "Mine?")
        await settle(pilot, lambda: app.dirty, "my edit")
        every_type_pack.write_text("[pack\n", encoding="utf-8")
        app.check_disk()
        await settle(pilot, lambda: isinstance(app.screen, DiskChangedScreen), "the question")
        await pilot.press("r")
        await settle(pilot, lambda: "Cannot reload" in problems_text(app), "refused")
        assert app.document.question(0)["prompt"] == "Mine?"
        await pilot.press("ctrl+s")  # still asks: the broken file was not taken as read
        await settle(pilot, lambda: isinstance(app.screen, DiskChangedScreen), "asked again")


def test_a_source_that_is_not_there_is_refused_before_the_editor_opens(
    every_type_pack: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "edit", str(every_type_pack), "--source", "nowhere.txt"],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert result.stderr == "quiz: source nowhere.txt: no such file\n"
