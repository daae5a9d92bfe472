"""`quiz pack generate PACK -o OUT.toml`: write the questions a pack's facts generate as a
hand-editable pack (see `quiz.packs.generated_pack`). Nothing here imports Textual."""

from __future__ import annotations

import argparse

from quiz.packs.catalog import DEFAULT_PACK


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "generate",
        help="write the questions a pack's facts generate as an editable TOML pack",
        description="Write every question the facts of PACK generate as hand-written "
        "questions in a new TOML pack (which `quiz pack check` accepts), starting with a "
        "#:schema line for editor completion.",
    )
    parser.add_argument(
        "pack",
        metavar="PACK",
        help=f"a pack file, or the id of a bundled pack (e.g. {DEFAULT_PACK})",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT.toml", help="the file to write"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace OUT.toml if it exists (never the input)"
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.errors import QuizError
    from quiz.packs.catalog import resolve_pack
    from quiz.packs.formats.pack_writer import check_writable, write_new_file
    from quiz.packs.generated_pack import generated_pack_toml
    from quiz.packs.loader import load_pack, parse_pack_text
    from quiz.packs.pack_toml import schema_reference

    source = resolve_pack(args.pack)
    out = Path(args.output)
    if _same_file(source, out):
        raise QuizError(f"{out}: is the input pack; write the generated questions elsewhere")
    check_writable(out, force=args.force)
    pack = load_pack(source)
    text = generated_pack_toml(pack, schema_reference(out))
    # The output must itself be a pack the loader accepts; check before anything is written.
    written = parse_pack_text(text, filename=str(out))
    write_new_file(out, text, force=args.force)
    print(f"{out}: wrote {len(written.questions)} generated questions from {source}")
    return 0


def _same_file(first: object, second: object) -> bool:
    import os
    from pathlib import Path

    a, b = Path(str(first)), Path(str(second))
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()
