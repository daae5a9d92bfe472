"""The list of a pack's questions, with a filter box: free text, `tag:NAME` or `type:KIND`."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
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


def matches_filter(question: dict[str, Any], query: str) -> bool:
    """Whether `question` passes the filter `query`: every word must match.

    `tag:x` needs the tag x, `type:x` a type starting with x, any other word must appear
    (ignoring case) in the id, the prompt or the tags.
    """
    tags = [str(tag).casefold() for tag in question.get("tags", []) or []]
    haystack = " ".join(
        [str(question.get("id", "")), str(question.get("prompt", "")), *tags]
    ).casefold()
    for word in query.casefold().split():
        if word.startswith("tag:"):
            if word[4:] not in tags:
                return False
        elif word.startswith("type:"):
            if not str(question.get("type", "")).startswith(word[5:]):
                return False
        elif word not in haystack:
            return False
    return True


def list_label(number: int, question: dict[str, Any]) -> Content:
    """One line for the list: number, type badge, id and prompt, shown literally."""
    badge = TYPE_BADGES.get(str(question.get("type")), "?")
    prompt = safe_text(str(question.get("prompt", "")), single_line=True) or "(no prompt)"
    return Content.from_markup(
        "[dim]$number $badge[/] [b]$id[/b] $prompt",
        number=f"{number:>3}",
        badge=badge,
        id=safe_text(str(question.get("id", "")), single_line=True),
        prompt=prompt,
    )


class QuestionList(Vertical):
    """The filter box above the list of questions; posts `Chosen` when one is highlighted."""

    class Chosen(Message):
        """The author moved to question `index` (its place in the file)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, cursor_blink: bool = True) -> None:
        super().__init__(id="question-list")
        self._questions: list[dict[str, Any]] = []
        self._selected = 0
        self._cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        box = Input(placeholder="filter: words, tag:x, type:x", id="filter", compact=True)
        box.cursor_blink = self._cursor_blink
        yield box
        yield OptionList(id="questions")

    @property
    def options(self) -> OptionList:
        return self.query_one("#questions", OptionList)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#filter", Input)

    def show(self, questions: Sequence[dict[str, Any]], selected: int) -> None:
        """Show `questions` (those passing the filter) with question `selected` highlighted."""
        self._questions = list(questions)
        self._selected = selected
        self._rebuild()

    def relabel(self, index: int, question: dict[str, Any]) -> None:
        """Refresh the line of question `index` after an edit."""
        self._questions[index] = question
        # A question filtered out of view has no line to refresh.
        with contextlib.suppress(OptionDoesNotExist):
            self.options.replace_option_prompt(str(index), list_label(index + 1, question))

    def _rebuild(self) -> None:
        query = self.filter_box.value
        options = self.options
        with self.app.batch_update():
            options.clear_options()
            options.add_options(
                Option(list_label(index + 1, question), id=str(index))
                for index, question in enumerate(self._questions)
                if matches_filter(question, query)
            )
            self._highlight(self._selected)

    def _highlight(self, index: int) -> None:
        options = self.options
        try:
            position = options.get_option_index(str(index))
        except OptionDoesNotExist:  # the selected question is filtered out
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

    @on(OptionList.OptionHighlighted, "#questions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        # Rebuilding the list highlights its first line before the selected one; by the time
        # that first event arrives it is stale, and following it would flicker the form.
        if event.option_index != self.options.highlighted:
            return
        if event.option.id is not None:
            self._selected = int(event.option.id)
            self.post_message(self.Chosen(self._selected))
