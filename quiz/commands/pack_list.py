"""`quiz pack list [FOLDER]`: the packs in a folder (default: the bundled ones)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "list",
        help="list the bundled packs (or those in FOLDER)",
        description="List question packs: id, title, question count and file.",
    )
    parser.add_argument("folder", nargs="?", metavar="FOLDER", help="a folder of .toml packs")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.errors import QuizError
    from quiz.packs.catalog import bundled_packs_dir, list_packs
    from quiz.safe_text import safe_text

    folder = Path(args.folder) if args.folder else bundled_packs_dir()
    if not folder.is_dir():
        raise QuizError(f"{folder}: not a folder")
    summaries = list_packs(folder)
    if not summaries:
        print(f"no packs (.toml files) in {safe_text(str(folder), single_line=True)}")
        return 0
    rows: list[tuple[str, ...]] = [("ID", "TITLE", "QUESTIONS", "FILE")]
    for summary in summaries:
        count = "-" if summary.question_count is None else str(summary.question_count)
        title = summary.title if summary.problem is None else "(has problems)"
        rows.append((summary.id, title, count, _shown_path(summary.path)))
    rows = [tuple(safe_text(cell, single_line=True) for cell in row) for row in rows]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2])]
        print("  ".join([*cells, row[3]]))
    broken = [summary for summary in summaries if summary.problem is not None]
    for summary in broken:
        print(f"problem: {safe_text(summary.problem or '', single_line=True)}")
    if broken:
        print("run 'quiz pack check FILE' to see every problem")
    return 0


def _shown_path(path: object) -> str:
    """A path relative to the current folder when it is inside it, else as given."""
    from pathlib import Path

    resolved = Path(str(path)).resolve()
    try:
        return str(resolved.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
