"""Make untrusted text safe to show in a terminal.

Text from packs, save files and the network may carry escape sequences, C1 controls
(a lone \\x9b starts a CSI sequence on many terminals), NUL, or bidi overrides that reorder
what a reader sees. Textual does not strip them, so every layer that shows such text passes
it through `safe_text` first. Markup is a separate concern: the UI never parses this text as
markup at all.
"""

from __future__ import annotations

import re

# ESC-introduced sequences (CSI, OSC, DCS and two-character escapes), matched as a whole so
# that their parameters don't leak through as text.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?         # CSI
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC, ended by BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?  # DCS, SOS, PM, APC
    | \x1b[@-Z\\-_]?                 # other two-character escapes, or a lone ESC
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls, and the bidi embeddings,
# overrides and isolates (U+202A–U+202E, U+2066–U+2069), plus the line/paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def safe_text(text: str, *, single_line: bool = False) -> str:
    """Return `text` with terminal control sequences and characters removed.

    With `single_line`, newlines and tabs become spaces too (for names and titles).
    """
    cleaned = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))
    if single_line:
        cleaned = " ".join(cleaned.split())
    return cleaned


# A spreadsheet runs a cell starting with one of these as a formula (`=HYPERLINK(…)`).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run as a formula: text starting with `=`,
    `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, which spreadsheets show
    as plain text. Anything else (numbers too) is returned as it is.

    Text that already starts with quotes before such a character gets one more, so that
    `spreadsheet_text` always gives the original back."""
    if isinstance(value, str) and value.lstrip("'").startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_text(cell: str) -> str:
    """The text `spreadsheet_cell` was given, from the cell it wrote."""
    if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_STARTS):
        return cell[1:]
    return cell
