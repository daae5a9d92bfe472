"""`quiz report`: a classroom session's results as a table or CSV files."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from quiz.commands.common import add_saves_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="results of a classroom session: summary table, CSV or HTML",
        description="Without --csv, --questions-csv or --html, prints a summary table. With "
        "--class DIR, the same for a class over every session in DIR (--csv: a row per "
        "student, --questions-csv: the questions missed most).",
    )
    parser.add_argument(
        "session", nargs="?", default=None, help="session id or folder (default: the newest)"
    )
    parser.add_argument(
        "--class",
        dest="class_dir",
        metavar="DIR",
        help="every session in DIR (session folders): each student's scores across them and "
        "the questions the class misses most",
    )
    parser.add_argument("--csv", metavar="FILE", help="a row per student")
    parser.add_argument("--questions-csv", metavar="FILE", help="a row per question")
    parser.add_argument(
        "--html", metavar="FILE", help="one page: which questions worked (works offline)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    add_saves_option(parser)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.classroom.journal import find_session
    from quiz.classroom.results import load_results
    from quiz.classroom.results.html_report import html_report
    from quiz.classroom.results.report import question_rows, student_rows, summary_table
    from quiz.errors import QuizError, UsageError
    from quiz.store.paths import resolve_saves_dir

    for target in [args.csv, args.questions_csv, args.html]:
        if target and Path(target).exists() and not args.force:
            raise QuizError(f"{target}: already exists; pass --force to overwrite it")
    if args.class_dir is not None:
        if args.session is not None:
            raise UsageError("give a SESSION or --class DIR, not both")
        from quiz.classroom.results.class_report import (
            class_html,
            class_question_rows,
            class_student_rows,
            class_table,
            load_class,
        )

        sessions = load_class(Path(args.class_dir))
        tables = (class_student_rows, class_question_rows, class_html, class_table)
        return _write(args, sessions, *tables)
    folder = find_session(resolve_saves_dir(getattr(args, "saves", None)), args.session)
    results = load_results(folder)
    return _write(args, results, student_rows, question_rows, html_report, summary_table)


def _write(
    args: argparse.Namespace,
    data: Any,
    students: Callable[[Any], list[list[object]]],
    questions: Callable[[Any], list[list[object]]],
    html: Callable[[Any], str],
    table: Callable[[Any], str],
) -> int:
    """The files asked for (`--csv`, `--questions-csv`, `--html`) of a session's or a
    class's `data`, or, when none is, its summary table."""
    from pathlib import Path

    from quiz.classroom.results.html_report import write_html
    from quiz.classroom.results.report import write_csv

    wrote = False
    for target, rows in ((args.csv, students), (args.questions_csv, questions)):
        if target:
            write_csv(Path(target), rows(data))
            print(f"wrote {target}")
            wrote = True
    if args.html:
        write_html(Path(args.html), html(data))
        print(f"wrote {args.html}")
        wrote = True
    if not wrote:
        print(table(data))
    return 0
