"""Facility and discrimination (Moodle's item analysis) on a session worked out by hand."""

from __future__ import annotations

import pytest
from constructed_results import constructed_results

from quiz.classroom.results.statistics import discrimination, question_statistics


def test_facility_and_discrimination_match_the_figures_worked_out_by_hand() -> None:
    figures = question_statistics(constructed_results())
    assert [round(f.facility, 3) for f in figures] == [0.5, 0.5, 0.5, 0.167]
    assert [f.discrimination for f in figures] == [1.0, 0.0, 1.0, -0.5]
    assert [f.review for f in figures] == [False, True, False, True]
    assert round(figures[0].mean_seconds or 0, 2) == 3.33
    assert figures[1].reasons == ["discrimination 0.00 is under 0.2"]
    assert figures[3].reasons == [
        "facility 0.17 is under 0.3",
        "discrimination -0.50 is under 0.2",
    ]


def test_top_third_all_right_and_bottom_third_all_wrong_discriminates_fully() -> None:
    assert discrimination([1, 1, 0.5, 0.5, 0, 0]) == 1.0
    assert discrimination([0, 0, 1, 1, 1, 1]) == -1.0


@pytest.mark.parametrize(
    ("credits", "expected"),
    [
        ([1, 0], None),  # fewer than three students: no thirds
        ([1, 1, 0], 1.0),  # N = 1
        ([1, 0.5, 0.5, 0.5, 0], 1.0),  # 5 students: N = 1, the middle three left out
        ([1, 1, 0, 1, 0, 0, 1, 0], 0.5),  # 8 students: N = 2, (2 − 1) / 2
    ],
)
def test_thirds_are_rounded_down(credits: list[float], expected: float | None) -> None:
    assert discrimination(credits) == expected


def test_the_question_csv_has_the_same_figures() -> None:
    from quiz.classroom.results.report import question_rows

    rows = question_rows(constructed_results())
    assert rows[0][8:11] == ["facility", "discrimination", "review"]
    assert [row[7:11] for row in rows[1:]] == [
        [3.3, 0.5, 1.0, ""],
        [5.0, 0.5, 0.0, "yes"],
        [5.0, 0.5, 1.0, ""],
        [5.0, 0.17, -0.5, "yes"],
    ]
    # Six students (Gus was kicked): A is right and marked so.
    assert rows[1][11:] == [*("A", 3, "yes", "B", 3, "no"), *("C", 0, "no", "D", 0, "no")]


def test_the_summary_table_gives_the_figures_and_flags_questions_to_review() -> None:
    from quiz.classroom.results.report import summary_table

    lines = summary_table(constructed_results()).splitlines()[-4:]
    assert lines == [
        "Q1   50.0% right  facility 0.50  discrimination  1.00  Question 1?",
        "Q2   50.0% right  facility 0.50  discrimination  0.00  review  Question 2?",
        "Q3   33.3% right  facility 0.50  discrimination  1.00  Question 3?",
        "Q4   16.7% right  facility 0.17  discrimination -0.50  review  Question 4?",
    ]
