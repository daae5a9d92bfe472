"""The small rules the summary and Scores screens lay out by, pinned with literal values."""

from __future__ import annotations

from datetime import UTC, datetime

from quiz.tui.screens.scores import nice_ticks, tick_labels, topic_name
from quiz.tui.screens.summary import text_widths


def test_text_columns_take_what_they_need_then_share_the_rest() -> None:
    # 55 cells at 80 columns: a half, a quarter and a quarter when all three need more.
    assert text_widths(55, [200, 200, 200]) == [27, 13, 15]
    # Short answers leave their room to the question.
    assert text_widths(55, [200, 6, 14]) == [35, 6, 14]
    # Everything fits: each column is as wide as its longest text, no wider.
    assert text_widths(175, [51, 14, 14]) == [51, 14, 14]


def test_score_axis_ticks_are_round_numbers_from_zero() -> None:
    assert nice_ticks(4900) == [0, 2000, 4000, 6000]
    assert nice_ticks(950) == [0, 250, 500, 750, 1000]
    assert nice_ticks(1037) == [0, 500, 1000, 1500]
    assert nice_ticks(0) == [0, 1]  # all rounds scored nothing: still an axis


def test_tick_labels_show_the_time_where_a_day_repeats() -> None:
    moments = [
        datetime(2026, 12, 1, 9, 5, tzinfo=UTC),
        datetime(2026, 12, 1, 14, 30, tzinfo=UTC),
        datetime(2026, 12, 2, 8, 0, tzinfo=UTC),
    ]
    assert tick_labels(moments) == ["01 Dec", "14:30", "02 Dec"]


def test_topics_read_as_words() -> None:
    assert topic_name("blair-brown") == "Blair brown"
    assert topic_name("snake_case_tag") == "Snake case tag"
    assert topic_name("unions") == "Unions"
    assert topic_name("[b]x[/b]") == "[b]x[/b]"
