"""The tree is ruff clean and vulture finds no dead code: part of the test suite so CI and
the README's command check it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    paths = ["quiz", "tests", "bench", "setup.py"]
    result = subprocess.run([ruff, "check", *paths], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_are_kept() -> None:
    """The layer contracts in pyproject.toml ([tool.importlinter]) hold."""
    lint_imports = shutil.which("lint-imports") or str(
        Path(sys.executable).with_name("lint-imports")
    )
    result = subprocess.run(
        [lint_imports, "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_vulture_finds_no_dead_code() -> None:
    """Configured in pyproject.toml [tool.vulture]; Textual and pydantic names it cannot see
    used are in tests/vulture_whitelist.py."""
    vulture = shutil.which("vulture") or str(Path(sys.executable).with_name("vulture"))
    result = subprocess.run([vulture], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean(tmp_path: Path) -> None:
    """Configured in pyproject.toml [tool.mypy]: strict flags for the core layers. A fresh
    cache each time: mypy's incremental cache (with the pydantic plugin) can go stale."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_type_ignore_says_why() -> None:
    """A `# type: ignore[code]` left in the code carries a comment with its reason."""
    unexplained = []
    for path in sorted((ROOT / "quiz").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "# type: ignore" not in line:
                continue
            after = line.split("# type: ignore", 1)[1]
            reason = after.split("]", 1)[1] if after.startswith("[") else after
            if not reason.strip().lstrip("#").strip():
                unexplained.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert unexplained == []
