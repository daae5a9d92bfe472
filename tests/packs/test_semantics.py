"""Whole-pack checks: each is reported with the exact line and a hint of what is right."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.packs.errors import PackError, Problem
from quiz.packs.loader import parse_pack_text
from quiz.packs.semantics import check_generated_ids, check_semantics

Replace = Callable[[str, str, str], str]
LineOf = Callable[[str, str], int]


def only_problem(text: str) -> Problem:
    with pytest.raises(PackError) as caught:
        parse_pack_text(text, filename="pack.toml")
    assert len(caught.value.problems) == 1, caught.value.problems
    return caught.value.problems[0]


def test_good_pack_has_no_semantic_issues(good_text: str) -> None:
    assert check_semantics(parse_pack_text(good_text, filename="p")) == []


def test_duplicate_entity_id(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    text = replace_once(good_text, 'id = "ed-miliband"', 'id = "ed-balls"')
    problem = only_problem(text)
    assert problem.key == "entities[2].id"
    assert problem.line == line_of(text, 'id = "ed-balls"\nname = "Ed Miliband"')
    assert 'duplicate entity id "ed-balls"' in problem.message


def test_duplicate_question_id(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    text = replace_once(good_text, 'id = "q-mps"', 'id = "q-order"')
    problem = only_problem(text)
    assert problem.key == "questions[6].id"
    assert problem.line == line_of(text, 'id = "q-order"\ntype = "numeric"')
    first = line_of(text, 'id = "q-order"\ntype = "ordering"')
    assert (
        problem.message
        == f'duplicate question id "q-order"; ids must be unique (first on line {first})'
    )


def test_duplicate_fact_and_relation_ids(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'id = "vacant-man"', 'id = "hunting-hours"')
    problem = only_problem(text)
    assert problem.key == "facts[3].id"
    assert problem.line == line_of(text, 'id = "hunting-hours"\nsubject = "david-miliband"')


def test_question_id_taken_by_a_generated_question(good_text: str) -> None:
    pack = parse_pack_text(good_text, filename="p")
    issues = check_generated_ids(pack, [("q-mps", "hunting-hours"), ("free-id", "hunting-hours")])
    assert [issue.path for issue in issues] == [("questions", 6, "id")]
    assert 'fact "hunting-hours"' in issues[0].message


def test_question_id_taken_by_a_generated_question_is_located(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    from quiz.packs.generate import generate_questions

    pack = parse_pack_text(good_text, filename="p")
    taken = generate_questions(pack.model_copy(update={"questions": []}))[0]
    text = replace_once(good_text, 'id = "q-mps"', f'id = "{taken.id}"')
    problem = only_problem(text)
    assert problem.key == "questions[6].id"
    assert problem.line == line_of(text, f'id = "{taken.id}"')
    assert f'fact "{taken.fact_ids[0]}"' in problem.message


def test_fact_subject_must_resolve(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    text = replace_once(good_text, 'subject = "mandelson"', 'subject = "mandelsen"')
    problem = only_problem(text)
    assert problem.key == "facts[0].subject"
    assert problem.line == line_of(text, 'subject = "mandelsen"')
    assert problem.message == 'unknown entity "mandelsen"; did you mean "mandelson"?'


def test_fact_relation_must_resolve(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    text = replace_once(good_text, 'relation = "called"', 'relation = "nicknamed"')
    problem = only_problem(text)
    assert problem.key == "facts[3].relation"
    assert problem.line == line_of(text, 'relation = "nicknamed"')


def test_fact_object_must_resolve(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    text = replace_once(good_text, 'object = "ed-balls"', 'object = "zz-top"')
    problem = only_problem(text)
    assert problem.key == "facts[1].object"
    assert problem.line == line_of(text, 'object = "zz-top"')
    assert "known entity ids" in problem.message


def test_entity_relation_needs_an_object(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'object = "ed-balls"\n', "")
    problem = only_problem(text)
    assert problem.key == "facts[1].object"
    assert problem.line == line_of(text, 'id = "unite-backs-balls"') - 1  # [[facts]]
    assert 'add object = "<entity id>"' in problem.message


def test_entity_relation_takes_no_value(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'object = "ed-balls"', 'object = "ed-balls"\nvalue = 3')
    problem = only_problem(text)
    assert problem.key == "facts[1].value"
    assert problem.line == line_of(text, "value = 3")


def test_number_relation_needs_a_number(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, "value = 236", 'value = "236"')
    problem = only_problem(text)
    assert problem.key == "facts[2].value"
    assert problem.line == line_of(text, 'value = "236"')
    assert "needs a number" in problem.message


def test_phrase_relation_needs_a_phrase(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'value = "the ultimate vacant man"', "value = 7")
    problem = only_problem(text)
    assert problem.key == "facts[3].value"
    assert problem.line == line_of(text, "value = 7")


def test_value_relation_takes_no_object(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, "value = 236", 'value = 236\nobject = "unite"')
    problem = only_problem(text)
    assert problem.key == "facts[2].object"
    assert problem.line == line_of(text, 'object = "unite"')


def test_template_with_unknown_placeholder(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    old = 'ask_object = "What does the article call {subject}?"'
    text = replace_once(good_text, old, 'ask_object = "What does {author} call {subject}?"')
    problem = only_problem(text)
    assert problem.key == "relations[2].ask_object"
    assert problem.line == line_of(text, "{author}")
    assert "{author}" in problem.message and "{subject}" in problem.message


def test_template_must_name_the_known_side(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    old = 'statement = "{subject} backs {object}."'
    text = replace_once(good_text, old, 'statement = "Somebody backs {object}."')
    problem = only_problem(text)
    assert problem.key == "relations[0].statement"
    assert problem.line == line_of(text, "Somebody backs")
    assert problem.message == "statement must mention {subject}"


def test_template_with_a_stray_brace(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    old = 'ask_subject = "Who backs {object}, according to the article?"'
    text = replace_once(good_text, old, 'ask_subject = "Who backs {object}, {?"')
    problem = only_problem(text)
    assert problem.key == "relations[0].ask_subject"
    assert problem.line == line_of(text, "{?")


def test_answer_must_be_a_choice(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    text = replace_once(good_text, 'answer = "David Miliband"', 'answer = "David Milliband"')
    problem = only_problem(text)
    assert problem.key == "questions[0].answer"
    assert problem.line == line_of(text, 'answer = "David Milliband"')
    assert problem.message == (
        'answer "David Milliband" is not one of choices ["David Miliband", "Ed Balls",'
        ' "Ed Miliband", "Jon Cruddas"]; did you mean "David Miliband"?'
    )


def test_every_multiple_answer_must_be_a_choice(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, '"Unite", "Harriet Harman"]', '"Unite", "Hattie Harman"]')
    problem = only_problem(text)
    assert problem.key == "questions[1].answers[1]"
    assert problem.line == line_of(text, '"Hattie Harman"]')
    assert 'did you mean "Harriet Harman"?' in problem.message


def test_choices_must_differ_ignoring_case_and_spaces(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, '  "Lord Mandelson",\n', '  " unite ",\n')
    problem = only_problem(text)
    assert problem.key == "questions[1].choices[1]"
    assert problem.line == line_of(text, '" unite "')
    assert "repeats choice 1" in problem.message


def test_items_and_pair_sides_must_differ_like_choices(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    items = 'items = ["David Miliband", "Ed Balls", "Jon Cruddas"]'
    text = replace_once(good_text, items, 'items = ["David Miliband", "Ed Balls", " ed BALLS"]')
    pair = 'left = "Lord Mandelson", right = "Mandy"'
    text = replace_once(text, pair, 'left = "Lord Mandelson", right = " hattie"')
    with pytest.raises(PackError) as caught:
        parse_pack_text(text, filename="pack.toml")
    assert [(p.key, p.message) for p in caught.value.problems] == [
        (
            "questions[4].items[2]",
            '" ed BALLS" repeats item 2 (ignoring case and spaces); each item must be different',
        ),
        (
            "questions[5].pairs[1].right",
            'right " hattie" repeats pair 1; each right side must differ',
        ),
    ]


def test_at_least_two_choices(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    old = 'choices = ["David Miliband", "Ed Balls", "Ed Miliband", "Jon Cruddas"]'
    text = replace_once(good_text, old, 'choices = ["David Miliband"]')
    problem = only_problem(text)
    assert problem.key == "questions[0].choices"
    assert problem.line == line_of(text, 'choices = ["David Miliband"]')
    assert "at least 2" in problem.message


def test_ordering_items_must_differ(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    old = 'items = ["David Miliband", "Ed Balls", "Jon Cruddas"]'
    text = replace_once(good_text, old, 'items = ["David Miliband", "Ed Balls", "ed balls"]')
    problem = only_problem(text)
    assert problem.key == "questions[4].items[2]"
    assert problem.line == line_of(text, '"ed balls"]')


def test_matching_lefts_must_differ(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    old = '{ left = "Lord Mandelson", right = "Mandy" }'
    text = replace_once(good_text, old, '{ left = "Harriet Harman", right = "Mandy" }')
    problem = only_problem(text)
    assert problem.key == "questions[5].pairs[1].left"
    assert problem.line == line_of(text, 'right = "Mandy"')


def test_matching_rights_must_differ(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(
        good_text, 'right = "a People’s Champion"', 'right = "The Ultimate Vacant Man"'
    )
    problem = only_problem(text)
    assert problem.key == "questions[7].pairs[1].right"
    assert problem.line == line_of(text, 'right = "The Ultimate Vacant Man"')


def test_typed_entity_must_resolve(good_text: str, replace_once: Replace, line_of: LineOf) -> None:
    text = replace_once(good_text, 'entity = "david-miliband"', 'entity = "david"')
    problem = only_problem(text)
    assert problem.key == "questions[3].entity"
    assert problem.line == line_of(text, 'entity = "david"')


def test_alias_naming_two_entities_is_ambiguous(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'aliases = ["Balls"]', 'aliases = ["Balls", "MILIBLAND"]')
    problem = only_problem(text)
    assert problem.key == "entities[1].aliases[1]"
    assert problem.line == line_of(text, '"MILIBLAND"]')
    first = line_of(text, 'aliases = ["Milibland"')
    assert problem.message == (
        '"MILIBLAND" already names entity "david-miliband"; a name or alias must point to one'
        f" entity only (first on line {first})"
    )


def test_semantic_problems_are_all_reported_in_line_order(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'answer = "David Miliband"', 'answer = "Nobody"')
    text = replace_once(text, 'subject = "unite"', 'subject = "gmb"')
    with pytest.raises(PackError) as caught:
        parse_pack_text(text, filename="pack.toml")
    assert [p.line for p in caught.value.problems] == [
        line_of(text, 'subject = "gmb"'),
        line_of(text, 'answer = "Nobody"'),
    ]


def test_shape_and_semantic_problems_are_reported_together(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'answer = "David Miliband"', 'answer = "Nobody"')
    text = replace_once(text, "difficulty = 2\ntags", "difficulty = 9\ntags")
    with pytest.raises(PackError) as caught:
        parse_pack_text(text, filename="pack.toml")
    assert [(p.line, p.key) for p in caught.value.problems] == [
        (line_of(text, "difficulty = 9"), "facts[1].difficulty"),
        (line_of(text, 'answer = "Nobody"'), "questions[0].answer"),
    ]


def test_reference_to_an_invalid_entity_is_not_called_unknown(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    # The entity "unite" is wrong in itself; facts naming it must not add "unknown entity".
    text = replace_once(good_text, 'kind = "union"', 'kind = "guild"')
    text = replace_once(text, 'id = "q-mps"', 'id = "q-order"')
    with pytest.raises(PackError) as caught:
        parse_pack_text(text, filename="pack.toml")
    assert [(p.line, p.key) for p in caught.value.problems] == [
        (line_of(text, 'kind = "guild"'), "entities[5].kind"),
        (line_of(text, 'id = "q-order"\ntype = "numeric"'), "questions[6].id"),
    ]


def test_a_question_may_only_name_facts_the_pack_has(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(
        good_text,
        'quote = "Hattie’s decision not to run"',
        'quote = "Hattie’s decision not to run"\nfacts = ["vacant-man", "vacant-mann"]',
    )
    problem = only_problem(text)
    assert problem.key == "questions[2].facts[1]"
    assert problem.line == line_of(text, 'facts = ["vacant-man", "vacant-mann"]')
    assert problem.message == 'unknown fact "vacant-mann"; did you mean "vacant-man"?'


def test_relation_roles_must_be_roles_some_entity_plays(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(
        good_text, 'typed = true\ntags = ["backers"]', 'typed = true\nobject_roles = ["candidat"]'
    )
    problem = only_problem(text)
    assert problem.key == "relations[0].object_roles[0]"
    assert problem.line == line_of(text, 'object_roles = ["candidat"]')
    assert problem.message.startswith('no entity has role "candidat"; did you mean "candidate"?')


def test_accepted_spellings_belong_to_phrase_facts(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(
        good_text, 'object = "david-miliband"\n', 'object = "david-miliband"\naccept = ["Davy"]\n'
    )
    problem = only_problem(text)
    assert problem.key == "facts[0].accept"
    assert problem.line == line_of(text, 'accept = ["Davy"]')
    assert "entity's aliases" in problem.message
