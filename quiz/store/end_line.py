"""The line that ends every save file, so that a file cut short can't pass for a whole one.

Every save file this quiz writes ends with `# end sha256=<hex>`: a TOML comment holding the
SHA-256 of everything before it. A file cut anywhere (at a byte, at a line, between two
tables) has lost that line or no longer matches it, so it is treated as damaged instead of
silently losing the rounds after the cut. Someone editing a save file by hand can end it
with a bare `# end` instead: the line still proves the file is whole, without the checksum.
"""

from __future__ import annotations

import hashlib
import re

from quiz.store.errors import BadFile

# The checksum form may lack its final newline (nothing is lost then); the bare form may not,
# or a file cut just after the "# end" of a checksum line would pass.
_END_LINE = re.compile(rb"# end(?: sha256=([0-9a-f]{64})[ \t]*\r?\n?|[ \t]*\r?\n)")


def add_end_line(text: str) -> bytes:
    """`text` as UTF-8 with its end line added (a newline is added first if missing)."""
    body = text.encode("utf-8")
    if body and not body.endswith(b"\n"):
        body += b"\n"
    return body + b"# end sha256=" + hashlib.sha256(body).hexdigest().encode() + b"\n"


def split_end_line(raw: bytes) -> tuple[bytes, bool]:
    """The file's content without its end line, and whether it had one.

    Raises BadFile when the end line is there but its checksum does not match the content.
    """
    start = raw.rfind(b"\n", 0, len(raw) - 1) + 1
    match = _END_LINE.fullmatch(raw, start)
    if match is None:
        return raw, False
    body = raw[:start]
    expected = match.group(1)
    if expected is not None and hashlib.sha256(body).hexdigest().encode() != expected:
        raise BadFile(
            "its content does not match the checksum on its last line (changed or damaged)"
        )
    return body, True


def ends_whole(tail: bytes) -> bool:
    """Whether the last bytes of a file (a few hundred are enough) end with an end line;
    a quick look, without the checksum, for files that are not read in full."""
    start = tail.rfind(b"\n", 0, len(tail) - 1) + 1
    return _END_LINE.fullmatch(tail, start) is not None
