"""`quiz report`: a classroom session's results as a table or CSV files."""

from __future__ import annotations

import argparse

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
    from quiz.classroom.results.html_report import html_report, write_html
    from quiz.classroom.results.report import question_rows, student_rows, summary_table, write_csv
    from quiz.errors import QuizError, UsageError
    from quiz.store.paths import resolve_saves_dir

    for target in [args.csv, args.questions_csv, args.html]:
        if target and Path(target).exists() and not args.force:
            raise QuizError(f"{target}: already exists; pass --force to overwrite it")
    if args.class_dir is not None:
        if args.session is not None:
            raise UsageError("give a SESSION or --class DIR, not both")
        return _class_report(args)
    folder = find_session(resolve_saves_dir(getattr(args, "saves", None)), args.session)
    results = load_results(folder)
    targets = [(args.csv, student_rows), (args.questions_csv, question_rows)]
    wrote = False
    for target, rows in targets:
        if target:
            write_csv(Path(target), rows(results))
            print(f"wrote {target}")
            wrote = True
    if args.html:
        write_html(Path(args.html), html_report(results))
        print(f"wrote {args.html}")
        wrote = True
    if not wrote:
        print(summary_table(results))
    return 0


def _class_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.classroom.results.class_report import (
        class_html,
        class_question_rows,
        class_student_rows,
        class_table,
        load_class,
    )
    from quiz.classroom.results.html_report import write_html
    from quiz.classroom.results.report import write_csv

    sessions = load_class(Path(args.class_dir))
    wrote = False
    for target, rows in [(args.csv, class_student_rows), (args.questions_csv, class_question_rows)]:
        if target:
            write_csv(Path(target), rows(sessions))
            print(f"wrote {target}")
            wrote = True
    if args.html:
        write_html(Path(args.html), class_html(sessions))
        print(f"wrote {args.html}")
        wrote = True
    if not wrote:
        print(class_table(sessions))
    return 0
