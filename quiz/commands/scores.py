"""`quiz scores [--player P] [--pack P] [--json]`: high scores and recent rounds.

The `--json` shape is stable and documented in docs/saves.md ("version": 1).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from quiz.commands.common import add_saves_option

if TYPE_CHECKING:
    from quiz.store import SaveStore, ScoresData

JSON_VERSION = 1
RECENT_SHOWN = 5


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("scores", help="show high scores and recent rounds")
    parser.add_argument("--player", metavar="P", help="only this player (default: everyone)")
    parser.add_argument("--pack", metavar="P", help="only this pack id")
    parser.add_argument("--json", action="store_true", help="print JSON (documented shape)")
    add_saves_option(parser)


def run(args: argparse.Namespace) -> int:
    import json

    from quiz.safe_text import safe_text
    from quiz.store import SaveError, SaveStore, scores_data

    store = SaveStore.from_cli(getattr(args, "saves", None))
    try:
        if args.player:
            players = [scores_data(store, args.player, args.pack)]
        else:
            players = _everyone(store, args.pack)
    except OSError as error:
        raise SaveError(f"{error.filename or store.root}: {error.strerror or error}") from None
    for warning in store.take_warnings():
        print(f"quiz: warning: {safe_text(warning, single_line=True)}", file=sys.stderr)
    if args.json:
        document = {
            "version": JSON_VERSION,
            "saves": str(store.root),
            "pack": args.pack,
            "players": [_player_json(data) for data in players],
        }
        # ensure_ascii: every non-ASCII or control character is a \u escape, so the output
        # is safe to print on any terminal and the data itself is unchanged.
        print(json.dumps(document, indent=2))
        return 0
    _print_tables(store, players)
    return 0


def _everyone(store: SaveStore, pack: str | None) -> list[ScoresData]:
    """Every player's scores; a player whose files can't be read is a warning, and never
    keeps the others from being shown."""
    from quiz.store import SaveError, scores_data

    players = []
    for summary in store.list_players():
        if summary.problem is not None:
            store.warnings.append(summary.problem)
            continue
        try:
            players.append(scores_data(store, summary.name, pack))
        except SaveError as error:
            store.warnings.append(str(error))
    return players


def _player_json(data: ScoresData) -> dict[str, Any]:
    return {
        "name": data.player,
        "rounds": data.rounds,
        "high_scores": [
            {
                "pack": row.pack_id,
                "mode": row.mode,
                "table": row.table,
                "rank": row.rank,
                "score": row.score,
                "accuracy": round(row.accuracy, 4),
                "date": row.date.isoformat(),
                "round": row.round,
            }
            for row in data.high_scores
        ],
        "recent": [
            {
                "round": entry.round,
                "date": entry.date.isoformat(),
                "pack": entry.pack_id,
                "mode": entry.mode,
                "score": entry.score,
                "accuracy": round(entry.accuracy, 4),
            }
            for entry in data.recent
        ],
        "weakest_topics": [
            {
                "tag": topic.tag,
                "asked": topic.asked,
                "correct": topic.correct,
                "accuracy": round(topic.accuracy, 4),
            }
            for topic in data.weakest_topics
        ],
        "most_missed": [
            {"question_id": item.question_id, "asked": item.asked, "missed": item.missed}
            for item in data.most_missed
        ],
    }


def _print_tables(store: SaveStore, players: list[ScoresData]) -> None:
    from quiz.safe_text import safe_text

    def show(text: str) -> str:
        return safe_text(text, single_line=True)

    if not players:
        print(f"No players yet in {show(str(store.root))}.")
        return
    for index, data in enumerate(players):
        if index:
            print()
        print(f"{show(data.player)} — {data.rounds} rounds")
        if not data.high_scores:
            print("  No high scores yet.")
        current: tuple[str, str] | None = None
        for row in data.high_scores:
            if (row.pack_id, row.table) != current:
                current = (row.pack_id, row.table)
                print(f"  High scores: {show(row.pack_id)} · {show(row.title)}")
            print(
                f"    {row.rank:>2}. {row.score:>7}  {row.accuracy:>4.0%}  "
                f"{row.date.date().isoformat()}"
            )
        if data.recent:
            print("  Recent rounds:")
            for entry in data.recent[:RECENT_SHOWN]:
                print(
                    f"    {entry.date.date().isoformat()}  {show(entry.pack_id)} · "
                    f"{show(entry.mode)}  {entry.score:>7}  {entry.accuracy:>4.0%}"
                )
