"""Untrusted text made safe to show: control characters stripped, never parsed as markup.

Everything from a pack, a save file or a player goes through `literal` (or `literal_text`
for DataTable cells) before a widget sees it. Styled lines that embed such text use
`Content.from_markup("…$name…", name=text)`, which substitutes the variable as plain text.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from quiz.safe_text import safe_text


def literal(text: str, *, single_line: bool = False) -> Content:
    """`text` as Content that shows exactly its characters, never markup."""
    return Content(safe_text(text, single_line=single_line))


def literal_text(text: str, *, single_line: bool = True) -> Text:
    """`text` as a rich Text cell (for DataTable), never markup."""
    return Text(safe_text(text, single_line=single_line))


def styled(markup: str, **variables: str) -> Content:
    """Our own `markup` with untrusted `variables` substituted literally ($name in markup)."""
    return Content.from_markup(markup, **{k: safe_text(v) for k, v in variables.items()})
