"""`quiz pack check` prints lint warnings with their lines; only --strict makes them fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BANK = Path(__file__).resolve().parents[2] / "questions" / "labour-2010.toml"

LINTY = """\
[pack]
id = "lintme"
title = "Lint me"

[[questions]]
id = "q1"
type = "single"
prompt = "Who is Ed Balls backed by?"
choices = ["Unite, the union that sponsors fifty Labour MPs", "GMB", "RMT"]
answer = "Unite, the union that sponsors fifty Labour MPs"
"""


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", "pack", "check", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_warnings_are_located_and_do_not_fail_the_check(tmp_path: Path) -> None:
    pack = tmp_path / "linty.toml"
    pack.write_text(LINTY, encoding="utf-8")
    result = _check(str(pack))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"{pack}:5: warning: questions[0].explanation: no explanation" in lines[0]
    four = "question q1: 3 choices; a single-choice question has 4"
    assert lines[1] == f"{pack}:5: warning: questions[0]: {four}"
    assert lines[2].startswith(
        f"{pack}:10: warning: questions[0].answer: the answer is much longer"
    )
    assert lines[-1] == f"{pack}: OK (1 questions, 3 warnings)"


def test_strict_turns_warnings_into_a_failure(tmp_path: Path) -> None:
    pack = tmp_path / "linty.toml"
    pack.write_text(LINTY, encoding="utf-8")
    result = _check(str(pack), "--strict")
    assert result.returncode == 1
    assert "OK" not in result.stdout
    assert result.stdout.count(": warning: ") == 3


def test_the_bundled_bank_passes_strict_with_zero_warnings() -> None:
    article = BANK.parents[2] / "shared" / "source-article.txt"
    # With the article beside the checkout (as CI has it) every quote is checked against it
    # too; without it (a bare clone) the strict lint still runs.
    source = ["--source", str(article)] if article.is_file() else []
    result = _check(str(BANK), "--strict", *source)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == f"{BANK}: OK (145 questions)"
