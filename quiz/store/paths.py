"""Where saves live, and how a player's free-text name becomes a safe folder name."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

from quiz.name_identity import PLAYER_NAME_LENGTH, NameRefused, name_key, player_name
from quiz.store.errors import PlayerNameError

ENV_VAR = "QUIZ_SAVES_DIR"
MAX_NAME_LENGTH = PLAYER_NAME_LENGTH
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
    """The name as stored (quiz.name_identity.player_name): terminal controls and invisible
    characters removed, spaces collapsed, NFC, at most MAX_NAME_LENGTH characters. Raises
    PlayerNameError for a name with no visible letter or digit."""
    try:
        return player_name(raw)
    except NameRefused as error:
        raise PlayerNameError(str(error)) from None


def player_key(name: str) -> str:
    """Identity of a player: names that look the same (case, fullwidth forms, look-alike
    letters of other scripts) are the same player (quiz.name_identity.name_key)."""
    return name_key(name)


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
