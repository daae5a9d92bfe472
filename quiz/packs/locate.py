"""The one scanner of a TOML text's structure: where each key path and table header is.

`LineFinder` maps a key path such as ("questions", 3, "answer") back to the line it is
written on, for error messages; `table_headers` lists the table headers, for the editor,
which cuts a pack into its `[[questions]]` blocks. The text has already been parsed by tomli
when we get here, so the scanner can trust its shape: it walks tables, arrays of tables,
dotted keys, inline arrays and inline tables (never mistaking a header-like line inside a
multi-line string or array for a header), and remembers where each key path (including
list elements) starts. A path that is not written in the file (a missing key) falls back to
its nearest written parent, e.g. the `[[questions]]` header.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t]*+")
_WS_NL = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# Possessive quantifiers: a 20 MB string must not fill the regex backtracking stack.
_BASIC = re.compile(r'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"')
_LITERAL = re.compile(r"'[^'\n]*+'")
# Numbers, booleans, dates and times; a date and a time may be separated by one space.
_SCALAR = re.compile(r"[^,\]}\s#]++(?: (?=\d\d:)[^,\]}\s#]++)?")
# The common line `key = "text"` or `key = 12`, taken in one step to keep scanning fast.
_SIMPLE_LINE = re.compile(
    r"""([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"[^"\\\n]*+"|'[^'\n]*+'|[A-Za-z0-9_.:+-]++)"""
    r"[ \t]*+(?:#[^\n]*+)?(?=\r?\n|$)"
)
_ARRAY_TABLE = re.compile(r"\[\[[ \t]*([A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*\]\]")


@dataclass(frozen=True)
class TableHeader:
    """A `[table]` or `[[array.of.tables]]` header: where it starts and the keys it names."""

    pos: int
    keys: tuple[str, ...]
    is_array: bool


class _Stop(Exception):
    """The scanner met something it does not understand, or found all it was asked for."""


