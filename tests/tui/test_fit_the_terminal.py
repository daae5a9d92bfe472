"""80×24 fits: every footer of the menu, name picker, summary, scores, packs and review shows
all its keys whole, Help among them; the summary's table uses the width it has."""

from __future__ import annotations

import pytest
from tui_kit import SINGLE, TYPED, answer_right, asking, make_app, saves_done, screen_lines

from quiz.tui.screens.packs import PackChoice, PacksScreen

LONG_PROMPT = SINGLE.prompt  # 51 characters


async def to_summary(pilot, app) -> None:
    while asking(app):
        app.clock.advance(2)
        await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()


async def open_screen(pilot, app, name: str) -> None:
    """Bring up the screen called `name` (the app starts at the menu)."""
    if name == "summary":
        await pilot.press("p")
        await pilot.pause()
        await to_summary(pilot, app)
        await saves_done(pilot, app)
    elif name == "review":
        await open_screen(pilot, app, "summary")
        await pilot.press("enter")
    elif name == "scores":
        await pilot.press("s")
    elif name == "packs":
        await app.push_screen(PacksScreen([PackChoice("test-pack", "Test pack", "2 questions")]))
    elif name == "switch player":
        await pilot.press("w")
    await pilot.pause()


@pytest.mark.parametrize(
    "name", ["name picker", "menu", "summary", "review", "scores", "packs", "switch player"]
)
async def test_every_footer_fits_80_columns_with_help_shown(name: str) -> None:
    app = make_app(SINGLE, TYPED, menu=True, player=None if name == "name picker" else "Ada")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_screen(pilot, app, name)
        for _ in range(100):  # a loaded machine may paint the new screen's footer a bit later
            footer = screen_lines(app)[-1]
            if footer.strip():
                break
            await pilot.pause()
        shown = [
            f"{app.get_key_display(binding)} {binding.description}"
            for _node, binding, _enabled, _tooltip in app.screen.active_bindings.values()
            if binding.show
        ]
        # The name box takes every printable key, so there Help is on F1.
        assert ("F1 Help" if "name" in name or "player" in name else "? Help") in shown
        for key in shown:
            assert key in footer, (name, key, footer)


async def test_summary_columns_follow_the_terminal_width() -> None:
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await to_summary(pilot, app)
        assert not any(LONG_PROMPT in line for line in screen_lines(app))  # cut at 80
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert any(LONG_PROMPT in line for line in screen_lines(app))  # whole at 200
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await to_summary(pilot, app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        [header] = [line for line in screen_lines(app) if "Question" in line and "#" in line]
        assert header.rstrip().endswith("Points")
        assert len(header.rstrip()) <= 80


async def test_opening_an_answer_in_full_leaves_the_summary_table_as_it_was() -> None:
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await to_summary(pilot, app)
        before = screen_lines(app)
        await pilot.press("enter")  # the answer in full...
        await pilot.pause()
        await pilot.press("escape")  # ...and back
        await pilot.pause()
        assert screen_lines(app) == before
