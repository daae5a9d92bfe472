"""Snapshots of every screen at 80×24 and 120×40 (fixed seed, fake clock, fixed dates).

Regenerate with `pytest tests/tui/test_snapshots.py --snapshot-update`, then read the
report before committing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from tui_kit import (
    ALL_TYPES,
    MATCHING,
    MULTIPLE,
    NUMERIC,
    ORDERING,
    SINGLE,
    TRUE_FALSE,
    TYPED,
    answer_right,
    let_keys_through,
    make_app,
    saves_done,
)

from quiz.game.result import AnswerResult, RoundResult
from quiz.store import SaveStore
from quiz.tui.screens.packs import PackChoice, PacksScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
QUESTIONS = {
    "single": SINGLE,
    "multiple": MULTIPLE,
    "true_false": TRUE_FALSE,
    "typed": TYPED,
    "ordering": ORDERING,
    "matching": MATCHING,
    "numeric": NUMERIC,
}


@pytest.mark.parametrize("size", SIZES)
def test_name_picker(snap_compare, size) -> None:
    assert snap_compare(make_app(player=None, menu=True), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_menu(snap_compare, size) -> None:
    assert snap_compare(make_app(menu=True), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_menu_with_recent_scores(snap_compare, size, isolated_saves) -> None:
    record_history(isolated_saves, mode="classic")
    assert snap_compare(make_app(menu=True), terminal_size=size)


@pytest.mark.parametrize("kind", list(QUESTIONS))
@pytest.mark.parametrize("size", SIZES)
def test_question(snap_compare, size, kind) -> None:
    assert snap_compare(make_app(QUESTIONS[kind]), terminal_size=size)


def after_the_guard(app, *keys: str):  # type: ignore[no-untyped-def]
    """A `run_before` that waits out the 0.3 s in which a new question takes no keys, then
    presses `keys`."""

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        let_keys_through(app)
        await pilot.press(*keys)

    return run


@pytest.mark.parametrize("size", SIZES)
def test_multiple_choice_ticked_after_fifty_fifty(snap_compare, size) -> None:
    app = make_app(MULTIPLE, seed=3)
    assert snap_compare(app, run_before=after_the_guard(app, "0", "down"), terminal_size=size)


@pytest.mark.parametrize("kind", list(QUESTIONS))
@pytest.mark.parametrize("size", SIZES)
def test_feedback_right_answer(snap_compare, size, kind) -> None:
    app = make_app(QUESTIONS[kind])

    async def answer(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        app.clock.advance(3)  # type: ignore[attr-defined]
        await answer_right(pilot, app)

    assert snap_compare(app, run_before=answer, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_wrong_answer(snap_compare, size) -> None:
    app = make_app(SINGLE)
    assert snap_compare(app, run_before=after_the_guard(app, "1"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_typed_near_miss(snap_compare, size) -> None:
    app = make_app(TYPED)
    keys = [*"David Milibnd", "enter"]
    assert snap_compare(app, run_before=after_the_guard(app, *keys), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_with_a_streak(snap_compare, size) -> None:
    app = make_app(SINGLE, TYPED, seed=5)

    async def two_right(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        app.clock.advance(6.88)  # type: ignore[attr-defined]
        await answer_right(pilot, app)

    assert snap_compare(app, run_before=two_right, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_leave_round_asks_first(snap_compare, size) -> None:
    assert snap_compare(make_app(SINGLE), press=["escape"], terminal_size=size)


@pytest.mark.parametrize("mode", ["classic", "daily"])
@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare, size, mode) -> None:
    app = make_app(SINGLE, TYPED, seed=1, mode=mode)
    app.animation_level = "none"  # the celebration's flash, settled

    async def play(pilot) -> None:
        await pilot.pause()
        for _ in range(2):
            app.clock.advance(3)  # type: ignore[attr-defined]
            if app.screen.view.type == "typed":
                await pilot.press(*"nobody", "enter")
            else:
                await pilot.press(str(app.screen.panel.choices.index("David Miliband") + 1))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        await saves_done(pilot, app)

    assert snap_compare(app, run_before=play, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_packs(snap_compare, size) -> None:
    app = make_app(menu=True)
    packs = [
        PackChoice("test-pack", "Test pack", "7 questions"),
        PackChoice("other.toml", "Another pack", "cannot be played: other.toml: line 3: bad"),
    ]

    async def open_packs(pilot) -> None:
        await pilot.pause()
        app.push_screen(PacksScreen(packs, current="test-pack"))
        await pilot.pause()

    assert snap_compare(app, run_before=open_packs, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, size) -> None:
    assert snap_compare(make_app(menu=True), press=["question_mark"], terminal_size=size)


def record_history(saves, mode: str | None = None) -> None:
    """Five rounds over five days, with fixed dates, as the Scores screen's data (classic and
    blitz in turn, or all of `mode`)."""
    store = SaveStore(saves)
    start = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    for day in range(5):
        answers = tuple(
            AnswerResult(
                question_id=q.id,
                given="x",
                correct=(i + day) % 3 != 0,
                credit=1.0 if (i + day) % 3 != 0 else 0.0,
                points=900 if (i + day) % 3 != 0 else 0,
                seconds=4.0,
                tags=q.tags,
            )
            for i, q in enumerate(ALL_TYPES)
        )
        store.record_round(
            "Ada",
            RoundResult(
                player="Ada",
                pack_id="test-pack",
                pack_version="1.0.0",
                mode=mode or ("classic" if day % 2 else "blitz"),
                seed=day,
                started_at=start + timedelta(days=day),
                duration=60.0,
                score=sum(a.points for a in answers) + 100 * day,
                best_streak=2,
                answers=answers,
            ),
        )


@pytest.mark.parametrize("tab", ["high", "progress", "topics", "missed", "classic-only"])
@pytest.mark.parametrize("size", SIZES)
def test_scores(snap_compare, size, tab, isolated_saves) -> None:
    record_history(isolated_saves)
    app = make_app(menu=True)
    presses = {
        "high": [],
        "progress": ["right"],
        "topics": ["right"] * 2,
        "missed": ["left"],
        "classic-only": ["m", "right"],
    }
    assert snap_compare(app, press=["s", *presses[tab]], terminal_size=size)
