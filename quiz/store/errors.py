"""Errors from the save files: each message is one line and names the file it is about."""

from __future__ import annotations

from quiz.errors import QuizError


class SaveError(QuizError):
    """A save file could not be read, written or understood; the message names the file."""


class NewerSaveError(SaveError):
    """A save file was written by a newer quiz. It is refused and never rewritten."""


class PlayerNameError(SaveError):
    """A player name that can't be used (empty, or already taken)."""


class BadFile(Exception):
    """A save file that can't be used (damaged, cut short, not a regular file…): the message
    says why, in a few words. Internal to quiz.store: readers turn it into a recovery."""
