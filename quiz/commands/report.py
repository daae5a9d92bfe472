"""`quiz report`: a classroom session's results as a table or CSV files."""

from __future__ import annotations

import argparse

from quiz.commands.common import add_saves_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="results of a classroom session: summary table, CSV or HTML",
        description="Without --csv, --questions-csv or --html, prints a summary table.",
    )
    parser.add_argument(
        "session", nargs="?", default=None, help="session id or folder (default: the newest)"
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
    from quiz.errors import QuizError
    from quiz.store.paths import resolve_saves_dir

    folder = find_session(resolve_saves_dir(getattr(args, "saves", None)), args.session)
    results = load_results(folder)
    targets = [(args.csv, student_rows), (args.questions_csv, question_rows)]
    for target in [args.csv, args.questions_csv, args.html]:
        if target and Path(target).exists() and not args.force:
            raise QuizError(f"{target}: already exists; pass --force to overwrite it")
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
