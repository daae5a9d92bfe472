"""What import-linter can't see: `quiz` picks a command's module by name at run time, so
these run real commands in a fresh interpreter and look at what was imported.

The static rules (layers, no Textual outside quiz/tui, no argparse below quiz/commands)
are import-linter contracts in pyproject.toml, checked by tests/test_lint.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MINI = Path(__file__).parent / "game" / "packs" / "mini.toml"


def modules_imported_by(argv: list[str], stdin: str = "") -> list[str]:
    """The quiz front-end and Textual modules loaded while `quiz ARGV` ran."""
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "names = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')\n"
        "               or m.startswith(('quiz.tui', 'quiz.plain')))\n"
        "print('IMPORTED ' + ' '.join(names))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input=stdin, capture_output=True, text=True, check=True
    )
    [line] = [line for line in result.stdout.splitlines() if line.startswith("IMPORTED")]
    return line.split()[1:]


def test_pack_commands_never_import_a_front_end() -> None:
    assert modules_imported_by(["pack", "--help"]) == []


def test_plain_play_never_imports_textual(tmp_path: Path) -> None:
    argv = ["play", "--plain", "--pack", str(MINI), "--count", "1", "--saves", str(tmp_path)]
    assert modules_imported_by(argv, stdin="") == ["quiz.plain", "quiz.plain.play"]
