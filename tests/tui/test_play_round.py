"""Whole rounds through the real app, driven with keys, with a fake clock for the timers."""

from __future__ import annotations

from tui_kit import (
    ALL_TYPES,
    MULTIPLE,
    SINGLE,
    TYPED,
    FakeClock,
    answer_right,
    asking,
    let_keys_through,
    make_app,
    screen_text,
    showing_feedback,
)

from quiz.tui.screens.menu import MenuScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen


async def play_all_right(pilot, app, clock: FakeClock, *, think: float = 1.0) -> list[str]:
    """Answer every question right (spending `think` seconds each); returns the types seen."""
    seen = []
    while asking(app):
        seen.append(app.screen.view.type)
        clock.advance(think)
        await answer_right(pilot, app)
        assert showing_feedback(app), type(app.screen)
        assert app.screen.feedback.correct, app.screen.feedback
        assert "✓ Correct" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
    return seen


async def test_classic_round_with_every_question_type_answered_by_keys() -> None:
    clock = FakeClock()
    app = make_app(*ALL_TYPES, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        seen = await play_all_right(pilot, app, clock)
        assert sorted(seen) == sorted(q.type for q in ALL_TYPES)
        assert isinstance(app.screen, SummaryScreen)
        result = app.screen.result
        assert result.correct_count == len(ALL_TYPES)
        # 1 s of 20 scores 975 each, plus the streak bonus from the second answer.
        bonus = sum(min(100 * (n - 1), 500) for n in range(1, 8))
        assert result.score == 975 * 7 + bonus
        text = screen_text(app)
        assert f"Score {result.score:,}" in text
        assert "7/7 right (100%)" in text
        assert "best streak 7" in text


async def test_wrong_answer_keeps_the_choices_marked_right_and_yours() -> None:
    app = make_app(SINGLE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.panel
        assert panel.choices == ("Ed Balls", "David Miliband", "Andy Burnham", "Ed Miliband")
        let_keys_through(app)
        await pilot.press("1")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Wrong" in text
        # Kahoot-style: the choices stay, the right one ✓, yours ✗.
        assert "✗ 1 A ▲  Ed Balls  ← your answer" in text
        assert "✓ 2 B ◆  David Miliband" in text
        assert "  3 C ●  Andy Burnham" in text
        assert "The author's verdict on the front-runner." in text
        assert "“the ultimate vacant man”  — The article, May 2010" in text


async def test_typed_near_miss_says_what_it_was_accepted_as() -> None:
    app = make_app(TYPED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        let_keys_through(app)
        await pilot.press(*"David Milibnd", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Correct" in text
        assert "Accepted 'David Milibnd' as David Miliband" in text


async def test_a_question_times_out_when_the_fake_clock_passes_its_limit() -> None:
    clock = FakeClock()
    app = make_app(SINGLE, TYPED, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        clock.advance(12.2)
        screen.tick()
        await pilot.pause()
        assert "8 s" in screen_text(app)
        assert asking(app)
        clock.advance(8)
        screen.tick()
        await pilot.pause()
        assert showing_feedback(app)
        assert app.screen.feedback.timed_out
        assert "⏱ Time's up  no points" in screen_text(app)
        assert app.round is not None and app.round.streak == 0


async def test_blitz_ends_when_sixty_seconds_pass() -> None:
    clock = FakeClock()
    app = make_app(*ALL_TYPES, clock=clock, mode="blitz")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Question 1  " in screen_text(app)  # no "of total" in blitz
        clock.advance(2)
        await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        clock.advance(59)
        screen.tick()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert len(app.screen.result.answers) == 1
        assert app.screen.result.mode == "blitz"


async def test_sudden_death_ends_at_the_first_miss() -> None:
    app = make_app(*ALL_TYPES, mode="sudden_death")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        # A wrong answer of whatever type is on screen: an empty ordering/matching or junk.
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        let_keys_through(app)
        if screen.view.type in ("typed", "numeric"):
            await pilot.press(*"999999", "enter")
        elif screen.view.type in ("single", "true_false"):
            wrong = next(
                i
                for i, c in enumerate(screen.panel.choices)
                if c not in screen.view.question.answers
            )
            await pilot.press(str(wrong + 1))
        else:
            await pilot.press("enter")
        await pilot.pause()
        assert showing_feedback(app)
        assert not app.screen.feedback.correct
        assert "⏎ Results" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert len(app.screen.result.answers) == 2


async def test_daily_challenge_asks_the_same_questions_whatever_the_seed() -> None:
    orders = []
    for seed in (1, 2):
        app = make_app(*ALL_TYPES, mode="daily", seed=seed)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.round is not None
            orders.append([q.id for q in app.round.questions])
            if seed == 2:
                await play_all_right(pilot, app, app.clock)  # type: ignore[arg-type]
                assert isinstance(app.screen, SummaryScreen)
                assert app.screen.result.mode == "daily"
    assert orders[0] == orders[1]


async def test_practice_has_no_clock_and_scores_flat_points() -> None:
    clock = FakeClock()
    app = make_app(SINGLE, MULTIPLE, clock=clock, mode="practice")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "no clock" in screen_text(app)
        await play_all_right(pilot, app, clock, think=300)
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.result.score == 1000 + 1100


async def test_play_the_missed_ones_again_asks_only_those() -> None:
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        missed = None
        while asking(app):
            if app.screen.view.type == "typed":
                let_keys_through(app)
                await pilot.press(*"nobody", "enter")
                missed = app.screen.feedback.question.id
            else:
                await answer_right(pilot, app)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Press r to play the 1 missed again" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert asking(app)
        assert app.round is not None
        assert [q.id for q in app.round.questions] == [missed]


async def test_fifty_fifty_removes_two_wrong_choices_once_per_round() -> None:
    app = make_app(SINGLE, MULTIPLE, seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "50:50 ready (0)" in screen_text(app)
        let_keys_through(app)
        await pilot.press("0")
        await pilot.pause()
        panel = app.screen.panel
        assert len(panel.removed) == (2 if app.screen.view.type == "single" else 1)
        assert "— removed by 50:50" in screen_text(app)
        assert "50:50 used" in screen_text(app)
        removed_key = str(sorted(panel.removed)[0] + 1)
        await pilot.press(removed_key)  # a removed choice can't be picked
        await pilot.pause()
        assert asking(app)
        await answer_right(pilot, app)
        assert "halved by the 50:50" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        let_keys_through(app)
        await pilot.press("percent_sign")
        await pilot.pause()
        assert not app.screen.panel.removed
        said = [note.message for note in app._notifications]
        assert said[-1] == "You have used your 50:50 in this round."


async def test_escape_mid_round_asks_then_leaves_the_round_unrecorded(isolated_saves) -> None:
    from quiz.store import SaveStore

    app = make_app(SINGLE, TYPED, saves=str(isolated_saves))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)
        await pilot.press("escape")  # on the first answer's feedback: mid-round
        await pilot.pause()
        assert "Leave this round? It won't be recorded (y/n)" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert showing_feedback(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # while asking
        await pilot.pause()
        assert "Leave this round? It won't be recorded (y/n)" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert app.round is None
    assert SaveStore(isolated_saves).history("Ada") == []


async def test_escape_on_the_last_feedback_finishes_and_records_the_round(isolated_saves) -> None:
    from quiz.store import SaveStore

    app = make_app(SINGLE, TYPED, saves=str(isolated_saves))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while asking(app):
            await answer_right(pilot, app)
            if showing_feedback(app) and not app.screen.feedback.ends_round:
                await pilot.press("enter")
                await pilot.pause()
        assert showing_feedback(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    assert len(SaveStore(isolated_saves).history("Ada")) == 1


async def test_summary_row_opens_that_answer_in_full() -> None:
    from quiz.tui.screens.review import ReviewScreen

    app = make_app(SINGLE, TYPED, seed=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while asking(app):
            await answer_right(pilot, app)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        first = app.round.feedback[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.feedback is first
        assert first.question.prompt in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_with_no_color_every_state_still_reads_in_characters(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(MULTIPLE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.no_color
        let_keys_through(app)
        await pilot.press("down", "down", "space")
        text = screen_text(app)
        assert "› [x] 2 B ◆" in text  # highlight and tick are characters, not colours
        assert "1 A ▲" in text and "4 D ■" in text
        await pilot.press("enter")
        await pilot.pause()
        assert "½ Partly correct" in screen_text(app) or "✗ Wrong" in screen_text(app)


async def test_direct_practice_without_a_player_plays_as_the_default_player() -> None:
    app = make_app(SINGLE, TYPED, mode="practice", player=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert asking(app)
        assert app.player == "Player"
        while asking(app):
            await answer_right(pilot, app)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.result.player == "Player"


async def test_time_running_out_under_the_help_screen_shows_the_feedback_after() -> None:
    from quiz.tui.screens.help import HelpScreen

    clock = FakeClock()
    app = make_app(SINGLE, TYPED, clock=clock, seed=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        question = app.screen
        await pilot.press("f1")  # works in a typed answer's box too
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        clock.advance(25)
        question.tick()
        await pilot.press("escape")
        await pilot.pause()
        assert showing_feedback(app)
        assert "⏱ Time's up" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert asking(app)
