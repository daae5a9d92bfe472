"""The address students open in a browser to join, and its QR code: drawn in a terminal
with half blocks (two rows of modules a line), or saved as a PNG for a projector."""

from __future__ import annotations

import io
from pathlib import Path

import segno

from quiz.classroom.addresses import host_addresses
from quiz.durable import write_durably
from quiz.errors import QuizError

# Two rows of modules per character: (top dark, bottom dark) → the character.
_HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
QUIET_ZONE = 2  # modules of light border: enough for phone cameras, small for a terminal


def where_to_join(bind: str, port: int, code: str, *, tls: bool) -> tuple[list[str], str]:
    """Where students reach a host bound to `bind`, looked up once: its addresses (every LAN
    address of this machine, loopback last, when it listens on every address; else the one
    it listens on), and the student page's URL at the first of them, with the code."""
    addresses = host_addresses(bind)
    return addresses, page_url(addresses[0], port, code, tls=tls)


def join_url(bind: str, port: int, code: str, *, tls: bool) -> str:
    """The student page's address with the code filled in (`where_to_join`'s URL)."""
    return where_to_join(bind, port, code, tls=tls)[1]


def page_url(address: str, port: int, code: str, *, tls: bool) -> str:
    """The student page at `address` (an IPv6 one bracketed), with the code filled in."""
    if ":" in address:
        address = f"[{address}]"
    return f"{'https' if tls else 'http'}://{address}:{port}/?code={code}"


def qr_lines(text: str, *, light_on_dark: bool = False) -> list[str]:
    """The QR code of `text` as lines of half blocks. The blocks draw the dark modules, for
    dark text on a light background; `light_on_dark` draws the light ones instead, for a
    terminal's usual light text on black."""
    rows = [[bool(module) != light_on_dark for module in row] for row in _matrix(text)]
    if len(rows) % 2:
        rows.append([light_on_dark] * len(rows[0]))  # one more row of quiet zone
    return [
        "".join(_HALF_BLOCKS[pair] for pair in zip(top, bottom, strict=True))
        for top, bottom in zip(rows[::2], rows[1::2], strict=True)
    ]


def _matrix(text: str) -> list[list[int]]:
    code = segno.make(text, micro=False)
    return [list(row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


def save_join_qr(url: str, path: Path) -> str:
    """Save the QR code of the student page's `url` to `path` (`save_qr_png`); the line
    that tells the teacher so."""
    save_qr_png(url, path)
    return f"QR code of {url}: {path}"


def save_qr_png(text: str, path: Path) -> None:
    """Write the QR code of `text` to `path` as a PNG large enough for a projector; a
    QuizError naming the file if it cannot be written."""
    image = io.BytesIO()
    segno.make(text, micro=False).save(image, kind="png", scale=12, border=4)
    try:
        write_durably(path, image.getvalue())
    except OSError as error:
        raise QuizError(f"{path}: cannot write the QR code: {error.strerror or error}") from None
