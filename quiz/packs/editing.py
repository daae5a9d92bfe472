"""A pack's TOML text as an editable list of questions that keeps everything else as written.

The editor changes questions one at a time, and an author's comments and layout outside the
question they touched must survive byte for byte. So the document is kept as text cut into
slices: each `[[questions]]` table is a *block* (the comment lines directly above its header,
the header, and its body up to its last key), and everything between blocks is *fixed* text
that no operation rewrites. Moving a question swaps blocks and leaves the fixed text in
place; deleting one drops a block and, at most, one blank separator; updating a question
rewrites only its block, through tomlkit, so that its own untouched keys and comments stay.

Cutting the text needs to know which lines are table headers and which only look like one
inside a multi-line string or array, so the pack layer's one TOML scanner
(`quiz.packs.locate.table_headers`) finds them; every cut is then checked against a real
parse (`tomli`), and a file we cannot cut exactly is refused with `EditingError` rather than
edited approximately. Nothing here imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import tomli
import tomlkit
from tomlkit.items import Item, Table

from quiz.errors import QuizError
from quiz.packs.locate import table_headers
from quiz.packs.pack_toml import QUESTION_KEY_ORDER

QUESTIONS_KEY = "questions"


class EditingError(QuizError):
    """The text cannot be edited safely (not TOML, or laid out in a way we cannot cut)."""


@dataclass(frozen=True)
class _Header:
    line: int  # 0-based line index
    path: tuple[str, ...]
    is_array: bool


def _is_trivia(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


@dataclass
class _Layout:
    fixed: list[str]  # len(blocks) + 1 pieces of text kept as written
    blocks: list[str]


def _cut(text: str) -> _Layout:
    # Only "\n" ends a TOML line (splitlines would also cut at "\x85" inside a string),
    # so line numbers agree with the scanner's.
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1] + "\n"] if pieces[-1] else [])
    found = table_headers(text)
    if found is None:
        raise EditingError("the pack's layout could not be read; check it with quiz pack check")
    headers = [_Header(text.count("\n", 0, h.pos), h.keys, h.is_array) for h in found]
    starts = [h.line for h in headers] + [len(lines)]
    fixed: list[str] = []
    blocks: list[str] = []
    cursor = 0  # first line not yet assigned
    for index, header in enumerate(headers):
        if not (header.is_array and header.path == (QUESTIONS_KEY,)):
            continue
        end = starts[index + 1]
        # Sub-tables such as [[questions.pairs]] belong to this question.
        following = index + 1
        while following < len(headers) and headers[following].path[:1] == (QUESTIONS_KEY,):
            if headers[following].path == (QUESTIONS_KEY,) and headers[following].is_array:
                break
            following += 1
        end = starts[following]
        # Trailing blank and comment lines belong to what follows, not to this question.
        while end > header.line + 1 and _is_trivia(lines[end - 1]):
            end -= 1
        # Comment lines directly above the header (no blank line between) describe it.
        start = header.line
        while start > cursor and lines[start - 1].strip().startswith("#"):
            start -= 1
        fixed.append("".join(lines[cursor:start]))
        blocks.append("".join(lines[start:end]))
        cursor = end
    fixed.append("".join(lines[cursor:]))
    return _Layout(fixed, blocks)


def _load_toml(text: str, what: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except (tomli.TOMLDecodeError, RecursionError, ValueError) as error:
        raise EditingError(f"{what}: not valid TOML: {error}") from None


def _block_question(block: str) -> dict[str, Any]:
    data = _load_toml(block, "question")
    questions = data.get(QUESTIONS_KEY)
    if not isinstance(questions, list) or len(questions) != 1 or set(data) != {QUESTIONS_KEY}:
        raise EditingError("a question block must hold exactly one [[questions]] table")
    return dict(questions[0])


def render_question(question: Mapping[str, Any]) -> str:
    """A `[[questions]]` table for `question`, keys in the usual order, ending in a newline."""
    table = tomlkit.table()
    for key in _ordered_keys(question):
        table.add(key, _toml_value(key, question[key]))
    doc = tomlkit.document()
    aot = tomlkit.aot()
    aot.append(table)
    doc.add(QUESTIONS_KEY, aot)
    return _strip_trailing_blank_lines(doc.as_string().lstrip("\n"))


def _ordered_keys(question: Mapping[str, Any]) -> list[str]:
    known = [key for key in QUESTION_KEY_ORDER if key in question]
    return known + [key for key in question if key not in QUESTION_KEY_ORDER]


def _toml_value(key: str, value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if key == "pairs" and isinstance(value, list):
        array = tomlkit.array()
        for pair in value:
            inline = tomlkit.inline_table()
            inline.update(pair)
            array.append(inline)
        return array.multiline(True)
    if isinstance(value, list) and sum(len(str(item)) for item in value) > 70:
        long_list = tomlkit.array()
        for item in value:
            long_list.append(item)
        return long_list.multiline(True)
    return value


def _update_block(block: str, question: Mapping[str, Any]) -> str:
    """`block` with its question's keys set to `question`, keeping untouched keys as written."""
    doc = tomlkit.parse(block)
    table = doc[QUESTIONS_KEY][0]
    assert isinstance(table, Table)
    old = _block_question(block)
    for key in list(old):
        if key not in question:
            del table[key]
    for key in _ordered_keys(question):
        if key in old and _same_value(old[key], question[key]):
            continue
        value = tomlkit.item(_toml_value(key, question[key]))
        if key in old:
            previous = table.value.item(key)
            if isinstance(previous, Item):  # keep the comment written after the value
                value.trivia.comment_ws = previous.trivia.comment_ws
                value.trivia.comment = previous.trivia.comment
            table[key] = value
        else:
            table.add(key, value)
    return _strip_trailing_blank_lines(doc.as_string())


