"""Errors a user can act on. The CLI prints their message in one line and exits non-zero."""

from __future__ import annotations


class QuizError(Exception):
    """A problem the user can fix; `str(error)` is the whole message, naming file and place."""

    exit_code = 1


class UsageError(QuizError):
    """The command line itself is wrong."""

    exit_code = 2
