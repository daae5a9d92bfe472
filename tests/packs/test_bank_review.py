"""The second line-by-line read of the bank against the article: each fault it found,
pinned with the question's own words (notes: review-bank.md of the project's notes)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from quiz.packs.generate import generate_questions
from quiz.packs.loader import load_pack
from quiz.packs.question import Question

BANK = Path(__file__).resolve().parents[2] / "questions" / "labour-2010.toml"


@cache
def asked() -> dict[str, Question]:
    return {q.id: q for q in generate_questions(load_pack(BANK, use_cache=False))}


def test_a_false_statement_that_says_whose_phrase_it_is_asks_that_fact_too() -> None:
    # Its reveal says "the article says that of Ed Miliband": Ed's People's Champion
    # question must not follow it in the round.
    question = asked()["david-bookies-favourite.false"]
    assert question.prompt == (
        "According to the article, David Miliband is the nearest thing the Party has to a"
        " People’s Champion."
    )
    assert question.explanation.startswith(
        "False: the article says that of Ed Miliband, not David Miliband."
    )
    assert question.fact_ids == ("david-bookies-favourite", "ed-peoples-champion")
    assert asked()["balls-backed-by-dromey.false"].fact_ids == (
        "balls-backed-by-dromey",
        "david-backed-by-mandelson",
    )
    assert asked()["verdict-ed-appeal-women.false"].fact_ids == (
        "verdict-ed-appeal-women",
        "verdict-balls-hates-libdems",
    )


def test_who_backs_ed_balls_explains_the_backers_once() -> None:
    question = asked()["backed-by.ed-balls.ask-object"]
    assert question.explanation == (
        "The article says Ed Balls “is backed by Unite, Whelan, Dromey and Harman”; Harman"
        " stood aside so as not to split his vote."
    )
