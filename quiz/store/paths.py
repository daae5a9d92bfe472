"""Where saves live, and how a player's free-text name becomes a safe folder name."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

from quiz.safe_text import safe_text
from quiz.store.errors import PlayerNameError

ENV_VAR = "QUIZ_SAVES_DIR"
MAX_NAME_LENGTH = 64
_SLUG_LENGTH = 24
# Device names Windows reserves in any folder, with or without an extension.
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{n}" for n in range(10)] + [f"lpt{n}" for n in range(10)]
)


def resolve_saves_dir(cli_value: str | None) -> Path:
    """The saves folder, chosen in this documented order (first that applies wins):

    1. `cli_value` (from `--saves DIR`);
    2. the `QUIZ_SAVES_DIR` environment variable, when set and non-empty;
    3. the checkout's `saves/` folder, when quiz runs from a source checkout (the folder above
       the `quiz` package holds pyproject.toml, questions/ and saves/);
    4. the platform's user data folder for "quiz" (platformdirs), subfolder `saves`.

    The folder is not created here; the store creates it on the first write.
    """
    if cli_value:
        return Path(cli_value).expanduser()
    from_env = os.environ.get(ENV_VAR, "")
    if from_env:
        return Path(from_env).expanduser()
    checkout = source_checkout_saves()
    if checkout is not None:
        return checkout
    import platformdirs

    return platformdirs.user_data_path("quiz", appauthor=False) / "saves"


def source_checkout_saves() -> Path | None:
    """The checkout's saves/ folder when quiz runs from a source tree that has one, else None."""
    from quiz.checkout import source_checkout

    root = source_checkout()
    if root is not None and (root / "saves").is_dir():
        return root / "saves"
    return None


def clean_player_name(raw: str) -> str:
    """The name as stored: control characters removed, spaces collapsed, NFC, at most
    MAX_NAME_LENGTH characters. Raises PlayerNameError for a name that is empty after that."""
    name = unicodedata.normalize("NFC", safe_text(raw, single_line=True)).strip()
    name = name[:MAX_NAME_LENGTH].strip()
    if not name:
        raise PlayerNameError("a player name can't be empty; type at least one letter or digit")
    return name


def player_key(name: str) -> str:
    """Identity of a player: names differing only in case are the same player."""
    return unicodedata.normalize("NFC", name.casefold())


def player_folder_name(name: str) -> str:
    """A folder name safe on every platform: an ASCII slug plus a short hash of the name.

    The slug keeps folders recognisable; the hash keeps distinct names distinct and makes
    names like "../../etc/passwd", "CON" or "" -> "player" harmless.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:_SLUG_LENGTH].strip("-")
    if not slug:
        slug = "player"
    if slug in _WINDOWS_RESERVED:
        slug = f"p-{slug}"
    digest = hashlib.sha256(player_key(name).encode()).hexdigest()[:10]
    return f"{slug}-{digest}"
