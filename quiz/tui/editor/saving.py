"""Writing a pack file so that a crash never leaves it half-written."""

from __future__ import annotations

from pathlib import Path

from quiz.durable import write_durably


def write_text_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a crash leaves either the old file or the new one,
    keeping an existing file's permissions (`quiz.durable.write_durably`)."""
    write_durably(path, text)
