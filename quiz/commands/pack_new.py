"""`quiz pack new FILE --title "…"`: write a new pack with a commented example of every part."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write a new pack with commented examples of every question type",
        description="Write a new question pack that passes 'quiz pack check', with the "
        "#:schema line for editor completion and a commented example of every question "
        "type, an entity, a relation and a fact. Never overwrites an existing file.",
    )
    parser.add_argument("file", metavar="FILE", help="the .toml file to create")
    parser.add_argument("--title", required=True, help="the pack's title")
    parser.add_argument("--id", dest="pack_id", help="the pack's id (default: from the title)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pydantic import ValidationError

    from quiz.durable import write_durably
    from quiz.errors import QuizError, UsageError
    from quiz.packs.models import PackMeta
    from quiz.packs.new_pack import new_pack_text, pack_id_from_title
    from quiz.packs.pack_toml import schema_reference

    path = Path(args.file)
    try:
        PackMeta(id=args.pack_id or pack_id_from_title(args.title), title=args.title)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        option = "--id" if field == "id" else "--title"
        raise UsageError(f"{option}: {first['msg']}") from None
    text = new_pack_text(args.title, pack_id=args.pack_id, schema=schema_reference(path))
    try:
        # Never replaces a file, even one that appears between a check and the write.
        write_durably(path, text, replace=False)
    except FileExistsError:
        raise QuizError(f"{path}: already exists; not overwriting it") from None
    except OSError as error:
        raise QuizError(f"{path}: cannot write: {error.strerror or error}") from None
    print(f"wrote {path}")
    return 0
