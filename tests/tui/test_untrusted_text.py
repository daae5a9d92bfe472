"""Pack and player text is shown literally on every screen: never markup, never controls.

The hostile text mixes Textual markup that would quit the app when clicked, markup that
would not parse, a link, ANSI escapes, a lone C1 CSI (\\x9b), NUL and a bidi override.
"""

from __future__ import annotations

from tui_kit import (
    HOSTILE,
    HOSTILE_SHOWN,
    FakeClock,
    asking,
    let_keys_through,
    make_app,
    make_pack,
    screen_text,
    showing_feedback,
)

from quiz.packs.question import Question
from quiz.tui.screens.menu import MenuScreen
from quiz.tui.screens.summary import SummaryScreen

WIDE = (400, 60)


def hostile_questions() -> tuple[Question, ...]:
    common = {"explanation": HOSTILE, "quote": HOSTILE, "attribution": HOSTILE}
    return (
        Question(
            id="h-single",
            type="single",
            prompt=HOSTILE,
            choices=(f"{HOSTILE} 1", f"{HOSTILE} 2", f"{HOSTILE} 3"),
            answers=(f"{HOSTILE} 1",),
            **common,
        ),
        Question(id="h-typed", type="typed", prompt=HOSTILE, answers=("right",), **common),
        Question(
            id="h-order", type="ordering", prompt=HOSTILE, items=(f"{HOSTILE} a", f"{HOSTILE} b")
        ),
        Question(
            id="h-match",
            type="matching",
            prompt=HOSTILE,
            pairs=((f"{HOSTILE} L", f"{HOSTILE} R"), ("x", "y")),
        ),
    )


def assert_clean(text: str) -> None:
    assert HOSTILE_SHOWN in text
    for control in ("\x1b", "\x9b", "\x00", "\u202e"):
        assert control not in text


async def test_hostile_pack_text_is_literal_on_question_feedback_and_summary() -> None:
    clock = FakeClock()
    app = make_app(*hostile_questions(), clock=clock, seed=1)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        while asking(app):
            assert_clean(screen_text(app))
            # Clicking the prompt must not run the [@click=app.quit] in it.
            await pilot.click("#prompt")
            await pilot.pause()
            assert app.is_running
            let_keys_through(app)
            if app.screen.view.type == "typed":
                await pilot.press(*"[/] [b]me", "enter")
            elif app.screen.view.type == "single":
                await pilot.press("1")
            else:
                await pilot.press("enter")
            await pilot.pause()
            assert showing_feedback(app)
            text = screen_text(app)
            assert_clean(text)
            if app.screen.view.type in ("single", "typed"):
                assert text.count(HOSTILE_SHOWN) >= 3  # prompt, explanation, attribution
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert_clean(text)
        assert "[/] [b]me" in text
        await pilot.press("enter")  # the first answer in full
        await pilot.pause()
        assert_clean(screen_text(app))
        assert app.is_running


async def test_hostile_player_name_and_pack_title_on_menu_and_packs() -> None:
    pack = make_pack(title=HOSTILE)
    app = make_app(player=HOSTILE, menu=True, pack=pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert_clean(screen_text(app))
        assert app.player == HOSTILE
        await pilot.press("k")
        await pilot.pause()
        assert_clean(screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert app.is_running


async def test_hostile_name_typed_into_the_name_picker_and_listed_next_time(
    isolated_saves,
) -> None:
    app = make_app(player=None, menu=True)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.screen.query_one("#new-name").value = HOSTILE
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert_clean(screen_text(app))
    # The next start lists the saved player, literally.
    app = make_app(player=None, menu=True)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        # The picker box wraps the long name; its first part is on screen as typed.
        assert "[@click=app.quit]x[/] [/] [link=http://x]y" in screen_text(app)
        assert app.screen.players == [HOSTILE_SHOWN]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert app.player == HOSTILE_SHOWN
        assert app.is_running


async def test_a_pack_error_with_markup_is_notified_literally() -> None:
    from quiz.errors import QuizError

    def broken_loader(ref: str):
        raise QuizError(f"{ref}: line 3: {HOSTILE}")

    app = make_app(menu=True)
    app.pack_loader = broken_loader
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.switch_pack("[bold]other")
        await pilot.pause()
        notes = list(app._notifications)
        assert [note.message for note in notes] == [f"[bold]other: line 3: {HOSTILE_SHOWN}"]
        assert not any(note.markup for note in notes)
        assert app.pack.title == "Test pack"  # the old pack stays
        assert app.is_running
