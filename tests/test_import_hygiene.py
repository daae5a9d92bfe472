"""The core layers never import Textual: checked in a fresh interpreter for each."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "quiz.packs",
    "quiz.game",
    "quiz.store",
    "quiz.classroom",
]


def _walk(package: str) -> list[str]:
    import importlib
    import pkgutil

    module = importlib.import_module(package)
    names = [package]
    for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}."):
        names.append(info.name)
    return names


@pytest.mark.parametrize("package", CORE_MODULES)
def test_core_layer_never_imports_textual(package: str) -> None:
    modules = _walk(package)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{package} imported {result.stdout.strip()}"


def test_pack_commands_never_import_textual() -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        "try:\n"
        "    main(['pack', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "False"
