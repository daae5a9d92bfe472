"""`quiz play --teams`: teams answer in turn at one keyboard, through Pilot, like solo play."""

from __future__ import annotations

import pytest
from classroom_helpers import sample_questions
from fakes import FakeClock
from textual.pilot import Pilot
from textual.widgets import Static

from quiz.classroom.deck import prepare
from quiz.classroom.team_game import TeamGame
from quiz.errors import UsageError
from quiz.packs.question import Question
from quiz.tui.teams import TeamsApp, TeamsScreen, winners_line
from quiz.tui.widgets.choices import ChoicePanel


def game(names: str = "Reds,Blues,[b]Greens[/b]", questions=None, seed: int = 2) -> TeamGame:  # type: ignore[no-untyped-def]
    hosted = prepare(questions or sample_questions(), seconds=20, seed=seed)
    return TeamGame.from_names(names, hosted, seed=seed)


def text_of(app: TeamsApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def screen_lines(app: TeamsApp) -> list[str]:
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


async def team_presses(pilot: Pilot[int], clock: FakeClock, *keys: str) -> None:
    """One team's turn: past the 0.3 s in which a new turn takes no answer keys, then keys."""
    await pilot.pause()
    clock.advance(0.3)
    await pilot.press(*keys)
    await pilot.pause()


async def test_teams_take_turns_and_the_scoreboard_keeps_score() -> None:
    the_game = game()
    clock = FakeClock()
    app = TeamsApp(the_game, clock=clock)
    async with app.run_test(size=(90, 50)) as pilot:
        await pilot.pause()
        right = the_game.question.correct[0]
        wrong = (right + 1) % 4
        assert "Reds" in text_of(app, "#team-turn")
        await team_presses(pilot, clock, str(right + 1))
        await team_presses(pilot, clock, str(wrong + 1))
        await team_presses(pilot, clock, "abcd"[right])  # letters answer too
        screen = app.screen
        assert isinstance(screen, TeamsScreen) and screen.revealed
        reveal = text_of(app, "#team-reveal")
        assert "✓ Reds" in reveal and "✗ Blues" in reveal and "✓ [b]Greens[/b]" in reveal
        assert [t.score for t in the_game.teams] == [1000, 0, 1000]

        await pilot.press("enter")  # true/false, always True then False
        assert the_game.question.choices == ("True", "False")
        right = the_game.question.correct[0]
        await team_presses(pilot, clock, str(right + 1))
        await team_presses(pilot, clock, str(right + 1))
        await team_presses(pilot, clock, str(2 - right))
        await pilot.press("enter")  # multiple: Reds all right, Blues one of two, Greens none
        correct = the_game.question.correct
        await team_presses(pilot, clock, *(str(i + 1) for i in correct), "enter")
        await team_presses(pilot, clock, str(correct[0] + 1), "enter")
        other = next(i for i in range(4) if i not in correct)
        await team_presses(pilot, clock, str(other + 1), "enter")
        assert the_game.teams[1].last_points == 500 and not the_game.teams[1].last_correct
        await pilot.press("enter")  # typed
        for text in ("Unite", "unite the union", "Unison"):
            await team_presses(pilot, clock, *text, "enter")
        assert [t.last_correct for t in the_game.teams] == [True, True, False]
        await pilot.press("enter")
        assert the_game.over
        board = text_of(app, "#scoreboard")
        # Reds: four right in a row: 4 × 1000 + streak 100 + 200 + 300.
        assert "1. Reds  4,600" in board
        assert text_of(app, "#team-turn") == "Reds win with 4,600 points!"


async def test_a_teams_turn_has_the_questions_clock_and_running_out_scores_nothing() -> None:
    the_game = game("Reds,Blues")
    clock = FakeClock()
    app = TeamsApp(the_game, clock=clock)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TeamsScreen)
        clock.advance(12.2)
        screen.tick()
        await pilot.pause()
        assert "8 s" in screen_lines(app)[2]  # the clock beside "Question 1 of 4"
        clock.advance(8)
        screen.tick()
        await pilot.pause()
        assert the_game.teams[0].last_points == 0 and the_game.turn == 1
        assert "Blues" in text_of(app, "#team-turn")
        await team_presses(pilot, clock, str(the_game.question.correct[0] + 1))
        assert "✗ Reds: (time ran out)  +0" in text_of(app, "#team-reveal")


async def test_keys_the_moment_a_turn_starts_are_not_the_next_teams_answer() -> None:
    the_game = game("Reds,Blues")
    clock = FakeClock()
    app = TeamsApp(the_game, clock=clock)
    async with app.run_test(size=(90, 40)) as pilot:
        await team_presses(pilot, clock, "1")
        await pilot.press("1")  # Reds' key pressed twice: Blues' turn has only just begun
        await pilot.pause()
        assert the_game.turn == 1 and "Blues" in text_of(app, "#team-turn")


