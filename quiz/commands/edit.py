"""`quiz edit FILE`: edit a pack's questions in a terminal UI; a new file starts a new pack."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="edit a pack's questions in a terminal UI",
        description="Edit the questions of a pack: add, duplicate, delete, reorder, undo, "
        "preview as a player. Saving keeps your comments and layout and never writes a pack "
        "that does not validate. A FILE that does not exist yet starts a new pack.",
    )
    parser.add_argument("file", metavar="FILE", help="the pack (.toml) to edit or create")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.errors import QuizError
    from quiz.packs.editing import EditingError, PackDocument

    path = Path(args.file)
    text, is_new = read_or_start(path)
    try:
        PackDocument(text)
    except EditingError as error:
        raise QuizError(f"{path}: {error}") from None
    from quiz.tui.editor.app import EditorApp

    EditorApp(path, text, is_new=is_new).run()
    return 0


def read_or_start(path: object) -> tuple[str, bool]:
    """The text of the pack at `path`, or a new pack's if there is no file yet; and which."""
    from pathlib import Path

    from quiz.errors import QuizError
    from quiz.packs.loader import decode_pack_bytes, read_pack_bytes
    from quiz.packs.new_pack import new_pack_text
    from quiz.packs.pack_toml import schema_reference

    path = Path(str(path))
    if not path.exists():
        if not path.parent.is_dir():
            raise QuizError(f"{path}: folder {path.parent} does not exist")
        title = path.stem.replace("-", " ").replace("_", " ").strip() or "New pack"
        return new_pack_text(title[:120], schema=schema_reference(path)), True
    data = read_pack_bytes(path)
    return decode_pack_bytes(data, str(path)), False
