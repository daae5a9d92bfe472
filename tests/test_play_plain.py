"""`quiz play --plain`: a real subprocess with piped stdin, and in-process runs with a fake
clock for the timed parts."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quiz.game.options import RoundOptions
from quiz.plain.play import run_plain

MINI = Path(__file__).parent / "game" / "packs" / "mini.toml"


def play(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", "play", "--plain", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )


def without_time(output: str) -> list[str]:
    return [line for line in output.splitlines() if not line.startswith("Time:")]


def test_the_printf_example_plays_three_questions() -> None:
    run = play("--seed", "7", "--count", "3", "--pack", str(MINI), stdin="1\n2\n3\n")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    out = run.stdout
    assert "Question 1/3" in out
    assert "Round over." in out
    assert "Score: " in out and "Best streak: " in out and "Review:" in out


def test_same_seed_same_game(tmp_path: Path) -> None:
    args = ("--seed", "11", "--count", "5", "--pack", str(MINI))
    first = play(*args, "--saves", str(tmp_path / "a"), stdin="1\n1\n1\n1\n1\n")
    second = play(*args, "--saves", str(tmp_path / "b"), stdin="1\n1\n1\n1\n1\n")
    assert first.returncode == second.returncode == 0
    assert without_time(first.stdout) == without_time(second.stdout)
    other = play("--seed", "12", *args[2:], "--saves", str(tmp_path / "c"), stdin="1\n" * 5)
    assert without_time(other.stdout) != without_time(first.stdout)


ONE_QUESTION = """
[pack]
id = "one"
title = "One question"

[[questions]]
id = "q"
type = "single"
prompt = "Pick the second"
choices = ["first", "second", "third"]
answer = "second"
"""


@pytest.mark.parametrize("answer", ["2", "b", "B", " b "])
def test_choices_answer_by_number_or_letter(tmp_path: Path, answer: str) -> None:
    pack = tmp_path / "one.toml"
    pack.write_text(ONE_QUESTION, encoding="utf-8")
    run = play("--seed", "1", "--pack", str(pack), stdin=f"{answer}\n")
    assert run.returncode == 0, run.stderr
    assert "Answer with a number 1-3 or a letter A-C:" in run.stdout
    assert "  1) A. " in run.stdout and "  3) C. " in run.stdout
    assert "✓ Correct!" in run.stdout


def test_invalid_input_gets_a_hint_and_the_question_again() -> None:
    run = play("--seed", "7", "--count", "1", "--pack", str(MINI), stdin="zzz\n\n")
    assert run.returncode == 0
    hints = [line for line in run.stdout.splitlines() if line.startswith("Not understood")]
    assert len(hints) == 2
    assert run.stdout.count("Question 1/1") == 1


def test_end_of_input_mid_round_ends_cleanly() -> None:
    run = play("--seed", "7", "--count", "3", "--pack", str(MINI), stdin="1b 2c 3a\n")
    assert run.returncode == 0, run.stderr
    assert "End of input: the round ends here." in run.stdout
    assert "Correct: 1 of 1 answered (100%), 2 not answered" in run.stdout
    assert run.stdout.count("Not answered:") == 2
    assert "Traceback" not in run.stderr


def test_empty_input_still_prints_a_summary() -> None:
    run = play("--seed", "7", "--pack", str(MINI), stdin="")
    assert run.returncode == 0
    assert "Round over." in run.stdout and "0 of 0 answered" in run.stdout


def test_round_is_recorded_in_the_save_files(isolated_saves: Path) -> None:
    run = play(
        "--seed", "7", "--count", "3", "--pack", str(MINI), "--player", "Ann", stdin="1b 2c 3a\n"
    )
    assert run.returncode == 0, run.stderr
    assert "New high score!" in run.stdout
    histories = [
        path for path in (isolated_saves / "players").rglob("*.toml") if "history" in path.parts
    ]
    assert histories, "the round was not recorded"
    assert 'question_id = "match"' in "".join(path.read_text() for path in histories)


def test_missing_pack_is_one_line_error() -> None:
    run = play("--pack", "/nonexistent/pack.toml", stdin="")
    assert run.returncode == 1
    assert run.stderr.startswith("quiz: ") and len(run.stderr.splitlines()) == 1


def test_bad_count_is_a_usage_error() -> None:
    run = play("--count", "0", "--pack", str(MINI), stdin="")
    assert run.returncode == 2 and "--count" in run.stderr


HOSTILE = """
[pack]
id = "hostile"
title = "Evil \\u001b[31mred\\u001b[0m pack"

