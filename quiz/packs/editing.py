"""A pack's TOML text as editable items that keeps everything else as written.

The editor changes one item at a time (a question, an entity, a relation, a fact, or the
`[pack]` metadata), and an author's comments and layout outside the item they touched must
survive byte for byte. So the document is kept as text cut into slices: each `[[questions]]`,
`[[entities]]`, `[[relations]]` and `[[facts]]` table is a *block* (the comment lines directly
above its header, the header, and its body up to its last key), and so is the `[pack]` table
with its `[pack.source]`; everything between blocks is *fixed* text that no operation
rewrites. Moving an item swaps blocks and leaves the fixed text in place; deleting one drops
a block and, at most, one blank separator; updating an item rewrites only its block, through
tomlkit, so that its own untouched keys and comments stay.

Cutting the text needs to know which lines are table headers and which only look like one
inside a multi-line string or array, so the pack layer's one TOML scanner
(`quiz.packs.locate.table_headers`) finds them; every cut is then checked against a real
parse (`tomli`), and a file we cannot cut exactly is refused with `EditingError` rather than
edited approximately. Questions the editor cannot cut make the whole file refused (they are
what it edits most); another section written some other way (an inline array, dotted keys)
is only read-only, and `read_only_reason` says why. Nothing here imports Textual.
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
from quiz.packs.models import Entity, Fact, PackMeta, Relation, Source
from quiz.packs.pack_toml import QUESTION_KEY_ORDER

QUESTIONS_KEY = "questions"
PACK_KEY = "pack"
# The sections made of [[tables]], in the order a pack is usually written.
ARRAY_SECTIONS = ("entities", "relations", "facts", QUESTIONS_KEY)
SECTIONS = (PACK_KEY, *ARRAY_SECTIONS)
# The order an author reads each item's keys in (new keys are written in this order).
KEY_ORDER: dict[str, tuple[str, ...]] = {
    PACK_KEY: tuple(PackMeta.model_fields),
    "entities": tuple(Entity.model_fields),
    "relations": tuple(Relation.model_fields),
    "facts": tuple(Fact.model_fields),
    QUESTIONS_KEY: QUESTION_KEY_ORDER,
}
_SOURCE_KEY_ORDER = tuple(Source.model_fields)


class EditingError(QuizError):
    """The text cannot be edited safely (not TOML, or laid out in a way we cannot cut)."""


@dataclass
class _Block:
    section: str
    # "" marks where a section's last item was deleted, so a new one goes back there.
    text: str


def _is_trivia(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _starts_block(keys: tuple[str, ...], is_array: bool) -> str | None:
    """The section a header starts a block of, if any."""
    if is_array and len(keys) == 1 and keys[0] in ARRAY_SECTIONS:
        return keys[0]
    if not is_array and keys == (PACK_KEY,):
        return PACK_KEY
    return None


def _cut(text: str) -> tuple[list[str], list[_Block]]:
    """The text as fixed pieces around blocks: len(fixed) == len(blocks) + 1."""
    # Only "\n" ends a TOML line (splitlines would also cut at "\x85" inside a string),
    # so line numbers agree with the scanner's.
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1] + "\n"] if pieces[-1] else [])
    found = table_headers(text)
    if found is None:
        raise EditingError("the pack's layout could not be read; check it with quiz pack check")
    headers = [(text.count("\n", 0, h.pos), h.keys, h.is_array) for h in found]
    starts = [line for line, _, _ in headers] + [len(lines)]
    fixed: list[str] = []
    blocks: list[_Block] = []
    cursor = 0  # first line not yet assigned
    for index, (line, keys, is_array) in enumerate(headers):
        section = _starts_block(keys, is_array)
        if section is None:
            continue
        # Sub-tables such as [[questions.pairs]] or [pack.source] belong to this block.
        following = index + 1
        while following < len(headers):
            sub_keys, sub_array = headers[following][1], headers[following][2]
            if sub_keys[:1] != (section,) or _starts_block(sub_keys, sub_array) is not None:
                break
            following += 1
        end = starts[following]
        # Trailing blank and comment lines belong to what follows, not to this block.
        while end > line + 1 and _is_trivia(lines[end - 1]):
            end -= 1
        # Comment lines directly above the header (no blank line between) describe it.
        start = line
        while start > cursor and lines[start - 1].strip().startswith("#"):
            start -= 1
        fixed.append("".join(lines[cursor:start]))
        blocks.append(_Block(section, "".join(lines[start:end])))
        cursor = end
    fixed.append("".join(lines[cursor:]))
    return fixed, blocks


def _load_toml(text: str, what: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except (tomli.TOMLDecodeError, RecursionError, ValueError) as error:
        raise EditingError(f"{what}: not valid TOML: {error}") from None


def _block_item(block: str, section: str) -> dict[str, Any]:
    data = _load_toml(block, "question" if section == QUESTIONS_KEY else section)
    value = data.get(section)
    if set(data) != {section}:
        raise EditingError(f"a {section} block must hold only its own table")
    if section == PACK_KEY:
        if not isinstance(value, dict):
            raise EditingError("the [pack] block must hold the [pack] table")
        return dict(value)
    if not isinstance(value, list) or len(value) != 1:
        raise EditingError(f"a {section} block must hold exactly one [[{section}]] table")
    return dict(value[0])


def render_item(section: str, item: Mapping[str, Any]) -> str:
    """A `[[section]]` table for `item`, keys in the usual order, ending in a newline."""
    table = tomlkit.table()
    for key in _ordered_keys(section, item):
        table.add(key, _toml_value(key, item[key]))
    doc = tomlkit.document()
    aot = tomlkit.aot()
    aot.append(table)
    doc.add(section, aot)
    return _strip_trailing_blank_lines(doc.as_string().lstrip("\n"))


def render_question(question: Mapping[str, Any]) -> str:
    """A `[[questions]]` table for `question`, keys in the usual order, ending in a newline."""
    return render_item(QUESTIONS_KEY, question)


def _ordered_keys(section: str, item: Mapping[str, Any]) -> list[str]:
    order = KEY_ORDER.get(section, _SOURCE_KEY_ORDER)
    known = [key for key in order if key in item]
    return known + [key for key in item if key not in order]


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
        long_array = tomlkit.array()
        long_array.extend(value)
        return long_array.multiline(True)
    return value


def _update_block(block: str, section: str, item: Mapping[str, Any]) -> str:
    """`block` with its item's keys set to `item`, keeping untouched keys as written."""
    doc = tomlkit.parse(block)
    table = doc[PACK_KEY] if section == PACK_KEY else doc[section][0]
    assert isinstance(table, Table)
    _update_table(table, _block_item(block, section), item, section)
    return _strip_trailing_blank_lines(doc.as_string())


