"""Quizlet's export: one card per line, its term and its definition separated by a tab
(Quizlet lets the user choose other separators, between term and definition and between
cards; give the same ones here).

Each card becomes a question that shows the definition and asks for the term: typed (the
default; the player types the term) or single choice, whose wrong choices are three other
terms of the same set, picked the same way on every import.
"""

from __future__ import annotations

from typing import Any

from quiz.packs.draw import shown_order
from quiz.packs.errors import PackError, Problem
from quiz.packs.formats.common import (
    ImportResult,
    build_with_ids,
    fail_if_problems,
    quoted,
    too_many_questions,
)
from quiz.packs.models import MAX_QUESTIONS

WRONG_CHOICES = 3


def _cards(text: str, row_separator: str) -> list[tuple[int, str]]:
    """Each non-empty card with the line it starts on; stops once there are more cards
    than a pack holds questions."""
    cards: list[tuple[int, str]] = []
    line, start = 1, 0
    while start <= len(text):
        end = text.find(row_separator, start)
        end = len(text) if end < 0 else end
        segment = text[start:end]
        card = segment.strip("\r\n")
        if card.strip():
            lead = len(segment) - len(segment.lstrip("\r\n"))
            cards.append((line + segment.count("\n", 0, lead), card))
            if len(cards) > MAX_QUESTIONS:
                break
        line += segment.count("\n") + row_separator.count("\n")
        start = end + len(row_separator)
    return cards


def import_text(
    text: str,
    filename: str,
    *,
    kind: str = "typed",
    separator: str = "\t",
    row_separator: str = "\n",
) -> ImportResult:
    """Read a Quizlet export into typed or single-choice questions (`kind`).

    Raises `PackError` naming every card without a separator or with an empty side.
    """
    text = text.lstrip("\ufeff")
    result = ImportResult()
    errors: list[Problem] = []
    cards = _cards(text, row_separator)
    if len(cards) > MAX_QUESTIONS:
        raise PackError.single(filename, too_many_questions(), line=cards[-1][0])
    pairs: list[tuple[int, str, str]] = []
    for line, card in cards:
        term, found, definition = card.partition(separator)
        term, definition = " ".join(term.split()), definition.strip()
        if not found:
            shown = "tab" if separator == "\t" else quoted(separator)
            errors.append(
                Problem(
                    filename,
                    line,
                    "",
                    f"{quoted(card)} has no {shown} between term and definition; give the "
                    "separator the set was exported with (--separator)",
                )
            )
        elif not term or not definition:
            errors.append(Problem(filename, line, "", "a card needs both a term and a definition"))
        else:
            pairs.append((line, term, definition))
    fail_if_problems(errors)
    terms = list(dict.fromkeys(term for _, term, _ in pairs))
    pending: list[tuple[dict[str, Any], int, str]] = []
    for line, term, definition in pairs:
        raw: dict[str, Any] = {"prompt": definition}
        if kind == "single":
            others = [other for other in terms if other.casefold() != term.casefold()]
            if not others:
                result.notes.append(
                    Problem(
                        filename,
                        line,
                        "",
                        f"skipped {quoted(term)}: a single choice needs "
                        "other terms in the set to choose from",
                    )
                )
                continue
            wrong = list(shown_order(others, 0, f"{term}\x1f{definition}"))[:WRONG_CHOICES]
            choices = sorted([term, *wrong], key=str.casefold)
            raw.update(type="single", choices=choices, answer=term)
        else:
            raw.update(type="typed", answer=term)
        pending.append((raw, line, "card"))
    build_with_ids(pending, file=filename, result=result)
    return result
