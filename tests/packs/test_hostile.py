"""Hostile pack files: each gets one clear PackError (and exit 1 from the CLI), never a crash.

Memory is checked loosely with tracemalloc; time is not asserted (that is bench/'s job).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.packs.errors import PackError, Problem
from quiz.packs.loader import MAX_PACK_BYTES, load_pack

WritePack = Callable[..., Path]
MEMORY_LIMIT = 200 * 1024 * 1024

HEADER = '[pack]\nid = "hostile"\ntitle = "Hostile"\n'
HOSTILE_TEXTS = {
    "dotted key with thousands of parts": HEADER + "a" + ".a" * 5_000 + " = 1\n",
    "deeply nested arrays": HEADER + "a = " + "[" * 50_000 + "]" * 50_000 + "\n",
    "deeply nested inline tables": HEADER + "a = " + "{ b = " * 5_000 + "1" + " }" * 5_000,
    "5,000-digit integer": HEADER + "a = " + "9" * 5_000 + "\n",
}


def only_problem(path: Path) -> Problem:
    tracemalloc.start()
    try:
        with pytest.raises(PackError) as caught:
            load_pack(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT, f"peak {peak / 1e6:.0f} MB"
    assert len(caught.value.problems) == 1, caught.value.problems
    problem = caught.value.problems[0]
    assert problem.file == str(path)
    return problem


@pytest.mark.parametrize("case", sorted(HOSTILE_TEXTS))
def test_hostile_toml_is_one_located_problem(case: str, write_pack: WritePack) -> None:
    problem = only_problem(write_pack(HOSTILE_TEXTS[case]))
    assert problem.line == 4
    assert problem.message


def test_dotted_key_message_says_what_is_wrong(write_pack: WritePack) -> None:
    problem = only_problem(write_pack(HOSTILE_TEXTS["dotted key with thousands of parts"]))
    assert "key" in problem.message and "parts" in problem.message


def test_long_integer_message_says_what_is_wrong(write_pack: WritePack) -> None:
    problem = only_problem(write_pack(HOSTILE_TEXTS["5,000-digit integer"]))
    assert problem.message.startswith("number too long")


@pytest.mark.parametrize(
    "number", ["1." + "1" * 3_000_000, "0x" + "f" * 3_000_000, "1e" + "9" * 9_000]
)
def test_huge_number_token_is_refused_before_parsing(number: str, write_pack: WritePack) -> None:
    # tomli's number patterns would backtrack through gigabytes on a token this long.
    problem = only_problem(write_pack(HEADER + "# fine\n\na = " + number + "\n"))
    assert problem.line == 6
    assert problem.message.startswith("number too long")


@pytest.mark.parametrize("unit", ["{},", "[],", '"ab",', "1.5,"])
def test_millions_of_tiny_values_are_refused_before_parsing(
    unit: str, write_pack: WritePack
) -> None:
    # Each tiny value costs ~100 bytes once parsed: 4 million would take ~400 MB.
    problem = only_problem(write_pack(HEADER + "a = [" + unit * 4_000_000 + "]\n"))
    assert problem.message.startswith("too many values")


def test_unknown_key_holding_a_big_array_is_located(write_pack: WritePack) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(write_pack(HEADER + "a = [" + "1," * 100_000 + "]\n"))
    [problem] = caught.value.problems
    assert (problem.line, problem.key) == (4, "pack.a")


def test_file_over_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_PACK_BYTES + 1)  # sparse: costs no disk
    problem = only_problem(path)
    assert "at most 20 MB" in problem.message


def test_invalid_utf8_names_the_line(write_pack: WritePack) -> None:
    problem = only_problem(write_pack(HEADER.encode() + b'description = "caf\xe9"\n'))
    assert problem.line == 4
    assert "not valid UTF-8 (byte 0xe9 at column 19)" in problem.message


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_empty_file(content: bytes, write_pack: WritePack) -> None:
    problem = only_problem(write_pack(content))
    assert "empty" in problem.message


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "pack.toml"
    folder.mkdir()
    assert "is a directory" in only_problem(folder).message


def test_missing_file(tmp_path: Path) -> None:
    assert only_problem(tmp_path / "nowhere.toml").message == "no such file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    assert "not a regular file" in only_problem(pipe).message


def test_too_many_questions_is_refused_before_validating_each(write_pack: WritePack) -> None:
    text = HEADER + '[[questions]]\nid = "q"\n' * 20_001
    problem = only_problem(write_pack(text))
    assert problem.key == "questions"
    assert "at most 20,000" in problem.message


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", "pack", "check", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "case", ["dotted key with thousands of parts", "deeply nested arrays", "5,000-digit integer"]
)
def test_cli_check_exits_1_without_traceback(case: str, write_pack: WritePack) -> None:
    path = write_pack(HOSTILE_TEXTS[case])
    result = run_check(str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.startswith(f"{path}:4: ")
    assert len(result.stdout.splitlines()) == 1


def test_cli_check_of_missing_file_and_directory(tmp_path: Path) -> None:
    result = run_check(str(tmp_path / "gone.toml"), str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'gone.toml'}: no such file",
        f"{tmp_path}: is a directory, not a pack file (give a .toml file)",
    ]