def _update_table(table: Table, old: Mapping[str, Any], new: Mapping[str, Any], order: str) -> None:
    for key in list(old):
        if key not in new:
            del table[key]
    for key in _ordered_keys(order, new):
        if key in old and _same_value(old[key], new[key]):
            continue
        found = table.value.item(key) if key in old else None
        previous = found if isinstance(found, Item) else None
        if isinstance(previous, Table) and isinstance(new[key], Mapping):
            # A sub-table such as [pack.source]: its own keys are updated in place.
            _update_table(previous, old[key], new[key], "source")
            continue
        value: Item
        if isinstance(new[key], Mapping):
            sub_table = tomlkit.table()
            for sub_key in _ordered_keys("source", new[key]):
                sub_table.add(sub_key, _toml_value(sub_key, new[key][sub_key]))
            value = sub_table
        else:
            value = tomlkit.item(_toml_value(key, new[key]))
        if previous is not None:
            value.trivia.comment_ws = previous.trivia.comment_ws
            value.trivia.comment = previous.trivia.comment
            table[key] = value
        else:
            table.add(key, value)


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
    if isinstance(old, dict) and isinstance(new, Mapping):
        return set(old) == set(new) and all(_same_value(old[k], new[k]) for k in old)
    return type(old) is type(new) and old == new


