"""`quiz pack check PACK... [--source ARTICLE] [--strict]`: report every problem of every pack.

Each PACK is a file, or the id of a bundled pack (`quiz pack check labour-2010`).

Prints `FILE: OK (N questions)` for a good pack and `FILE:LINE: key.path: what is wrong`
for each problem, and exits 1 if there was any. A pack that loads is also linted
(`quiz.packs.lint`, and every concrete question by `quiz.packs.question_lint`: four
plausible choices of the answer's kind and pronoun, none also true, no two questions alike,
typed answers that take no other entity's name, true/false at most a third): its warnings
print as `FILE:LINE: warning: key.path: …` and fail the check only with `--strict`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.packs.errors import Problem
    from quiz.packs.models import PackFile


@dataclass
class CheckResult:
    """What checking one pack file found: the pack if it loaded, and every problem."""

    path: Path
    pack: PackFile | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    question_count: int = 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check packs and report every problem with its line",
        description="Check question packs. Prints FILE: OK for a good pack, else every "
        "problem as FILE:LINE: key.path: what is wrong; exits 1 if any pack has problems.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="pack files (.toml), or ids of bundled packs"
    )
    parser.add_argument(
        "--source",
        metavar="ARTICLE",
        help="a text file the quotes must come from (whitespace, curly quotes and … "
        "vs ... are ignored)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="lint warnings fail the check too (exit 1)"
    )


def read_source(path: str) -> str:
    """The source text a pack quotes, or a QuizError naming the file."""
    from quiz.errors import QuizError
    from quiz.packs.errors import PackError
    from quiz.packs.loader import decode_pack_bytes, read_pack_bytes

    try:
        text = decode_pack_bytes(read_pack_bytes(path), path)
    except PackError as error:
        if "empty" in str(error):
            raise QuizError(f"source {path}: the file is empty") from None
        raise QuizError(f"source {error}") from None
    return text


def check_pack_file(path: str | Path, source_text: str | None = None) -> CheckResult:
    """Load `path` and run every check; quotes too when `source_text` is given."""
    from quiz.packs.errors import PackError, Problem
    from quiz.packs.generate import generate_questions
    from quiz.packs.lint import lint_pack
    from quiz.packs.loader import decode_pack_bytes, load_pack, read_pack_bytes
    from quiz.packs.question_lint import lint_questions
    from quiz.packs.quotes import check_quotes

    result = CheckResult(Path(path))
    try:
        result.pack = load_pack(path)
    except PackError as error:
        result.problems = list(error.problems)
        return result
    questions = generate_questions(result.pack)
    result.question_count = len(questions)
    text = decode_pack_bytes(read_pack_bytes(path), str(path))
    if source_text is not None:
        result.problems += check_quotes(result.pack, source_text, str(path), text)
    # Quotes missing from the source are errors above, so lint does not repeat them.
    found = lint_pack(result.pack, text, str(path))
    found += lint_questions(result.pack, questions, text, str(path), typed_accepts=_typed_accepts)
    result.warnings = [
        Problem(w.file, w.line, f"warning: {w.key}" if w.key else "warning", w.message)
        for w in sorted(found, key=lambda problem: problem.line or 0)
    ]
    return result


def _typed_accepts(given: str, accepted: Sequence[str]) -> bool:
    """The game's own typed-answer rule, without its refusal of other names: what a near
    miss would be taken for if the game did not know better."""
    from quiz.game.typed_answers import match_typed

    return match_typed(given, accepted).accepted


def run(args: argparse.Namespace) -> int:
    from quiz.errors import QuizError
    from quiz.packs.catalog import resolve_pack
    from quiz.safe_text import safe_text

    source_text = read_source(args.source) if args.source else None
    failed = False
    for name in args.files:
        try:
            path = resolve_pack(name)
        except QuizError as error:
            # An unknown pack name is this argument's problem; the other packs still get checked.
            print(safe_text(f"{name}: {error}", single_line=True))
            failed = True
            continue
        result = check_pack_file(path, source_text)
        for problem in [*result.problems, *result.warnings]:
            print(problem)
        if result.problems or (args.strict and result.warnings):
            failed = True
        else:
            shown = safe_text(str(path), single_line=True)
            warned = f", {len(result.warnings)} warnings" if result.warnings else ""
            print(f"{shown}: OK ({result.question_count} questions{warned})")
    return 1 if failed else 0
