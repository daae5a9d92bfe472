"""A small session's results.json built by hand, whose figures were worked out on paper.

Six students answer four single-choice questions (choices A, B, C, D; A is right), plus
one kicked student who does not count. Credits (1 right, 0 wrong, — no answer; question 3
is partly right for Bob and Dee):

          Q1  Q2  Q3   Q4   marks  points
    Ann   1   1   1    0    3      4000
    Cy    1   0   1    0    2      3000
    Bob   1   0   .5   0    1.5    2200
    Dee   0   1   .5   0    1.5    2100
    Eve   0   1   0    —    1      1900
    Fay   0   0   0    1    1      800
    (Gus, kicked: right every time)

Top third: Ann, Cy; bottom third: Eve, Fay (N = 2).
    Q1: facility 3/6 = 0.5,   DI (2 − 0)/2 = 1.0
    Q2: facility 3/6 = 0.5,   DI (1 − 1)/2 = 0.0   → review (discrimination)
    Q3: facility 3/6 = 0.5,   DI (2 − 0)/2 = 1.0
    Q4: facility 1/6 ≈ 0.17,  DI (0 − 1)/2 = −0.5  → review (both)
Q1's times: 2, 4, 3.5, 6.5, 1, 3 s → mean 20/6 ≈ 3.3 s.
"""

from __future__ import annotations

from typing import Any

SESSION = "20261201-105200-cd34"
CHOICES = ["A", "B", "C", "D"]
CREDITS = {
    "Ann": [1, 1, 1, 0],
    "Cy": [1, 0, 1, 0],
    "Bob": [1, 0, 0.5, 0],
    "Dee": [0, 1, 0.5, 0],
    "Eve": [0, 1, 0, None],
    "Fay": [0, 0, 0, 1],
}
POINTS = {"Ann": 4000, "Cy": 3000, "Bob": 2200, "Dee": 2100, "Eve": 1900, "Fay": 800}
Q1_SECONDS = {"Ann": 2.0, "Cy": 4.0, "Bob": 3.5, "Dee": 6.5, "Eve": 1.0, "Fay": 3.0}


def _answer(credit: float, seconds: float) -> dict[str, Any]:
    picked = 0 if credit == 1 else 1  # a right answer picks A; any other picks B
    return {
        "given": CHOICES[picked],
        "choices": [picked],
        "correct": credit == 1,
        "credit": credit,
        "points": int(1000 * credit),
        "seconds": seconds,
    }


def constructed_results(names: dict[str, str] | None = None) -> dict[str, Any]:
    """The session above; `names` renames students (for hostile-name tests)."""
    names = names or {}
    players = []
    for rank, (name, credits) in enumerate(CREDITS.items(), 1):
        answers = {
            str(number): _answer(credit, Q1_SECONDS[name] if number == 1 else 5.0)
            for number, credit in enumerate(credits, 1)
            if credit is not None
        }
        players.append(
            {
                "rank": rank,
                "name": names.get(name, name),
                "status": "left" if name == "Fay" else "played",
                "score": POINTS[name],
                "answers": answers,
            }
        )
    players.append(
        {
            "rank": None,
            "name": "Gus",
            "status": "kicked",
            "score": 4000,
            "answers": {str(n): _answer(1, 1.0) for n in range(1, 5)},
        }
    )
    questions = [
        {
            "number": number,
            "id": f"demo.q{number}",
            "kind": "single",
            "prompt": f"Question {number}?",
            "choices": CHOICES,
            "left": [],
            "correct": [0],
            "answer": "A",
            "distribution": [],
        }
        for number in range(1, 5)
    ]
    return {
        "version": 2,
        "session": SESSION,
        "date": "2026-12-01 10:52",
        "pack": "Demo",
        "finished": True,
        "questions": questions,
        "players": players,
    }
