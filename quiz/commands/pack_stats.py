"""`quiz pack stats [PACK] [--rounds N] [--json]`: how a pack plays, for its author.

Prints the pack's questions by type, origin, difficulty and template, its facts by how many
questions test them, and, over N seeded rounds of ten drawn as every front end draws them,
the true/false per round and the rounds that repeat a fact or a template 3+ times. `--json`
prints the same as one JSON object (its shape is documented in docs/packs-bank.md).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.commands.common import add_pack_argument

if TYPE_CHECKING:
    from quiz.packs.pack_stats import PackStats

DEFAULT_ROUNDS = 100
MAX_ROUNDS = 100_000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="how a pack plays: question counts, and what seeded rounds of it look like",
        description="Count PACK's questions by type, origin, difficulty and template and its "
        "facts by questions; draw N seeded rounds of ten and report true/false per round and "
        "rounds that repeat a fact or ask one template 3+ times.",
    )
    add_pack_argument(parser)
    parser.add_argument(
        "--rounds",
        type=_rounds,
        default=DEFAULT_ROUNDS,
        metavar="N",
        help=f"how many seeded rounds to draw (default {DEFAULT_ROUNDS}; 0 for none)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _rounds(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= number <= MAX_ROUNDS:
        raise argparse.ArgumentTypeError(f"must be 0 to {MAX_ROUNDS}, not {number}")
    return number


def run(args: argparse.Namespace) -> int:
    import json

    from quiz.packs.catalog import resolve_pack
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack
    from quiz.packs.pack_stats import pack_stats

    path = resolve_pack(args.pack)
    pack = load_pack(path)
    stats = pack_stats(
        generate_questions(pack), [fact.id for fact in pack.facts], rounds=args.rounds
    )
    if args.json:
        print(json.dumps({"pack": pack.pack.id, **stats.to_json()}, ensure_ascii=False, indent=2))
    else:
        print("\n".join(stats_lines(f"{pack.pack.title} ({pack.pack.id})", stats)))
    return 0


def stats_lines(title: str, stats: PackStats) -> list[str]:
    """The stats as plain lines, every piece of pack text made safe to print."""
    from quiz.safe_text import safe_text

    def counts(values: dict[str, int]) -> str:
        return ", ".join(f"{name} {number}" for name, number in values.items()) or "none"

    lines = [
        f"{safe_text(title, single_line=True)}: {stats.questions} questions",
        f"  by type: {counts(stats.by_type)}",
        f"  by origin: {counts(stats.by_origin)}",
        f"  by difficulty: {counts(stats.by_difficulty)}",
        f"  true/false: {stats.true_false_share:.0%} of the questions (a third at most plays well)",
        "  facts by number of questions: "
        + (
            ", ".join(
                f"{number} question{'s' if number != '1' else ''}: {facts}"
                for number, facts in sorted(
                    stats.facts_by_questions.items(), key=lambda item: int(item[0])
                )
            )
            or "no facts"
        ),
    ]
    if stats.untested_facts:
        untested = safe_text(", ".join(stats.untested_facts), single_line=True)
        lines.append(f"  facts no question tests: {untested}")
    lines.append("  by template:")
    width = max((len(name) for name in stats.by_template), default=0)
    lines += [
        f"    {safe_text(name, single_line=True).ljust(width)}  {number}"
        for name, number in stats.by_template.items()
    ]
    rounds = stats.rounds
    if rounds is not None:
        lines += [
            f"  {rounds.rounds} seeded rounds of {rounds.count} (seeds 0 to {rounds.rounds - 1}):",
            f"    true/false per round: mean {rounds.mean_true_false:.1f}, "
            f"max {rounds.max_true_false}",
            f"    rounds repeating a fact: {rounds.repeating_a_fact}",
            f"    rounds with a template 3+ times: {rounds.template_three_times}",
            f"    rounds quoting a passage twice: {rounds.repeating_a_passage}",
        ]
    return lines
