"""Typed answers: normalisation, exact before fuzzy, numbers never fuzzy."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from quiz.game.typed_answers import match_typed, normalise, parse_number

MILIBAND = ("David Miliband", "Miliband", "D. Miliband")


def test_normalise_drops_case_accents_punctuation_and_leading_article() -> None:
    assert normalise("  The   LABOUR Party! ") == "labour party"
    assert normalise("Séamus Ó Fiach") == "seamus o fiach"
    assert normalise("O'Brien") == "obrien"
    assert normalise("an apple") == "apple"
    assert normalise("Ed-Balls") == "ed balls"


def test_normalise_keeps_a_lone_article() -> None:
    assert normalise("The") == "the"


def test_exact_answer_and_aliases_match_without_fuzz() -> None:
    for text in ("david miliband", "MILIBAND", "d miliband", "The David Miliband."):
        match = match_typed(text, MILIBAND)
        assert match.accepted and not match.fuzzy


def test_alias_says_what_it_was_accepted_as() -> None:
    match = match_typed("miliband", MILIBAND)
    assert match.message == "Accepted 'miliband' as David Miliband"
    assert match_typed("David Miliband", MILIBAND).message == ""


def test_near_miss_spelling_is_accepted_and_says_so() -> None:
    match = match_typed("Milibland", MILIBAND)
    assert match.accepted and match.fuzzy
    assert match.message == "Accepted 'Milibland' as David Miliband"


def test_australia_is_not_austria() -> None:
    assert not match_typed("Australia", ("Austria",)).accepted
    assert not match_typed("Austria", ("Australia",)).accepted


def test_short_words_allow_one_edit_only() -> None:
    assert match_typed("Bals", ("Balls",)).accepted  # one edit, 5 letters
    assert not match_typed("Bals", ("Bells",)).accepted  # two edits
    assert not match_typed("Ad", ("Ed",)).accepted  # too short to be fuzzy at all


def test_long_words_need_ratio_88() -> None:
    assert match_typed("Mandelsen", ("Mandelson",)).accepted
    assert not match_typed("Mandela", ("Mandelson",)).accepted


def test_numbers_compare_as_numbers_with_tolerance() -> None:
    for text in ("236", "236.0", " 236 ", "236 seats"):
        assert match_typed(text, ("236",)).accepted
    assert match_typed("1,000", ("1000",)).accepted
    assert not match_typed("237", ("236",)).accepted
    assert match_typed("237", ("236",), tolerance=1).accepted


def test_numbers_are_never_fuzzy() -> None:
    assert not match_typed("2360", ("236",)).accepted
    assert not match_typed("Labour 1997", ("Labour 1979",)).accepted


def test_parse_number_forms() -> None:
    assert parse_number("236") == 236
    assert parse_number("236.0") == 236
    assert parse_number("1,000") == 1000
    assert parse_number("12,345.5") == 12345.5
    assert parse_number("-3.5") == -3.5
    assert parse_number("£5") == 5
    assert parse_number("1,00") is None
    assert parse_number("two") is None
    assert parse_number("") is None
    assert parse_number("inf") is None


def test_empty_answer_is_refused() -> None:
    assert not match_typed("   ", MILIBAND).accepted
    assert not match_typed("!!!", MILIBAND).accepted


text = st.text(alphabet=string.ascii_letters + string.digits + " .,'-éÀ", max_size=30)
words = st.text(alphabet=string.ascii_lowercase, min_size=4, max_size=12)


@given(text)
def test_normalisation_is_idempotent(value: str) -> None:
    assert normalise(normalise(value)) == normalise(value)


@given(st.text(max_size=40))
def test_normalisation_is_idempotent_on_any_unicode(value: str) -> None:
    assert normalise(normalise(value)) == normalise(value)


@given(text.filter(lambda value: normalise(value) != ""))
def test_an_exact_answer_always_matches(value: str) -> None:
    match = match_typed(value, (value,))
    assert match.accepted and not match.fuzzy


@given(st.integers(-(10**9), 10**9), st.integers(1, 10**6))
def test_numbers_never_match_fuzzily(number: int, offset: int) -> None:
    assert not match_typed(str(number + offset), (str(number),)).accepted


@given(words, words)
def test_a_far_away_word_never_matches(answer: str, other: str) -> None:
    from rapidfuzz.distance import Levenshtein

    if Levenshtein.distance(answer, other) >= max(3, len(answer) // 2):
        assert not match_typed(other, (answer,)).accepted


def test_the_other_miliband_is_not_a_typo() -> None:
    assert not match_typed("E. Miliband", MILIBAND).accepted
    assert not match_typed("Ed Miliband", MILIBAND).accepted
    assert not match_typed("Ed Milliband", MILIBAND).accepted


def test_multi_word_typos_are_judged_word_by_word() -> None:
    assert match_typed("Gordon Browne", ("Gordon Brown",)).fuzzy
    assert match_typed("David Milibland", MILIBAND).fuzzy
    assert match_typed("edballs", ("Ed Balls",)).fuzzy


# Names in the pack that are not the answer's: what a typed answer must never turn into it.
OTHER_NAMES = ("Ed Miliband", "E. Miliband", "Miliband", "Ed Balls", "Balls", "Jon Cruddas")


def test_another_name_in_the_pack_is_refused_though_one_typo_from_the_answer() -> None:
    # The nickname "Milibland" is one letter from the surname both brothers share.
    assert not match_typed("Miliband", ("Milibland",), refused=OTHER_NAMES).accepted
    assert not match_typed("miliband!", ("Milibland",), refused=OTHER_NAMES).accepted
    assert match_typed("Milibland", ("Milibland",), refused=OTHER_NAMES).accepted


def test_a_typo_as_close_to_another_name_as_to_the_answer_is_refused() -> None:
    # "Milliband" is one letter from "Milibland" but closer still to "Miliband".
    assert not match_typed("Milliband", ("Milibland",), refused=OTHER_NAMES).accepted
    # "Mlibland" is nearer the nickname than any other name: a typo, accepted.
    match = match_typed("Mlibland", ("Milibland",), refused=OTHER_NAMES)
    assert match.accepted and match.fuzzy


def test_a_typo_of_the_answer_still_counts_among_other_names() -> None:
    match = match_typed("David Milliband", MILIBAND[:1] + MILIBAND[2:], refused=OTHER_NAMES)
    assert match.accepted and match.fuzzy
    assert match_typed("Ed Bals", ("Ed Balls",), refused=("Ed Miliband", "Jon Cruddas")).fuzzy


def test_an_answer_the_author_accepts_is_taken_even_if_another_entity_has_it() -> None:
    # Exact accepted texts win: the pack's author said so (the checker warns about it).
    assert match_typed("Miliband", ("David Miliband", "Miliband"), refused=OTHER_NAMES).accepted


@given(words, st.lists(words, min_size=1, max_size=5))
def test_a_fuzzy_match_never_accepts_another_name(answer: str, others: list[str]) -> None:
    others = [other for other in others if normalise(other) != normalise(answer)]
    for other in others:
        assert not match_typed(other, (answer,), refused=others).accepted
        # Nor anything at least as close to another name as to the answer.
        for typo in (other[:-1], other + "s", other[1:]):
            match = match_typed(typo, (answer,), refused=others)
            if match.accepted and normalise(typo) != normalise(answer):
                from rapidfuzz import fuzz

                to_answer = fuzz.ratio(normalise(typo), normalise(answer))
                assert all(fuzz.ratio(normalise(typo), normalise(o)) < to_answer for o in others)
