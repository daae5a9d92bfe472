"""The bundled bank played through the rules: every question's own answer is right."""

from __future__ import annotations

from datetime import date

import pytest
from fakes import right_answer

from quiz.game.checking import check_answer
from quiz.game.round import Round, RoundConfig
from quiz.game.typed_answers import match_typed
from quiz.game.views import QuestionView
from quiz.packs.playable import PlayablePack, open_playable
from quiz.packs.question import Question


@pytest.fixture(scope="module")
def bank() -> PlayablePack:
    return open_playable(None)


def test_every_bank_question_accepts_its_own_answer(bank: PlayablePack) -> None:
    assert len(bank.questions) >= 20
    for question in bank.questions:
        assert check_answer(question, right_answer(question)).correct, question.id
        if question.type == "typed":
            for alternative in question.answers:
                assert match_typed(alternative, question.answers).accepted, question.id


@pytest.mark.parametrize("mode", ["classic", "blitz", "sudden_death", "daily", "practice"])
def test_a_full_round_of_the_bank_in_every_mode(bank: PlayablePack, mode: str) -> None:
    now = [0.0]
    config = RoundConfig(mode=mode, seed=3, pack_id=bank.id, day=date(2026, 11, 26))  # type: ignore[arg-type]
    round_ = Round(bank.questions, config, clock=lambda: now[0])
    view: QuestionView | None = round_.next_question()
    while view is not None:
        now[0] += 2.0
        assert round_.tick() is None or mode == "blitz"
        if round_.phase == "asking":
            feedback = round_.answer(right_answer(view.question))
            assert feedback.correct or not feedback.counted
        view = round_.next_question()
    result = round_.result()
    assert result.accuracy == 1.0
    if mode == "blitz":
        assert len(result.answers) == min(29, len(bank.questions))  # 2 s each, 60 s in all
    elif mode == "sudden_death":
        assert len(result.answers) == len(bank.questions)
    else:
        assert len(result.answers) == 10


def _limits_broken(questions: tuple[Question, ...]) -> list[str]:
    broken = []
    facts = [fact for question in questions for fact in question.fact_ids]
    if len(facts) != len(set(facts)):
        broken.append("a fact twice")
    if sum(question.type == "true_false" for question in questions) > 3:
        broken.append("more than 3 true/false")
    templates = [question.template or question.id for question in questions]
    if any(templates.count(template) > 2 for template in templates):
        broken.append("a template 3+ times")
    levels = [question.difficulty for question in questions]
    if levels != sorted(levels):
        broken.append("not easier to harder")
    return broken


def test_200_seeded_classic_rounds_of_the_bank_keep_every_limit(bank: PlayablePack) -> None:
    for seed in range(200):
        round_ = Round(bank.questions, RoundConfig(mode="classic", seed=seed, pack_id=bank.id))
        assert len(round_.questions) == 10
        assert _limits_broken(round_.questions) == [], seed


def test_a_month_of_daily_challenges_keeps_every_limit(bank: PlayablePack) -> None:
    for day in range(1, 31):
        config = RoundConfig(mode="daily", pack_id=bank.id, day=date(2026, 11, day))
        assert _limits_broken(Round(bank.questions, config).questions) == [], day
