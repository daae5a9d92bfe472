"""Names: invisible characters never reach a shown name, and look-alike names are one name."""

from __future__ import annotations

import pytest

from quiz.name_identity import NameRefused, name_key, visible_name


@pytest.mark.parametrize(
    "raw",
    [
        "A\u200bda",  # zero-width space
        "Ada\u200e",  # left-to-right mark
        "\u200fAda",  # right-to-left mark
        "Ad\ufe0fa",  # variation selector 16
        "A\u2060da",  # word joiner
        "\u3164Ada",  # Hangul filler, a "letter" that draws as nothing
        "Ada\u2800",  # braille blank
        "\x1b[31mAda\x1b[0m",  # escape sequences
        "  Ada\u00a0 ",  # no-break space collapses with the others
    ],
)
def test_invisible_characters_are_removed_from_the_shown_name(raw: str) -> None:
    assert visible_name(raw, max_length=24) == "Ada"


@pytest.mark.parametrize(
    "raw", ["", "   ", "\u200b\u200b", "\u3164", "\u2800\u2800", "\x1b[31m\x1b[0m", "\ufe0f", "--"]
)
def test_a_name_with_nothing_visible_is_refused(raw: str) -> None:
    with pytest.raises(NameRefused, match="visible letter or digit"):
        visible_name(raw, max_length=24)


def test_the_shown_name_is_cut_to_its_length_without_a_trailing_space() -> None:
    assert visible_name("Ada Lovelace", max_length=4) == "Ada"


def test_the_shown_name_keeps_what_was_typed() -> None:
    assert visible_name("Ｚoë", max_length=24) == "Ｚoë"


@pytest.mark.parametrize(
    "look_alike",
    [
        "\u0410da",  # Cyrillic capital A
        "\u0430da",  # Cyrillic small a
        "Ａｄａ",  # fullwidth
        "ADA",
        "A\u200bda",
        "Ad\u0430",  # Cyrillic a at the end
    ],
)
def test_names_that_look_alike_share_a_key(look_alike: str) -> None:
    assert name_key(look_alike) == name_key("Ada") == "ada"


@pytest.mark.parametrize("look_alike", ["\u0412ob", "\u0412\u043eb", "BO\u0412"])
def test_a_capital_look_alike_is_folded_though_its_small_letter_looks_like_nothing(
    look_alike: str,
) -> None:
    # Cyrillic capital Ve looks like B; its small letter (в) looks like no Latin letter.
    assert name_key(look_alike) == "bob"


def test_different_names_keep_different_keys() -> None:
    keys = {name_key(n) for n in ["Ada", "Adam", "Ed", "Ida", "Zoë", "Zoe"]}
    assert len(keys) == 6