def _strip_trailing_blank_lines(text: str) -> str:
    lines = text.splitlines(keepends=True)
    while lines and not lines[-1].strip():
        lines.pop()
    return "".join(lines)


def _same_value(old: Any, new: Any) -> bool:
    """Equal and of the same TOML type (1 and 1.0 count as the same, True and 1 do not)."""
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, int | float) and isinstance(new, int | float):
        return old == new
    return type(old) is type(new) and old == new


class PackDocument:
    """A pack's text with its questions editable one by one; see the module docstring.

    Every method either succeeds and leaves a consistent document, or raises EditingError
    and leaves it unchanged. `text` is always the document as it would be written.
    """

    def __init__(self, text: str) -> None:
        data = _load_toml(text, "pack")
        layout = _cut(text)
        expected = data.get(QUESTIONS_KEY, [])
        if not isinstance(expected, list):
            raise EditingError("'questions' must be a list of [[questions]] tables")
        found = [_block_question(block) for block in layout.blocks]
        if found != expected:
            raise EditingError(
                "the questions are not all written as [[questions]] tables that the editor "
                "can cut apart (e.g. an inline array); rewrite them as [[questions]] tables"
            )
        self._fixed = layout.fixed
        self._blocks = layout.blocks
        # Where in the text the questions were, once the last one is deleted.
        self._empty_at: int | None = None

    # Reading

    @property
    def text(self) -> str:
        """The whole document as TOML text."""
        pieces: list[str] = []
        for fixed, block in zip(self._fixed, self._blocks, strict=False):
            pieces += [fixed, block]
        pieces.append(self._fixed[-1])
        return "".join(pieces)

    def __len__(self) -> int:
        return len(self._blocks)

    def questions(self) -> list[dict[str, Any]]:
        """Every question as plain data, in file order."""
        return [_block_question(block) for block in self._blocks]

    def question(self, index: int) -> dict[str, Any]:
        """Question `index` as plain data."""
        return _block_question(self._blocks[index])

    def block(self, index: int) -> str:
        """The text of question `index`: its comments, header and keys."""
        return self._blocks[index]

    def line_of(self, index: int) -> int:
        """1-based line of question `index`'s `[[questions]]` header."""
        before = self.text_before(index)
        block_lines = self._blocks[index].splitlines()
        offset = next(
            (n for n, line in enumerate(block_lines) if not line.strip().startswith("#")), 0
        )
        return before.count("\n") + offset + 1

    def text_before(self, index: int) -> str:
        """All text before question `index`'s block."""
        pieces: list[str] = []
        for i in range(index):
            pieces += [self._fixed[i], self._blocks[i]]
        pieces.append(self._fixed[index])
        return "".join(pieces)

    # Editing

    def update(self, index: int, question: Mapping[str, Any]) -> None:
        """Set question `index` to `question`, rewriting only the keys that changed."""
        self._blocks[index] = _update_block(self._blocks[index], question)

    def insert(self, index: int, question: Mapping[str, Any]) -> int:
        """Add `question` so that it becomes question `index`; returns that index."""
        index = max(0, min(index, len(self._blocks)))
        block = render_question(question)
        if not self._blocks:
            # Where the last question was deleted from, else at the end of the file.
            text = _ensure_newline(self._fixed[0])
            at = len(text) if self._empty_at is None else min(self._empty_at, len(text))
            head, tail = text[:at], text[at:]
            if head.strip() and not head.endswith("\n\n"):
                head += "\n"
            if tail.strip() and not tail.startswith("\n"):
                tail = "\n" + tail
            self._fixed = [head, tail]
            self._blocks = [block]
            return 0
        if index == len(self._blocks):
            # After the last question and before whatever follows it.
            self._fixed.insert(index, "\n")
        else:
            # Before question `index`, taking over its place after the fixed text above it.
            self._fixed.insert(index + 1, "\n")
        self._blocks.insert(index, block)
        return index

    def duplicate(self, index: int, new_id: str) -> int:
        """Copy question `index` (without the comments above it) right after it, as `new_id`."""
        question = self.question(index)
        question["id"] = new_id
        lines = self._blocks[index].splitlines(keepends=True)
        while lines and lines[0].strip().startswith("#"):
            lines.pop(0)
        copy = _update_block("".join(lines), question)
        self._fixed.insert(index + 1, "\n")
        self._blocks.insert(index + 1, copy)
        return index + 1

    def delete(self, index: int) -> None:
        """Remove question `index` and the comments directly above it, but no other text."""
        del self._blocks[index]
        before, after = self._fixed[index], self._fixed[index + 1]
        if not after.strip():
            merged, self._empty_at = before, len(before)
        elif not before.strip():
            merged, self._empty_at = after, 0
        else:
            merged, self._empty_at = before + after, len(before)
        self._fixed[index : index + 2] = [merged]

    def move(self, index: int, offset: int) -> int:
        """Swap question `index` with its neighbour `offset` (-1 up, +1 down); new index."""
        target = index + offset
        if not 0 <= target < len(self._blocks) or offset == 0:
            return index
        blocks = self._blocks
        blocks[index], blocks[target] = blocks[target], blocks[index]
        return target

    def unique_id(self, base: str) -> str:
        """An id not used by any question: `base`, or `base-2`, `base-3`, …"""
        used = {str(q.get("id")) for q in self.questions()}
        if base not in used:
            return base
        stem = re.sub(r"-\d+$", "", base)[:58]
        number = 2
        while f"{stem}-{number}" in used:
            number += 1
        return f"{stem}-{number}"


def _ensure_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"
