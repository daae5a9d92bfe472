"""The menu, name picker, palette, themes, help, packs and scores screens."""

from __future__ import annotations

from textual.widgets import DataTable
from tui_kit import (
    HOSTILE,
    HOSTILE_SHOWN,
    SINGLE,
    TYPED,
    answer_right,
    asking,
    let_keys_through,
    make_app,
    saves_done,
    screen_text,
)

from quiz.packs.question import Question
from quiz.store import SaveStore
from quiz.tui.screens.help import KEY_NAMES, KEY_RANGE, HelpScreen
from quiz.tui.screens.menu import MenuScreen
from quiz.tui.screens.packs import PacksScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.scores import ScoresScreen
from quiz.tui.screens.summary import SummaryScreen


async def finish_round(pilot, app, *, miss: bool = False) -> None:
    """Answer every question (right, or wrong when `miss`) up to the summary."""
    while asking(app):
        let_keys_through(app)
        if miss and app.screen.view.type == "typed":
            await pilot.press(*"nobody", "enter")
        elif miss:
            panel = app.screen.panel
            answers = app.screen.view.question.answers
            await pilot.press(
                str(next(i for i, c in enumerate(panel.choices) if c not in answers) + 1)
            )
        else:
            await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()


async def test_menu_keys_start_daily_and_practice_and_cycle_the_mode() -> None:
    app = make_app(SINGLE, TYPED, menu=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert "Play — Classic" in screen_text(app)
        await pilot.press("m")
        assert "Play — Blitz" in screen_text(app)
        await pilot.press("m")
        assert "Play — Sudden death" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.round is not None
        assert app.round.config.mode == "daily"
        await pilot.press("escape", "y")  # leave the round unrecorded
        await pilot.press("r")
        await pilot.pause()
        assert app.round is not None and app.round.config.mode == "practice"
        await pilot.press("escape", "y")
        await pilot.press("p")
        await pilot.pause()
        assert app.round is not None and app.round.config.mode == "sudden_death"


async def test_a_finished_round_is_saved_and_a_first_high_score_is_announced(
    isolated_saves,
) -> None:
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await finish_round(pilot, app)
        assert isinstance(app.screen, SummaryScreen)
        await saves_done(pilot, app)
        assert "New high score!" in screen_text(app)
        score = app.screen.result.score
    rounds = SaveStore(isolated_saves).history("Ada")
    assert len(rounds) == 1
    assert rounds[0].score == score
    assert [a.question_id for a in rounds[0].answers] == [q.id for q in app.round.questions]


async def test_palette_switches_mode_and_starts_a_new_round() -> None:
    app = make_app(SINGLE, TYPED, menu=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"switch mode: blitz")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.mode == "blitz"
        assert "Play — Blitz" in screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.press(*"new round")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert asking(app)
        assert app.round is not None and app.round.config.mode == "blitz"


async def test_theme_chosen_is_remembered_for_the_player() -> None:
    app = make_app(menu=True, player="Ada")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    app = make_app(menu=True, player="Ada")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
    app = make_app(menu=True, player="Bob")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme != "nord"


async def test_help_lists_every_binding_of_every_play_screen() -> None:
    from quiz.tui.screens.question import QuestionScreen
    from quiz.tui.widgets.choices import ChoicePanel
    from quiz.tui.widgets.matching import MatchingPanel
    from quiz.tui.widgets.ordering import OrderingPanel

    app = make_app(menu=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        shown = " ".join(
            str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)
        )
        for cls in (
            MenuScreen,
            QuestionScreen,
            SummaryScreen,
            ChoicePanel,
            OrderingPanel,
            MatchingPanel,
            PacksScreen,
        ):
            ranges = {
                b.action.split("(")[0]: b.key_display
                for b in cls.BINDINGS
                if KEY_RANGE.match(b.key_display or "")
            }
            for binding in cls.BINDINGS:
                if binding.show:
                    assert binding.description in shown, (cls, binding)
                first = binding.key.split(",")[0]
                # Numbered keys are listed as their range, e.g. "1-4/A-D".
                keys = ranges.get(binding.action.split("(")[0]) if first.isalnum() else None
                assert (keys or KEY_NAMES.get(first, first)) in shown, (cls, binding)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)


