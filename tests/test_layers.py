"""The layer contracts say what the design says, and `lint-imports` really enforces them:
each test plants one forbidden import in a copy of the package and expects it reported."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_the_layers_run_from_commands_down_to_the_shared_leaf_modules() -> None:
    layers = contracts()["layers"]
    assert layers["containers"] == ["quiz"]
    assert layers["layers"] == [
        "__main__",
        "cli",
        "commands",
        "tui | plain",
        "classroom",
        "store",
        "game",
        "packs",
        "durable | errors | name_identity | checkout",
        "safe_text",
    ]
    assert layers["exhaustive"] is True


def test_textual_and_rich_are_for_quiz_tui_only() -> None:
    contract = contracts()["no-textual"]
    assert sorted(contract["forbidden_modules"]) == ["rich", "textual", "textual_plotext"]
    assert sorted(contract["source_modules"]) == [
        "quiz.__main__",
        "quiz.checkout",
        "quiz.classroom",
        "quiz.cli",
        "quiz.commands",
        "quiz.durable",
        "quiz.errors",
        "quiz.game",
        "quiz.name_identity",
        "quiz.packs",
        "quiz.plain",
        "quiz.safe_text",
        "quiz.store",
    ]


def test_nothing_below_the_commands_sees_argparse() -> None:
    contract = contracts()["no-argparse"]
    assert contract["forbidden_modules"] == ["argparse"]
    assert sorted(contract["source_modules"]) == [
        "quiz.checkout",
        "quiz.classroom",
        "quiz.durable",
        "quiz.errors",
        "quiz.game",
        "quiz.name_identity",
        "quiz.packs",
        "quiz.plain",
        "quiz.safe_text",
        "quiz.store",
        "quiz.tui",
    ]


def lint_copy_with(tmp_path: Path, module: str, code: str) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on a copy of the package with `code` appended to `module`."""
    shutil.copytree(ROOT / "quiz", tmp_path / "quiz", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    path = tmp_path / module
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        file.write("\n" + code)
    lint_imports = shutil.which("lint-imports") or str(
        Path(sys.executable).with_name("lint-imports")
    )
    return subprocess.run(
        [lint_imports, "--no-cache", "--no-logo"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},  # the copy, not the installed package
    )


@pytest.mark.parametrize(
    ("module", "code", "reported"),
    [
        # An import inside a function counts: the core never reaches Textual.
        ("quiz/game/scoring.py", "def _late() -> None:\n    import textual\n", "textual"),
        ("quiz/packs/loader.py", "def _late() -> None:\n    import rich\n", "rich"),
        ("quiz/commands/scores.py", "from rich.console import Console\n", "rich"),
        ("quiz/store/paths.py", "import argparse\n", "argparse"),
        ("quiz/tui/app.py", "import argparse\n", "argparse"),
        # Front ends don't import each other.
        ("quiz/plain/play.py", "from quiz.tui import text\n", "quiz.tui.text"),
        ("quiz/tui/app.py", "from quiz.plain import join\n", "quiz.plain.join"),
        # A lower layer never imports a higher one.
        ("quiz/packs/loader.py", "def _late() -> None:\n    import quiz.store\n", "quiz.store"),
        ("quiz/game/round.py", "from quiz.classroom import protocol\n", "quiz.classroom"),
        ("quiz/errors.py", "from quiz.packs import catalog\n", "quiz.packs.catalog"),
        ("quiz/classroom/deck.py", "from quiz.commands import common\n", "quiz.commands"),
    ],
)
def test_a_forbidden_import_is_reported(
    tmp_path: Path, module: str, code: str, reported: str
) -> None:
    importer = module.removesuffix(".py").replace("/", ".")
    result = lint_copy_with(tmp_path, module, code)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{importer} -> {reported}" in result.stdout, result.stdout


def test_a_new_top_level_module_must_be_given_a_layer(tmp_path: Path) -> None:
    result = lint_copy_with(tmp_path, "quiz/helpers.py", '"""Unplaced."""\n')
    assert result.returncode == 1, result.stdout + result.stderr
    assert "quiz.helpers" in result.stdout + result.stderr
