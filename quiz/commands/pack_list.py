"""`quiz pack list`: placeholder, replaced by the module that implements it."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    subparsers.add_parser("list", help="(not built yet)")


def run(args: argparse.Namespace) -> int:
    from quiz.errors import QuizError

    raise QuizError("'quiz pack list' is not built yet")
