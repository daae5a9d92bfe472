"""`quiz pack schema [-o FILE]`: the JSON Schema of a pack, for editors (taplo, VS Code)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a pack",
        description="Print the JSON Schema of a question pack, made from the pack models. "
        "Start a pack with '#:schema ./pack.schema.json' (no space after #) so editors "
        "using taplo complete keys and flag mistakes.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead")


def run(args: argparse.Namespace) -> int:
    import sys

    from quiz.packs.schema import schema_text

    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_atomically(args.output, text)
    return 0


def write_atomically(path: str, text: str) -> None:
    """Replace `path` with `text` all at once, or raise QuizError and leave it as it was."""
    import contextlib
    import os
    import tempfile
    from pathlib import Path

    from quiz.errors import QuizError

    target = Path(path)
    if target.is_dir():
        raise QuizError(f"{path}: is a directory; give a file name")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as error:
        raise QuizError(f"{path}: cannot write: {error.strerror or error}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
