"""Text that other formats hold as HTML or Markdown, turned into the plain text a pack holds.

Moodle writes question texts as HTML (Moodle XML's `format="html"`, GIFT's `[html]`), and
sometimes as Markdown. A pack's texts are shown literally, so markup would show as `<p>` and
`**`. `html_to_text` keeps what a reader sees: tags are removed, entities decoded (`&amp;` is
`&`), spaces collapse as a browser collapses them, and `<br>`, paragraphs, list items and other
blocks become line breaks. Scripts and styles are dropped. Images cannot be carried: each is
returned (its alt text, else its file name) so the importer can report it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "section",
        "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "dl",
        "hr", "figure", "figcaption",
    }
)  # fmt: skip
_HIDDEN = frozenset({"script", "style", "head", "title", "template"})
_SPACES = re.compile(r"[ \t\r\n\f]+")
_BREAKS = re.compile(r" *\n[ \n]*")
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MARKDOWN_STRONG = re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1")
_MARKDOWN_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_MARKDOWN_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_MARKDOWN_CODE = re.compile(r"`([^`]+)`")
_MARKDOWN_LINE_MARK = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]?)", re.MULTILINE)
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.images: list[str] = []
        self._hidden = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self.pieces.append("\n")
        elif tag == "img":
            found = dict(attrs)
            name = (found.get("alt") or "").strip()
            source = (found.get("src") or "").strip()
            self.images.append(name or source.rsplit("/", 1)[-1] or "an image")
        elif tag in _BLOCKS:
            self.pieces.append("\n")
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.pieces.append("\n")
            if tag == "pre":
                self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._pre:
            self.pieces.append(data.replace("\r\n", "\n"))
        else:
            self.pieces.append(_SPACES.sub(" ", data))


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """The plain text a browser shows for `markup`, and the images it held (alt text or
    file name), in order."""
    if "<" not in markup and "&" not in markup:
        return _tidy(_SPACES.sub(" ", markup)), []
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return _tidy("".join(reader.pieces)), reader.images


def markdown_to_text(markup: str) -> tuple[str, list[str]]:
    """The plain text of Moodle-style Markdown: emphasis, code marks, heading and quote marks
    and backslash escapes removed, links as their text; images returned as for HTML."""
    images = [
        alt.strip() or source.rsplit("/", 1)[-1] for alt, source in _MARKDOWN_IMAGE.findall(markup)
    ]
    text = _MARKDOWN_IMAGE.sub("", markup)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _MARKDOWN_CODE.sub(r"\1", text)
    text = _MARKDOWN_STRONG.sub(r"\2", text)
    text = _MARKDOWN_EMPHASIS.sub(r"\1", text)
    text = _MARKDOWN_UNDERSCORE.sub(r"\1", text)
    text = _MARKDOWN_LINE_MARK.sub("", text)
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    return text.strip(), images


def _tidy(text: str) -> str:
    """One line break wherever there were breaks and blocks, without spaces around it."""
    return _BREAKS.sub("\n", text.replace("\u00a0", " ")).strip(" \n")