async def test_packs_screen_switches_to_the_bundled_pack() -> None:
    app = make_app(menu=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PacksScreen)
        bundled = next(i for i, p in enumerate(screen.packs) if p.ref.endswith("labour-2010.toml"))
        await pilot.click("#pack-list", offset=(4, 1 + bundled))
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert app.pack.id == "labour-2010"
        assert len(app.pack.questions) > 20


async def test_scores_screen_shows_high_scores_chart_and_the_missed_question_literally() -> None:
    missed = Question(
        id="h-missed", type="typed", prompt=HOSTILE, answers=("right",), tags=(HOSTILE,)
    )
    app = make_app(SINGLE, missed, menu=True, player=HOSTILE)
    async with app.run_test(size=(400, 40)) as pilot:
        await pilot.pause()
        for number in range(3):  # one right (a round that scores nothing has no place)
            await pilot.press("p")
            await pilot.pause()
            await finish_round(pilot, app, miss=number > 0)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ScoresScreen)
        text = screen_text(app)
        assert "Classic" in text and "3 rounds played" in text
        assert HOSTILE_SHOWN in text  # the player's name in the title
        for tab in ("progress", "topics", "missed"):
            await pilot.press("right")
            await pilot.pause()
            text = screen_text(app)
            assert "\x1b" not in text and "\u202e" not in text and "\x9b" not in text
            if tab in ("topics", "missed"):
                assert HOSTILE_SHOWN in text, tab  # the tag, then the question's prompt
        assert app.is_running


async def test_practice_counts_due_questions_and_asks_them_first(isolated_saves) -> None:
    """A question missed days ago is due: the menu counts it and practice asks it first."""
    from datetime import UTC, datetime

    from quiz.game.result import AnswerResult, RoundResult

    missed = AnswerResult(
        question_id=TYPED.id, given="x", correct=False, credit=0, points=0, seconds=3.0
    )
    SaveStore(isolated_saves).record_round(
        "Ada",
        RoundResult(
            player="Ada",
            pack_id="test-pack",
            pack_version="1.0.0",
            mode="classic",
            started_at=datetime(2025, 1, 1, tzinfo=UTC),
            duration=3.0,
            score=0,
            best_streak=0,
            answers=(missed,),
        ),
    )
    app = make_app(SINGLE, TYPED, menu=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Practice — 1 due" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert app.round is not None and app.round.config.mode == "practice"
        assert app.round.questions[0].id == TYPED.id


def test_run_app_with_an_unknown_pack_is_a_one_line_error() -> None:
    import pytest

    from quiz.errors import QuizError
    from quiz.game.options import RoundOptions
    from quiz.tui.app import run_app

    with pytest.raises(QuizError, match='no pack called "no-such-pack"'):
        run_app(RoundOptions(pack="no-such-pack"))


async def test_palette_offers_theme_and_switch_pack() -> None:
    from textual.command import CommandPalette

    app = make_app(menu=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"switch pack")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PacksScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        # The theme command opens the palette again, listing the themes.
        assert isinstance(app.screen, CommandPalette)
        assert "nord" in screen_text(app)


async def test_unusable_saves_folder_keeps_the_game_playable_and_says_so(tmp_path) -> None:
    not_a_folder = tmp_path / "saves"
    not_a_folder.write_text("I am a file")
    app = make_app(SINGLE, saves=str(not_a_folder))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await finish_round(pilot, app)
        assert isinstance(app.screen, SummaryScreen)
        await saves_done(pilot, app)
        assert "Not saved:" in screen_text(app)
    assert not_a_folder.read_text() == "I am a file"
