"""`quiz scores [--player P] [--pack P] [--rounds [N]] [--json]`: high scores and recent
rounds; with `--rounds`, a player's last rounds with every answer.

The `--json` shape is stable and documented in docs/saves.md ("version": 2).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from quiz.commands.common import add_saves_option, positive_int

if TYPE_CHECKING:
    from quiz.store import SaveStore, ScoresData, StoredRound
    from quiz.store.progress import PlayerProgress

# 2: weakest_topics and most_missed follow --pack; "progress" added; "saves" is absolute.
JSON_VERSION = 2
RECENT_SHOWN = 5
ROUNDS_LISTED = 10  # --rounds without a number
MAX_ROUNDS_LISTED = 1000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("scores", help="show high scores and recent rounds")
    parser.add_argument("--player", metavar="P", help="only this player (default: everyone)")
    parser.add_argument("--pack", metavar="P", help="only this pack id")
    parser.add_argument(
        "--rounds",
        nargs="?",
        const=ROUNDS_LISTED,
        type=positive_int(MAX_ROUNDS_LISTED),
        metavar="N",
        help=f"list the last N rounds (default {ROUNDS_LISTED}) with every answer",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (documented shape)")
    add_saves_option(parser)


def run(args: argparse.Namespace) -> int:
    import json
    import os

    from quiz.safe_text import safe_text
    from quiz.store import SaveError, SaveStore, scores_data
    from quiz.store.progress import progress_of

    store = SaveStore.from_cli(getattr(args, "saves", None))
    try:
        if args.player:
            players = [scores_data(store, args.player, args.pack)]
        else:
            players = _everyone(store, args.pack)
        # --json reports every round of the history; --rounds lists the newest of them.
        histories = (
            [store.history(data.player, pack_id=args.pack) for data in players]
            if args.json
            else []
        )
        progress = [progress_of(history) for history in histories]
        if args.pack is not None:
            _require_known_pack(store, args.pack, progress)
        listed: list[list[StoredRound]] = []
        if args.rounds is not None:
            listed = (
                [history[: args.rounds] for history in histories]
                if args.json
                else [
                    store.history(data.player, pack_id=args.pack, limit=args.rounds)
                    for data in players
                ]
            )
    except OSError as error:  # e.g. a save file that is a folder, or unreadable
        raise SaveError(f"{error.filename or store.root}: {error.strerror or error}") from None
    for warning in store.take_warnings():
        print(f"quiz: warning: {safe_text(warning, single_line=True)}", file=sys.stderr)
    if args.json:
        document = {
            "version": JSON_VERSION,
            "saves": os.path.abspath(store.root),
            "pack": args.pack,
            "players": [
                _player_json(data, made, listed[index] if listed else None)
                for index, (data, made) in enumerate(zip(players, progress, strict=True))
            ],
        }
        # ensure_ascii: every non-ASCII or control character is a \u escape, so the output
        # is safe to print on any terminal and the data itself is unchanged.
        print(json.dumps(document, indent=2))
        return 0
    if args.rounds is not None:
        _print_rounds(store, players, listed, args.pack)
    else:
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


def _require_known_pack(store: SaveStore, pack: str, progress: list[PlayerProgress]) -> None:
    """Raise QuizError unless some player here has played `pack` or it is a bundled pack's
    id: a misspelt --pack would otherwise look like a pack nobody has played. `progress`
    is what was read already (if anything)."""
    from quiz.errors import QuizError
    from quiz.packs.catalog import list_packs
    from quiz.store import SaveError

    if any(made.rounds for made in progress):
        return
    played: set[str] = set()
    players = store.list_players()
    for summary in players:  # the cheap look first: high scores and recent rounds
        try:
            profile = store.open_profile(summary.name)
        except SaveError:
            continue
        played |= set(profile.high_scores) | {entry.pack_id for entry in profile.recent}
    bundled = {summary.id for summary in list_packs() if summary.problem is None}
    if pack in played | bundled:
        return
    for summary in players:  # then every pack with a round (stats.toml has them all)
        try:
            played |= set(store.stats(summary.name).packs)
        except SaveError:
            continue
    if pack not in played:
        known = ", ".join(sorted(played | bundled)) or "none"
        raise QuizError(
            f"--pack {pack!r}: no pack with that id in the saves or the bundled packs; "
            f"known packs: {known}"
        )


def _player_json(
    data: ScoresData, progress: PlayerProgress, rounds: list[StoredRound] | None
) -> dict[str, Any]:
    """One player's part of the --json document; "history" only when rounds are listed."""
    document = {
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
        "progress": {
            "rounds": [
                {
                    "round": entry.round,
                    "round_id": entry.round_id,
                    "date": entry.date.isoformat(),
                    "pack": entry.pack_id,
                    "mode": entry.mode,
                    "score": entry.score,
                    "accuracy": round(entry.accuracy, 4),
                }
                for entry in progress.rounds
            ],
            "days": [
                {
                    "date": day.day.isoformat(),
                    "rounds": day.rounds,
                    "mean_score": round(day.mean_score, 2),
                    "accuracy": round(day.accuracy, 4),
                }
                for day in progress.days
            ],
        },
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
    if rounds is not None:
        document["history"] = [_round_json(stored) for stored in rounds]
    return document


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


def _round_json(stored: StoredRound) -> dict[str, Any]:
    return {
        "round": stored.round,
        "round_id": stored.round_id,
        "date": stored.started_at.isoformat(),
        "pack": stored.pack_id,
        "pack_version": stored.pack_version,
        "mode": stored.mode,
        "seed": stored.seed,
        "duration": stored.duration,
        "score": stored.score,
        "accuracy": round(stored.accuracy, 4),
        "best_streak": stored.best_streak,
        "answers": [answer.model_dump(mode="json") for answer in stored.answers],
    }


def _print_rounds(
    store: SaveStore,
    players: list[ScoresData],
    listed: list[list[StoredRound]],
    pack: str | None,
) -> None:
    """Each player's last rounds, newest first, every answer on two lines (as line mode's
    review shows them); prompts from the bundled packs where a question is found there."""
    from quiz.game.modes import mode_title
    from quiz.safe_text import safe_text

    def show(text: str) -> str:
        return safe_text(text, single_line=True)

    if not players:
        print(f"No players yet in {show(str(store.root))}.")
        return
    prompts = _bundled_prompts({stored.pack_id for rounds in listed for stored in rounds})
    of_pack = f" of {show(pack)}" if pack is not None else ""
    for index, (data, rounds) in enumerate(zip(players, listed, strict=True)):
        if index:
            print()
        if not rounds:
            print(f"{show(data.player)} — no rounds{of_pack} yet")
            continue
        count = f"{len(rounds)} round{'' if len(rounds) == 1 else 's'}"
        print(f"{show(data.player)} — last {count}{of_pack}")
        for stored in rounds:
            right = f"{stored.correct_count} of {len(stored.answers)} right"
            print(
                f"  Round {stored.round} · {stored.started_at:%Y-%m-%d %H:%M} UTC · "
                f"{show(stored.pack_id)} · {show(mode_title(stored.mode))} · "
                f"{stored.score} points · {right} ({stored.accuracy:.0%})"
            )
            for number, answer in enumerate(stored.answers, 1):
                prompt = prompts.get((stored.pack_id, answer.question_id), answer.question_id)
                print(f"    {number}. {answer.mark} {answer.verdict}: {show(prompt)}")
                notes = [f"{answer.points} points, {answer.seconds:.1f} s"]
                if answer.fuzzy:
                    notes.append("accepted as a near miss")
                if answer.fifty_fifty:
                    notes.append("with the 50:50")
                given = show(answer.given) or "(no answer)"
                print(f"       you: {given}; {'; '.join(notes)}")


def _bundled_prompts(pack_ids: set[str]) -> dict[tuple[str, str], str]:
    """The prompt of every question of the bundled packs among `pack_ids`, by (pack id,
    question id). A pack that can't be loaded just has none."""
    from quiz.packs.catalog import list_packs
    from quiz.packs.errors import PackError
    from quiz.packs.playable import load_playable

    prompts: dict[tuple[str, str], str] = {}
    if not pack_ids:
        return prompts
    for summary in list_packs():
        if summary.problem is not None or summary.id not in pack_ids:
            continue
        try:
            pack = load_playable(summary.path)
        except PackError:
            continue
        for question in pack.questions:
            prompts[(pack.id, question.id)] = question.prompt
    return prompts
