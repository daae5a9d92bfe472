"""Quotes must appear in the source, up to whitespace, curly quotes and ellipses."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.packs.loader import parse_pack_text
from quiz.packs.quote_text import normalise_quote
from quiz.packs.quotes import check_quotes, closest_passage

Replace = Callable[[str, str, str], str]
LineOf = Callable[[str, str], int]

SOURCE = (
    "“There is now a vacancy at the top of the Labour Party…\nand I am that vacancy.”\n"
    "David ‘gone missing’ Miliband, the ultimate   vacant man, is the New Labour candidate.\n"
    "He’s got Mandy’s support. Milibland is the bookies’ favourite.\n"
    "It is backed by Unite, Whelan, Dromey and Harman. Hattie’s decision not to run\n"
    "was wasting 236 parliamentary hours sparing vermin; 50 MPs sponsored by a hard-Left Union.\n"
)


@pytest.mark.parametrize(
    "quote",
    [
        '"There is now a vacancy at the top of the Labour Party...',
        "the Labour Party… and I am that vacancy.",
        "David 'gone missing' Miliband, the ultimate vacant man",
        "He's   got\nMandy's support",
    ],
)
def test_quote_matches_despite_typography(quote: str) -> None:
    assert normalise_quote(quote) in normalise_quote(SOURCE)


def test_good_pack_quotes_are_all_found(good_text: str) -> None:
    pack = parse_pack_text(good_text, filename="p.toml")
    assert check_quotes(pack, SOURCE, "p.toml", good_text) == []


def test_missing_quote_is_located_and_shows_the_closest_passage(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(
        good_text,
        'quote = "Hattie’s decision not to run"',
        'quote = "Hattie’s choice not to run"',
    )
    pack = parse_pack_text(text, filename="p.toml")
    [problem] = check_quotes(pack, SOURCE, "p.toml", text)
    assert problem.key == "questions[2].quote"
    assert problem.line == line_of(text, "Hattie’s choice")
    assert problem.message.startswith("quote not found in the source; closest passage: ")
    assert "Hattie's decision not to run" in problem.message


def test_fact_quotes_are_checked_too(good_text: str, replace_once: Replace) -> None:
    text = replace_once(
        good_text,
        'quote = "wasting 236 parliamentary hours sparing vermin"',
        'quote = "wasting 263 parliamentary hours"',
    )
    pack = parse_pack_text(text, filename="p.toml")
    [problem] = check_quotes(pack, SOURCE, "p.toml")
    assert problem.key == "facts[2].quote"
    assert problem.line is None  # no pack text given: no line
    assert "236 parliamentary hours" in problem.message


def test_closest_passage_is_cut_short() -> None:
    passage = closest_passage("x" * 400, "y" * 1000 + "x" * 500)
    assert len(passage) <= 160
