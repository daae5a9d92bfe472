"""`quiz play --teams`: teams answer in turn at one keyboard, through Pilot."""

from __future__ import annotations

import pytest
from classroom_helpers import sample_questions
from textual.widgets import Static

from quiz.classroom.deck import prepare
from quiz.classroom.team_game import TeamGame
from quiz.errors import UsageError
from quiz.tui.teams import TeamsApp


def game(names: str = "Reds,Blues,[b]Greens[/b]") -> TeamGame:
    return TeamGame.from_names(names, prepare(sample_questions(), seconds=20, seed=2))


async def test_teams_take_turns_and_the_scoreboard_keeps_score() -> None:
    the_game = game()
    app = TeamsApp(the_game)
    async with app.run_test(size=(90, 40)) as pilot:
        right = the_game.question.correct[0]
        wrong = (right + 1) % 4
        assert "Reds" in str(app.query_one("#team-turn", Static).render())
        await pilot.press(str(right + 1), str(wrong + 1), str(right + 1))
        assert app.revealed
        reveal = str(app.query_one("#team-reveal", Static).render())
        assert "✓ Reds" in reveal and "✗ Blues" in reveal and "✓ [b]Greens[/b]" in reveal
        assert [t.score for t in the_game.teams] == [1000, 0, 1000]

        await pilot.press("space")  # true/false
        right = the_game.question.correct[0]
        await pilot.press(str(right + 1), str(right + 1), str(2 - right))
        await pilot.press("space")  # multiple: Reds all right, Blues one of two, Greens none
        correct = the_game.question.correct
        await pilot.press(*(str(i + 1) for i in correct), "enter")
        await pilot.press(str(correct[0] + 1), "enter")
        other = next(i for i in range(4) if i not in correct)
        await pilot.press(str(other + 1), "enter")
        assert the_game.teams[1].last_points == 500 and not the_game.teams[1].last_correct
        await pilot.press("space")  # typed
        for text in ("Unite", "unite the union", "Unison"):
            await pilot.press(*text, "enter")
        assert [t.last_correct for t in the_game.teams] == [True, True, False]
        await pilot.press("space")
        assert the_game.over
        board = str(app.query_one("#scoreboard", Static).render())
        # Reds: four right in a row: 4 × 1000 + streak 100 + 200 + 300.
        assert "1. Reds  4600" in board
        assert "Reds" in str(app.query_one("#team-turn", Static).render())


@pytest.mark.parametrize("names", ["Reds", "Reds,reds", ",,", "A,B,C,D,E,F,G,H,I"])
def test_bad_team_lists_are_usage_errors(names: str) -> None:
    with pytest.raises(UsageError):
        game(names)


async def test_at_80x24_the_scoreboard_stays_on_screen_with_the_reveal() -> None:
    the_game = game("Reds,Blues,Greens,Yellows")
    app = TeamsApp(the_game)
    async with app.run_test(size=(80, 24)) as pilot:
        right = the_game.question.correct[0]
        await pilot.press(*(str(right + 1) for _ in the_game.teams))
        await pilot.pause()
        screen = app.screen.region
        board = app.query_one("#scoreboard", Static)
        reveal = app.query_one("#team-reveal", Static)
        assert "Yellows" in str(reveal.render())
        # Both the whole scoreboard and the reveal's last line are in view, side by side.
        assert screen.contains_region(board.region) and board.region.height >= 6
        assert "Yellows" in str(board.render())
        body = app.query_one("#teams-body")
        body.scroll_end(animate=False)
        await pilot.pause()
        assert screen.contains_region(board.region)
        assert not board.region.overlaps(reveal.region)
