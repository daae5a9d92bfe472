"""The question screen's rules and feel, through Pilot: nothing given away, nothing slipped,
every hint true, and the feedback in place."""

from __future__ import annotations

import pytest
from tui_kit import (
    MATCHING,
    MULTIPLE,
    NUMERIC,
    ORDERING,
    SINGLE,
    TRUE_FALSE,
    TYPED,
    FakeClock,
    answer_right,
    asking,
    let_keys_through,
    make_app,
    screen_lines,
    screen_text,
    showing_feedback,
    wait_until,
)

from quiz.packs.question import Question
from quiz.tui.screens.question import QuestionScreen

TWO_CHOICES = Question(
    id="q-two",
    type="single",
    prompt="Who won the leadership?",
    choices=("Ed Miliband", "David Miliband"),
    answers=("Ed Miliband",),
)
SIX_CHOICES = Question(
    id="q-six",
    type="single",
    prompt="Who is 'the vacancy'?",
    choices=("Abbott", "Balls", "Burnham", "McDonnell", "Harman", "David Miliband"),
    answers=("David Miliband",),
)
LONG_TEXT = (
    "The candidate who, according to the article, spent the whole campaign being "
    "described by his own supporters as the continuity choice of the party machine"
)
LONG_CHOICE = Question(
    id="q-long",
    type="single",
    prompt="Which description fits David Miliband?",
    choices=(LONG_TEXT, "The outsider"),
    answers=(LONG_TEXT,),
)
LONG_MATCHING = Question(
    id="q-long-matching",
    type="matching",
    prompt="Match each backer with what the article says of them.",
    pairs=((LONG_TEXT, "David Miliband"), ("Whelan", "Ed Miliband")),
)


def notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(note.message) for note in app._notifications]


# -- 1: the 50:50 gives nothing away ---------------------------------------------------


async def test_fifty_fifty_not_offered_where_nothing_can_go_and_the_key_says_why() -> None:
    app = make_app(TWO_CHOICES)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "no 50:50 here" in screen_lines(app)[0]
        let_keys_through(app)
        await pilot.press("0")
        await pilot.pause()
        assert asking(app) and not app.screen.panel.removed
        assert notes(app) == [
            "The 50:50 needs two wrong choices to leave one; this question has only one."
        ]


