"""Hand-written questions and concrete ones: `hand_fields` undoes `hand_to_question`, the one
way a concrete question is written back as a hand-written one (our JSON, `pack generate`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter

from quiz.packs.generate import generate_questions
from quiz.packs.hand_questions import attribution_of, hand_fields, hand_to_question
from quiz.packs.loader import load_pack
from quiz.packs.models import HandQuestion

BANK = Path(__file__).resolve().parents[2] / "questions" / "labour-2010.toml"


def test_every_question_of_the_bank_survives_being_written_as_a_hand_written_one() -> None:
    pack = load_pack(BANK, use_cache=False)
    entities = {entity.id: entity for entity in pack.entities}
    adapter: TypeAdapter[HandQuestion] = TypeAdapter(HandQuestion)
    questions = generate_questions(pack)
    assert {question.type for question in questions} >= {
        "single", "multiple", "true_false", "typed", "ordering", "numeric",
    }  # fmt: skip
    for question in questions:
        hand = adapter.validate_python(hand_fields(question))
        back = hand_to_question(hand, entities, attribution_of(pack))
        kept = question.model_copy(update={"origin": "hand", "fact_ids": ()})
        assert back == kept, question.id


def test_defaults_are_left_out() -> None:
    pack = load_pack(BANK, use_cache=False)
    single = next(q for q in generate_questions(pack) if q.type == "single")
    plain = single.model_copy(update={"explanation": "", "quote": "", "difficulty": 1, "tags": ()})
    assert sorted(hand_fields(plain)) == ["answer", "choices", "id", "prompt", "type"]