class PackDocument:
    """A pack's text with its items editable one by one; see the module docstring.

    Items are addressed by section (`SECTIONS`) and index within it; the `[pack]` section
    has the one item 0. The question methods without a section (`update`, `insert`, …) are
    the same operations on `questions`. Every method either succeeds and leaves a
    consistent document, or raises EditingError and leaves it unchanged. `text` is always
    the document as it would be written.
    """

    def __init__(self, text: str) -> None:
        data = _load_toml(text, "pack")
        fixed, blocks = _cut(text)
        self._read_only: dict[str, str] = {}
        for section in SECTIONS:
            found = [_block_item(b.text, section) for b in blocks if b.section == section]
            expected = data.get(section, [] if section != PACK_KEY else None)
            if section == PACK_KEY:
                found_pack = found[0] if len(found) == 1 else None
                if found_pack != expected:
                    self._read_only[section] = (
                        "the [pack] table is not written as one [pack] table the editor can "
                        "cut apart; edit it in a text editor"
                    )
                continue
            if found != expected:
                self._read_only[section] = (
                    f"the {section} are not all written as [[{section}]] tables that the "
                    f"editor can cut apart (e.g. an inline array); rewrite them as "
                    f"[[{section}]] tables"
                )
        if QUESTIONS_KEY in self._read_only:
            raise EditingError(self._read_only[QUESTIONS_KEY])
        # A section the editor cannot cut apart is kept as fixed text, never rewritten.
        self._fixed = [fixed[0]]
        self._blocks: list[_Block] = []
        for block, after in zip(blocks, fixed[1:], strict=True):
            if block.section in self._read_only:
                self._fixed[-1] += block.text + after
            else:
                self._blocks.append(block)
                self._fixed.append(after)

    # Reading

    @property
    def text(self) -> str:
        """The whole document as TOML text."""
        pieces: list[str] = []
        for fixed, block in zip(self._fixed, self._blocks, strict=False):
            pieces += [fixed, block.text]
        pieces.append(self._fixed[-1])
        return "".join(pieces)

    def read_only_reason(self, section: str) -> str | None:
        """Why `section` cannot be edited here, or None when it can."""
        return self._read_only.get(section)

    def _positions(self, section: str) -> list[int]:
        return [n for n, b in enumerate(self._blocks) if b.section == section and b.text]

    def _position(self, section: str, index: int) -> int:
        self._check_editable(section)
        positions = self._positions(section)
        if not 0 <= index < len(positions):
            raise EditingError(f"there is no {section} item {index + 1}")
        return positions[index]

    def _check_editable(self, section: str) -> None:
        if section not in SECTIONS:
            raise EditingError(f"unknown section {section!r}")
        reason = self._read_only.get(section)
        if reason is not None:
            raise EditingError(reason)

    def count(self, section: str) -> int:
        """How many items `section` has (0 or 1 for `pack`)."""
        if section in self._read_only:
            return len(self.items(section))
        return len(self._positions(section))

    def items(self, section: str) -> list[dict[str, Any]]:
        """Every item of `section` as plain data, in file order."""
        if section in self._read_only:
            value = _load_toml(self.text, "pack").get(section)
            if section == PACK_KEY:
                return [dict(value)] if isinstance(value, dict) else []
            listed = value if isinstance(value, list) else []
            return [dict(item) for item in listed if isinstance(item, dict)]
        return [_block_item(self._blocks[n].text, section) for n in self._positions(section)]

    def item(self, section: str, index: int) -> dict[str, Any]:
        """Item `index` of `section` as plain data."""
        if section in self._read_only:
            return self.items(section)[index]
        return _block_item(self._blocks[self._position(section, index)].text, section)

    def item_line(self, section: str, index: int) -> int:
        """1-based line of the header of item `index` of `section`."""
        position = self._position(section, index)
        before = self._text_before_position(position)
        block_lines = self._blocks[position].text.splitlines()
        offset = next(
            (n for n, line in enumerate(block_lines) if not line.strip().startswith("#")), 0
        )
        return before.count("\n") + offset + 1

    def _text_before_position(self, position: int) -> str:
        pieces: list[str] = []
        for n in range(position):
            pieces += [self._fixed[n], self._blocks[n].text]
        pieces.append(self._fixed[position])
        return "".join(pieces)

    def __len__(self) -> int:
        return self.count(QUESTIONS_KEY)

    def questions(self) -> list[dict[str, Any]]:
        """Every question as plain data, in file order."""
        return self.items(QUESTIONS_KEY)

    def question(self, index: int) -> dict[str, Any]:
        """Question `index` as plain data."""
        return self.item(QUESTIONS_KEY, index)

    def block(self, index: int) -> str:
        """The text of question `index`: its comments, header and keys."""
        return self._blocks[self._position(QUESTIONS_KEY, index)].text

    def line_of(self, index: int) -> int:
        """1-based line of question `index`'s `[[questions]]` header."""
        return self.item_line(QUESTIONS_KEY, index)

    def text_before(self, index: int) -> str:
        """All text before question `index`'s block."""
        return self._text_before_position(self._position(QUESTIONS_KEY, index))

    # Editing items of any section

    def update_item(self, section: str, index: int, item: Mapping[str, Any]) -> None:
        """Set item `index` of `section` to `item`, rewriting only the keys that changed."""
        block = self._blocks[self._position(section, index)]
        block.text = _update_block(block.text, section, item)

    def insert_item(self, section: str, index: int, item: Mapping[str, Any]) -> int:
        """Add `item` so that it becomes item `index` of `section`; returns that index."""
        self._check_editable(section)
        if section == PACK_KEY:
            raise EditingError("a pack has one [pack] table")
        new = _Block(section, render_item(section, item))
        positions = self._positions(section)
        index = max(0, min(index, len(positions)))
        if positions and index == len(positions):
            # After the last item and before whatever follows it.
            at = positions[-1] + 1
            self._fixed.insert(at, "\n")
            self._blocks.insert(at, new)
        elif positions:
            # Before item `index`, taking over its place after the fixed text above it.
            at = positions[index]
            self._fixed.insert(at + 1, "\n")
            self._blocks.insert(at, new)
        else:
            self._insert_first(new)
            return 0
        return index

    def _insert_first(self, new: _Block) -> None:
        """Place the first item of a section: where its last one was deleted, else after the
        sections that come before it (the [pack] table if only later sections have items),
        else at the end of the file."""
        placeholder = next(
            (n for n, b in enumerate(self._blocks) if b.section == new.section and not b.text),
            None,
        )
        if placeholder is not None:
            self._blocks[placeholder] = new
            self._separate(placeholder)
            return
        order = ARRAY_SECTIONS.index(new.section)
        earlier, later = ARRAY_SECTIONS[:order], ARRAY_SECTIONS[order + 1 :]
        anchor = max(
            (n for n, b in enumerate(self._blocks) if b.section in earlier and b.text),
            default=None,
        )
        if anchor is None and any(b.section in later for b in self._blocks):
            # Before the later sections (or where one stood, its last item deleted): right
            # after the [pack] table, if there is one.
            anchor = next((n for n, b in enumerate(self._blocks) if b.section == PACK_KEY), None)
        if anchor is not None:
            self._fixed.insert(anchor + 1, "\n")
            self._blocks.insert(anchor + 1, new)
            return
        self._fixed[-1] = _ensure_newline(self._fixed[-1])
        self._blocks.append(new)
        self._fixed.append("")
        self._separate(len(self._blocks) - 1)

    def _separate(self, position: int) -> None:
        """A blank line between block `position` and any text before or after it."""
        head = self._fixed[position]
        before = self._text_before_position(position)
        if before.strip():
            missing = 2 - (len(before) - len(before.rstrip("\n")))
            head += "\n" * max(0, missing)
        tail = self._fixed[position + 1]
        after = tail + "".join(b.text for b in self._blocks[position + 1 :])
        if after.strip() and not tail.startswith("\n"):
            tail = "\n" + tail
        self._fixed[position], self._fixed[position + 1] = head, tail

    def duplicate_item(self, section: str, index: int, new_id: str) -> int:
        """Copy item `index` (without the comments above it) right after it, as `new_id`."""
        if section == PACK_KEY:
            raise EditingError("a pack has one [pack] table")
        position = self._position(section, index)
        item = self.item(section, index)
        item["id"] = new_id
        lines = self._blocks[position].text.splitlines(keepends=True)
        while lines and lines[0].strip().startswith("#"):
            lines.pop(0)
        copy = _update_block("".join(lines), section, item)
        self._fixed.insert(position + 1, "\n")
        self._blocks.insert(position + 1, _Block(section, copy))
        return index + 1

    def delete_item(self, section: str, index: int) -> None:
        """Remove item `index` of `section` and the comments directly above it, no other text."""
        if section == PACK_KEY:
            raise EditingError("a pack needs its [pack] table")
        position = self._position(section, index)
        before, after = self._fixed[position], self._fixed[position + 1]
        if not after.strip():
            merged, at = before, len(before)
        elif not before.strip():
            merged, at = after, 0
        else:
            merged, at = before + after, len(before)
        if len(self._positions(section)) == 1:
            # Keep the place, so that a new first item goes back where this one was.
            self._blocks[position] = _Block(section, "")
            self._fixed[position : position + 2] = [merged[:at], merged[at:]]
        else:
            del self._blocks[position]
            self._fixed[position : position + 2] = [merged]

    def move_item(self, section: str, index: int, offset: int) -> int:
        """Swap item `index` with its neighbour `offset` (-1 up, +1 down); new index."""
        self._check_editable(section)
        positions = self._positions(section)
        target = index + offset
        if not 0 <= index < len(positions) or not 0 <= target < len(positions) or offset == 0:
            return index
        one, other = self._blocks[positions[index]], self._blocks[positions[target]]
        one.text, other.text = other.text, one.text
        return target

    def unique_item_id(self, section: str, base: str) -> str:
        """An id no item of `section` uses: `base`, or `base-2`, `base-3`, …"""
        used = {str(item.get("id")) for item in self.items(section)}
        if base not in used:
            return base
        stem = re.sub(r"-\d+$", "", base)[:58]
        number = 2
        while f"{stem}-{number}" in used:
            number += 1
        return f"{stem}-{number}"

    # Editing questions

    def update(self, index: int, question: Mapping[str, Any]) -> None:
        """Set question `index` to `question`, rewriting only the keys that changed."""
        self.update_item(QUESTIONS_KEY, index, question)

    def insert(self, index: int, question: Mapping[str, Any]) -> int:
        """Add `question` so that it becomes question `index`; returns that index."""
        return self.insert_item(QUESTIONS_KEY, index, question)

    def duplicate(self, index: int, new_id: str) -> int:
        """Copy question `index` (without the comments above it) right after it, as `new_id`."""
        return self.duplicate_item(QUESTIONS_KEY, index, new_id)

    def delete(self, index: int) -> None:
        """Remove question `index` and the comments directly above it, but no other text."""
        self.delete_item(QUESTIONS_KEY, index)

    def move(self, index: int, offset: int) -> int:
        """Swap question `index` with its neighbour `offset` (-1 up, +1 down); new index."""
        return self.move_item(QUESTIONS_KEY, index, offset)

    def unique_id(self, base: str) -> str:
        """An id not used by any question: `base`, or `base-2`, `base-3`, …"""
        return self.unique_item_id(QUESTIONS_KEY, base)


def _ensure_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"
