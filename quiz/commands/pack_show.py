"""`quiz pack show [PACK] [--seed N] [--count N]`: print the questions a round would draw,
as plain text: prompt, labelled choices, the answer, the explanation and the quote.

Pack text is untrusted: every piece passes through `safe_text` before it is printed.
Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.commands.common import add_pack_argument

if TYPE_CHECKING:
    from quiz.packs.question import Question

INDENT = "   "


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show",
        help="print the questions a round would draw, with answers, as plain text",
        description="Print the concrete questions a round would draw from PACK (hand-written "
        "and generated), each with its choices, answer, explanation and quote.",
    )
    add_pack_argument(parser)
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the draw: same seed, same questions"
    )
    parser.add_argument(
        "--count", type=_count, default=None, help="how many questions (default: all)"
    )


def _count(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def run(args: argparse.Namespace) -> int:
    import sys

    from quiz.packs.catalog import resolve_pack
    from quiz.packs.draw import draw_questions
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack
    from quiz.safe_text import safe_text

    path = resolve_pack(args.pack)
    pack = load_pack(path)
    every = generate_questions(pack)
    drawn = draw_questions(every, seed=args.seed, count=args.count)
    if hasattr(sys.stdout, "reconfigure"):
        # A terminal that cannot show “curly quotes” gets '?', not a traceback.
        sys.stdout.reconfigure(errors="replace")
    title = safe_text(pack.pack.title, single_line=True)
    print(f"{title} ({pack.pack.id}): {len(drawn)} of {len(every)} questions, seed {args.seed}")
    for number, question in enumerate(drawn, start=1):
        print()
        print(format_question(number, question, seed=args.seed))
    return 0


def format_question(number: int, question: Question, *, seed: int = 0) -> str:
    """One question as plain text lines, every piece of pack text made safe to print."""
    from quiz.game.labels import LETTERS
    from quiz.game.layout import layout

    # Laid out as a round with this seed lays it out, so what is printed is what is played.
    view = layout(question, number=number, total=None, time_limit=None, seed=seed)
    lines = [f"{number}. {_safe(question.prompt)}"]
    lines.append(f"{INDENT}({question.type.replace('_', '/')}, difficulty {question.difficulty})")
    if question.type in ("single", "multiple", "true_false"):
        lines += [
            f"{INDENT}{label}) {_safe(c)}" for label, c in zip(LETTERS, view.choices, strict=False)
        ]
        labelled = [
            f"{LETTERS[view.choices.index(answer)]}) {_safe(answer)}"
            if answer in view.choices
            else _safe(answer)
            for answer in question.answers
        ]
        word = "Answers" if len(labelled) > 1 else "Answer"
        lines.append(f"{INDENT}{word}: {'; '.join(labelled)}")
    elif question.type == "typed":
        lines.append(f"{INDENT}(type the answer)")
        lines.append(f"{INDENT}Answer: {_safe(question.answers[0]) if question.answers else ''}")
        if len(question.answers) > 1:
            also = ", ".join(_safe(answer) for answer in question.answers[1:])
            lines.append(f"{INDENT}Also accepted: {also}")
    elif question.type == "ordering":
        shown = list(view.items)
        lines.append(f"{INDENT}Put in order:")
        lines += [
            f"{INDENT}{label}) {_safe(item)}" for label, item in zip(LETTERS, shown, strict=False)
        ]
        order = [f"{LETTERS[shown.index(item)]}) {_safe(item)}" for item in question.items]
        lines.append(f"{INDENT}Answer: {' → '.join(order)}")
    elif question.type == "matching":
        rights = list(view.rights)
        for index, (left, _) in enumerate(question.pairs, start=1):
            lines.append(f"{INDENT}{index}. {_safe(left)}")
        lines += [f"{INDENT}{LETTERS[n]}) {_safe(right)}" for n, right in enumerate(rights)]
        matched = [
            f"{index}–{LETTERS[rights.index(right)]}"
            for index, (_, right) in enumerate(question.pairs, start=1)
        ]
        lines.append(f"{INDENT}Answer: {', '.join(matched)}")
    elif question.type == "numeric":
        unit = f", in {_safe(question.unit)}" if question.unit else ""
        lines.append(f"{INDENT}(a number{unit})")
        lines.append(f"{INDENT}Answer: {_safe(question.answer_text)}")
    if question.explanation:
        lines.append(f"{INDENT}Why: {_safe(question.explanation)}")
    if question.quote:
        source = f" — {_safe(question.attribution)}" if question.attribution else ""
        lines.append(f"{INDENT}Quote: “{_safe(question.quote)}”{source}")
    lines.append(f"{INDENT}id: {_safe(question.id)}")
    return "\n".join(lines)


def _safe(text: str) -> str:
    from quiz.safe_text import safe_text

    return safe_text(text, single_line=True)
