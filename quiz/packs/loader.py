"""Load a TOML question pack safely: every problem at once, each with file, line and key.

Packs are shared between people, so a pack file is untrusted input. The loader caps the
file size, refuses directories, special files and invalid UTF-8, parses with tomli (which,
unlike Python 3.11's tomllib, caps key depth and nesting and is compiled), validates with the
pydantic models, then runs the whole-pack checks of `quiz.packs.semantics`. Whatever goes
wrong comes out as one `PackError` listing every `Problem`; nothing else escapes.

Line numbers are worked out only when there is an error to report (`quiz.packs.locate`),
and a validated pack is cached by content hash (`quiz.packs.cache`), so loading a good pack
stays fast.
"""

from __future__ import annotations

import itertools
import re
import stat
from pathlib import Path
from typing import Any

import tomli
from pydantic import ValidationError

from quiz.packs import cache
from quiz.packs.errors import PackError, Problem, describe_validation_errors
from quiz.packs.locate import LineFinder, format_key
from quiz.packs.models import (
    MAX_ENTITIES,
    MAX_FACTS,
    MAX_QUESTIONS,
    MAX_RELATIONS,
    PackFile,
)
from quiz.packs.semantics import Issue, check_generated_ids, check_semantics

MAX_PACK_BYTES = 20 * 1024 * 1024
# Beyond this many, more problems would only scroll the first ones away.
MAX_PROBLEMS = 200
_SECTION_CAPS = {
    "entities": MAX_ENTITIES,
    "relations": MAX_RELATIONS,
    "facts": MAX_FACTS,
    "questions": MAX_QUESTIONS,
}
# Refused before parsing. tomli's number patterns backtrack: a 19 MB float takes seconds
# and gigabytes to refuse. No value of a pack is this long (strings are capped far below),
# so such a run of number characters is refused even in a comment.
_NUMBER_TOKEN_CAP = 4_300
# The lookbehind makes the search start only where a run starts, so it stays linear.
_HUGE_NUMBER_TOKEN = re.compile(
    rf"(?<![0-9A-Za-z_.+:-])[0-9][0-9A-Za-z_.+:-]{{{_NUMBER_TOKEN_CAP},}}"
)
# Every TOML value needs one of "=", ",", "[" or "{" before it, so their count bounds how
# many values parsing creates (and so its memory and time). The largest pack the caps allow
# has well under this many.
MAX_VALUE_MARKS = 2_000_000
# Where a hostile construct that tomli refused is, for the error line (heuristics only).
# Each is anchored at the start of a run or a line and possessive, so it stays linear on a
# 20 MB file crafted to nearly match everywhere.
_LONG_NUMBER = re.compile(r"(?<![0-9_])[0-9_]{1000,}")
_MANY_DOTS = re.compile(r"^(?:[^\n.]*+\.){1000}", re.MULTILINE)
_DEEP_NESTING = re.compile(r"^(?:[^\n\[{]*+[\[{]){400}", re.MULTILINE)


def load_pack(path: str | Path, *, use_cache: bool = True) -> PackFile:
    """Read, parse, validate and check the pack at `path`.

    Returns the validated pack, or raises `PackError` listing every problem found (file too
    big, missing, a directory, not UTF-8, empty, TOML syntax, wrong shape, whole-pack
    checks). With `use_cache`, an unchanged pack loaded before comes from the cache folder.
    """
    filename = str(path)
    data = read_pack_bytes(path)
    key = cache.cache_key(data) if use_cache else ""
    if use_cache:
        cached = cache.read_cached(key)
        if cached is not None:
            return cached
    pack = parse_pack_text(decode_pack_bytes(data, filename), filename=filename)
    if use_cache:
        cache.write_cached(key, pack)
    return pack


