"""`quiz pack check` and `quiz pack list`, run as real commands."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.commands.pack_check import check_pack_file

WritePack = Callable[..., Path]
Replace = Callable[[str, str, str], str]
LineOf = Callable[[str, str], int]
ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "source-article.txt"


def quiz(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, cwd=cwd
    )


def test_good_pack_is_ok_with_its_question_count(good_text: str, write_pack: WritePack) -> None:
    path = write_pack(good_text)
    result = check_pack_file(path)
    assert result.problems == []
    assert result.question_count >= 8  # hand-written ones, plus whatever the facts generate
    run = quiz("pack", "check", str(path))
    assert run.returncode == 0, run.stderr
    assert without_lint(run.stdout) == [f"{path}: OK ({result.question_count} questions)"]


def test_every_problem_of_every_file_is_printed_and_exit_is_1(
    good_text: str, write_pack: WritePack, replace_once: Replace, line_of: LineOf
) -> None:
    broken = replace_once(good_text, 'answer = "David Miliband"', 'answer = "Ed Bals"')
    broken = replace_once(broken, 'object = "ed-balls"', 'object = "ed-ball"')
    good = write_pack(good_text, "good.toml")
    bad = write_pack(broken, "bad.toml")
    object_line = line_of(broken, 'object = "ed-ball"')
    answer_line = line_of(broken, 'answer = "Ed Bals"')
    run = quiz("pack", "check", str(bad), str(good))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert without_lint(run.stdout) == [
        f'{bad}:{object_line}: facts[1].object: unknown entity "ed-ball"; did you mean "ed-balls"?',
        f"{bad}:{answer_line}: questions[0].answer: "
        'answer "Ed Bals" is not one of choices ["David Miliband", "Ed Balls", "Ed Miliband",'
        ' "Jon Cruddas"]; did you mean "Ed Balls"?',
        f"{good}: OK ({check_pack_file(good).question_count} questions)",
    ]


def test_source_option_checks_quotes(
    good_text: str, write_pack: WritePack, replace_once: Replace, line_of: LineOf
) -> None:
    source = write_pack("He’s got Mandy’s support, they said.\n", "article.txt")
    path = write_pack(good_text)
    run = quiz("pack", "check", str(path), "--source", str(source))
    assert run.returncode == 1
    lines = without_lint(run.stdout)
    assert not any("mandy-backs-david" in line or "facts[0]" in line for line in lines)
    hattie_line = line_of(good_text, 'quote = "Hattie’s decision not to run"')
    assert f"{path}:{hattie_line}: questions[2].quote: " in run.stdout
    assert all("quote not found in the source; closest passage" in line for line in lines)


def test_source_quotes_of_the_fixture_are_in_the_real_article(good_text: str) -> None:
    if not ARTICLE.exists():
        pytest.skip(f"the source article is not at {ARTICLE}")
    path = Path(__file__).parent / "fixtures" / "good.toml"
    assert check_pack_file(path, ARTICLE.read_text(encoding="utf-8")).problems == []


def test_missing_source_file_is_a_clear_error(good_text: str, write_pack: WritePack) -> None:
    run = quiz("pack", "check", str(write_pack(good_text)), "--source", "/nonexistent.txt")
    assert run.returncode == 1
    assert run.stderr == "quiz: source /nonexistent.txt: no such file\n"


def test_empty_source_file_is_a_clear_error(good_text: str, write_pack: WritePack) -> None:
    source = write_pack("", "article.txt")
    run = quiz("pack", "check", str(write_pack(good_text)), "--source", str(source))
    assert run.returncode == 1
    assert run.stderr == f"quiz: source {source}: the file is empty\n"


def test_a_bundled_pack_is_checked_by_its_name(tmp_path: Path) -> None:
    bundled = Path(__file__).resolve().parents[2] / "questions" / "labour-2010.toml"
    run = quiz("pack", "check", "labour-2010", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert without_lint(run.stdout)[0].startswith(f"{bundled}: OK (")


def test_an_unknown_pack_name_is_a_problem_and_the_other_packs_are_still_checked(
    good_text: str, write_pack: WritePack
) -> None:
    good = write_pack(good_text)
    run = quiz("pack", "check", "no-such-pack", str(good))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert without_lint(run.stdout) == [
        'no-such-pack: no pack called "no-such-pack"; available packs: labour-2010',
        f"{good}: OK ({check_pack_file(good).question_count} questions)",
    ]


def test_check_needs_a_file() -> None:
    run = quiz("pack", "check")
    assert run.returncode == 2
    assert "FILE" in run.stderr


def test_list_shows_id_title_count_and_file(
    good_text: str, write_pack: WritePack, replace_once: Replace, tmp_path: Path
) -> None:
    write_pack(good_text, "a-good.toml")
    write_pack(replace_once(good_text, 'kind = "union"', 'kind = "guild"'), "b-bad.toml")
    write_pack("not a pack", "notes.txt")
    run = quiz("pack", "list", str(tmp_path), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    header, good, bad, *rest = run.stdout.splitlines()
    assert header.split() == ["ID", "TITLE", "QUESTIONS", "FILE"]
    count = check_pack_file(tmp_path / "a-good.toml").question_count
    assert good.split() == [
        "fixture-good",
        "Fixture:",
        "Labour",
        "leadership",
        "2010",
        str(count),
        "a-good.toml",
    ]
    assert bad.split() == ["b-bad", "(has", "problems)", "-", "b-bad.toml"]
    assert rest[0].startswith("problem: ")
    assert "entities[5].kind" in rest[0]


def test_list_of_a_folder_that_does_not_exist(tmp_path: Path, capsys) -> None:
    assert main(["pack", "list", str(tmp_path / "nope")]) == 1
    assert "not a folder" in capsys.readouterr().err


def without_lint(stdout: str) -> list[str]:
    """The output lines with lint warnings left out (tests/packs/test_cli_check_lint.py
    covers them): this fixture has questions without explanations on purpose."""
    return [
        re.sub(r", \d+ warnings\)$", ")", line)
        for line in stdout.splitlines()
        if ": warning: " not in line
    ]
