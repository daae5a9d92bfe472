"""The package as a user gets it: a wheel built with `pip wheel . --no-deps`, installed into
a fresh venv (its dependencies from the package index, as the README's commands get them),
run from a folder outside the checkout with its own HOME and data folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the build reads; copied so that building never writes into the checkout.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "quiz", "questions")
# Variables that would point the installed quiz back at the checkout or the test's folders.
LEAKY = ("QUIZ_SAVES_DIR", "QUIZ_CACHE_DIR", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def build_wheel(workspace: Path) -> Path:
    source = workspace / "source"
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    dist = workspace / "dist"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w", str(dist)]
    run([*pip_wheel, "-q"], cwd=source)
    (wheel,) = dist.glob("quiz-*.whl")
    return wheel


def install_into_new_venv(wheel: Path, venv: Path) -> Path:
    """The venv's bin folder, with quiz installed from `wheel`."""
    run([sys.executable, "-m", "venv", str(venv)])
    bin_dir = venv / "bin"
    run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)])
    return bin_dir


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if "__pycache__" not in p.parts}


def test_wheel_installed_in_a_fresh_venv_lists_checks_shows_and_plays(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    bin_dir = install_into_new_venv(wheel, tmp_path / "venv")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in LEAKY}
    env |= {
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "NO_COLOR": "1",
    }

    def quiz(*args: str, stdin: str | None = None) -> str:
        return run([str(bin_dir / "quiz"), *args], cwd=elsewhere, env=env, input=stdin).stdout

    python = str(bin_dir / "python")
    where = run([python, "-c", "import quiz; print(quiz.__file__)"], cwd=elsewhere, env=env)
    package = Path(where.stdout.strip()).parent
    assert package.parent.name == "site-packages"
    assert package.is_relative_to(tmp_path / "venv")
    assert (package / "py.typed").is_file()
    # Every pack of questions/ and the schema, byte for byte; not the authors' README.
    shipped = sorted(p.name for p in (package / "data").iterdir())
    authored = sorted([p.name for p in (ROOT / "questions").glob("*.toml")] + ["pack.schema.json"])
    assert "labour-2010.toml" in shipped
    assert shipped == authored
    for name in shipped:
        assert (package / "data" / name).read_bytes() == (ROOT / "questions" / name).read_bytes()
    # The student page `quiz host` serves, and it loads from the installed package.
    page = package / "classroom" / "web" / "student.html"
    assert page.read_bytes() == (ROOT / "quiz" / "classroom" / "web" / "student.html").read_bytes()
    loads = "from quiz.classroom.web.page import student_page; print(len(student_page().body))"
    assert int(run([python, "-c", loads], cwd=elsewhere, env=env).stdout) > 10_000
    installed_files = files_under(package.parent)

    listing = quiz("pack", "list")
    assert "labour-2010  Labour’s 2010 leadership race" in listing
    assert str(package / "data" / "labour-2010.toml") in listing

    checked = quiz("pack", "check", "labour-2010")
    assert checked.startswith(f"{package / 'data' / 'labour-2010.toml'}: OK (")

    shown = quiz("pack", "show", "--count", "3")
    assert shown.startswith("Labour’s 2010 leadership race (labour-2010): 3 of ")
    assert shown.count("\n   Answer: ") == 3

    schema = quiz("pack", "schema")
    assert schema == (package / "data" / "pack.schema.json").read_text(encoding="utf-8")
    assert schema == (ROOT / "questions" / "pack.schema.json").read_text(encoding="utf-8")

    played = quiz(
        "play", "--plain", "--seed", "7", "--count", "3", "--player", "Wheel", stdin="1\n2\n3\n"
    )
    assert "Question 3/3" in played
    assert "Round over." in played

    version = run([python, "-m", "quiz", "--version"], cwd=elsewhere, env=env)
    assert version.stdout == "quiz 0.1.0\n"

    # Saves went to the platform data folder, and nothing was written inside site-packages.
    players = tmp_path / "data" / "quiz" / "saves" / "players"
    (player,) = players.iterdir()
    assert player.name.startswith("wheel-")
    assert (player / "history" / "0000" / "rounds-000001.toml").is_file()
    assert files_under(package.parent) == installed_files
    assert sorted(p.name for p in elsewhere.iterdir()) == []
