"""Turn imported questions into a pack: a `PackFile`, its TOML text, and a safe write.

The TOML starts with a `#:schema` line pointing at the bundled `pack.schema.json` relative to
where the file goes, so editors that use taplo complete and check it. Files are written
atomically (temp file in the same folder, fsync, then link or replace) and an existing file
is never overwritten unless asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quiz.durable import write_durably
from quiz.errors import QuizError
from quiz.packs.errors import PackError, Problem
from quiz.packs.formats.common import ImportResult, slug_id
from quiz.packs.loader import MAX_PACK_BYTES, parse_pack_text
from quiz.packs.models import MAX_NAME, MAX_QUESTIONS, PackFile, PackMeta
from quiz.packs.pack_toml import pack_toml, schema_reference


def meta_from_filename(path: str) -> PackMeta:
    """Pack metadata made from an imported file's name: `world-capitals.gift` becomes id
    `world-capitals`, title "World capitals"."""
    name = Path(path).name or "imported"
    stem = Path(name).stem or name
    title = " ".join(stem.replace("_", " ").replace("-", " ").split()) or "Imported questions"
    title = (title[:1].upper() + title[1:])[:MAX_NAME]
    return PackMeta(
        id=slug_id(stem) or "imported",
        title=title,
        description=f"Imported from {name}"[:2000],
    )


def build_pack(
    questions: Sequence[Any], source_path: str, meta: PackMeta | None = None
) -> PackFile:
    """A pack holding the imported hand-written questions, with the metadata the file held,
    else metadata made from the file name."""
    return PackFile(pack=meta or meta_from_filename(source_path), questions=list(questions))


def pack_to_toml(pack: PackFile, out_path: Path | None) -> str:
    """The pack as TOML text (`quiz.packs.pack_toml`), its `#:schema` line relative to where
    it goes (or to the current folder when it goes to stdout)."""
    return pack_toml(pack, schema_reference(out_path or Path("pack.toml")))


def check_writable(path: Path, *, force: bool) -> None:
    """Raise QuizError unless `path` can be written: not a folder, in a folder that exists,
    and not an existing file unless `force`. Commands call it before doing any work."""
    if path.is_dir():
        raise QuizError(f"{path}: is a folder; give a file name")
    if path.exists() and not force:
        raise QuizError(f"{path}: already exists; use --force to replace it")
    if not path.parent.is_dir():
        raise QuizError(f"{path}: folder {path.parent} does not exist")


def verified_toml(result: ImportResult, filename: str, output: Path | None) -> str:
    """The TOML of a pack holding the imported questions, checked by the pack loader.

    A question the loader's whole-pack checks refuse (say, two choices that differ only in
    case) is dropped and reported against its line in the source file; the rest are kept.
    """
    questions, lines = list(result.questions), list(result.lines)
    if len(questions) > MAX_QUESTIONS:
        raise PackError.single(
            filename,
            f"holds {len(questions):,} questions; a pack holds at most {MAX_QUESTIONS:,}, "
            "so split the file",
        )
    check_pack_size_early(questions, filename)
    for _ in range(5):
        if not questions:
            raise PackError.single(filename, "holds no question a pack can hold")
        try:
            pack = build_pack(questions, filename, result.meta)
        except ValueError as error:
            raise QuizError(f"{filename}: cannot make a pack: {error}") from None
        toml_text = pack_to_toml(pack, output)
        check_pack_size(toml_text, filename)
        try:
            parse_pack_text(toml_text, filename=str(output or "<stdout>"))
            return toml_text
        except PackError as error:
            bad: dict[int, str] = {}
            for problem in error.problems:
                found = re.match(r"questions\[(\d+)\]", problem.key)
                if found is None:
                    raise
                bad.setdefault(int(found.group(1)), problem.message)
            for index in sorted(bad, reverse=True):
                result.notes.append(
                    Problem(
                        filename,
                        lines[index],
                        "",
                        f"skipped question {questions[index].id}: {bad[index]}",
                    )
                )
                del questions[index], lines[index]
    raise QuizError(f"{filename}: the imported questions do not make a valid pack")


def check_pack_size_early(questions: Sequence[Any], filename: str) -> None:
    """Raise PackError, before any TOML is written, when the questions' texts alone (each
    quote, backslash and line break escaped as TOML writes it) are more than a pack file
    may hold: a pack that large is refused without building it in memory."""
    least = 0
    for question in questions:
        for value in question.model_dump(mode="python").values():
            texts = value if isinstance(value, list) else [value]
            for text in texts:
                if isinstance(text, str):
                    least += len(text) + text.count('"') + text.count("\\") + text.count("\n")
    if least > MAX_PACK_BYTES:
        raise PackError.single(filename, _too_big_message(least, at_least=True))


def _too_big_message(size: int, *, at_least: bool = False) -> str:
    return (
        f"the pack would be {'at least ' if at_least else ''}{size / 2**20:.1f} MB of TOML, "
        f"over the {MAX_PACK_BYTES // 2**20} MB a pack file may be; split the file and "
        "import each part into its own pack"
    )


def check_pack_size(toml_text: str, filename: str) -> None:
    """Raise PackError if `toml_text` is larger than a pack file may be, so that what an
    import writes always loads (TOML can take more room than the file it came from)."""
    # Counting characters is enough for ASCII text and needs no second copy of it.
    size = len(toml_text) if toml_text.isascii() else len(toml_text.encode("utf-8", "replace"))
    if size > MAX_PACK_BYTES:
        raise PackError.single(filename, _too_big_message(size))


def write_new_file(path: Path, data: str | bytes, *, force: bool) -> None:
    """Write `data` to a file the user named, atomically; refuse to replace an existing file
    unless `force`. Every command that writes such a file (import, export, generate, schema)
    uses this.

    Either the whole new file is there afterwards or the old state is untouched; any failure
    is a QuizError naming the file.
    """
    check_writable(path, force=force)
    try:
        write_durably(path, data, replace=force)
    except FileExistsError:
        raise QuizError(f"{path}: already exists; use --force to replace it") from None
    except OSError as error:
        raise QuizError(f"{path}: cannot write: {error.strerror or error}") from None
