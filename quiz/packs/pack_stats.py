"""How a pack plays: what its questions are made of, and what seeded rounds of it look like.

`quiz pack stats` prints this for authors. Counts: questions by type, origin, difficulty and
template; facts by how many questions test them. Rounds: over `rounds` seeded rounds drawn
by the one draw every front end uses (`quiz.packs.draw.draw_questions`, seeds 0 to N-1),
the mean and most true/false per round, and the rounds that repeat a fact, ask one
template three times or more, or quote one passage of the source twice. Pure: no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from quiz.packs.draw import MAX_PER_TEMPLATE, draw_questions, passage_of, template_of
from quiz.packs.question import Question

ROUND_QUESTIONS = 10


@dataclass(frozen=True)
class RoundStats:
    """What `rounds` seeded rounds of `count` questions looked like."""

    rounds: int
    count: int
    mean_true_false: float
    max_true_false: int
    repeating_a_fact: int
    template_three_times: int
    repeating_a_passage: int


@dataclass(frozen=True)
class PackStats:
    """The counts of a pack's questions, and (when asked for) its rounds."""

    questions: int
    by_type: dict[str, int]
    by_origin: dict[str, int]
    by_difficulty: dict[str, int]
    by_template: dict[str, int]
    facts_by_questions: dict[str, int]
    true_false_share: float
    rounds: RoundStats | None = None
    untested_facts: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The documented `quiz pack stats --json` shape (docs/packs-bank.md)."""
        data: dict[str, Any] = {
            "questions": self.questions,
            "by_type": self.by_type,
            "by_origin": self.by_origin,
            "by_difficulty": self.by_difficulty,
            "by_template": self.by_template,
            "facts_by_questions": self.facts_by_questions,
            "untested_facts": self.untested_facts,
            "true_false_share": round(self.true_false_share, 3),
            "rounds": None,
        }
        if self.rounds is not None:
            data["rounds"] = {
                "rounds": self.rounds.rounds,
                "count": self.rounds.count,
                "mean_true_false": round(self.rounds.mean_true_false, 2),
                "max_true_false": self.rounds.max_true_false,
                "repeating_a_fact": self.rounds.repeating_a_fact,
                "template_three_times": self.rounds.template_three_times,
                "repeating_a_passage": self.rounds.repeating_a_passage,
            }
        return data


def pack_stats(
    questions: Sequence[Question],
    fact_ids: Sequence[str] = (),
    *,
    rounds: int = 0,
    count: int = ROUND_QUESTIONS,
) -> PackStats:
    """The stats of `questions` (a pack's, hand-written and generated); `fact_ids` are the
    pack's facts, so facts no question tests show up; `rounds` seeded rounds of `count`."""
    per_fact: Counter[str] = Counter({fact_id: 0 for fact_id in fact_ids})
    for question in questions:
        per_fact.update(dict.fromkeys(question.fact_ids, 1))
    true_false = sum(question.type == "true_false" for question in questions)
    return PackStats(
        questions=len(questions),
        by_type=_sorted_counts(question.type for question in questions),
        by_origin=_sorted_counts(question.origin for question in questions),
        by_difficulty=_sorted_counts(str(question.difficulty) for question in questions),
        by_template=_sorted_counts(question.template or "(hand-written)" for question in questions),
        facts_by_questions=_sorted_counts(str(number) for number in per_fact.values()),
        untested_facts=sorted(fact_id for fact_id, number in per_fact.items() if number == 0),
        true_false_share=true_false / len(questions) if questions else 0.0,
        rounds=round_stats(questions, rounds, count) if rounds > 0 else None,
    )


def round_stats(questions: Sequence[Question], rounds: int, count: int) -> RoundStats:
    """Seeded rounds 0 … `rounds`-1 of `count` questions, as every front end draws them."""
    true_false: list[int] = []
    repeating = three_times = passages = 0
    for seed in range(rounds):
        drawn = draw_questions(questions, seed=seed, count=count, shuffle_choices=False)
        true_false.append(sum(question.type == "true_false" for question in drawn))
        facts = [fact for question in drawn for fact in question.fact_ids]
        repeating += len(facts) != len(set(facts))
        templates = Counter(template_of(question) for question in drawn)
        three_times += any(number > MAX_PER_TEMPLATE for number in templates.values())
        quoted = [passage for passage in map(passage_of, drawn) if passage]
        passages += len(quoted) != len(set(quoted))
    return RoundStats(
        rounds=rounds,
        count=count,
        mean_true_false=sum(true_false) / rounds,
        max_true_false=max(true_false),
        repeating_a_fact=repeating,
        template_three_times=three_times,
        repeating_a_passage=passages,
    )


def _sorted_counts(values: Any) -> dict[str, int]:
    """Counts by value, most common first, then by name."""
    counts = Counter(values)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