def read_pack_bytes(path: str | Path) -> bytes:
    """The bytes of a pack file, refusing what cannot be a pack (with a PackError)."""
    filename = str(path)
    try:
        info = Path(path).stat()
    except FileNotFoundError:
        raise PackError.single(filename, "no such file") from None
    except (OSError, ValueError) as error:
        raise PackError.single(filename, f"cannot read: {_reason(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise PackError.single(filename, "is a directory, not a pack file (give a .toml file)")
    if not stat.S_ISREG(info.st_mode):
        raise PackError.single(filename, "is not a regular file")
    if info.st_size > MAX_PACK_BYTES:
        raise PackError.single(filename, _too_big(info.st_size))
    try:
        with open(path, "rb") as handle:
            # Read one byte past the cap: the file may have grown since stat().
            data = handle.read(MAX_PACK_BYTES + 1)
    except OSError as error:
        raise PackError.single(filename, f"cannot read: {_reason(error)}") from None
    if len(data) > MAX_PACK_BYTES:
        raise PackError.single(filename, _too_big(len(data)))
    if not data.strip():
        raise PackError.single(
            filename, "the file is empty; a pack needs at least a [pack] table with id and title"
        )
    return data


def decode_pack_bytes(data: bytes, filename: str) -> str:
    """The text of a pack file; invalid UTF-8 is a PackError naming the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise PackError.single(
            filename,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at column {column});"
            " save the file as UTF-8",
            line=line,
        ) from None
    return text.removeprefix("\ufeff")


def parse_pack_text(text: str, *, filename: str) -> PackFile:
    """Parse and check a pack held in memory (no cache); raises PackError with every problem."""
    data = parse_toml(text, filename)
    finder = LineFinder(text)
    too_long = _oversized_sections(data, filename, text, finder)
    if too_long:
        raise PackError(too_long)
    try:
        pack = PackFile.model_validate(data)
    except ValidationError as error:
        problems = describe_validation_errors(error, data, filename, finder)
        issues = _checks_of_valid_parts(data, error)
        problems += _locate(issues, filename, finder)
        raise PackError(_sorted(problems)) from None
    except RecursionError:
        raise PackError.single(filename, "values are nested too deeply") from None
    issues = check_semantics(pack)
    if not issues:  # generating from a pack with dangling references would be pointless
        issues = check_generated_ids(pack, _generated_ids(pack))
    if issues:
        raise PackError(_sorted(_locate(issues, filename, finder)))
    return pack


def parse_toml(text: str, filename: str) -> dict[str, Any]:
    """The TOML document as a dict, or a PackError; hostile input never escapes as another error."""
    marks = sum(text.count(mark) for mark in "=,[{")
    if marks > MAX_VALUE_MARKS:
        raise PackError.single(
            filename,
            f"too many values ({marks:,} of '=', ',', '[' and '{{'; a pack has at most"
            f" {MAX_VALUE_MARKS:,})",
        )
    huge = _HUGE_NUMBER_TOKEN.search(text)
    if huge:
        raise PackError.single(
            filename,
            f"number too long (over {_NUMBER_TOKEN_CAP:,} characters); numbers in a pack have"
            " at most 15 digits",
            line=text.count("\n", 0, huge.start()) + 1,
        )
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        column = getattr(error, "colno", None)
        message = getattr(error, "msg", str(error))
        where = f" (column {column})" if column else ""
        raise PackError.single(filename, f"TOML syntax: {message}{where}", line=line) from None
    except RecursionError as error:
        detail = str(error) or "nested too deeply"
        pattern = _MANY_DOTS if "key" in detail else _DEEP_NESTING
        raise PackError.single(
            filename, f"{detail}; flatten the structure", line=_line_of(pattern, text)
        ) from None
    except ValueError as error:
        # Python refuses to convert integers of more than 4,300 digits.
        long_number = "digits" in str(error)
        message = (
            "number too long (over 4,300 digits); numbers in a pack have at most 15 digits"
            if long_number
            else f"cannot read a value: {error}"
        )
        line = _line_of(_LONG_NUMBER, text) if long_number else None
        raise PackError.single(filename, message, line=line) from None
    except MemoryError:
        raise PackError.single(filename, "too large to parse") from None


def _generated_ids(pack: PackFile) -> list[tuple[str, str]]:
    """(question id, fact id) of every question the facts generate.

    Generated on a copy without the hand-written questions: the generator itself drops a
    generated question whose id a hand-written one takes, which would hide the clash.
    """
    if not pack.facts:
        return []
    from quiz.packs.generate import generate_questions

    generated = generate_questions(pack.model_copy(update={"questions": []}))
    return [(q.id, q.fact_ids[0] if q.fact_ids else "") for q in generated]


def _oversized_sections(
    data: dict[str, Any], filename: str, text: str, finder: LineFinder
) -> list[Problem]:
    """Refuse huge lists before validating each of their items (which would be slow)."""
    problems = []
    for section, cap in _SECTION_CAPS.items():
        items = data.get(section)
        if isinstance(items, list) and len(items) > cap:
            # The first header past the cap, found with a regex: scanning the whole
            # structure of such a file would be slow.
            header = re.compile(rf"^[ \t]*\[\[[ \t]*{section}[ \t]*\]\]", re.MULTILINE)
            first_extra = next(itertools.islice(header.finditer(text), cap, None), None)
            line = text.count("\n", 0, first_extra.start()) + 1 if first_extra else None
            problems.append(
                Problem(
                    filename,
                    line or finder.lines_of([(section,)])[(section,)],
                    section,
                    f"{len(items):,} items; a pack holds at most {cap:,}",
                )
            )
    return problems


def _checks_of_valid_parts(data: dict[str, Any], error: ValidationError) -> list[Issue]:
    """Whole-pack checks over the items that did validate, so that one pass reports both
    kinds of problem. Paths in the result point into the original document."""
    invalid: dict[str, set[int]] = {section: set() for section in _SECTION_CAPS}
    for detail in error.errors(include_url=False):
        loc = detail["loc"]
        if len(loc) >= 2 and loc[0] in invalid and isinstance(loc[1], int):
            invalid[str(loc[0])].add(loc[1])
        elif not loc or loc[0] != "pack":  # the whole-pack checks do not read [pack]
            return []  # a whole section is wrong: there is nothing sound to check
    partial: dict[str, Any] = {"pack": {"id": "partial", "title": "partial"}}
    kept: dict[str, list[int]] = {}
    unchecked: dict[str, set[str]] = {}
    for section, bad in invalid.items():
        items = data.get(section, [])
        kept[section] = [index for index in range(len(items)) if index not in bad]
        partial[section] = [items[index] for index in kept[section]]
        unchecked[section] = {
            items[index]["id"]
            for index in bad
            if isinstance(items[index], dict) and isinstance(items[index].get("id"), str)
        }
    try:
        pack = PackFile.model_validate(partial)
    except ValidationError:
        return []

    def original(path: tuple[str | int, ...] | None) -> tuple[str | int, ...] | None:
        if path is None or len(path) < 2 or not isinstance(path[1], int):
            return path
        return (path[0], kept[str(path[0])][path[1]], *path[2:])

    issues = check_semantics(
        pack,
        unchecked_entities=unchecked["entities"],
        unchecked_relations=unchecked["relations"],
        unchecked_facts=unchecked["facts"],
    )
    return [
        Issue(original(issue.path) or (), issue.message, original(issue.related))
        for issue in issues
    ]


def _locate(issues: list[Issue], filename: str, finder: LineFinder) -> list[Problem]:
    """Issues as Problems with line numbers, found in one scan of the text."""
    paths = [issue.path for issue in issues]
    paths += [issue.related for issue in issues if issue.related is not None]
    lines = finder.lines_of(paths)
    problems = []
    for issue in issues:
        message = issue.message
        if issue.related is not None and lines[issue.related] is not None:
            message += f" (first on line {lines[issue.related]})"
        problems.append(Problem(filename, lines[issue.path], format_key(issue.path), message))
    return problems


def _sorted(problems: list[Problem]) -> list[Problem]:
    ordered = sorted(problems, key=lambda problem: problem.line or 0)
    if len(ordered) > MAX_PROBLEMS:
        rest = len(ordered) - MAX_PROBLEMS
        ordered = ordered[:MAX_PROBLEMS]
        ordered.append(Problem(ordered[0].file, None, "", f"… and {rest:,} more problems"))
    return ordered


def _line_of(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _too_big(size: int) -> str:
    return (
        f"file is {size / 1024 / 1024:.1f} MB; a pack may be at most"
        f" {MAX_PACK_BYTES // 1024 // 1024} MB"
    )


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


__all__ = ["MAX_PACK_BYTES", "PackError", "Problem", "load_pack", "parse_pack_text"]
