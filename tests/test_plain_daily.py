"""`quiz play --plain --mode daily`: the shareable result line, and a replay the same day is
practice."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from quiz.game.options import RoundOptions
from quiz.plain.play import run_plain
from quiz.store import SaveStore


def three_singles(folder: Path) -> str:
    blocks = ['[pack]\nid = "singles"\ntitle = "Singles"\n']
    for number in range(3):
        blocks.append(
            f'[[questions]]\nid = "s{number}"\ntype = "single"\nprompt = "Question s{number}"\n'
            'choices = ["right", "wrong one", "wrong two"]\nanswer = "right"\n'
        )
    path = folder / "singles.toml"
    path.write_text("\n".join(blocks), encoding="utf-8")
    return str(path)


def daily(pack: str, answers: str) -> list[str]:
    options = RoundOptions(pack=pack, mode="daily", count=3, speed=False, player="Ann")
    out = io.StringIO()
    assert run_plain(options, stdin=io.StringIO(answers), stdout=out) == 0
    return out.getvalue().splitlines()


def test_the_daily_summary_ends_with_a_line_to_share(tmp_path: Path) -> None:
    lines = daily(three_singles(tmp_path), "right\nwrong one\nright\n")
    summary = lines[lines.index("Round over.") :]
    share = f"quiz daily {date.today().isoformat()} · 2/3 · 2,000 · ✓✗✓"
    assert share in summary
    assert summary[summary.index(share) - 1] == "     you: right; 1000 points"  # after the review


def test_a_second_daily_the_same_day_is_practice(isolated_saves: Path, tmp_path: Path) -> None:
    pack = three_singles(tmp_path)
    daily(pack, "right\nright\nright\n")
    again = daily(pack, "right\nright\nright\n")
    assert "Today's daily challenge is already scored: this replay is practice." in again
    assert any(line.startswith("Singles — Practice, 3 questions") for line in again)
    assert not any(line.startswith("quiz daily") for line in again)
    assert "New high score!" not in again
    modes = [stored.mode for stored in SaveStore(isolated_saves).history("Ann")]
    assert modes == ["practice", "daily"]
