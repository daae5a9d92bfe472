"""The list of one section's items, with a filter box: free text, `tag:NAME` or `type:KIND`."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from quiz.safe_text import safe_text

TYPE_BADGES = {
    "single": "1of",
    "multiple": "Nof",
    "true_false": "T/F",
    "typed": "txt",
    "ordering": "ord",
    "matching": "mat",
    "numeric": "num",
}
# What `type:` filters on in each section (a question's type, an entity's kind, …).
_KIND_KEYS = {"questions": "type", "entities": "kind", "relations": "object"}


def _texts(value: Any) -> list[str]:
    if isinstance(value, Mapping):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return [str(value)]


def matches_filter(item: Mapping[str, Any], query: str, section: str = "questions") -> bool:
    """Whether `item` passes the filter `query`: every word must match.

    `tag:x` needs the tag (or, for entities, the role) x, `type:x` a question type, entity
    kind or relation object starting with x; any other word must appear (ignoring case) in
    the id or, for questions, the prompt and tags, for other items any of their text.
    """
    tags = [str(tag).casefold() for tag in [*item.get("tags", []), *item.get("roles", [])]]
    if section == "questions":
        texts = [str(item.get("id", "")), str(item.get("prompt", "")), *tags]
    else:
        texts = _texts(dict(item))
    haystack = " ".join(texts).casefold()
    kind = str(item.get(_KIND_KEYS.get(section, "type"), ""))
    for word in query.casefold().split():
        if word.startswith("tag:"):
            if word[4:] not in tags:
                return False
        elif word.startswith("type:"):
            if not kind.startswith(word[5:]):
                return False
        elif word not in haystack:
            return False
    return True


def _clean(value: Any) -> str:
    return safe_text(str(value), single_line=True)


def list_label(number: int, item: Mapping[str, Any], section: str = "questions") -> Content:
    """One line for the list: number, a badge, the id and a summary, shown literally."""
    if section == "questions":
        badge = TYPE_BADGES.get(str(item.get("type")), "?")
        summary = _clean(item.get("prompt", "")) or "(no prompt)"
    elif section == "facts":
        badge = ""
        target = item.get("object", item.get("value", ""))
        summary = " ".join(_clean(item.get(key, "")) or "?" for key in ("subject", "relation")) + (
            f" {_clean(target)}" if target not in ("", None) else ""
        )
    elif section == "entities":
        badge = _clean(item.get("kind", "?"))[:6]
        summary = _clean(item.get("name", "")) or "(no name)"
    elif section == "relations":
        badge = _clean(item.get("object", "entity"))[:3]
        template = item.get("ask_object") or item.get("ask_subject") or item.get("statement")
        summary = _clean(template or "(asks nothing yet)")
    else:
        return Content.from_markup(
            "[b]\\[pack][/b] $title", title=_clean(item.get("title", "")) or "(no title)"
        )
    return Content.from_markup(
        "[dim]$number $badge[/] [b]$id[/b] $summary",
        number=f"{number:>3}",
        badge=badge,
        id=_clean(item.get("id", "")),
        summary=summary,
    )


class ItemList(Vertical):
    """The filter box above the list of items; posts `Chosen` when one is highlighted."""

    class Chosen(Message):
        """The author moved to item `index` (its place in the file)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, cursor_blink: bool = True) -> None:
        super().__init__(id="item-list")
        self._items: list[dict[str, Any]] = []
        self._section = "questions"
        self._selected = 0
        self._cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        box = Input(placeholder="filter: words, tag:x, type:x", id="filter", compact=True)
        box.cursor_blink = self._cursor_blink
        yield box
        yield OptionList(id="items")

    @property
    def options(self) -> OptionList:
        return self.query_one("#items", OptionList)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#filter", Input)

    def show(self, section: str, items: Sequence[dict[str, Any]], selected: int) -> None:
        """Show `items` of `section` (those passing the filter) with `selected` highlighted."""
        if section != self._section:
            with self.prevent(Input.Changed):
                self.filter_box.value = ""
        self._section = section
        self._items = list(items)
        self._selected = selected
        self._rebuild()

    def relabel(self, index: int, item: dict[str, Any]) -> None:
        """Refresh the line of item `index` after an edit."""
        self._items[index] = item
        # An item filtered out of view has no line to refresh.
        with contextlib.suppress(OptionDoesNotExist):
            self.options.replace_option_prompt(
                str(index), list_label(index + 1, item, self._section)
            )

    def _rebuild(self) -> None:
        query = self.filter_box.value
        options = self.options
        with self.app.batch_update():
            options.clear_options()
            options.add_options(
                Option(list_label(index + 1, item, self._section), id=str(index))
                for index, item in enumerate(self._items)
                if matches_filter(item, query, self._section)
            )
            self._highlight(self._selected)

    def _highlight(self, index: int) -> None:
        options = self.options
        try:
            position = options.get_option_index(str(index))
        except OptionDoesNotExist:  # the selected item is filtered out
            return
        options.highlighted = position

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._rebuild()

    def on_mount(self) -> None:
        self.options.focus()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.options.focus()

    @on(OptionList.OptionHighlighted, "#items")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        # Rebuilding the list highlights its first line before the selected one; by the time
        # that first event arrives it is stale, and following it would flicker the form.
        if event.option_index != self.options.highlighted:
            return
        if event.option.id is not None:
            self._selected = int(event.option.id)
            self.post_message(self.Chosen(self._selected))
