"""Which questions worked: each question's facility and discrimination index, from results.json.

The definitions are those of Moodle's quiz item analysis (its help page "Item Analysis",
classical test theory), with a session's students as the quiz-takers:

- **Facility index**: the mean share of the question's marks the students earned (its
  `credit`: 1 for right, a fraction for partly right, 0 for wrong or no answer). 0 is a
  question nobody got, 1 one everybody got.
- **Discrimination index**: the students are put in order of their marks over the whole
  session (the sum of their credits; points break ties, then names, so the order never
  depends on who joined first), and cut into thirds: N = the number of students ÷ 3,
  rounded down. DI = (X_top − X_bottom) / N, where X_top is the sum of the credits the top
  N students earned on this question and X_bottom the same for the bottom N. From −1 to +1;
  with fewer than three students there are no thirds and no index.
- A question is flagged "review this question" when its facility is under 0.3 or its
  discrimination under 0.2.

Every student who was in the class counts (`played` and `left`, not `kicked`), and a
question a student did not answer counts as 0 for it, as in the reports' `percent_right`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quiz.name_identity import name_key

LOW_FACILITY = 0.3
LOW_DISCRIMINATION = 0.2


@dataclass(frozen=True)
class QuestionStatistics:
    """The figures of one question. `discrimination` is None with fewer than 3 students;
    `mean_seconds` None when nobody answered."""

    number: int
    facility: float
    discrimination: float | None
    mean_seconds: float | None

    @property
    def review(self) -> bool:
        """The question should be looked at again: too hard, or it does not tell the
        students who know from those who do not."""
        low_discrimination = (
            self.discrimination is not None and self.discrimination < LOW_DISCRIMINATION
        )
        return self.facility < LOW_FACILITY or low_discrimination

    @property
    def reasons(self) -> list[str]:
        """Why the question is flagged, in words (empty if it is not)."""
        said = []
        if self.facility < LOW_FACILITY:
            said.append(f"facility {self.facility:.2f} is under {LOW_FACILITY}")
        if self.discrimination is not None and self.discrimination < LOW_DISCRIMINATION:
            said.append(f"discrimination {self.discrimination:.2f} is under {LOW_DISCRIMINATION}")
        return said


def credit(answer: dict[str, Any] | None) -> float:
    """The share of the question's marks an answer earned (0 for no answer). Results
    written before answers kept their credit count a right answer as 1, others as 0."""
    if answer is None:
        return 0.0
    if "credit" in answer:
        return float(answer["credit"])
    return 1.0 if answer["correct"] else 0.0


def students(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The players the statistics count: all but the kicked."""
    return [player for player in results["players"] if player.get("status") != "kicked"]


def _answer(player: dict[str, Any], number: int) -> dict[str, Any] | None:
    answer: dict[str, Any] | None = player["answers"].get(str(number))
    return answer


def marks(results: dict[str, Any], player: dict[str, Any]) -> float:
    """A student's marks over the session: the sum of their credits."""
    return sum(credit(_answer(player, q["number"])) for q in results["questions"])


def best_first(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The counted students by marks, then points, then name (see the module docstring)."""
    return sorted(
        students(results),
        key=lambda player: (-marks(results, player), -player["score"], name_key(player["name"])),
    )


def discrimination(item_credits: Sequence[float]) -> float | None:
    """DI from one question's credits, listed in the students' order best first."""
    third = len(item_credits) // 3
    if third == 0:
        return None
    return (sum(item_credits[:third]) - sum(item_credits[-third:])) / third


def question_statistics(results: dict[str, Any]) -> list[QuestionStatistics]:
    """The figures of every question of the session, in its order."""
    ordered = best_first(results)
    figures = []
    for question in results["questions"]:
        number = question["number"]
        given = [_answer(player, number) for player in ordered]
        credits = [credit(answer) for answer in given]
        seconds = [answer["seconds"] for answer in given if answer is not None]
        figures.append(
            QuestionStatistics(
                number=number,
                facility=sum(credits) / len(credits) if credits else 0.0,
                discrimination=discrimination(credits),
                mean_seconds=sum(seconds) / len(seconds) if seconds else None,
            )
        )
    return figures