class _Scanner:
    """Walks a TOML text recording where key paths start.

    With `wanted`, it records only those paths and their parents, and stops as soon as it
    has seen every wanted path: a huge hostile file costs no memory beyond the text, and
    usually little time.
    """

    def __init__(self, text: str, wanted: set[Path] | None = None) -> None:
        self.text = text
        self.pos = 0
        self.starts: dict[Path, int] = {}
        self.array_counts: dict[Path, int] = {}
        self.headers: list[TableHeader] = []
        self.remaining = set(wanted) if wanted is not None else None
        self.keep = (
            {p[:n] for p in wanted for n in range(1, len(p) + 1)} if wanted is not None else None
        )

    # -- helpers ---------------------------------------------------------------------------

    def _skip(self, pattern: re.Pattern[str]) -> None:
        match = pattern.match(self.text, self.pos)
        if match:
            self.pos = match.end()

    def _expect(self, token: str) -> None:
        if not self.text.startswith(token, self.pos):
            raise _Stop
        self.pos += len(token)

    def _record(self, path: Path, pos: int) -> None:
        if self.keep is None:
            self.starts.setdefault(path, pos)
        elif path in self.keep:
            self.starts.setdefault(path, pos)
            if self.remaining is not None:
                self.remaining.discard(path)
                if not self.remaining:
                    raise _Stop

    # -- document --------------------------------------------------------------------------

    def scan(self) -> None:
        table: Path = ()
        text = self.text
        while True:
            self._skip(_WS_NL)
            if self.pos >= len(text):
                return
            start = self.pos
            simple = _SIMPLE_LINE.match(text, start)
            if simple:
                self._record((*table, simple.group(1)), start)
                self.pos = simple.end()
                continue
            header = _ARRAY_TABLE.match(text, start)
            if header:
                keys = [part.strip() for part in header.group(1).split(".")]
                table = self._open_array_table(keys, start)
                self.headers.append(TableHeader(start, tuple(keys), is_array=True))
                self.pos = header.end()
                continue
            if text.startswith("[[", start):
                self.pos += 2
                keys = self._key()
                table = self._open_array_table(keys, start)
                self._skip(_WS)
                self._expect("]]")
                self.headers.append(TableHeader(start, tuple(keys), is_array=True))
            elif text.startswith("[", start):
                self.pos += 1
                keys = self._key()
                table = self._resolve(keys)
                self._record(table, start)
                self._skip(_WS)
                self._expect("]")
                self.headers.append(TableHeader(start, tuple(keys), is_array=False))
            else:
                self._key_value(table)

    def _resolve(self, keys: Sequence[str]) -> Path:
        """The concrete path of a header: arrays of tables on the way mean their last item."""
        path: list[str | int] = []
        for key in keys:
            path.append(key)
            count = self.array_counts.get(tuple(path))
            if count:
                path.append(count - 1)
        return tuple(path)

    def _open_array_table(self, keys: Sequence[str], start: int) -> Path:
        parent = self._resolve(keys[:-1])
        array = (*parent, keys[-1])
        index = self.array_counts.get(array, 0)
        self.array_counts[array] = index + 1
        self._record(array, start)
        self._record((*array, index), start)
        return (*array, index)

    def _key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self._skip(_WS)
            for pattern in (_BARE_KEY, _BASIC, _LITERAL):
                match = pattern.match(self.text, self.pos)
                if match:
                    break
            else:
                raise _Stop
            self.pos = match.end()
            parts.append(_unquote(match.group()))
            self._skip(_WS)
            if not self.text.startswith(".", self.pos):
                return parts
            self.pos += 1

    def _key_value(self, table: Path) -> None:
        start = self.pos
        keys = self._key()
        self._expect("=")
        self._skip(_WS)
        for depth in range(1, len(keys)):
            self._record((*table, *keys[:depth]), start)
        path = (*table, *keys)
        self._record(path, start)
        self._value(path)

    # -- values ----------------------------------------------------------------------------

    def _value(self, path: Path) -> None:
        text, pos = self.text, self.pos
        if text.startswith("[", pos):
            self._array(path)
        elif text.startswith("{", pos):
            self._inline_table(path)
        else:
            end = _multiline_string_end(text, pos)
            if end is not None:
                self.pos = end
                return
            for pattern in (_BASIC, _LITERAL, _SCALAR):
                match = pattern.match(text, pos)
                if match:
                    self.pos = match.end()
                    return
            raise _Stop

    def _array(self, path: Path) -> None:
        self.pos += 1
        index = 0
        while True:
            self._skip(_WS_NL)
            if self.text.startswith("]", self.pos):
                self.pos += 1
                return
            self._record((*path, index), self.pos)
            self._value((*path, index))
            index += 1
            self._skip(_WS_NL)
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif not self.text.startswith("]", self.pos):
                raise _Stop

    def _inline_table(self, path: Path) -> None:
        self.pos += 1
        while True:
            self._skip(_WS_NL)
            if self.text.startswith("}", self.pos):
                self.pos += 1
                return
            self._key_value(path)
            self._skip(_WS_NL)
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif not self.text.startswith("}", self.pos):
                raise _Stop


def _unquote(key: str) -> str:
    if key.startswith('"'):
        import tomli

        return str(tomli.loads(f"k = {key}")["k"])
    if key.startswith("'"):
        return key[1:-1]
    return key


