"""Question generation on small hand-made packs: grouping, distractors, false variants,
template safety, stable ids and determinism."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.packs.generate import generate_questions
from quiz.packs.generated_pack import generated_pack_toml
from quiz.packs.loader import parse_pack_text
from quiz.packs.models import MAX_ID, PackFile
from quiz.packs.question import FALSE, TRUE, Question
from quiz.packs.templates import fill, make_id, number_text

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def person(entity_id: str, *roles: str, aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    name = entity_id.replace("-", " ").title()
    return {"id": entity_id, "name": name, "kind": "person", "roles": list(roles),
            "aliases": list(aliases)}  # fmt: skip


def make_pack(
    entities: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    facts: list[dict[str, Any]],
    questions: list[dict[str, Any]] | None = None,
) -> PackFile:
    return PackFile.model_validate(
        {
            "pack": {"id": "tiny", "title": "Tiny", "source": {"title": "T", "date": "2010"}},
            "entities": entities,
            "relations": relations,
            "facts": facts,
            "questions": questions or [],
        }
    )


BACKS = {
    "id": "backs",
    "ask_object": "Who backs {subject}?",
    "ask_subject": "Whom does {object} back?",
    "statement": "{subject} is backed by {object}.",
    "typed": True,
}


def fact(fact_id: str, subject: str, obj: str, relation: str = "backs", **extra: Any) -> dict:
    return {"id": fact_id, "subject": subject, "relation": relation, "object": obj,
            "quote": f"quote {fact_id}", **extra}  # fmt: skip


def backers_pack() -> PackFile:
    entities = [
        person("balls", "candidate"),
        person("david", "candidate"),
        person("ed", "candidate"),
        person("cruddas", "candidate"),
        person("burnham", "candidate"),
        person("whelan", "backer", aliases=("Charlie",)),
        person("dromey", "backer"),
        person("harman", "backer"),
        person("mandy", "backer"),
        person("prescott", "backer"),
        {"id": "unite", "name": "Unite", "kind": "union", "roles": ["backer"]},
        {"id": "gmb", "name": "GMB", "kind": "union", "roles": ["backer"]},
        {"id": "sky", "name": "Sky", "kind": "media", "roles": ["backer"]},
    ]
    facts = [
        fact("f-whelan", "balls", "whelan"),
        fact("f-dromey", "balls", "dromey"),
        fact("f-harman", "balls", "harman"),
        fact("f-unite", "balls", "unite"),
        fact("f-mandy", "david", "mandy"),
        fact("f-harman-ed", "ed", "harman"),
    ]
    return make_pack(entities, [BACKS], facts)


def by_id(questions: list[Question]) -> dict[str, Question]:
    return {question.id: question for question in questions}


def test_several_objects_of_one_subject_make_one_multiple_answer_question() -> None:
    questions = by_id(generate_questions(backers_pack()))
    question = questions["backs.balls.ask-object"]
    assert question.type == "multiple"
    assert set(question.answers) == {"Whelan", "Dromey", "Harman", "Unite"}
    assert question.fact_ids == ("f-dromey", "f-harman", "f-unite", "f-whelan")
    wrong = set(question.choices) - set(question.answers)
    assert wrong and wrong <= {"Mandy", "Prescott", "Gmb", "GMB"}
    # Several right objects: a typed question would be ambiguous, so there is none.
    assert "backs.balls.typed" not in questions
    assert questions["backs.david.typed"].answers == ("Mandy",)


def test_several_subjects_of_one_object_make_one_multiple_answer_question() -> None:
    question = by_id(generate_questions(backers_pack()))["backs.harman.ask-subject"]
    assert question.type == "multiple"
    assert set(question.answers) == {"Balls", "Ed"}
    wrong = set(question.choices) - set(question.answers)
    assert len(wrong) == 2 and wrong <= {"David", "Cruddas", "Burnham"}
    assert question.prompt == "Whom does Harman back? Choose all that apply."


def test_distractors_share_kind_and_a_role_and_are_never_the_subject() -> None:
    pack = backers_pack()
    entities = {e.name: e for e in pack.entities}
    for question in generate_questions(pack):
        if question.type not in ("single", "multiple"):
            continue
        right_kinds = {(entities[a].kind, r) for a in question.answers for r in entities[a].roles}
        for wrong in set(question.choices) - set(question.answers):
            entity = entities[wrong]
            assert any((entity.kind, role) in right_kinds for role in entity.roles), question
        if question.id.endswith(".ask-object"):
            subject = question.id.split(".")[1]
            assert all(entities[c].id != subject for c in question.choices)
    # Sky is a backer too, but media: never a distractor for a union or a person.
    assert all("Sky" not in q.choices for q in generate_questions(pack))


def test_a_choice_question_without_three_plausible_wrong_choices_is_not_generated() -> None:
    entities = [person("a", "candidate"), person("b", "candidate"), person("c", "candidate"),
                person("x", "backer")]  # fmt: skip
    facts = [fact("f1", "a", "x")]
    questions = by_id(generate_questions(make_pack(entities, [BACKS], facts)))
    # Nobody else backs anyone: no wrong backer exists, so no ask-object and no false variant.
    assert "backs.a.ask-object" not in questions
    assert "f1.false" not in questions
    # Two wrong candidates are not enough: a question has four choices or is not asked.
    assert "backs.x.ask-subject" not in questions
    # The typed and true/false forms stand instead.
    assert questions["f1.true"].answers == (TRUE,)
    assert questions["backs.a.typed"].answers == ("X",)


def test_false_variants_are_never_true_by_any_fact() -> None:
    pack = backers_pack()
    true_statements = {
        fill(BACKS["statement"], _name(pack, f.subject), _name(pack, f.object or ""))
        for f in pack.facts
    }
    falses = [q for q in generate_questions(pack) if q.id.endswith(".false")]
    assert falses
    for question in falses:
        assert question.answers == (FALSE,)
        assert question.prompt not in true_statements
    assert len({q.prompt for q in falses}) == len(falses)


def test_templates_substitute_only_subject_and_object() -> None:
    relation = dict(BACKS, ask_object="Who {subject.__class__} backs {subject}? {0} {{x}}")
    entities = [person("a", "candidate"), person("b", "candidate"), person("x", "backer"),
                person("u", "backer"), person("v", "backer"), person("w", "backer"),
                {"id": "y", "name": "{object} {subject.__init__}", "kind": "person",
                 "roles": ["backer"]}]  # fmt: skip
    facts = [fact("f1", "a", "x"), fact("f2", "b", "y")]
    questions = by_id(generate_questions(make_pack(entities, [relation], facts)))
    prompt = questions["backs.a.ask-object"].prompt
    assert prompt == "Who {subject.__class__} backs A? {0} {x}"
    # A name that looks like a placeholder is shown as written, never substituted again.
    assert "{object} {subject.__init__}" in questions["backs.b.ask-object"].answers
    statement = next(q for q in questions.values() if q.id.startswith("f2."))
    assert statement.prompt.startswith("B is backed by ")
    if statement.id == "f2.true":
        assert statement.prompt == "B is backed by {object} {subject.__init__}."
    assert fill("{object}", "S", "{subject}") == "{subject}"


SAYS = {
    "id": "says",
    "object": "phrase",
    "ask_object": "What does the article say of {subject}?",
    "ask_subject": "Of whom does the article say that he {object}?",
    "statement": "The article says {subject} {object}.",
}


def said(fact_id: str, subject: str, value: str, *distractors: str) -> dict[str, Any]:
    return {"id": fact_id, "subject": subject, "relation": "says", "value": value,
            "distractors": list(distractors), "quote": "q"}  # fmt: skip


def gendered(entity_id: str, pronoun: str, *roles: str) -> dict[str, Any]:
    return dict(person(entity_id, *roles), pronoun=pronoun)


def test_phrase_choices_are_own_distractors_then_peers_rewritten_to_fit() -> None:
    entities = [
        gendered("ed", "he", "candidate"),
        gendered("balls", "he", "candidate"),
        gendered("harriet", "she", "candidate"),
        gendered("unite", "it", "union"),
    ]
    facts = [
        said("s-ed", "ed", "is smarter than his brother", "is smarter than Ed",
             "is SMARTER than his brother"),
        said("s-balls", "balls", "hates the LibDems"),
        said("s-harriet", "harriet", "was right not to run", "should have run"),
        said("s-unite", "unite", "backs Ed Balls"),
    ]  # fmt: skip
    questions = by_id(generate_questions(make_pack(entities, [SAYS], facts)))
    # Her own wrong phrases come from people with her role, in her pronoun; never the union's.
    harriet = questions["says.harriet.ask-object"]
    assert sorted(harriet.choices) == [
        "hates the LibDems", "is smarter than her brother", "should have run",
        "was right not to run",
    ]  # fmt: skip
    ed = questions["says.ed.ask-object"]
    # Own distractors first; one that differs from the answer only in case is never offered.
    assert "is smarter than Ed" in ed.choices
    assert [c for c in ed.choices if c.casefold() == "is smarter than his brother"] == [
        "is smarter than his brother"
    ]
    # The union has no peer of its kind: no four choices, no question.
    assert "says.unite.ask-object" not in questions


def test_ask_subject_offers_only_people_of_the_answers_pronoun_and_role() -> None:
    entities = [gendered(f"m{n}", "he", "candidate") for n in range(4)]
    entities += [gendered("w0", "she", "candidate"), gendered("w1", "she", "candidate")]
    facts = [said("s1", "m0", "is smart"), said("s2", "w0", "was right not to run")]
    questions = by_id(generate_questions(make_pack(entities, [SAYS], facts)))
    he = questions["says.is-smart.ask-subject"]
    assert sorted(he.choices) == ["M0", "M1", "M2", "M3"]
    # Only one other woman: "Of whom … she …" would give her away, so it is not asked.
    assert "says.was-right-not-to-run.ask-subject" not in questions


def test_own_distractors_only_never_borrows_another_subjects_phrase() -> None:
    nickname = {"id": "nick", "object": "phrase", "own_distractors_only": True,
                "ask_object": "Nickname of {subject}?", "statement": "{subject} is “{object}”.",
                "typed": True}  # fmt: skip
    entities = [gendered("blair", "he", "nicknamed"), gendered("harman", "she", "nicknamed")]
    facts = [
        {"id": "n1", "subject": "blair", "relation": "nick", "value": "Cheesie",
         "distractors": ["Chalkie", "Smiler", "Bambi"], "accept": ["Cheesy"], "quote": "q"},
        {"id": "n2", "subject": "harman", "relation": "nick", "value": "Hattie", "quote": "q"},
    ]  # fmt: skip
    questions = by_id(generate_questions(make_pack(entities, [nickname], facts)))
    assert sorted(questions["nick.blair.ask-object"].choices) == [
        "Bambi", "Chalkie", "Cheesie", "Smiler",
    ]  # fmt: skip
    assert "nick.harman.ask-object" not in questions  # no own distractors: not asked
    assert "n2.false" not in questions  # "Harman is “Cheesie”." would be nonsense
    typed = questions["nick.blair.typed"]
    assert typed.answers == ("Cheesie", "Cheesy")
    assert typed.prompt == "Nickname of Blair? Type the answer."


def test_number_relations_give_numeric_and_nearby_choices() -> None:
    share = {
        "id": "share",
        "object": "number",
        "unit": "%",
        "tolerance": 5,
        "ask_object": "What share of {subject}?",
        "statement": "{object} of {subject}.",
    }
    entities = [{"id": "labour", "name": "Labour", "kind": "party", "roles": ["party"]}]
    facts = [{"id": "s1", "subject": "labour", "relation": "share", "value": 90, "quote": "q"}]
    questions = by_id(generate_questions(make_pack(entities, [share], facts)))
    numeric = questions["s1.numeric"]
    assert (numeric.type, numeric.value, numeric.tolerance, numeric.unit) == ("numeric", 90, 5, "%")
    choice = questions["share.labour.ask-object"]
    assert choice.answers == ("90%",) and len(choice.choices) == 4
    for wrong in set(choice.choices) - {"90%"}:
        value = float(wrong.rstrip("%"))
        assert abs(value - 90) > 5 and 0 < value <= 100
    statement = questions.get("s1.false") or questions["s1.true"]
    assert statement.prompt != "90% of Labour." or statement.answers == (TRUE,)
    # The typed and numeric forms never read exactly like the choice question.
    assert numeric.prompt == "What share of Labour? Give a number."
    assert choice.prompt == "What share of Labour?"
    assert numeric.template == choice.template == "share.ask-object"


def test_two_numbers_for_one_subject_are_not_asked_as_one_question() -> None:
    count = {"id": "count", "object": "number", "ask_object": "How many for {subject}?",
             "statement": "{subject} has {object}."}  # fmt: skip
    entities = [{"id": "p", "name": "P", "kind": "party"}]
    facts = [
        {"id": "c1", "subject": "p", "relation": "count", "value": 5, "quote": "q"},
        {"id": "c2", "subject": "p", "relation": "count", "value": 50, "quote": "q"},
    ]
    questions = by_id(generate_questions(make_pack(entities, [count], facts)))
    assert not any(key.endswith((".numeric", ".ask-object")) for key in questions)
    # A false variant must be false for both numbers.
    for key in ("c1.false", "c2.false"):
        assert questions[key].prompt not in ("P has 5.", "P has 50.")


def test_generated_questions_carry_explanation_quote_tags_and_attribution() -> None:
    pack = backers_pack()
    relation = dict(BACKS, tags=["backers"])
    facts = [dict(f.model_dump(exclude_none=True), tags=["opinion"]) for f in pack.facts]
    pack = make_pack([e.model_dump() for e in pack.entities], [relation], facts)
    for question in generate_questions(pack):
        assert question.quote.startswith("quote ")
        assert question.attribution == "T, 2010"
        assert question.explanation
        assert question.tags[:2] == ("backers", "opinion")
        # Tagged opinion: the prompt must say whose opinion it is.
        assert "according to the article" in question.prompt.casefold()
        assert question.origin == "generated"


def test_ids_are_unique_valid_and_independent_of_fact_order() -> None:
    pack = backers_pack()
    forward = generate_questions(pack)
    reordered = make_pack(
        [e.model_dump() for e in reversed(pack.entities)],
        [BACKS],
        [f.model_dump(exclude_none=True) for f in reversed(pack.facts)],
    )
    assert [q.model_dump() for q in generate_questions(reordered)] == [
        q.model_dump() for q in forward
    ]
    ids = [q.id for q in forward]
    assert len(ids) == len(set(ids))
    assert all(ID_PATTERN.match(i) and len(i) <= MAX_ID for i in ids)


def test_long_ids_are_shortened_with_a_stable_hash() -> None:
    long = make_id("relation", "x" * 80, "ask-subject")
    assert len(long) <= MAX_ID and ID_PATTERN.match(long)
    assert long == make_id("relation", "x" * 80, "ask-subject")
    assert long != make_id("relation", "x" * 79 + "y", "ask-subject")


def test_number_text_uses_the_unit_naturally() -> None:
    assert number_text(25, "%") == "25%"
    assert number_text(236, "parliamentary hours") == "236 parliamentary hours"
    assert number_text(1, "days") == "1 day"
    assert number_text(2.5, "") == "2.5"


def test_hand_written_questions_come_first_and_keep_their_ids() -> None:
    hand = [
        {"id": "h-typed", "type": "typed", "prompt": "Who?", "answer": "Whelan",
         "accept": ["C. Whelan"], "entity": "whelan", "quote": "q"},
        {"id": "h-tf", "type": "true_false", "prompt": "Yes?", "answer": False},
    ]  # fmt: skip
    base = backers_pack()
    pack = make_pack(
        [e.model_dump() for e in base.entities],
        [BACKS],
        [f.model_dump(exclude_none=True) for f in base.facts],
        hand,
    )
    questions = generate_questions(pack)
    assert [q.id for q in questions[:2]] == ["h-typed", "h-tf"]
    assert questions[0].answers == ("Whelan", "C. Whelan", "Charlie")
    assert questions[0].attribution == "T, 2010" and questions[1].attribution == ""
    assert questions[1].choices == (TRUE, FALSE) and questions[1].answers == (FALSE,)
    assert {q.origin for q in questions[2:]} == {"generated"}


def test_generated_pack_round_trips_through_the_loader() -> None:
    pack = backers_pack()
    text = generated_pack_toml(pack, "../questions/pack.schema.json")
    assert text.startswith("#:schema ../questions/pack.schema.json\n")
    loaded = parse_pack_text(text, filename="out.toml")
    assert not loaded.facts
    original = [q for q in generate_questions(pack) if q.origin == "generated"]
    again = generate_questions(loaded)
    keep = {"origin", "fact_ids", "template"}
    assert [q.model_dump(exclude=keep) for q in again] == [
        q.model_dump(exclude=keep) for q in original
    ]


# --- property: random backing graphs ---------------------------------------------------------

CANDIDATES = ["c0", "c1", "c2", "c3"]
BACKERS = ["b0", "b1", "b2", "b3", "b4"]


@settings(max_examples=60, deadline=None)
@given(
    pairs=st.sets(
        st.tuples(st.sampled_from(CANDIDATES), st.sampled_from(BACKERS)), min_size=1, max_size=14
    ),
    shuffle=st.randoms(use_true_random=False),
)
def test_random_fact_sets_never_give_ambiguous_or_wrong_questions(pairs, shuffle) -> None:  # type: ignore[no-untyped-def]
    entities = [person(c, "candidate") for c in CANDIDATES] + [person(b, "backer") for b in BACKERS]
    facts = [fact(f"f-{c}-{b}", c, b) for c, b in sorted(pairs)]
    pack = make_pack(entities, [BACKS], facts)
    questions = generate_questions(pack)
    backers_of = {c: {b.title() for cc, b in pairs if cc == c} for c in CANDIDATES}
    backed_by = {b: {c.title() for c, bb in pairs if bb == b} for b in BACKERS}
    true_statements = {f"{c.title()} is backed by {b.title()}." for c, b in pairs}
    for question in questions:
        key, _, kind = question.id.rpartition(".")
        if question.type in ("single", "multiple"):
            assert len(question.choices) == len({c.casefold() for c in question.choices}) >= 4
            assert question.type == "multiple" or len(question.choices) == 4
            correct = backers_of[key.split(".")[1]] if kind == "ask-object" else (
                backed_by[key.split(".")[1]])  # fmt: skip
            assert set(question.answers) == correct
            assert not (set(question.choices) - set(question.answers)) & correct
            assert question.type == ("single" if len(correct) == 1 else "multiple")
        if kind == "false":
            assert question.prompt not in true_statements
        if kind == "true":
            assert question.prompt in true_statements
    # One true/false question per fact, never both forms.
    statements = [q.id.rpartition(".")[0] for q in questions if q.type == "true_false"]
    assert sorted(statements) == sorted(f["id"] for f in facts)
    shuffled = list(facts)
    shuffle.shuffle(shuffled)
    again = generate_questions(make_pack(entities, [BACKS], shuffled))
    assert [q.model_dump() for q in again] == [q.model_dump() for q in questions]


def test_a_choice_never_offers_someone_the_prompt_names() -> None:
    friend = {"id": "friend", "object": "phrase", "ask_subject": "Who is {object}?",
              "statement": "{subject} is {object}."}  # fmt: skip
    entities = [
        person("clegg", "leader"),
        person("cameron", "leader", aliases=("Dave",)),
        person("brown", "leader"),
        person("salmond", "leader"),
        person("jones", "leader"),
    ]
    facts = [{"id": "f", "subject": "clegg", "relation": "friend",
              "value": "Dave’s little friend", "quote": "q"}]  # fmt: skip
    question = by_id(generate_questions(make_pack(entities, [friend], facts)))[
        "friend.daves-little-friend.ask-subject"
    ]
    assert sorted(question.choices) == ["Brown", "Clegg", "Jones", "Salmond"]


def test_a_relations_roles_decide_where_wrong_choices_come_from() -> None:
    relation = dict(BACKS, object_roles=["backer", "grandee"], subject_roles=["candidate"])
    entities = [person("balls", "candidate"), person("david", "candidate"),
                person("ed", "candidate"), person("cruddas", "candidate"),
                person("whelan", "backer"), person("prescott", "grandee"),
                person("hoon", "grandee", "nicknamed"), person("adonis", "grandee"),
                person("blair", "nicknamed")]  # fmt: skip
    facts = [fact("f1", "balls", "whelan")]
    questions = by_id(generate_questions(make_pack(entities, [relation], facts)))
    # Blair shares a role with Hoon, but is no backer or grandee: never offered.
    assert sorted(questions["backs.balls.ask-object"].choices) == [
        "Adonis", "Hoon", "Prescott", "Whelan",
    ]  # fmt: skip
    assert sorted(questions["backs.whelan.ask-subject"].choices) == [
        "Balls", "Cruddas", "David", "Ed",
    ]  # fmt: skip


def test_a_typed_question_carries_the_other_names_it_must_refuse() -> None:
    entities = [person("balls", "candidate", aliases=("Ed B",)), person("x", "candidate"),
                person("ed-miliband", "backer"), person("whelan", "backer")]  # fmt: skip
    entities[2]["name"], entities[3]["name"] = "Ed Miliband", "Charlie Whelan"
    facts = [fact("f1", "balls", "ed-miliband")]
    typed = by_id(generate_questions(make_pack(entities, [BACKS], facts)))["backs.balls.typed"]
    assert typed.answers == ("Ed Miliband",)
    assert typed.prompt == "Who backs Balls? Type the name."
    # "Ed B" shares a word with the answer: a player's near miss must never become it.
    assert typed.other_names == ("Ed B",)


def _name(pack: PackFile, entity_id: str) -> str:
    return next(e.name for e in pack.entities if e.id == entity_id)


# --- property: any valid pack generates without error ----------------------------------------

_names = st.text(alphabet="ab{}. ’“Cc", min_size=1, max_size=6)
_entity = st.fixed_dictionaries(
    {
        "name": _names,
        "kind": st.sampled_from(["person", "party"]),
        "roles": st.lists(st.sampled_from(["r1", "r2"]), max_size=2),
    }
)
_relation = st.fixed_dictionaries(
    {
        "object": st.sampled_from(["entity", "number", "phrase"]),
        "ask_object": st.sampled_from([None, "Q {subject}?", "{subject.x} {{ {object}"]),
        "ask_subject": st.sampled_from([None, "W {object}?"]),
        "statement": st.sampled_from([None, "{subject} / {object}."]),
        "typed": st.booleans(),
        "unit": st.sampled_from(["", "%", "days"]),
        "tolerance": st.sampled_from([0, 1, 5, 1e12]),
    }
)
_fact = st.tuples(
    st.integers(0, 5),
    st.integers(0, 2),
    st.integers(0, 5),
    st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.integers(-5, 200), _names),
    st.lists(_names, max_size=3),
)


@settings(max_examples=80, deadline=None)
@given(
    entities=st.lists(_entity, min_size=1, max_size=6),
    relations=st.lists(_relation, min_size=1, max_size=3),
    facts=st.lists(_fact, max_size=20),
)
def test_any_valid_pack_generates_sound_questions(entities, relations, facts) -> None:  # type: ignore[no-untyped-def]
    entity_rows = [dict(e, id=f"e{i}") for i, e in enumerate(entities)]
    relation_rows = [dict(r, id=f"r{i}") for i, r in enumerate(relations)]
    fact_rows = []
    for number, (subject, relation, obj, value, distractors) in enumerate(facts):
        relation_row = relation_rows[relation % len(relation_rows)]
        row = {
            "id": f"f{number}",
            "subject": f"e{subject % len(entity_rows)}",
            "relation": relation_row["id"],
            "quote": "q",
            "distractors": distractors,
        }
        if relation_row["object"] == "entity":
            row["object"] = f"e{obj % len(entity_rows)}"
        else:
            row["value"] = value
        fact_rows.append(row)
    pack = make_pack(entity_rows, relation_rows, fact_rows)
    questions = generate_questions(pack)
    assert [q.model_dump() for q in generate_questions(pack)] == [q.model_dump() for q in questions]
    assert len({q.id for q in questions}) == len(questions)
    for question in questions:
        assert ID_PATTERN.match(question.id) and len(question.id) <= MAX_ID
        if question.type in ("single", "multiple"):
            folded = [choice.casefold() for choice in question.choices]
            assert len(folded) == len(set(folded)) >= 2
            assert set(question.answers) <= set(question.choices)
            assert len(question.choices) <= 8
    # With distinct names (the checker insists on them), a false variant never reads like
    # any true statement.
    if len({e["name"].casefold() for e in entity_rows}) == len(entity_rows):
        trues = {q.prompt for q in questions if q.id.endswith(".true")}
        assert not any(q.prompt in trues for q in questions if q.id.endswith(".false"))
