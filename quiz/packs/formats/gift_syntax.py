"""The text layer of Moodle GIFT: escapes, format tags, categories, question blocks with
their line numbers, and numerical answer specs. The reader in `gift` builds questions on it;
`gift_export` writes what it reads.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from decimal import Decimal

from quiz.packs.errors import PackError
from quiz.packs.formats.common import numbered_lines, quoted, too_many_questions
from quiz.packs.models import MAX_QUESTIONS

FORMAT_TAG = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
CATEGORY = "$CATEGORY:"

# The escapes, `\\` first so that `\\~` is a backslash and a tilde; `\n` is a newline.
_ESCAPES = (
    ("\\\\", "\\"),
    ("\\~", "~"),
    ("\\=", "="),
    ("\\#", "#"),
    ("\\{", "{"),
    ("\\}", "}"),
    ("\\:", ":"),
    ("\\n", "\n"),
)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


class Escapes:
    """Escaped characters are swapped for private-use characters before parsing, so that the
    parser can split on the special characters with plain string methods, then swapped back.

    The placeholders are chosen among private-use characters the file does not hold, so no
    text, however odd, is mistaken for an escape.
    """

    def __init__(self, text: str) -> None:
        base = 0xE000
        if _PRIVATE_USE.search(text):
            used = set(text)
            while any(chr(base + i) in used for i in range(len(_ESCAPES))):
                base += 1
        self._placeholders = [chr(base + i) for i in range(len(_ESCAPES))]
        self.restore = str.maketrans(
            {
                placeholder: real
                for placeholder, (_, real) in zip(self._placeholders, _ESCAPES, strict=True)
            }
        )
        # translate() looks every character up in a dict; most texts hold no escape, and
        # finding that out is one quick scan.
        self._placeholder = re.compile(f"[{self._placeholders[0]}-{self._placeholders[-1]}]")

    def protect(self, text: str) -> str:
        for placeholder, (escape, _) in zip(self._placeholders, _ESCAPES, strict=True):
            text = text.replace(escape, placeholder)
        return text

    def unescape(self, raw: str) -> tuple[str, str]:
        """One piece of protected text as it reads, and its format tag or ""."""
        fmt = ""
        match = FORMAT_TAG.match(raw) if "[" in raw else None
        if match:
            fmt = match.group(1).lower()
            raw = raw[match.end() :]
        if self._placeholder.search(raw):
            raw = raw.translate(self.restore)
        return raw.strip(), fmt


def category_tags(path: str) -> list[str]:
    """`$course$/top/Politics/Labour` → ["Politics", "Labour"]; `//` is a literal slash.

    Only a leading context (`$course$`, `$system$`, …), the `top` after it and Moodle's
    automatic "Default for <course>" category are left out, so a tag that happens to be
    "top" further down survives."""
    parts = [part.replace("//", "/").strip() for part in re.split(r"(?<!/)/(?!/)", path.strip())]
    if parts and re.fullmatch(r"\$\w+\$", parts[0]):
        parts.pop(0)
    if parts and parts[0].lower() == "top":
        parts.pop(0)
    # Moodle names each course's own category "Default for <course>": a place, not a topic.
    if parts and parts[0].startswith("Default for "):
        parts.pop(0)
    return [part for part in parts if part]


class Block:
    """One question's lines, joined, with a way back from an offset to a file line."""

    __slots__ = ("_lines", "_numbers", "_starts", "first_line", "text")

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.text = "\n".join([text for _, text in lines])
        self.first_line = lines[0][0]
        consecutive = lines[-1][0] - self.first_line == len(lines) - 1
        # Most blocks are a few consecutive lines: counting newlines is quickest. Others (long,
        # or with comment lines cut out) get a table of line starts, made on first use.
        self._lines = None if consecutive and len(self.text) < 4096 else lines
        self._numbers: list[int] = []
        self._starts: list[int] = []

    def line_at(self, offset: int) -> int:
        if self._lines is None:
            return self.first_line + self.text.count("\n", 0, offset)
        if not self._starts:
            self._numbers = [number for number, _ in self._lines]
            self._starts = list(
                itertools.accumulate((len(text) + 1 for _, text in self._lines), initial=0)
            )
        return self._numbers[bisect.bisect_right(self._starts, offset) - 1]


def split_blocks(text: str, filename: str) -> tuple[list[Block], Escapes]:
    """The question blocks of a GIFT file with its escapes swapped for placeholders, and the
    `Escapes` that swaps them back.

    Blank lines separate questions, `//` lines are comments, a `$CATEGORY:` line is a block
    of its own. Lines are counted on "\\n" only, as editors count them. A file with more
    question blocks than a pack holds questions is refused (PackError) as soon as that is
    clear, before the rest is read.
    """
    text = text.lstrip("\ufeff")
    escapes = Escapes(text)
    text = escapes.protect(text)
    blocks: list[Block] = []
    questions = 0
    current: list[tuple[int, str]] = []
    for number, line in numbered_lines(text):
        line = line.removesuffix("\r")
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if not stripped or stripped.startswith(CATEGORY):
            if current:
                blocks.append(Block(current))
                current = []
                questions += 1
                if questions > MAX_QUESTIONS:
                    raise PackError.single(filename, too_many_questions(), line=number)
            if stripped:
                blocks.append(Block([(number, stripped)]))
            continue
        current.append((number, line))
    if current:
        blocks.append(Block(current))
        if questions + 1 > MAX_QUESTIONS:
            raise PackError.single(filename, too_many_questions(), line=current[0][0])
    return blocks, escapes


def number_spec(spec: str) -> tuple[float, float]:
    """`5:1` → (5, 1); `1..5` → (3, 2); `5` → (5, 0). A range is worked out in decimal, so
    that `3.141..3.142` gives 3.1415 ± 0.0005 and not binary rounding noise. Raises
    ValueError with the reason when `spec` is none of these."""
    try:
        if ".." in spec:
            low, high = (Decimal(part.strip()) for part in spec.split("..", 1))
            if low > high:
                raise ValueError
            value, tolerance = float((low + high) / 2), float((high - low) / 2)
        elif ":" in spec:
            value, tolerance = (float(part) for part in spec.split(":", 1))
        else:
            value, tolerance = float(spec), 0.0
    except (ValueError, ArithmeticError):
        raise ValueError(f"{quoted(spec)} is not a number, 'N:TOLERANCE' or 'LOW..HIGH'") from None
    if not (math.isfinite(value) and math.isfinite(tolerance)) or tolerance < 0:
        raise ValueError(f"{quoted(spec)} is not a finite number with a tolerance ≥ 0")
    return value, tolerance
