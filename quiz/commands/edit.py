"""`quiz edit PACK [--source TEXT]`: edit a whole pack in a terminal UI; a new file starts a
new pack."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="edit a pack (questions, facts, entities, relations, metadata) in a terminal UI",
        description="Edit a pack: its questions, facts, entities, relations and [pack] table; "
        "add, duplicate, delete, reorder, undo and redo, preview as a player, see the "
        "questions a fact generates. Saving keeps your comments and layout and never writes "
        "a pack that does not validate. A PACK file that does not exist yet starts a new pack.",
    )
    parser.add_argument(
        "file",
        metavar="PACK",
        help="the pack (.toml) to edit or create, or the name of a bundled pack",
    )
    parser.add_argument(
        "--source",
        metavar="TEXT",
        help="the text the pack quotes: quotes are checked against it, and f9 shows it to "
        "make facts from (default: the file [pack.source] where names, if it names one)",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.commands.pack_check import read_source
    from quiz.errors import QuizError
    from quiz.packs.editing import EditingError, PackDocument

    path = pack_path(args.file)
    text, is_new = read_or_start(path)
    try:
        document = PackDocument(text)
    except EditingError as error:
        raise QuizError(f"{path}: {error}") from None
    source_text = read_source(args.source) if args.source else named_source(path, document)
    from quiz.tui.editor.app import EditorApp

    EditorApp(
        path,
        text,
        is_new=is_new,
        source_text=source_text,
        read_only_reason=installed_pack_reason(path),
    ).run()
    return 0


def pack_path(name: str) -> Path:
    """The file meant by PACK: a path as given, else the bundled pack of that name."""
    from quiz.errors import QuizError
    from quiz.packs.catalog import PACK_SUFFIX, resolve_pack

    path = Path(name)
    if path.exists() or "/" in name or "\\" in name or name.endswith(PACK_SUFFIX):
        return path
    try:
        return resolve_pack(name)
    except QuizError:
        return path  # not a bundled pack's name: a new pack file of that name


def installed_pack_reason(path: Path, bundled: Path | None = None) -> str | None:
    """Why `path` must not be written in place: it is a bundled pack inside an installed
    copy of quiz (`bundled`: its folder, default the bundled packs' folder), where an edit
    would change the pack for every user and vanish at the next upgrade. None otherwise,
    and always None when quiz runs from a source checkout (authors edit packs there)."""
    from quiz.checkout import source_checkout
    from quiz.packs.catalog import bundled_packs_dir

    if bundled is None:
        if source_checkout() is not None:
            return None
        bundled = bundled_packs_dir()
    try:
        inside = path.resolve().parent == bundled.resolve()
    except OSError:
        return None
    if not inside:
        return None
    return (
        f"{path.name} is a pack bundled with the installed quiz ({bundled}); it is not "
        "changed in place, as that would change it for every user and be lost at the next "
        "upgrade. Save your copy as a file of your own."
    )


def named_source(path: Path, document: Any) -> str | None:
    """The text of the file `[pack.source] where` names (relative to the pack's folder),
    when it names a readable text file; None otherwise."""
    from quiz.commands.pack_check import read_source
    from quiz.errors import QuizError

    metas = document.items("pack")
    source = metas[0].get("source") if metas else None
    where = source.get("where") if isinstance(source, dict) else None
    if not isinstance(where, str) or not where.strip() or "\n" in where or "://" in where:
        return None
    candidate = Path(where.strip()).expanduser()
    if not candidate.is_absolute():
        candidate = path.parent / candidate
    try:
        if not candidate.is_file():
            return None
        return read_source(str(candidate))
    except (OSError, ValueError, QuizError):
        return None


def read_or_start(path: object) -> tuple[str, bool]:
    """The text of the pack at `path`, or a new pack's if there is no file yet; and which."""
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