class LineFinder:
    """Finds the line of key paths in one TOML text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: dict[Path, int] | None = None

    def lines_of(self, paths: Iterable[Sequence[str | int]]) -> dict[Path, int | None]:
        """The line of each path (or of its nearest written parent; None if neither is
        written), in one scan that records only these paths and stops once all are seen."""
        wanted = {tuple(path) for path in paths}
        if not wanted:
            return {}
        starts = self._starts
        if starts is None:
            scanner = _Scanner(self._text, wanted)
            # On anything unexpected (or once all are found), keep the places found so far.
            with contextlib.suppress(_Stop, RecursionError):
                scanner.scan()
            starts = scanner.starts
        positions = {path: _nearest(starts, path) for path in wanted}
        return self._lines(positions)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The 1-based line where `path` (or its nearest written parent) starts, else None.

        The first call scans the whole text and keeps every place, for many lookups.
        """
        if self._starts is None:
            scanner = _Scanner(self._text)
            with contextlib.suppress(_Stop, RecursionError):
                scanner.scan()
            self._starts = scanner.starts
        return self._lines({tuple(path): _nearest(self._starts, tuple(path))})[tuple(path)]

    def _lines(self, positions: dict[Path, int | None]) -> dict[Path, int | None]:
        """Offsets to line numbers, counting newlines once through the text in order."""
        lines: dict[int, int] = {}
        line, last = 1, 0
        for pos in sorted({pos for pos in positions.values() if pos is not None}):
            line += self._text.count("\n", last, pos)
            lines[pos], last = line, pos
        return {path: None if pos is None else lines[pos] for path, pos in positions.items()}


def table_headers(text: str) -> list[TableHeader] | None:
    """Every table header of `text` in order, or None when the scanner could not read the
    whole text (then nothing can be cut safely)."""
    scanner = _Scanner(text, set())
    try:
        scanner.scan()
    except (_Stop, RecursionError):
        return None
    return scanner.headers


def _nearest(starts: dict[Path, int], path: Path) -> int | None:
    for length in range(len(path), 0, -1):
        pos = starts.get(path[:length])
        if pos is not None:
            return pos
    return None


def clean_loc(loc: Sequence[str | int], data: Any, *, missing: bool = False) -> Path:
    """Turn a pydantic error location into a key path that exists in the TOML document.

    Drops the discriminator tag (`("questions", 3, "single", "answer")` becomes
    `("questions", 3, "answer")`) and the names of union members pydantic appends after a
    scalar (`("facts", 0, "value", "constrained-str")`). With `missing`, the last part is a
    key that is absent from the document and is kept.
    """
    path: list[str | int] = []
    node = data
    parts = list(loc)
    for number, part in enumerate(parts):
        is_last = number == len(parts) - 1
        if isinstance(node, dict) and isinstance(part, str):
            if part in node:
                path.append(part)
                node = node[part]
                continue
            if node.get("type") == part and not (missing and is_last):
                continue  # the discriminator tag
            if missing and is_last:
                path.append(part)
            break
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
            continue
        break
    return tuple(path)


def format_key(path: Sequence[str | int]) -> str:
    """`("questions", 3, "answer")` as `questions[3].answer`; odd keys are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if _BARE_KEY.fullmatch(part) else '"' + part.replace('"', '\\"') + '"'
            out += f".{name}" if out else name
    return out


def _multiline_string_end(text: str, pos: int) -> int | None:
    """Where the multi-line string starting at `pos` ends, or None if none starts there
    (or it never ends).

    Scanned with str.find rather than a regex: linear on a 20 MB string, no backtracking
    stack, and free of the possessive-quantifier bugs of early Python 3.11 releases (3.11.2
    matched nothing with the pattern this replaces).
    """
    delimiter = text[pos : pos + 3]
    if delimiter not in ('"""', "'''"):
        return None
    search = pos + 3
    while True:
        close = text.find(delimiter, search)
        if close < 0:
            return None
        if delimiter == '"""' and _escaped(text, close, pos + 3):
            search = close + 1  # an escaped quote; the string goes on
            continue
        end = close + 3
        # Up to two more quotes belong to the content: '''ab''''' is "ab''".
        while end < len(text) and end - close < 5 and text[end] == delimiter[0]:
            end += 1
        return end


def _escaped(text: str, at: int, start: int) -> bool:
    """Whether the character at `at` follows an odd run of backslashes (after `start`)."""
    backslashes = 0
    while at - backslashes - 1 >= start and text[at - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1
