"""Choices for single, multiple and true/false questions: keys 1–8 / A–H, arrows, mouse.

Meaning never rests on colour: the highlighted row has a '›' marker, a ticked choice in a
multiple-answer question shows '[x]', and every choice carries a number, a letter and a shape
(`quiz.game.labels`). Nothing is highlighted when a question appears, so a stray Enter
answers nothing. Long choices wrap under their own text, not under the label. After the
answer the choices stay: the right ones marked ✓, the player's wrong ones ✗.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Click
from textual.widgets import Static

from quiz.game.labels import choice_label, letter
from quiz.tui.text import literal
from quiz.tui.widgets.answered import AnswerPanel

if TYPE_CHECKING:
    from quiz.game.views import Feedback

MOST_CHOICES = 8  # a pack allows up to 8 choices: keys 1-8 and a-h


def keys_hint(count: int) -> str:
    """'1-4/A-D': the keys that answer a question of `count` choices."""
    return f"1-{count}/A-{letter(count - 1)}"


class ChoiceRow(Horizontal):
    """One choice, clickable: its label and marks on the left, its text wrapping beside them."""

    def __init__(self, index: int, text: str) -> None:
        super().__init__(classes="choice-row", id=f"choice-{index}")
        self.index = index
        self.text = text
        self.highlighted = False
        self.ticked: bool | None = None  # None: not a multiple-answer question
        self.removed = False
        self.mark = ""  # after the answer: ✓ a right choice, ✗ the player's wrong one
        self.yours = False  # after the answer: the player chose it (single, true/false)
        self._shown: tuple[str, bool, bool] | None = None

    def compose(self) -> ComposeResult:
        yield Static(classes="choice-head")
        yield Static(classes="choice-text")

    def refresh_content(self) -> None:
        cursor = self.mark or ("›" if self.highlighted else " ")
        box = "" if self.ticked is None else ("[x] " if self.ticked else "[ ] ")
        head_text = f"{cursor} {box}{choice_label(self.index)}  "
        classes = {"choice-row"}
        flags = {
            "-highlight": self.highlighted and not self.mark,
            "-removed": self.removed,
            "-ticked": bool(self.ticked),
            "-right": self.mark == "✓",
            "-wrong": self.mark == "✗",
        }
        classes.update(name for name, on in flags.items() if on)
        if classes != set(self.classes):
            self.set_classes(classes)  # one restyle, not one per class
        # Only what changed is redrawn: the answer must show at once (keypress → feedback).
        shown = (head_text, self.removed, self.yours)
        if shown == self._shown:
            return
        head, text = self.query(Static)
        if self._shown is None or head_text != self._shown[0]:
            head.update(Content(head_text))
        if self._shown is None or shown[1:] != self._shown[1:]:
            body = Content("— removed by 50:50") if self.removed else literal(self.text)
            if self.yours:
                body += Content("  ← your answer")
            text.update(body)
        self._shown = shown

    def on_mount(self) -> None:
        self.refresh_content()

    def on_click(self, event: Click) -> None:
        event.stop()
        panel = self.query_ancestor(ChoicePanel)
        panel.click_row(self.index)


class ChoicePanel(AnswerPanel, can_focus=True):
    """Choices; posts `Answered` with a choice (single) or a tuple of choices (multiple)."""

    DEFAULT_CSS = """
    ChoicePanel { height: auto; }
    ChoicePanel > .choice-row { padding: 0 1; height: auto; }
    ChoicePanel > .choice-row > .choice-head { width: auto; }
    ChoicePanel > .choice-row > .choice-text { width: 1fr; }
    ChoicePanel > .choice-row.-highlight { background: $boost; text-style: bold; }
    ChoicePanel:focus > .choice-row.-highlight { background: $accent 30%; }
    ChoicePanel > .choice-row.-removed { color: $text-muted; }
    ChoicePanel > .choice-row.-right { color: $success; text-style: bold; }
    ChoicePanel > .choice-row.-wrong { color: $error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "pick(0)", "Answer", key_display=keys_hint(MOST_CHOICES)),
        *(Binding(str(n + 1), f"pick({n})", show=False) for n in range(1, MOST_CHOICES)),
        *(Binding(letter(n).lower(), f"pick({n})", show=False) for n in range(MOST_CHOICES)),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("space", "toggle_highlighted", "Tick", show=False),
        Binding("enter", "submit", "Submit", key_display="⏎"),
    ]

    def __init__(self, choices: Sequence[str], *, multiple: bool = False) -> None:
        super().__init__()
        self.choices = tuple(choices)
        self.multiple = multiple
        self.cursor: int | None = None  # nothing highlighted until the player moves
        self.ticked: set[int] = set()
        self.removed: set[int] = set()
        # The footer names this question's own keys ("1-2/A-B" for true/false); the class
        # binding, which Help lists, names the widest range.
        verb = "Tick" if multiple else "Answer"
        hint = Binding("1", "pick(0)", verb, key_display=keys_hint(len(self.choices)))
        self._bindings.key_to_bindings["1"] = [hint]

    def compose(self) -> ComposeResult:
        for index, text in enumerate(self.choices):
            row = ChoiceRow(index, text)
            row.ticked = False if self.multiple else None
            yield row

    @property
    def rows(self) -> list[ChoiceRow]:
        return list(self.query(ChoiceRow))

    def _redraw(self) -> None:
        for row in self.rows:
            row.highlighted = row.index == self.cursor
            row.removed = row.index in self.removed
            if self.multiple:
                row.ticked = row.index in self.ticked
            row.refresh_content()

    def remove_choices(self, indexes: Sequence[int]) -> None:
        """Show the choices at `indexes` as removed (the 50:50 lifeline); they can't be picked."""
        self.removed.update(indexes)
        self.ticked.difference_update(indexes)
        if self.cursor in self.removed:
            self.cursor = None
        self._redraw()

    def action_move(self, step: int) -> None:
        if self.locked:
            return
        live = [i for i in range(len(self.choices)) if i not in self.removed]
        if self.cursor in live:
            self.cursor = live[(live.index(self.cursor) + step) % len(live)]
        else:
            self.cursor = live[0] if step > 0 else live[-1]
        self._redraw()

    def action_pick(self, index: int) -> None:
        """Key 1–8 / A–H: answer (single) or tick (multiple) that choice."""
        if index >= len(self.choices) or index in self.removed or self.locked:
            return
        self.cursor = index
        if self.multiple:
            self.ticked ^= {index}
            self._redraw()
        else:
            self.commit(self.choices[index])  # the feedback redraws the rows at once

    def action_toggle_highlighted(self) -> None:
        if self.cursor is not None:
            self.action_pick(self.cursor)

    def action_submit(self) -> None:
        if self.locked:
            return
        if self.multiple:
            # Nothing ticked goes to the round too, which refuses it in words.
            self.commit(tuple(self.choices[i] for i in sorted(self.ticked)))
        elif self.cursor is not None and self.cursor not in self.removed:
            self.commit(self.choices[self.cursor])

    def click_row(self, index: int) -> None:
        self.focus()
        self.action_pick(index)

    def reveal(self, feedback: Feedback) -> None:
        """✓ on every right choice, ✗ on the player's wrong picks; their pick says so."""
        super().reveal(feedback)
        picked = set(self.ticked) if self.multiple else set()
        if not self.multiple and not feedback.timed_out and self.cursor is not None:
            picked = {self.cursor}
        self.mark_right(feedback.question.answers, picked)

    def mark_right(self, right: Collection[str], picked: Collection[int] = ()) -> None:
        """✓ on the choices in `right`, ✗ on the `picked` ones that are not; no more input."""
        self.locked = True
        for row in self.rows:
            if self.choices[row.index] in right:
                row.mark = "✓"
            elif row.index in picked:
                row.mark = "✗"
            row.yours = not self.multiple and row.index in picked
        self._redraw()
