"""Text that other formats hold as HTML or Markdown, turned into the plain text a pack holds.

Moodle writes question texts as HTML (Moodle XML's `format="html"`, GIFT's `[html]`), and
sometimes as Markdown. A pack's texts are shown literally, so markup would show as `<p>` and
`**`. `html_to_text` keeps what a reader sees: tags are removed, entities decoded (`&amp;` is
`&`), spaces collapse as a browser collapses them, and `<br>`, paragraphs, list items and other
blocks become line breaks. Scripts and styles are dropped. Images cannot be carried: each is
returned (its alt text, else its file name) so the importer can report it.
"""

from __future__ import annotations

import html
import re

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


# A tag, a comment, or a declaration; `<` followed by anything else is text, as in browsers.
_TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)
    | <(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>
    | <[!?][^>]*>""",
    re.DOTALL | re.VERBOSE,
)
_ONE_PARAGRAPH = re.compile(r"\s*<p(?:\s[^<>]*)?>([^<]*)</p>\s*", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-zA-Z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """The plain text a browser shows for `markup`, and the images it held (alt text or
    file name), in order."""
    if "<" not in markup:
        return _tidy(_data(markup, 0)), []
    simple = _ONE_PARAGRAPH.fullmatch(markup)
    if simple:  # Moodle's editor wraps most answers so: <p>Unite</p>
        return _tidy(_data(simple.group(1), 0)), []
    pieces: list[str] = []
    images: list[str] = []
    hidden: str | None = None  # the tag whose content is being skipped (script, style…)
    pre = 0
    position = 0
    for token in _TOKEN.finditer(markup):
        if hidden is None and token.start() > position:
            pieces.append(_data(markup[position : token.start()], pre))
        position = token.end()
        closing, name = token.group(1), (token.group(2) or "").lower()
        if not name:
            continue  # a comment or declaration
        if hidden is not None:
            if closing and name == hidden:
                hidden = None
            continue
        if name in _HIDDEN:
            if not closing and not token.group(3).rstrip().endswith("/"):
                hidden = name
        elif name == "br":
            pieces.append("\n")
        elif name == "img" and not closing:
            found = {
                key.lower(): value.strip("\"'") for key, value in _ATTRIBUTE.findall(token.group(3))
            }
            alt = html.unescape(found.get("alt", "")).strip()
            source = html.unescape(found.get("src", "")).strip()
            images.append(alt or source.rsplit("/", 1)[-1] or "an image")
        elif name in _BLOCKS:
            pieces.append("\n")
            if name == "pre":
                pre = max(0, pre - 1) if closing else pre + 1
    if hidden is None and position < len(markup):
        pieces.append(_data(markup[position:], pre))
    return _tidy("".join(pieces)), images


def _data(text: str, pre: int) -> str:
    """Text between tags: entities decoded, spaces collapsed unless inside <pre>."""
    if "&" in text:
        text = html.unescape(text)
    return text.replace("\r\n", "\n") if pre else _SPACES.sub(" ", text)


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
