"""The feedback drops the article's quote when the explanation already says it word for word."""

from __future__ import annotations

from fakes import FakeClock

from quiz.game.round import Round, RoundConfig
from quiz.packs.question import Question


def feedback_for(explanation: str, quote: str):  # type: ignore[no-untyped-def]
    question = Question(
        id="q",
        type="single",
        prompt="Who?",
        choices=("Cruddas", "Balls"),
        answers=("Cruddas",),
        explanation=explanation,
        quote=quote,
        attribution="the article",
    )
    round_ = Round([question], RoundConfig(seed=1), clock=FakeClock())
    round_.next_question()
    return round_.answer("Cruddas")


def test_a_quote_the_explanation_repeats_word_for_word_is_dropped() -> None:
    feedback = feedback_for(
        "The article lists Cruddas as “a researcher on the minimum wage campaign”, among "
        "other things.",
        "a researcher on the minimum wage campaign",
    )
    assert feedback.quote == "a researcher on the minimum wage campaign"
    assert feedback.quote_to_show == ""


def test_case_and_punctuation_do_not_make_a_quote_new() -> None:
    feedback = feedback_for(
        "He is, says the author, The Ultimate Vacant Man.", "the ultimate vacant man"
    )
    assert feedback.quote_to_show == ""


def test_a_quote_that_adds_words_is_kept() -> None:
    feedback = feedback_for("The author calls him vacant.", "the ultimate vacant man")
    assert feedback.quote_to_show == "the ultimate vacant man"
    # Part of a word is not the word: "man" is not repeated by "manager".
    assert feedback_for("He is a manager.", "man").quote_to_show == "man"
