"""`quiz pack export`: placeholder, replaced by the module that implements it."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    subparsers.add_parser("export", help="(not built yet)")


def run(args: argparse.Namespace) -> int:
    from quiz.errors import QuizError

    raise QuizError("'quiz pack export' is not built yet")
