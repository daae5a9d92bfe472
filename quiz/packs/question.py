"""A concrete question: what a round asks, whether hand-written or generated from a fact.

Every layer after loading (game rules, save files, formats, the classroom) works on this one
shape. It is immutable, and its `id` is stable across versions of a pack so that save files
and study schedules can follow it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

# Defined here, not in models.py, so that playing from the cache never builds the pack
# models (that costs more than the rest of start-up together).
QuestionType = Literal[
    "single", "multiple", "true_false", "typed", "ordering", "matching", "numeric"
]

TRUE = "True"
FALSE = "False"


class Question(BaseModel):
    """One question as asked.

    Fields by `type`:
    - single, multiple: `choices` in the pack's order, `answers` the correct choices.
    - true_false: `choices` is ("True", "False"), `answers` the one that is right.
    - typed: `answers` holds every accepted answer, the canonical one first.
    - ordering: `items` in the correct order.
    - matching: `pairs` of (left, right), correctly matched.
    - numeric: `value`, `tolerance` and `unit`.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    type: QuestionType
    prompt: str
    choices: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    value: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    explanation: str = ""
    quote: str = ""
    attribution: str = ""
    difficulty: int = 1
    tags: tuple[str, ...] = ()
    time_limit: int | None = None
    origin: Literal["hand", "generated"] = "hand"
    fact_ids: tuple[str, ...] = ()

    @property
    def answer_text(self) -> str:
        """The right answer as one line a player can read."""
        if self.type in ("single", "true_false", "typed"):
            return self.answers[0] if self.answers else ""
        if self.type == "multiple":
            return ", ".join(self.answers)
        if self.type == "ordering":
            return " → ".join(self.items)
        if self.type == "matching":
            return "; ".join(f"{left} → {right}" for left, right in self.pairs)
        if self.type == "numeric":
            number = format_number(self.value if self.value is not None else 0.0)
            text = f"{number} {self.unit}".strip()
            if self.tolerance:
                text += f" (± {format_number(self.tolerance)})"
            return text
        return ""


def format_number(value: float) -> str:
    """Show 236.0 as '236' and 2.5 as '2.5'."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
