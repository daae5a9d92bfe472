"""Snapshots of the editor at 80×24 and 120×40 (update only after reading the report)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from editor_packs import EVERY_TYPE_PACK
from textual.screen import ModalScreen

from quiz.commands.edit import read_or_start
from quiz.tui.editor.app import EditorApp
from quiz.tui.editor.preview import PreviewScreen


async def settle(pilot, condition: Callable[[], object]) -> None:  # type: ignore[no-untyped-def]
    """Let the app process messages until `condition()` holds (no sleeping)."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("the editor never reached the state to snapshot")


def editor(path: Path) -> EditorApp:
    text, is_new = read_or_start(path)
    app = EditorApp(path, text, is_new=is_new, cursor_blink=False, watch_seconds=None)
    app.animation_level = "none"  # a scroll caught half-way would make the picture vary
    return app


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_editor_with_a_pack(snap_compare, every_type_pack: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(editor(every_type_pack), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_editor_showing_an_invalid_matching_question(  # type: ignore[no-untyped-def]
    snap_compare, every_type_pack: Path, size: tuple[int, int]
) -> None:
    async def break_a_pair(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        app.item_list.options.highlighted = 5
        await settle(pilot, lambda: app.form is not None and app.query("#field-pairs"))
        app.query_one("#field-pairs").load_text("Unite => David\nGMB has no partner")
        await settle(pilot, lambda: "pairs.1" in str(app.query_one("#problems").render()))

    assert snap_compare(editor(every_type_pack), terminal_size=size, run_before=break_a_pair)


def test_new_pack_preview_of_a_question(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def add_and_preview(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("ctrl+n")
        await settle(pilot, lambda: app.form is not None)
        await pilot.press("f2")
        await settle(pilot, lambda: isinstance(app.screen, PreviewScreen))
        await pilot.press("r")
        await settle(pilot, lambda: app.screen.query_one("#preview-reveal").display)

    assert snap_compare(
        editor(tmp_path / "new.toml"), terminal_size=(80, 24), run_before=add_and_preview
    )


def open_scene(path: Path, **options: Any) -> EditorApp:
    app = (
        editor(path)
        if not options
        else EditorApp(
            path,
            path.read_text(encoding="utf-8"),
            cursor_blink=False,
            watch_seconds=None,
            **options,
        )
    )
    app.animation_level = "none"
    return app


SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@SIZES
@pytest.mark.parametrize("section", ["facts", "entities", "relations", "pack"])
def test_each_section_of_a_pack(  # type: ignore[no-untyped-def]
    snap_compare, facts_pack: Path, size: tuple[int, int], section: str
) -> None:
    keys = {"facts": "f4", "entities": "f5", "relations": "f6", "pack": "f7"}

    async def show(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press(keys[section])
        await settle(pilot, lambda: app.form is not None and app.form.section == section)
        await settle(pilot, lambda: "valid" in str(app.query_one("#problems").render()))

    assert snap_compare(open_scene(facts_pack), terminal_size=size, run_before=show)


@SIZES
def test_the_source_panel_beside_a_fact(  # type: ignore[no-untyped-def]
    snap_compare, facts_pack: Path, size: tuple[int, int]
) -> None:
    source = (facts_pack.parent / "source.txt").read_text(encoding="utf-8")

    async def show(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("f9")
        await settle(pilot, lambda: app.section == "facts" and app.focused is not None)
        await pilot.press("down", "enter")
        await settle(pilot, lambda: app.document.count("facts") == 4)
        app.clear_notifications()  # the toast would hide what is under it
        await pilot.pause()

    app = open_scene(facts_pack, source_text=source)
    assert snap_compare(app, terminal_size=size, run_before=show)


@SIZES
@pytest.mark.parametrize("screen", ["help", "delete", "disk", "save-as"])
def test_the_editors_dialogs(  # type: ignore[no-untyped-def]
    snap_compare,
    every_type_pack: Path,
    size: tuple[int, int],
    screen: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(every_type_pack.parent)  # save as suggests a name in the current folder

    async def show(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        if screen == "help":
            await pilot.press("f1")
        elif screen == "delete":
            await pilot.press("f8")
        elif screen == "disk":
            every_type_pack.write_text("# changed\n" + EVERY_TYPE_PACK, encoding="utf-8")
            app.check_disk()
        else:
            await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.pause()

    options = {"read_only_reason": "demo.toml is bundled with quiz."} if screen == "save-as" else {}
    app = open_scene(every_type_pack, **options)
    assert snap_compare(app, terminal_size=size, run_before=show)
