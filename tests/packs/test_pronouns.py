"""Borrowed phrases fit their new subject: 'his' becomes 'her', and what can't be done isn't."""

from __future__ import annotations

from quiz.packs.pronouns import fit_pronouns


def test_a_phrase_said_of_a_man_is_rewritten_for_a_woman() -> None:
    said = "is a smarter politician than his brother"
    assert fit_pronouns(said, "he", "she") == "is a smarter politician than her brother"
    assert fit_pronouns("would, if he won, hate himself", "he", "she") == (
        "would, if she won, hate herself"
    )


def test_her_becomes_his_before_a_noun_and_him_elsewhere() -> None:
    said = "let her husband speak for her"
    assert fit_pronouns(said, "she", "he") == "let his husband speak for him"
    assert fit_pronouns("Her vote went to her", "she", "they") == "Their vote went to them"


def test_capitals_are_kept_and_words_inside_words_are_left_alone() -> None:
    assert fit_pronouns("His theme, his thesis", "he", "it") == "Its theme, its thesis"


def test_unknown_or_equal_pronouns_and_plain_phrases_are_unchanged() -> None:
    assert fit_pronouns("his flag", None, "she") == "his flag"
    assert fit_pronouns("his flag", "he", "he") == "his flag"
    assert fit_pronouns("the bookies’ favourite", "it", "she") == "the bookies’ favourite"


def test_a_rewrite_that_cannot_be_done_word_for_word_gives_none() -> None:
    # 'it' could become 'he' or 'him': the phrase is not borrowed at all.
    assert fit_pronouns("its own flag, as it said", "it", "he") is None
