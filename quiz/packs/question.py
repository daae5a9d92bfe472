"""A concrete question: what a round asks, whether hand-written or generated from a fact.

Every layer after loading (game rules, save files, formats, the classroom) works on this one
shape. It is immutable, and its `id` is stable across versions of a pack so that save files
and study schedules can follow it.

It is a frozen standard-library dataclass, not a pydantic model: building the questions of a
round from the cache then needs no pydantic at all, which keeps `quiz` quick to start.
Untrusted input (an imported JSON file, the classroom's question file) is validated with
`Question.model_validate`, which goes through a pydantic TypeAdapter of this class; the
small `model_*` API matches pydantic's, so callers need not care which one they hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import MISSING, dataclass, fields, replace
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# Defined here, not in models.py, so that playing from the cache never builds the pack
# models (that costs more than the rest of start-up together).
QuestionType = Literal[
    "single", "multiple", "true_false", "typed", "ordering", "matching", "numeric"
]

TRUE = "True"
FALSE = "False"


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """One question as asked.

    Fields by `type`:
    - single, multiple: `choices` in the pack's order, `answers` the correct choices.
    - true_false: `choices` is ("True", "False"), `answers` the one that is right.
    - typed: `answers` holds every accepted answer, the canonical one first.
    - ordering: `items` in the correct order.
    - matching: `pairs` of (left, right), correctly matched.
    - numeric: `value`, `tolerance` and `unit`.

    `fact_ids` are the facts the question tests (a round asks about each fact once);
    `template` names the wording it was made from (`<relation>.ask-object`, …; empty for a
    hand-written question, which is its own); `other_names` are names in the pack that are
    not the answer's, which a typed answer refuses even when they are a near miss.
    """

    # Read by pydantic when it validates this class (a TypedDict, so a plain dict works).
    __pydantic_config__ = {"extra": "forbid"}  # noqa: RUF012

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
    template: str = ""
    other_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Callers may pass lists; keep the question hashable and equal to its tuple form.
        for name in _SEQUENCES:
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        if not isinstance(self.pairs, tuple) or not all(isinstance(p, tuple) for p in self.pairs):
            object.__setattr__(self, "pairs", tuple(tuple(pair) for pair in self.pairs))
        if isinstance(self.value, int):
            object.__setattr__(self, "value", float(self.value))

    @classmethod
    def model_validate(cls, data: Any) -> Question:
        """A question from untrusted data, checked field by field (pydantic's errors)."""
        return _adapter().validate_python(data)

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Question:
        """A copy with the fields in `update` replaced."""
        return replace(self, **(update or {}))

    def model_dump(
        self,
        *,
        mode: Literal["python", "json"] = "python",
        exclude_defaults: bool = False,
        exclude: Iterable[str] | None = None,
    ) -> dict[str, Any]:
        """The fields as a dict; `mode="json"` gives lists instead of tuples."""
        skip = set(exclude or ())
        out: dict[str, Any] = {}
        for item in fields(self):
            if item.name in skip:
                continue
            value = getattr(self, item.name)
            if exclude_defaults and value == _default_of(item):
                continue
            if mode == "json" and isinstance(value, tuple):
                value = [list(v) if isinstance(v, tuple) else v for v in value]
            out[item.name] = value
        return out

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
            text = f"{number}{self.unit}" if self.unit == "%" else f"{number} {self.unit}".strip()
            if self.tolerance:
                text += f" (± {format_number(self.tolerance)})"
            return text
        return ""


def format_number(value: float) -> str:
    """Show 236.0 as '236' and 2.5 as '2.5'."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


_SEQUENCES = ("choices", "answers", "items", "tags", "fact_ids", "other_names")


def _default_of(item: Any) -> Any:
    return item.default if item.default is not MISSING else None


def _adapter() -> TypeAdapter[Question]:
    # pydantic is imported on first use: playing a round never validates untrusted data.
    global _ADAPTER
    if _ADAPTER is None:
        from pydantic import TypeAdapter

        _ADAPTER = TypeAdapter(Question)
    return _ADAPTER


_ADAPTER: TypeAdapter[Question] | None = None
