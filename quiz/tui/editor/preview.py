""" "Preview as a player": the selected question laid out the way a round shows it.

Read-only. Choices keep the pack's order, while ordering items and matching right-hand sides
are shuffled as a round with seed 0 shuffles them (`quiz.packs.draw.shown_order`), so the
preview is stable.
`r` reveals the answer with its explanation and quote.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.game.labels import choice_label, letter
from quiz.packs.draw import shown_order
from quiz.safe_text import safe_text

# The seed a preview is laid out with: a round with this seed shows the question alike.
PREVIEW_SEED = 0


def _clean(value: Any) -> str:
    return safe_text(str(value), single_line=True)


def _numbered(items: list[str]) -> list[str]:
    return [f"  {choice_label(n)}  {_clean(item)}" for n, item in enumerate(items)]


def player_lines(question: dict[str, Any]) -> list[str]:
    """The answer area of `question` as a player sees it, as plain lines."""
    kind = question.get("type")
    question_id = str(question.get("id", ""))
    if kind in ("single", "multiple"):
        lines = _numbered([str(c) for c in question.get("choices", [])])
        if kind == "multiple":
            lines.insert(0, "Choose every correct answer:")
        return lines
    if kind == "true_false":
        return _numbered(["True", "False"])
    if kind == "typed":
        return ["Type your answer: ____________________"]
    if kind == "numeric":
        unit = _clean(question.get("unit", ""))
        return [f"Type a number: __________ {unit}".rstrip()]
    if kind == "ordering":
        items = [str(item) for item in question.get("items", [])]
        shown = shown_order(items, PREVIEW_SEED, question_id)
        return ["Put these in the right order:", *_numbered(list(shown))]
    if kind == "matching":
        pairs = [p for p in question.get("pairs", []) if isinstance(p, dict)]
        rights = shown_order([str(p.get("right", "")) for p in pairs], PREVIEW_SEED, question_id)
        lines = ["Match each item on the left with one on the right:"]
        for n, pair in enumerate(pairs):
            right = rights[n] if n < len(rights) else ""
            lines.append(
                f"  {n + 1}  {_clean(pair.get('left', '')):<28}  {letter(n)}  {_clean(right)}"
            )
        return lines
    return []


def answer_lines(question: dict[str, Any]) -> list[str]:
    """The answer, explanation and quote of `question`, as plain lines."""
    kind = question.get("type")
    if kind == "multiple":
        answer = ", ".join(_clean(a) for a in question.get("answers", []))
    elif kind == "ordering":
        answer = " → ".join(_clean(item) for item in question.get("items", []))
    elif kind == "matching":
        answer = "; ".join(
            f"{_clean(p.get('left', ''))} → {_clean(p.get('right', ''))}"
            for p in question.get("pairs", [])
            if isinstance(p, dict)
        )
    elif kind == "true_false":
        answer = "True" if question.get("answer") is True else "False"
    elif kind == "numeric":
        answer = f"{_clean(question.get('answer', ''))} {_clean(question.get('unit', ''))}".strip()
        if question.get("tolerance"):
            answer += f" (± {_clean(question['tolerance'])})"
    else:
        answer = _clean(question.get("answer", ""))
        accept = [_clean(a) for a in question.get("accept", [])]
        if accept:
            answer += f" (also: {', '.join(accept)})"
    lines = [f"Answer: {answer}"]
    if question.get("explanation"):
        lines.append(f"Why: {safe_text(str(question['explanation']))}")
    if question.get("quote"):
        lines.append(f"The source: “{safe_text(str(question['quote']))}”")
    return lines


class PreviewScreen(ModalScreen[None]):
    """Shows one question as a player would see it; `r` reveals the answer."""

    CSS_PATH = "preview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f2", "dismiss", "Close"),
        Binding("r", "reveal", "Reveal answer"),
    ]

    def __init__(self, question: dict[str, Any]) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="preview"):
            yield Static(
                "Preview as a player  (r: reveal the answer, esc: close)",
                id="preview-title",
                markup=False,
            )
            yield Static(
                Content(safe_text(str(self.question.get("prompt", "")))), id="preview-prompt"
            )
            yield Static(Content("\n".join(player_lines(self.question))), id="preview-answers")
            yield Static(Content("\n".join(answer_lines(self.question))), id="preview-reveal")

    def action_reveal(self) -> None:
        self.query_one("#preview-reveal").display = True
