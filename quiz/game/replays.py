"""Rounds that go over questions again, as practice (no clock, flat points, never ranked):
"play the missed ones again", and the daily challenge played a second time on its day (it
scores once). Every front end starts them from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from quiz.game.round import Round, RoundConfig
from quiz.game.selection import Prioritise, only
from quiz.packs.question import Question


def missed_again(
    config: RoundConfig, question_ids: Iterable[str]
) -> tuple[RoundConfig, Prioritise]:
    """Practice on just these questions, in this order (the round's other settings kept)."""
    wanted = list(question_ids)
    return replace(config, mode="practice", count=len(wanted)), only(wanted)


def daily_again(pool: Sequence[Question], config: RoundConfig) -> tuple[RoundConfig, Prioritise]:
    """The daily challenge of `config.day` (in `config`'s pack) as practice: the same questions
    in the same order, their choices in the same order."""
    daily = Round(pool, replace(config, mode="daily"))
    ids = [question.id for question in daily.questions]
    return replace(config, mode="practice", seed=daily.seed, count=len(ids)), only(ids)
