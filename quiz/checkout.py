"""Whether quiz runs from a source checkout or from an installed package.

A checkout is the folder above the `quiz` package when it holds `pyproject.toml` and the
authors' `questions/` folder. There the bundled packs are read from `questions/` (so an
author's edit shows at once) and saves go to its `saves/`. Installed (in site-packages),
there is no checkout: the packs are the copies the build put in `quiz/data/`, and saves go
to the platform's user data folder.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def source_checkout() -> Path | None:
    """The root of the checkout quiz runs from, or None when it runs installed."""
    root = PACKAGE_DIR.parent
    if (root / "pyproject.toml").is_file() and (root / "questions").is_dir():
        return root
    return None
