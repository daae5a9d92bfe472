"""`quiz player list|new|rename|delete|reset|export|import`: manage the players in the saves
folder, and move a player between saves folders (export on one machine, import on another).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from quiz.commands.common import add_saves_option

if TYPE_CHECKING:
    from quiz.store import SaveStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "player", help="list, create, rename, delete, reset, export or import players"
    )
    add_saves_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the players and their round counts")
    new = actions.add_parser("new", help="create a player")
    new.add_argument("name", metavar="NAME")
    rename = actions.add_parser("rename", help="rename a player (keeps their history)")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    delete = actions.add_parser("delete", help="delete a player and all their saves")
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--yes", action="store_true", help="don't ask for confirmation")
    reset = actions.add_parser(
        "reset", help="start a player's scores or study cards (or both) afresh; keeps the player"
    )
    reset.add_argument("name", metavar="NAME")
    which = reset.add_mutually_exclusive_group()
    which.add_argument(
        "--scores",
        action="store_true",
        help="only the rounds, high scores and progress (study cards are kept)",
    )
    which.add_argument(
        "--study", action="store_true", help="only the study cards (rounds and scores are kept)"
    )
    reset.add_argument("--yes", action="store_true", help="don't ask for confirmation")
    export = actions.add_parser("export", help="write everything about a player as TOML")
    export.add_argument("name", metavar="NAME")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    imported = actions.add_parser(
        "import",
        help="merge a player export into a player here (rounds already here are skipped)",
    )
    imported.add_argument("file", metavar="FILE", help="a file written by quiz player export")
    imported.add_argument(
        "--as",
        dest="name",
        metavar="NAME",
        help="the player to merge into (default: the name in FILE)",
    )
    for sub in (listing, new, rename, delete, reset, export, imported):
        add_saves_option(sub)


def run(args: argparse.Namespace) -> int:
    from quiz.store import SaveStore

    store = SaveStore.from_cli(getattr(args, "saves", None))
    handlers: dict[str, Callable[[SaveStore, argparse.Namespace], int]] = {
        "list": _list,
        "new": _new,
        "rename": _rename,
        "delete": _delete,
        "reset": _reset,
        "export": _export,
        "import": _import,
    }
    with _report_problems(store):
        return handlers[args.action](store, args)


@contextmanager
def _report_problems(store: SaveStore) -> Iterator[None]:
    """Turn write failures into one-line errors and show recovery warnings (once)."""
    from quiz.safe_text import safe_text
    from quiz.store import SaveError

    try:
        yield
    except OSError as error:
        where = error.filename or store.root
        raise SaveError(f"{where}: {error.strerror or error}") from None
    finally:
        for warning in store.take_warnings():
            print(f"quiz: warning: {safe_text(warning, single_line=True)}", file=sys.stderr)


def _show(text: str) -> str:
    from quiz.safe_text import safe_text

    return safe_text(text, single_line=True)


def _show_block(text: str) -> str:
    from quiz.safe_text import safe_text

    return safe_text(text)


def _list(store: SaveStore, args: argparse.Namespace) -> int:
    players = store.list_players()
    if not players:
        print(f"No players yet in {_show(str(store.root))}. Create one: quiz player new NAME")
        return 0
    width = max([len("Player"), *(len(_show(player.name)) for player in players)])
    print(f"{'Player':<{width}}  {'Rounds':>6}  Created")
    for player in players:
        if player.problem is not None or player.created is None:
            # Listed, so nobody takes the name for a new player; the reason goes to stderr.
            print(f"{_show(player.name):<{width}}  {'?':>6}  damaged (see the warning)")
            if not any(str(player.folder) in warning for warning in store.warnings):
                store.warnings.append(player.problem or f"{player.folder}: can't be read")
            continue
        created = player.created.date().isoformat()
        print(f"{_show(player.name):<{width}}  {player.rounds:>6}  {created}")
    return 0


def _new(store: SaveStore, args: argparse.Namespace) -> int:
    profile = store.create_player(args.name)
    print(f"Created player {_show(profile.name)}.")
    return 0


def _rename(store: SaveStore, args: argparse.Namespace) -> int:
    old = store.open_profile(args.old).name
    store.rename_player(args.old, args.new)
    new = store.open_profile(args.new).name
    print(f"Renamed {_show(old)} to {_show(new)}.")
    return 0


def _delete(store: SaveStore, args: argparse.Namespace) -> int:
    profile = store.open_profile(args.name)
    if not args.yes:
        prompt = f"Delete {_show(profile.name)} and all {profile.rounds} rounds? [y/N] "
        if not _confirmed(prompt, f"not deleting {_show(profile.name)!r}"):
            print("Nothing deleted.")
            return 1
    store.delete_player(args.name)
    print(f"Deleted player {_show(profile.name)}.")
    return 0


def _reset(store: SaveStore, args: argparse.Namespace) -> int:
    from quiz.store.reset import reset_player

    scores = not args.study  # neither option: both
    study = not args.scores
    profile = store.open_profile(args.name)
    name = _show(profile.name)
    if not args.yes:
        cards = len(store.study_cards(profile.name))
        rounds = f"all {profile.rounds} round{'' if profile.rounds == 1 else 's'}"
        if scores and study:
            question = (
                f"Reset {name}: delete {rounds}, the high scores, progress and {cards} study "
                "cards? The name and settings are kept."
            )
        elif scores:
            question = (
                f"Reset {name}'s scores: delete {rounds}, the high scores and progress? "
                "Study cards are kept."
            )
        else:
            question = f"Reset {name}'s study cards ({cards})? Rounds and scores are kept."
        if not _confirmed(f"{question} [y/N] ", f"not resetting {name!r}"):
            print("Nothing reset.")
            return 1
    done = reset_player(store, profile.name, scores=scores, study=study)
    rounds = f"{done.rounds} round{'' if done.rounds == 1 else 's'}"
    if scores and study:
        print(
            f"Reset {name}: {rounds}, high scores, progress and {done.cards} study cards deleted."
        )
    elif scores:
        print(
            f"Reset {name}'s scores: {rounds}, high scores and progress deleted; study cards kept."
        )
    else:
        print(f"Reset {name}'s study cards: {done.cards} cleared; rounds and scores kept.")
    return 0


def _confirmed(question: str, refusal: str) -> bool:
    """Ask `question` on the terminal: True for y or yes. Without a terminal nobody can
    answer: UsageError ("{refusal} without confirmation: add --yes")."""
    from quiz.errors import UsageError

    if not sys.stdin.isatty():
        raise UsageError(f"{refusal} without confirmation: add --yes")
    try:
        answer = input(question)
    except EOFError:
        answer = ""
    return answer.strip().lower() in ("y", "yes")


def _export(store: SaveStore, args: argparse.Namespace) -> int:
    from pathlib import Path

    destination = Path(args.output) if args.output else None
    text = store.export_player(args.name, destination)
    if destination is None:
        # On a terminal, show it safely; into a pipe or file, the data goes out unchanged.
        sys.stdout.write(_show_block(text) if sys.stdout.isatty() else text)
    else:
        print(f"Wrote {_show(str(destination))}.", file=sys.stderr)
    return 0


def _import(store: SaveStore, args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.store.transfer import import_player

    source = Path(args.file)
    summary = import_player(store, source, args.name)
    rounds = f"{summary.added} new round{'' if summary.added == 1 else 's'}"
    if summary.created:
        print(f"Created player {_show(summary.player)} from {_show(str(source))}: {rounds}.")
    else:
        print(
            f"Merged {_show(str(source))} into {_show(summary.player)}: {rounds} "
            f"({summary.present} already there)."
        )
    return 0
