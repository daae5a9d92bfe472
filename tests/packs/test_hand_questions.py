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
        kept = question.model_copy(update={"origin": "hand", "fact_ids": (), "template": ""})
        assert back == kept, question.id


def test_defaults_are_left_out() -> None:
    pack = load_pack(BANK, use_cache=False)
    single = next(q for q in generate_questions(pack) if q.type == "single")
    plain = single.model_copy(update={"explanation": "", "quote": "", "difficulty": 1, "tags": ()})
    assert sorted(hand_fields(plain)) == ["answer", "choices", "id", "prompt", "type"]


def test_a_hand_written_question_carries_its_facts_and_a_typed_one_the_other_names() -> None:
    from quiz.packs.loader import parse_pack_text

    pack = parse_pack_text(
        """
[pack]
id = "p"
title = "P"

[[entities]]
id = "david"
name = "David Miliband"
kind = "person"

[[entities]]
id = "ed"
name = "Ed Miliband"
kind = "person"

[[relations]]
id = "called"
object = "phrase"
statement = "The article calls {subject} {object}."

[[facts]]
id = "vacant"
subject = "david"
relation = "called"
value = "the ultimate vacant man"
quote = "q"

[[questions]]
id = "who-is-vacant"
type = "typed"
prompt = "Who is the ultimate vacant man?"
answer = "David Miliband"
entity = "david"
facts = ["vacant"]
""",
        filename="p.toml",
    )
    question = generate_questions(pack)[0]
    assert question.fact_ids == ("vacant",)
    assert set(question.other_names) == {"Miliband", "Ed Miliband"}
