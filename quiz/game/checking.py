"""Checking an answer of every question type, with partial credit where the type allows it.

Answers are given as texts, never as positions, so a UI may show the choices in any order:

- single: the chosen choice text; credit 1 or 0.
- true_false: "True" or "False" (a bool too); credit 1 or 0.
- multiple: an iterable of chosen choice texts; credit max(0, (right − wrong) / R).
- typed: the typed text; credit 1 or 0 (see `quiz.game.typed_answers`; the question's
  `other_names` are never taken for its answer).
- numeric: the typed text (or a number); credit 1 or 0, within the tolerance.
- ordering: every item, in the player's order; credit adjacent pairs kept / (n − 1).
- matching: a mapping left → right (or pairs); credit pairs right / pairs.

For multiple answer, R is the number of right choices: picking every right choice and no
wrong one scores 1; each wrong pick cancels one right pick. For ordering, a pair of items
that sits next to each other in the right order earns its share, so one item moved to the
wrong end still earns most of the credit, and the reversed order earns 0.

An answer of the wrong shape (a choice that is not offered, an ordering that is not a
permutation of the items, a left item that does not exist) raises `InvalidAnswer`; the UI
re-prompts instead of scoring it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from quiz.game.typed_answers import match_typed, numbers_match, parse_number
from quiz.packs.question import FALSE, TRUE, Question

Answer = str | bool | float | Iterable[str] | Mapping[str, str] | Iterable[tuple[str, str]]


class InvalidAnswer(ValueError):
    """The answer does not fit the question (a choice not offered, items missing, …)."""


@dataclass(frozen=True)
class Check:
    """The verdict on one answer.

    `credit` is 0–1; `correct` means fully right (credit 1). `given` is the answer as one
    line of text (what the save file and the review show). `accepted` says what a typed
    answer was taken for ("Accepted 'Milibland' as David Miliband"), `fuzzy` whether only
    as a near miss.
    """

    credit: float
    given: str
    accepted: str = ""
    fuzzy: bool = False

    @property
    def correct(self) -> bool:
        return self.credit >= 1.0


def check_answer(question: Question, answer: Answer) -> Check:
    """Score `answer` to `question` (see the module docstring for the shapes and credit)."""
    kind = question.type
    if kind == "single":
        return _check_single(question, answer)
    if kind == "true_false":
        return _check_true_false(question, answer)
    if kind == "multiple":
        return _check_multiple(question, answer)
    if kind == "typed":
        return _check_typed(question, answer)
    if kind == "numeric":
        return _check_numeric(question, answer)
    if kind == "ordering":
        return _check_ordering(question, answer)
    if kind == "matching":
        return _check_matching(question, answer)
    raise InvalidAnswer(f"unknown question type {kind!r}")


def _text(answer: Answer, what: str) -> str:
    if not isinstance(answer, str):
        raise InvalidAnswer(f"expected {what} as text")
    return answer


def _check_single(question: Question, answer: Answer) -> Check:
    choice = _text(answer, "one choice")
    if choice not in question.choices:
        raise InvalidAnswer(f"{choice!r} is not one of the choices")
    return Check(credit=1.0 if choice in question.answers else 0.0, given=choice)


def _check_true_false(question: Question, answer: Answer) -> Check:
    if isinstance(answer, bool):
        choice = TRUE if answer else FALSE
    else:
        choice = _text(answer, "True or False")
        lowered = choice.strip().casefold()
        if lowered in ("true", "t", "yes"):
            choice = TRUE
        elif lowered in ("false", "f", "no"):
            choice = FALSE
        else:
            raise InvalidAnswer(f"{choice!r} is neither True nor False")
    right = question.answers[0] if question.answers else TRUE
    return Check(credit=1.0 if choice == right else 0.0, given=choice)


def _check_multiple(question: Question, answer: Answer) -> Check:
    if isinstance(answer, str | bool | float | int | Mapping):
        raise InvalidAnswer("expected a collection of choices")
    picked: list[str] = []
    for choice in answer:
        if not isinstance(choice, str) or choice not in question.choices:
            raise InvalidAnswer(f"{choice!r} is not one of the choices")
        if choice not in picked:
            picked.append(choice)
    right = set(question.answers)
    right_picked = sum(1 for choice in picked if choice in right)
    wrong_picked = len(picked) - right_picked
    credit = max(0.0, (right_picked - wrong_picked) / len(right)) if right else 0.0
    # Keep the choices' own order in the record, whatever order they were picked in.
    given = ", ".join(choice for choice in question.choices if choice in picked)
    return Check(credit=credit, given=given)


def _check_typed(question: Question, answer: Answer) -> Check:
    text = _text(answer, "typed text")
    match = match_typed(
        text, question.answers, tolerance=question.tolerance, refused=question.other_names
    )
    return Check(
        credit=1.0 if match.accepted else 0.0,
        given=text.strip(),
        accepted=match.message,
        fuzzy=match.fuzzy,
    )


def _check_numeric(question: Question, answer: Answer) -> Check:
    if isinstance(answer, bool):
        raise InvalidAnswer("expected a number")
    if isinstance(answer, int | float):
        number: float | None = float(answer)
        given = f"{answer:g}"
    else:
        given = _text(answer, "a number").strip()
        number = parse_number(given)
    if number is None:
        raise InvalidAnswer(f"{given!r} is not a number")
    expected = question.value if question.value is not None else 0.0
    right = numbers_match(number, expected, question.tolerance)
    return Check(credit=1.0 if right else 0.0, given=given)


def _check_ordering(question: Question, answer: Answer) -> Check:
    if isinstance(answer, str | bool | float | int | Mapping):
        raise InvalidAnswer("expected the items in order")
    order = [str(item) for item in answer]
    if sorted(order) != sorted(question.items):
        raise InvalidAnswer("give every item exactly once")
    position = {item: index for index, item in enumerate(question.items)}
    pairs = len(order) - 1
    kept = sum(1 for first, second in pairwise(order) if position[second] == position[first] + 1)
    credit = kept / pairs if pairs > 0 else 1.0
    return Check(credit=credit, given=" → ".join(order))


def _check_matching(question: Question, answer: Answer) -> Check:
    if isinstance(answer, Mapping):
        chosen = dict(answer)
    elif isinstance(answer, str | bool | float | int):
        raise InvalidAnswer("expected pairs of left → right")
    else:
        chosen = {}
        for pair in answer:
            if not (isinstance(pair, tuple | list) and len(pair) == 2):
                raise InvalidAnswer("expected pairs of left → right")
            chosen[pair[0]] = pair[1]
    lefts = [left for left, _ in question.pairs]
    rights = {right for _, right in question.pairs}
    for left, right in chosen.items():
        if left not in lefts:
            raise InvalidAnswer(f"{left!r} is not one of the items to match")
        if right not in rights:
            raise InvalidAnswer(f"{right!r} is not one of the answers to match")
    right_count = sum(1 for left, right in question.pairs if chosen.get(left) == right)
    credit = right_count / len(question.pairs) if question.pairs else 0.0
    given = "; ".join(f"{left} → {chosen[left]}" for left in lefts if left in chosen)
    return Check(credit=credit, given=given)
