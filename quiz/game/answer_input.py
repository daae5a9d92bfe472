"""Reading an answer typed as one line of text, for line-mode play (`--plain`, team play).

Choices are labelled with a number and a letter, so "2", "b" and "B" all mean the second
one. Each parser returns the answer in the shape `Round.answer` takes (texts), or raises
`InvalidAnswer` with a one-line hint saying what form is expected.

| type        | example input   | form                                              |
|-------------|-----------------|---------------------------------------------------|
| single, t/f | `2`, `b`        | a number or letter (or the choice's whole text)   |
| multiple    | `1,3`, `a c`    | numbers or letters, separated by commas or spaces |
| ordering    | `3 1 2`         | every item's number once, first to last           |
| matching    | `1b 2a 3c`      | each left number followed by a right letter       |
| typed       | `Miliband`      | any text                                          |
| numeric     | `236`, `1,000`  | a number                                          |
"""

from __future__ import annotations

import re

from quiz.game.checking import Answer, InvalidAnswer
from quiz.game.labels import LETTERS
from quiz.game.typed_answers import parse_number
from quiz.game.views import QuestionView

_SEPARATORS = re.compile(r"[\s,;]+")
_PAIR = re.compile(r"^(\d+)\s*[-=:>.)]?\s*([a-zA-Z])$")


def expected_form(view: QuestionView) -> str:
    """The hint printed before reading an answer, e.g. 'Answer with 1-4 or A-D'."""
    kind = view.type
    if kind in ("single", "true_false"):
        count = len(view.choices)
        return f"Answer with a number 1-{count} or a letter A-{LETTERS[count - 1]}"
    if kind == "multiple":
        return "Answer with every right number or letter, e.g. 1,3 or a c"
    if kind == "ordering":
        return "Put the items in order: type their numbers, first to last, e.g. 3 1 2"
    if kind == "matching":
        return "Pair each number with a letter, e.g. 1b 2a 3c"
    if kind == "numeric":
        unit = view.question.unit
        return f"Type a number{f' ({unit})' if unit else ''}"
    return "Type your answer"


def _by_text(text: str, choices: tuple[str, ...]) -> str | None:
    """The choice whose text was typed in full (any case), for scripts that know the text."""
    wanted = text.strip().casefold()
    found = [choice for choice in choices if choice.strip().casefold() == wanted]
    return found[0] if len(found) == 1 else None


def _choice_index(token: str, count: int) -> int:
    token = token.strip().rstrip(").")
    if token.isdigit():
        index = int(token) - 1
    elif len(token) == 1 and token.upper() in LETTERS:
        index = LETTERS.index(token.upper())
    else:
        raise InvalidAnswer(f"'{token}' is not a choice")
    if not 0 <= index < count:
        raise InvalidAnswer(f"'{token}' is not a choice")
    return index


def parse_answer(view: QuestionView, line: str) -> Answer:
    """Turn the typed `line` into an answer for `view`; `InvalidAnswer` says what's wrong."""
    text = line.strip()
    if not text:
        raise InvalidAnswer(expected_form(view))
    kind = view.type
    try:
        if kind == "single":
            if len(text) > 1 and not text.isdigit() and (typed := _by_text(text, view.choices)):
                return typed
            return view.choices[_choice_index(text, len(view.choices))]
        if kind == "true_false":
            lowered = text.casefold()
            if lowered in ("t", "true", "yes", "y"):
                return "True"
            if lowered in ("f", "false", "no", "n"):
                return "False"
            return view.choices[_choice_index(text, len(view.choices))]
        if kind == "multiple":
            tokens = [token for token in _SEPARATORS.split(text) if token]
            indexes = [_choice_index(token, len(view.choices)) for token in tokens]
            return [view.choices[index] for index in dict.fromkeys(indexes)]
        if kind == "ordering":
            return _parse_order(view, text)
        if kind == "matching":
            return _parse_pairs(view, text)
        if kind == "numeric":
            if parse_number(text) is None:
                raise InvalidAnswer(f"'{text}' is not a number")
            return text
        return text
    except InvalidAnswer as error:
        raise InvalidAnswer(f"{error}. {expected_form(view)}.") from None


def _parse_order(view: QuestionView, text: str) -> list[str]:
    tokens = [token for token in _SEPARATORS.split(text) if token]
    count = len(view.items)
    if len(tokens) == 1 and tokens[0].isdigit() and len(tokens[0]) == count and count < 10:
        tokens = list(tokens[0])  # "312" for three items
    indexes = [_choice_index(token, count) for token in tokens]
    if sorted(indexes) != list(range(count)):
        raise InvalidAnswer(f"give each of the {count} numbers once")
    return [view.items[index] for index in indexes]


def _parse_pairs(view: QuestionView, text: str) -> dict[str, str]:
    tokens = [token for token in re.split(r"[\s,;]+", text) if token]
    chosen: dict[str, str] = {}
    for token in tokens:
        found = _PAIR.match(token)
        if not found:
            raise InvalidAnswer(f"'{token}' is not a pair like 1b")
        left = _choice_index(found.group(1), len(view.lefts))
        right = _choice_index(found.group(2), len(view.rights))
        if view.lefts[left] in chosen:
            raise InvalidAnswer(f"{left + 1} is paired twice")
        chosen[view.lefts[left]] = view.rights[right]
    if len(chosen) != len(view.lefts):
        raise InvalidAnswer(f"pair each of the {len(view.lefts)} numbers")
    return chosen
