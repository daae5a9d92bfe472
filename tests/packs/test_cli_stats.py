"""`quiz pack stats`: how a pack plays, as an author runs it (real subprocesses, real files),
and the counts it is made of."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from quiz.packs.pack_stats import pack_stats
from quiz.packs.question import FALSE, TRUE, Question

ROOT = Path(__file__).resolve().parents[2]

TINY = """\
[pack]
id = "tiny"
title = "Tiny \\u001b[31mpack"

[[questions]]
id = "q1"
type = "true_false"
prompt = "One."
answer = true

[[questions]]
id = "q2"
type = "true_false"
prompt = "Two."
answer = false
difficulty = 2
"""


def quiz(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "quiz", "pack", "stats", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_the_bank_over_200_rounds_never_repeats_a_fact_or_overdoes_true_false() -> None:
    result = quiz("labour-2010", "--rounds", "200", "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["pack"] == "labour-2010"
    assert stats["rounds"]["rounds"] == 200 and stats["rounds"]["count"] == 10
    assert stats["rounds"]["repeating_a_fact"] == 0
    assert stats["rounds"]["max_true_false"] <= 3
    assert stats["rounds"]["template_three_times"] == 0
    assert stats["rounds"]["repeating_a_passage"] == 0
    assert stats["true_false_share"] <= 1 / 3
    assert stats["untested_facts"] == []
    assert sum(stats["by_type"].values()) == stats["questions"]


def test_the_json_keys_are_the_documented_ones() -> None:
    stats = json.loads(quiz("--rounds", "3", "--json").stdout)
    assert list(stats) == [
        "pack", "questions", "by_type", "by_origin", "by_difficulty", "by_template",
        "facts_by_questions", "untested_facts", "true_false_share", "rounds",
    ]  # fmt: skip
    assert list(stats["rounds"]) == [
        "rounds", "count", "mean_true_false", "max_true_false", "repeating_a_fact",
        "template_three_times", "repeating_a_passage",
    ]  # fmt: skip
    assert json.loads(quiz("--rounds", "0", "--json").stdout)["rounds"] is None


def test_the_text_report_names_each_count(tmp_path: Path) -> None:
    pack = tmp_path / "tiny.toml"
    pack.write_text(TINY, encoding="utf-8")
    result = quiz(str(pack), "--rounds", "4")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Tiny pack (tiny): 2 questions",  # the escape sequence is stripped
        "  by type: true_false 2",
        "  by origin: hand 2",
        "  by difficulty: 1 1, 2 1",
        "  true/false: 100% of the questions (a third at most plays well)",
        "  facts by number of questions: no facts",
        "  by template:",
        "    (hand-written)  2",
        "  4 seeded rounds of 10 (seeds 0 to 3):",
        "    true/false per round: mean 2.0, max 2",
        "    rounds repeating a fact: 0",
        "    rounds with a template 3+ times: 0",
        "    rounds quoting a passage twice: 0",
    ]


def test_a_bad_rounds_value_is_refused_in_one_line() -> None:
    result = quiz("--rounds", "-1")
    assert result.returncode == 2
    assert "must be 0 to 100000" in result.stderr


def question(number: int, *, kind: str = "single", facts: tuple[str, ...] = (),
             template: str = "") -> Question:  # fmt: skip
    choices = (TRUE, FALSE) if kind == "true_false" else ("a", "b", "c", "d")
    return Question(id=f"q{number}", type=kind, prompt=f"Q{number}?", choices=choices,  # type: ignore[arg-type]
                    answers=choices[:1], fact_ids=facts, template=template)  # fmt: skip


def test_rounds_that_repeat_a_fact_or_a_template_are_counted() -> None:
    # Three questions about one fact and of one template: every round of three breaks both.
    pool = [question(n, facts=("f",), template="t") for n in range(3)]
    stats = pack_stats(pool, ["f", "unused"], rounds=5, count=3)
    assert stats.rounds is not None
    assert (stats.rounds.repeating_a_fact, stats.rounds.template_three_times) == (5, 5)
    assert stats.facts_by_questions == {"3": 1, "0": 1}
    assert stats.untested_facts == ["unused"]
    assert stats.by_template == {"t": 3}


def test_true_false_per_round_is_averaged_and_its_most_kept() -> None:
    pool = [question(n, kind="true_false", facts=(f"f{n}",)) for n in range(5)]
    pool += [question(10 + n, facts=(f"g{n}",)) for n in range(5)]
    stats = pack_stats(pool, rounds=10, count=4)
    assert stats.rounds is not None
    assert stats.rounds.max_true_false == 3
    assert stats.true_false_share == 0.5
    assert stats.to_json()["true_false_share"] == 0.5