async def test_next_is_enter_and_shown_only_once_every_team_has_answered() -> None:
    the_game = game("Reds,Blues")
    clock = FakeClock()
    app = TeamsApp(the_game, clock=clock)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "Next" not in footer and "space" not in footer
        await team_presses(pilot, clock, "1")
        await team_presses(pilot, clock, "1")
        assert "⏎ Next" in screen_lines(app)[-1]
        await pilot.press("enter")
        await pilot.pause()
        assert the_game.number == 2


async def test_each_team_has_one_fifty_fifty_on_the_solo_rule() -> None:
    three = Question(id="q3", type="single", prompt="Who?", choices=("A", "B", "C"), answers=("A",))
    four = Question(
        id="q4", type="single", prompt="Who?", choices=("A", "B", "C", "D"), answers=("A",)
    )
    the_game = game("Reds,Blues", questions=[three, four])
    clock = FakeClock()
    app = TeamsApp(the_game, clock=clock)
    async with app.run_test(size=(90, 40)) as pilot:
        await team_presses(pilot, clock, "0")
        panel = app.screen.query_one(ChoicePanel)
        assert len(panel.removed) == 1  # 3 choices: 1 goes, 1 wrong stays
        await pilot.press(str(the_game.question.correct[0] + 1))
        await pilot.pause()
        assert the_game.teams[0].last_points == 500  # halved
        await team_presses(pilot, clock, str(the_game.question.correct[0] + 1))
        assert the_game.teams[1].last_points == 1000
        await pilot.press("enter")
        await team_presses(pilot, clock, "percent_sign")
        said = [str(note.message) for note in app._notifications]
        assert said[-1] == "Reds have used their 50:50."


def test_teams_level_on_points_share_a_place_and_a_shared_lead_is_a_tie() -> None:
    the_game = game("Reds,Blues,Greens")
    for team, score in zip(the_game.teams, (2000, 2000, 900), strict=True):
        team.score = score
    assert [(place, team.name) for place, team in the_game.standings()] == [
        (1, "Reds"),
        (1, "Blues"),
        (3, "Greens"),
    ]
    assert winners_line(the_game.leaders()) == "A tie: Reds and Blues, 2,000 points each!"
    the_game.teams[2].score = 2000
    assert winners_line(the_game.leaders()) == "A tie: Reds, Blues and Greens, 2,000 points each!"
    the_game.teams[0].score = 2100
    assert winners_line(the_game.leaders()) == "Reds win with 2,100 points!"


async def test_a_tie_is_announced_as_a_tie_on_screen() -> None:
    the_game = game("Reds,Blues", questions=sample_questions()[:1])
    clock = FakeClock()
    app = TeamsApp(the_game, clock=clock)
    async with app.run_test(size=(90, 40)) as pilot:
        right = the_game.question.correct[0]
        await team_presses(pilot, clock, str(right + 1))
        await team_presses(pilot, clock, str(right + 1))
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#team-turn") == "A tie: Reds and Blues, 1,000 points each!"
        board = text_of(app, "#scoreboard")
        assert "1. Reds  1,000" in board and "1. Blues  1,000" in board


@pytest.mark.parametrize("names", ["Reds", "Reds,reds", ",,", "A,B,C,D,E,F,G,H,I"])
def test_bad_team_lists_are_usage_errors(names: str) -> None:
    with pytest.raises(UsageError):
        game(names)


async def test_at_80x24_the_scoreboard_stays_on_screen_with_the_reveal() -> None:
    the_game = game("Reds,Blues,Greens,Yellows")
    clock = FakeClock()
    app = TeamsApp(the_game, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        right = the_game.question.correct[0]
        for _ in the_game.teams:
            await team_presses(pilot, clock, str(right + 1))
        screen = app.screen.region
        board = app.screen.query_one("#scoreboard", Static)
        reveal = app.screen.query_one("#team-reveal", Static)
        assert "Yellows" in str(reveal.render())
        # Both the whole scoreboard and the reveal's last line are in view, side by side.
        assert screen.contains_region(board.region) and board.region.height >= 6
        assert "Yellows" in str(board.render())
        body = app.screen.query_one("#teams-body")
        body.scroll_end(animate=False)
        await pilot.pause()
        assert screen.contains_region(board.region)
        assert not board.region.overlaps(reveal.region)


async def test_help_lists_the_keys_of_team_play() -> None:
    from quiz.tui.screens.help import HelpScreen

    app = TeamsApp(game(), clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "? Help" in screen_lines(app)[-1].replace("  ", " ")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows or []
        assert ("Teams", "Enter / Space / n", "Next question, after the reveal") in rows
        assert any(where == "Choices" for where, _, _ in rows)
        assert not any(where in ("Menu", "Round summary") for where, _, _ in rows)  # solo's
        await pilot.press("escape")
        assert isinstance(app.screen, TeamsScreen)
