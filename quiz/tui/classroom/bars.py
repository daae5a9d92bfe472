"""A reveal's distribution as bars, for the teacher's and the student's screens alike.

Each bar says in words what it counts and carries ✓ when it is (part of) the right answer,
so nothing rests on colour. Choice questions label their bars with the number and shape
the question showed.
"""

from __future__ import annotations

from textual.content import Content

from quiz.classroom import protocol as p
from quiz.game.labels import option_label
from quiz.tui.text import styled

CHOICE_KINDS = ("single", "multiple", "true_false")


def bar_lines(reveal: p.Reveal, kind: str, width: int) -> list[tuple[Content, bool]]:
    """(two-line bar, is right) per entry of the reveal's distribution; the longest bar is
    `width` cells."""
    most = max((tally.count for tally in reveal.distribution), default=0) or 1
    lines = []
    for index, tally in enumerate(reveal.distribution):
        mark = "✓" if tally.right else " "
        label = f"{option_label(index)} " if kind in CHOICE_KINDS else ""
        bar = "█" * round(width * tally.count / most)
        line = styled(f"{mark} {label}$text\n  {bar} {tally.count}", text=tally.label)
        lines.append((line, tally.right))
    return lines
