"""Rules that can't be gamed (practice replays, tables by time and speed, the daily once a
day) and saves that never hold up a key."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from tui_kit import (
    SINGLE,
    TYPED,
    answer_right,
    asking,
    make_app,
    saves_done,
    screen_text,
    showing_feedback,
)

from quiz.store import SaveStore
from quiz.tui.player_saves import PlayerSaves
from quiz.tui.screens.menu import MenuScreen, sparkline
from quiz.tui.screens.summary import SummaryScreen

ROOT = Path(__file__).resolve().parents[2]


async def play_to_summary(pilot, app, *, miss_typed: bool = False) -> None:
    """Answer every question right (the typed one wrong with `miss_typed`), 2 s each."""
    while asking(app):
        app.clock.advance(2)
        if miss_typed and app.screen.view.type == "typed":
            await pilot.press(*"nobody", "enter")
        else:
            await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)


def ranked(saves: Path, player: str = "Ada") -> dict[str, list[int]]:
    profile = SaveStore(saves).open_profile(player)
    tables = profile.high_scores.get("test-pack", {})
    return {key: [entry.score for entry in table] for key, table in tables.items()}


async def test_playing_the_missed_ones_again_is_practice_and_never_ranked(isolated_saves) -> None:
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await play_to_summary(pilot, app, miss_typed=True)
        await pilot.press("r")
        await pilot.pause()
        assert app.round is not None and app.round.config.mode == "practice"
        assert [q.id for q in app.round.questions] == [TYPED.id]
        assert "no clock" in screen_text(app)
        app.clock.advance(300)  # no clock: a slow right answer still scores a flat 1000
        await answer_right(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.result.score == 1000
        await saves_done(pilot, app)
        assert "Practice over" in screen_text(app)
        assert "New high score!" not in screen_text(app)
    assert list(ranked(isolated_saves)) == ["classic"]
    assert [r.mode for r in SaveStore(isolated_saves).history("Ada")] == ["practice", "classic"]


@pytest.mark.parametrize(
    ("options", "table"),
    [({"time_limit": 30.0}, "classic 30s"), ({"speed": False}, "classic no-speed")],
)
async def test_a_round_with_another_time_or_no_speed_ranks_in_its_own_table(
    isolated_saves, options, table
) -> None:
    for custom in (options, {}):
        app = make_app(SINGLE, TYPED, **custom)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await play_to_summary(pilot, app)
            await saves_done(pilot, app)
            assert "New high score!" in screen_text(app)  # each is the first of its table
    assert sorted(ranked(isolated_saves)) == sorted([table, "classic"])


async def test_the_daily_challenge_scores_once_a_day_and_a_replay_is_practice(
    isolated_saves,
) -> None:
    app = make_app(SINGLE, TYPED, mode="daily", menu=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.round is not None and app.round.config.mode == "daily"
        daily = [q.id for q in app.round.questions]
        await play_to_summary(pilot, app, miss_typed=True)
        marks = "".join("✗" if qid == TYPED.id else "✓" for qid in daily)
        score = app.screen.result.score
        assert f"quiz daily 2026-11-26 · 1/2 · {score:,} · {marks}" in screen_text(app)
        await saves_done(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Daily challenge — played today" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert app.round is not None and app.round.config.mode == "practice"
        assert [q.id for q in app.round.questions] == daily
        assert "no clock" in screen_text(app)
        await play_to_summary(pilot, app)
        await saves_done(pilot, app)
        text = screen_text(app)
        assert "Today's daily challenge is already scored: this replay is practice." in text
        assert "quiz daily" not in text
    assert ranked(isolated_saves) == {"daily": [score]}


async def test_opening_the_saves_never_holds_up_the_first_answer(monkeypatch) -> None:
    opening, release = threading.Event(), threading.Event()
    opened: list[bool] = []
    original = PlayerSaves.store

    def slow_store(saves: PlayerSaves):
        opening.set()
        release.wait(timeout=5)  # a disk that takes its time
        opened.append(True)
        return original.fget(saves)

    monkeypatch.setattr(PlayerSaves, "store", property(slow_store))
    app = make_app(SINGLE, TYPED)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert await asyncio.to_thread(opening.wait, 5)  # the saves are opening...
            app.clock.advance(2)
            await answer_right(pilot, app)  # ...and the answer goes through meanwhile
            assert showing_feedback(app)
            assert not opened  # the answer did not wait for the saves
            release.set()
            await saves_done(pilot, app)
            assert opened and app.player == "Ada"
    finally:
        release.set()


def test_the_answer_panels_are_imported_before_any_key_and_off_the_loop(tmp_path) -> None:
    """In a fresh process, once the first question is up and the saves are open, every
    answer panel and the round's results are imported, on the saves thread."""
    script = f"""
import asyncio, json, sys, threading
sys.path[:0] = [{str(ROOT / "tests" / "tui")!r}, {str(ROOT / "tests")!r}]
from tui_kit import SINGLE, make_app
WATCHED = ("quiz.game.result", "quiz.tui.widgets.text_answer", "quiz.tui.widgets.ordering",
           "quiz.tui.widgets.matching", "quiz.tui.screens.summary")
where = {{}}

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED:
            where.setdefault(name, threading.current_thread() is threading.main_thread())
        return None

async def main():
    app = make_app(SINGLE, saves={str(tmp_path)!r})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await asyncio.to_thread(app.saves.wait_idle)
        print(json.dumps(where))

sys.meta_path.insert(0, Watch())
asyncio.run(main())
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    on_main_thread = json.loads(done.stdout.strip().splitlines()[-1])
    assert on_main_thread == {
        "quiz.game.result": False,
        "quiz.tui.widgets.text_answer": False,
        "quiz.tui.widgets.ordering": False,
        "quiz.tui.widgets.matching": False,
        "quiz.tui.screens.summary": False,
    }


async def test_a_recorded_round_reaches_the_summary_and_a_record_is_celebrated() -> None:
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await play_to_summary(pilot, app, miss_typed=True)
        await saves_done(pilot, app)
        text = screen_text(app)
        assert "New high score!" in text
        assert "★ New high score! ★" in text  # the celebration banner


async def test_a_round_that_scored_nothing_is_no_record_to_celebrate() -> None:
    app = make_app(TYPED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await play_to_summary(pilot, app, miss_typed=True)
        await saves_done(pilot, app)
        text = screen_text(app)
        assert "Score 0" in text
        assert "New high score" not in text and "top 10" not in text


async def test_a_perfect_round_is_celebrated_and_the_celebration_settles() -> None:
    app = make_app(SINGLE, TYPED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await play_to_summary(pilot, app)
        banner = app.screen.query_one("#celebration")
        await pilot.wait_for_scheduled_animations()  # it fades in
        assert banner.styles.opacity == 1.0
        assert "★ Perfect round!" in screen_text(app)
        await saves_done(pilot, app)
        assert "★ Perfect round! · New high score! ★" in screen_text(app)


async def test_the_menu_shows_the_last_scores_as_a_sparkline() -> None:
    app = make_app(SINGLE, TYPED, menu=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "No Classic rounds in this pack yet." in screen_text(app)
        for miss in (True, False):
            await pilot.press("p")
            await pilot.pause()
            await play_to_summary(pilot, app, miss_typed=miss)
            await pilot.press("escape")
            await pilot.pause()
        await saves_done(pilot, app)
        assert isinstance(app.screen, MenuScreen)
        assert "Last 2 Classic: ▁█  latest 2,000 · best 2,000" in screen_text(app)


def test_sparkline_bars_run_from_the_lowest_score_to_the_highest() -> None:
    assert sparkline([]) == ""
    assert sparkline([500, 500]) == "▄▄"
    assert sparkline([0, 700, 350, 1000, 100]) == "▁▆▃█▂"


async def test_switching_player_from_the_menu(isolated_saves) -> None:
    app = make_app(SINGLE, menu=True, player="Ada")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert "Esc Back" in screen_text(app)
        await pilot.press("escape")  # back, still Ada
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen) and app.player == "Ada"
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("tab", *"Bob", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
        assert app.player == "Bob"
        assert "Player: Bob" in screen_text(app)
    assert SaveStore(isolated_saves).find_player("Bob") is not None
