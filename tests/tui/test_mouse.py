"""Answering with the mouse: choices, ordering items, matching pairs, menu entries."""

from __future__ import annotations

from tui_kit import (
    MATCHING,
    MULTIPLE,
    ORDERING,
    SINGLE,
    asking,
    let_keys_through,
    make_app,
    screen_text,
    showing_feedback,
)


async def test_single_choice_answered_by_clicking_it() -> None:
    app = make_app(SINGLE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        index = app.screen.panel.choices.index("David Miliband")
        await pilot.click(f"#choice-{index}")
        await pilot.pause()
        assert showing_feedback(app)
        assert app.screen.feedback.correct


async def test_multiple_choice_ticked_by_clicks_then_enter() -> None:
    app = make_app(MULTIPLE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        choices = app.screen.panel.choices
        for answer in MULTIPLE.answers:
            await pilot.click(f"#choice-{choices.index(answer)}")
        await pilot.pause()
        assert screen_text(app).count("[x]") == 2
        assert asking(app)
        let_keys_through(app)
        await pilot.press("enter")
        await pilot.pause()
        assert showing_feedback(app)
        assert app.screen.feedback.correct


async def test_ordering_by_clicking_an_item_then_its_place() -> None:
    app = make_app(ORDERING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.panel
        for target, item in enumerate(ORDERING.items):
            here = panel.items.index(item)
            if here != target:
                await pilot.click(f"#item-{here}")
                await pilot.click(f"#item-{target}")
        await pilot.pause()
        assert panel.items == list(ORDERING.items)
        let_keys_through(app)
        await pilot.press("enter")
        await pilot.pause()
        assert showing_feedback(app)
        assert app.screen.feedback.correct


async def test_matching_by_clicking_left_then_right() -> None:
    app = make_app(MATCHING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.panel
        for left, right in MATCHING.pairs:
            await pilot.click(f"#left-{panel.lefts.index(left)}")
            await pilot.click(f"#right-{panel.rights.index(right)}")
        await pilot.pause()
        assert "Pairs made: 1 → " in screen_text(app)
        let_keys_through(app)
        await pilot.press("enter")
        await pilot.pause()
        assert showing_feedback(app)
        assert app.screen.feedback.correct