[[questions]]
id = "evil"
type = "single"
prompt = "Pick [@click=app.quit]x[/] \\u009b2J\\u202e now\\u0000"
choices = ["\\u001b]8;;http://x\\u0007link\\u001b]8;;\\u0007", "[/]", "plain"]
answer = "plain"
explanation = "Because \\u001b[2J."

[[questions]]
id = "evil-number"
type = "numeric"
prompt = "How many?"
answer = 3
unit = "seats\\u001b[31m"
"""


def test_pack_text_is_printed_without_control_characters(tmp_path: Path) -> None:
    pack = tmp_path / "hostile.toml"
    pack.write_text(HOSTILE, encoding="utf-8")
    run = play("--seed", "1", "--pack", str(pack), stdin="PLAIN\n3\nPLAIN\n")
    assert run.returncode == 0, run.stderr
    for bad in ("\x1b", "\x9b", "\u202e", "\x00", "\x07"):
        assert bad not in run.stdout
    assert "Pick [@click=app.quit]x[/] 2J now" in run.stdout  # markup shown literally
    assert "✓ Correct!" in run.stdout
    assert "Type a number (seats):" in run.stdout


class SteppingClock:
    """A fake clock that moves on by `step` seconds each time an answer line is read."""

    def __init__(self, step: float) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        return self.now


class ClockedInput(io.StringIO):
    def __init__(self, text: str, clock: SteppingClock) -> None:
        super().__init__(text)
        self.clock = clock

    def __next__(self) -> str:
        self.clock.now += self.clock.step
        return super().__next__()


def options_for(**changes: Any) -> RoundOptions:
    defaults: dict[str, Any] = {
        "pack": str(MINI),
        "mode": "classic",
        "count": 3,
        "seed": 7,
        "time_limit": None,
        "speed": True,
        "player": "Tester",
    }
    defaults.update(changes)
    return RoundOptions(**defaults)


def run_in_process(options: RoundOptions, text: str, step: float) -> str:
    clock = SteppingClock(step)
    out = io.StringIO()
    assert run_plain(options, stdin=ClockedInput(text, clock), stdout=out, clock=clock) == 0
    return out.getvalue()


def test_plain_has_no_timeouts_unless_time_is_given() -> None:
    answers = "1b 2a 3c\n258\n2 1 3\n"
    slow = run_in_process(options_for(), answers, step=100.0)
    assert "Time's up" not in slow
    assert "✓ Correct! +500 points." in slow  # still speed-scored: slowest is 500
    timed = run_in_process(options_for(time_limit=10), answers, step=100.0)
    assert timed.count("✗ Time's up. 0 points.") == 3


def singles_pack(folder: Path, count: int) -> str:
    """A pack of `count` single-choice questions whose right answer is always "right"."""
    blocks = ['[pack]\nid = "singles"\ntitle = "Singles"\n']
    for number in range(count):
        blocks.append(
            f'[[questions]]\nid = "s{number}"\ntype = "single"\nprompt = "Question s{number}"\n'
            'choices = ["right", "wrong one", "wrong two", "wrong three"]\nanswer = "right"\n'
        )
    path = folder / "singles.toml"
    path.write_text("\n".join(blocks), encoding="utf-8")
    return str(path)


def test_plain_fifty_fifty(tmp_path: Path) -> None:
    pack = singles_pack(tmp_path, 2)
    out = run_in_process(
        options_for(pack=pack, count=2, speed=False), "50:50\nright\n50\nright\n", 1
    )
    removed = "50:50: 2 wrong answers removed, 1 wrong answer left. This question now scores half."
    assert out.count(removed) == 1
    after = out.split(removed)[1].split("Answer with")[0]
    assert "  1) A. " in after and "  2) B. " in after and "  3) C. " not in after
    assert "✓ Correct! +500 points (halved by the 50:50)." in out
    assert "You have used your 50:50 in this round." in out
    assert "Score: 1600" in out  # 500 halved, then 1000 + a streak bonus of 100


def test_plain_fifty_fifty_follows_the_game_rule_and_says_why_not(tmp_path: Path) -> None:
    path = tmp_path / "small.toml"
    path.write_text(
        '[pack]\nid = "small"\ntitle = "Small"\n\n'
        '[[questions]]\nid = "three"\ntype = "single"\nprompt = "Three?"\n'
        'choices = ["right", "wrong one", "wrong two"]\nanswer = "right"\n\n'
        '[[questions]]\nid = "two"\ntype = "single"\nprompt = "Two?"\n'
        'choices = ["right", "wrong"]\nanswer = "right"\n\n'
        '[[questions]]\nid = "tf"\ntype = "true_false"\nprompt = "True?"\nanswer = true\n',
        encoding="utf-8",
    )
    answers = "".join(f"50:50\n{answer}\n" for answer in ("1", "1", "1"))
    out = run_in_process(options_for(pack=str(path), count=3, seed=1), answers, 1)
    assert "50:50: 1 wrong answer removed, 1 wrong answer left." in out
    assert "The 50:50 needs two wrong choices to leave one; this question has only one." in out
    assert "The 50:50 works on single and multiple answer questions only." in out


def test_plain_blitz_ends_after_sixty_seconds(tmp_path: Path) -> None:
    pack = singles_pack(tmp_path, 20)
    blitz = options_for(pack=pack, mode="blitz", count=None)
    out = run_in_process(blitz, "right\n" * 20, step=25.0)
    assert "the round's time ran out, so this answer is not counted" in out
    assert "Question 3" in out and "Question 4" not in out
    assert "Correct: 2 of 2 answered (100%)" in out


def test_plain_sudden_death_stops_at_first_miss() -> None:
    out = run_in_process(options_for(mode="sudden_death", count=None, seed=7), "1a 2b 3c\n", step=1)
    assert "Question 2/" not in out
    assert "Round over." in out


def test_the_printf_example_against_the_bundled_bank() -> None:
    run = play("--seed", "7", "--count", "3", stdin="1\n2\n3\n")
    assert run.returncode == 0, run.stderr
    assert "Question 1/3" in run.stdout and "Round over." in run.stdout
    assert "Score: " in run.stdout


@pytest.mark.parametrize("mode", ["classic", "blitz", "sudden_death", "daily", "practice"])
def test_every_mode_plays_the_bundled_bank(mode: str) -> None:
    run = play("--mode", mode, "--seed", "2", stdin="1\n" * 40)
    assert run.returncode == 0, run.stderr
    assert "Question 1" in run.stdout and "Round over." in run.stdout
    assert "Traceback" not in run.stderr


def test_plain_and_teams_cannot_be_combined() -> None:
    run = play("--teams", "Reds,Blues", stdin="")
    assert run.returncode == 1
    assert run.stderr.strip() == "quiz: --plain and --teams cannot be combined"


def test_quit_leaves_with_a_summary_and_no_replay_offer() -> None:
    out = run_in_process(options_for(), "1a 2b 3c\nquit\ny\n", step=1.0)
    assert "You left the round." in out and "Round over." in out
    assert "again? (y/n)" not in out


def test_missed_questions_can_be_played_again() -> None:
    out = run_in_process(options_for(count=3), "1a 2b 3c\n258\n1 2 3\ny\n1b 2c 3a\n", step=1.0)
    assert "Play the " in out and "missed question(s) again? (y/n):" in out
    replay = out.split("missed question(s) again? (y/n):", 1)[1]
    assert "Question 1/2" in replay and "✓ Correct!" in replay  # the matching and ordering


QUOTED = """
[pack]
id = "quoted"
title = "Quoted"
[pack.source]
title = "A blog post"

[[questions]]
id = "q"
type = "single"
prompt = "Pick the second"
choices = ["first", "second", "third"]
answer = "second"
explanation = "The post says “the second is best”, plainly."
quote = "the second is best"
"""


def test_a_quote_the_explanation_already_gives_is_not_printed_twice(tmp_path: Path) -> None:
    pack = tmp_path / "quoted.toml"
    pack.write_text(QUOTED, encoding="utf-8")
    run = play("--seed", "1", "--pack", str(pack), stdin="2\n")
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("the second is best") == 1
    assert "Why: The post says “the second is best”, plainly.\n— A blog post\n" in run.stdout
    pack.write_text(QUOTED.replace("the second is best”", "it is second”"), encoding="utf-8")
    run = play("--seed", "1", "--pack", str(pack), stdin="2\n")
    assert "“the second is best” — A blog post\n" in run.stdout  # a quote it does not give