async def test_fifty_fifty_on_four_choices_leaves_one_wrong_choice() -> None:
    app = make_app(SINGLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        let_keys_through(app)
        await pilot.press("0")
        await pilot.pause()
        panel = app.screen.panel
        live = [c for i, c in enumerate(panel.choices) if i not in panel.removed]
        assert len(live) == 2 and "David Miliband" in live


# -- 2: no double Enter, nothing pre-selected, keys too soon are not answers -----------------


async def test_nothing_is_highlighted_when_a_question_appears() -> None:
    app = make_app(SINGLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "›" not in screen_text(app)
        let_keys_through(app)
        await pilot.press("enter")  # Enter with nothing highlighted answers nothing
        await pilot.pause()
        assert asking(app)
        await pilot.press("down")
        await pilot.pause()
        assert "› 1 A ▲  Ed Balls" in screen_text(app)


async def test_a_double_enter_does_not_answer_the_next_question() -> None:
    app = make_app(SINGLE, ORDERING, seed=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.view.type == "single"
        await answer_right(pilot, app)
        # Enter on the feedback, then a second Enter at once: the ordering question
        # (which Enter would submit as shown) must still be waiting.
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert asking(app) and app.screen.view.type == "ordering"
        assert app.round is not None and len(app.round.feedback) == 1


async def test_keys_within_300_ms_of_a_question_appearing_are_not_answers() -> None:
    clock = FakeClock()
    app = make_app(SINGLE, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(0.29)
        await pilot.press("2")
        await pilot.pause()
        assert asking(app)
        clock.advance(0.01)
        await pilot.press("2")
        await pilot.pause()
        assert showing_feedback(app) and app.screen.feedback.correct


# -- 3: an empty multiple answer is refused ------------------------------------------------


async def test_an_empty_multiple_submission_is_refused_and_the_clock_keeps_running() -> None:
    clock = FakeClock()
    app = make_app(MULTIPLE, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(5)
        await pilot.press("enter")
        await pilot.pause()
        assert asking(app)
        assert notes(app) == ["Not a valid answer: Tick at least one"]
        clock.advance(5)
        app.screen.tick()
        await pilot.pause()
        assert "10 s" in screen_text(app)
        await pilot.press("a", "d", "enter")  # the panel takes answers again
        await pilot.pause()
        assert showing_feedback(app) and app.screen.feedback.correct


# -- 7: every footer fits at 80 columns, Help always there --------------------------------


@pytest.mark.parametrize(
    "question", [SINGLE, MULTIPLE, TRUE_FALSE, TYPED, ORDERING, MATCHING, NUMERIC, SIX_CHOICES]
)
async def test_the_footer_fits_80_columns_with_help_while_asking_and_after(question) -> None:  # type: ignore[no-untyped-def]
    app = make_app(question)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Help" in screen_lines(app)[-1])
        footer = screen_lines(app)[-1]
        help_key = "F1 Help" if question.type in ("typed", "numeric") else "? Help"
        assert help_key in footer and "esc Leave" in footer, footer
        await answer_right(pilot, app)
        await wait_until(pilot, lambda: "⏎ Results" in screen_lines(app)[-1])
        footer = screen_lines(app)[-1]
        assert "? Help" in footer, footer


# -- 8: hints that tell the truth --------------------------------------------------------------


async def test_true_false_footer_names_its_two_keys() -> None:
    app = make_app(TRUE_FALSE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "1-2/A-B Answer" in footer and "1-4" not in footer


async def test_the_sixth_choice_has_a_letter_and_f_answers_it() -> None:
    app = make_app(SIX_CHOICES)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sixth = app.screen.panel.choices[5]
        assert f"6 F ♥  {sixth}" in screen_text(app)
        assert "1-6/A-F Answer" in screen_lines(app)[-1]
        let_keys_through(app)
        await pilot.press("f")
        await pilot.pause()
        assert showing_feedback(app) and app.screen.feedback.given == sixth


# -- 9: matching undo ----------------------------------------------------------------------------


async def test_matching_undo_removes_the_highlighted_items_pair() -> None:
    three = Question(
        id="q-three",
        type="matching",
        prompt="Match them.",
        pairs=(("Mandelson", "David"), ("Whelan", "Ed"), ("Dromey", "Harman")),
    )
    app = make_app(three)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = app.screen.panel
        let_keys_through(app)
        await pilot.press("1", "a", "2", "b")
        assert panel.pairs == {0: 0, 1: 1}
        await pilot.press("up")  # highlight right-hand A, paired with 1
        await pilot.press("backspace")
        assert panel.pairs == {1: 1}
        await pilot.press("3", "c", "left", "up")  # highlight left-hand 2
        assert (panel.column, panel.cursor) == ("left", 1)
        await pilot.press("backspace")
        assert panel.pairs == {2: 2}


# -- 10: wrapped text hangs under its own text -------------------------------------------------


def continuation_indent(lines: list[str], start: str) -> tuple[int, int]:
    """(column where the text starting `start` begins, column of its next line's text)."""
    row = next(i for i, line in enumerate(lines) if start in line)
    column = lines[row].index(start)
    following = lines[row + 1]
    return column, len(following) - len(following.lstrip())


async def test_a_long_choice_wraps_under_its_own_text() -> None:
    app = make_app(LONG_CHOICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        column, indent = continuation_indent(screen_lines(app), "The candidate who")
        assert indent == column


async def test_a_long_matching_item_wraps_under_its_own_text() -> None:
    app = make_app(LONG_MATCHING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        column, indent = continuation_indent(screen_lines(app), "The candidate who")
        assert indent == column


# -- 12: the status line shows the round -------------------------------------------------------


async def test_the_status_line_shows_the_mode_and_seed() -> None:
    app = make_app(SINGLE, seed=4242)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen_lines(app)[0].rstrip().endswith("Classic · seed 4242")


async def test_the_daily_status_line_shows_the_date() -> None:
    app = make_app(SINGLE, mode="daily")  # the test app's day is 26 November 2026
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen_lines(app)[0].rstrip().endswith("Daily · 26 Nov")


# -- a game that feels great ----------------------------------------------------------------------


async def test_the_timer_is_on_the_line_above_the_question() -> None:
    app = make_app(SINGLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        head = next(i for i, line in enumerate(lines) if "Question 1 of 1" in line)
        assert "20 s" in lines[head]
        assert "Who does the article call" in lines[head + 2]


async def test_the_question_keeps_a_readable_width_centred_on_a_wide_terminal() -> None:
    app = make_app(SINGLE)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        prompt = next(line for line in lines if "Who does the article call" in line)
        # A 100-column column, centred: 50 columns each side, then its own padding.
        assert prompt.index("Who") == 52
        head = next(line for line in lines if "Question 1 of 1" in line)
        assert head.rstrip().endswith("20 s") and len(head.rstrip()) <= 150


async def test_the_feedback_breaks_the_points_down_and_flashes_the_streak() -> None:
    clock = FakeClock()
    app = make_app(SINGLE, TYPED, clock=clock, seed=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)
        assert "✓ Correct  +1,000 points" in screen_text(app)
        assert "Streak ×" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        clock.advance(6.88)
        await answer_right(pilot, app)
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Correct  +928 points (+828 speed +100 streak)" in text
        assert "Streak ×2!" in text


@pytest.mark.parametrize("bell", [False, True])
async def test_the_bell_rings_on_a_miss_only_when_asked_for(bell: bool) -> None:
    app = make_app(SINGLE, TYPED, seed=5)
    app.bell_on_miss = bell
    rang: list[bool] = []
    app.bell = lambda: rang.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer_right(pilot, app)  # right: no bell
        assert rang == []
        await pilot.press("enter")
        await pilot.pause()
        let_keys_through(app)
        await pilot.press(*"nobody", "enter")
        await pilot.pause()
        assert showing_feedback(app) and not app.screen.feedback.correct
    assert rang == ([True] if bell else [])


async def test_a_timeout_rings_the_bell_too() -> None:
    clock = FakeClock()
    app = make_app(SINGLE, clock=clock)
    app.bell_on_miss = True
    rang: list[bool] = []
    app.bell = lambda: rang.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        clock.advance(20)
        screen.tick()
        await pilot.pause()
        assert showing_feedback(app) and app.screen.feedback.timed_out
    assert rang == [True]


def test_help_lists_each_action_once_in_words_that_are_not_key_names() -> None:
    from quiz.tui.screens.help import binding_rows

    rows = binding_rows()
    assert len({(where, what) for where, _, what in rows}) == len(rows)
    assert not [row for row in rows if row[2] in ("Tab", "Tab / Tab")]
    assert ("Scores", "← / →", "switch tab") in rows
    question = {keys: what for where, keys, what in rows if where == "Question"}
    assert question["0 / %"].startswith("50:50")
    assert ("Choices", "1-8/A-H") in [(where, keys) for where, keys, _ in rows]


def test_the_bell_is_off_unless_asked_for() -> None:
    from quiz.cli import build_parser
    from quiz.commands.play import round_options

    parser = build_parser("play")
    assert round_options(parser.parse_args(["play"])).bell is False
    assert round_options(parser.parse_args(["play", "--bell"])).bell is True


async def test_the_bell_is_a_per_player_setting_turned_on_from_the_palette(isolated_saves) -> None:  # type: ignore[no-untyped-def]
    app = make_app(SINGLE, menu=True, saves=str(isolated_saves))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.bell_on_miss
        await pilot.press("ctrl+p")
        await pilot.press(*"Bell: turn on")
        await wait_until(pilot, lambda: "Ring the terminal bell" in screen_text(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.bell_on_miss)
    again = make_app(SINGLE, menu=True, saves=str(isolated_saves))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.bell_on_miss
