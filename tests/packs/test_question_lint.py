"""Strict lint over every question a pack gives: four plausible choices of the answer's kind
and pronoun, none also true, no two questions alike, typed answers that take no other
entity's name, and true/false at most a third. Each warning is located."""

from __future__ import annotations

import tomli

from quiz.game.typed_answers import match_typed
from quiz.packs.generate import generate_questions
from quiz.packs.models import PackFile
from quiz.packs.question_lint import lint_questions

BASE = """\
[pack]
id = "strict"
title = "Strict"

[[entities]]
id = "balls"
name = "Ed Balls"
kind = "person"
roles = ["candidate"]
pronoun = "he"

[[entities]]
id = "ed"
name = "Ed Miliband"
kind = "person"
roles = ["candidate"]
pronoun = "he"

[[entities]]
id = "david"
name = "David Miliband"
aliases = ["Milibland"]
kind = "person"
roles = ["candidate"]
pronoun = "he"

[[entities]]
id = "cruddas"
name = "Jon Cruddas"
kind = "person"
roles = ["candidate"]
pronoun = "he"

[[entities]]
id = "harman"
name = "Harriet Harman"
kind = "person"
roles = ["backer"]
pronoun = "she"

[[entities]]
id = "unite"
name = "Unite"
kind = "union"
roles = ["backer"]
pronoun = "it"

[[relations]]
id = "backed-by"
ask_subject = "Who is backed by {object}?"

[[facts]]
id = "balls-unite"
subject = "balls"
relation = "backed-by"
object = "unite"
quote = "q"

[[facts]]
id = "ed-unite"
subject = "ed"
relation = "backed-by"
object = "unite"
quote = "q"
"""

GOOD = """
[[questions]]
id = "good"
type = "single"
prompt = "Which candidate is the bookies’ favourite?"
choices = ["David Miliband", "Ed Miliband", "Ed Balls", "Jon Cruddas"]
answer = "David Miliband"
"""


def warnings(extra: str) -> list[tuple[int | None, str, str]]:
    text = BASE + extra
    pack = PackFile.model_validate(tomli.loads(text))
    found = lint_questions(
        pack,
        generate_questions(pack),
        text,
        "p.toml",
        typed_accepts=lambda given, accepted: match_typed(given, accepted).accepted,
    )
    return [(problem.line, problem.key, problem.message) for problem in found]


def line_of(extra: str, needle: str) -> int:
    return (BASE + extra).splitlines().index(needle) + 1


def test_a_sound_question_has_no_warning() -> None:
    assert warnings(GOOD) == []


def test_a_single_choice_question_has_four_choices() -> None:
    extra = GOOD.replace('"Ed Balls", "Jon Cruddas"]', '"Ed Balls"]')
    assert warnings(extra) == [
        (line_of(extra, "[[questions]]"), "questions[0]",
         "question good: 3 choices; a single-choice question has 4"),
    ]  # fmt: skip


def test_a_multiple_answer_question_says_choose_all_that_apply() -> None:
    extra = """
[[questions]]
id = "many"
type = "multiple"
prompt = "Which of these are candidates?"
choices = ["David Miliband", "Ed Miliband", "Harriet Harman", "Unite"]
answers = ["David Miliband", "Ed Miliband"]
"""
    messages = [message for _, _, message in warnings(extra)]
    assert 'question many: a multiple-answer prompt says "Choose all that apply."' in messages


def test_a_wrong_choice_of_another_kind_or_pronoun_is_reported() -> None:
    extra = """
[[questions]]
id = "who-backs"
type = "single"
prompt = "Who stood aside so as not to split Ed Balls’ vote?"
choices = ["Harriet Harman", "Unite", "Ed Miliband", "Jon Cruddas"]
answer = "Harriet Harman"
"""
    messages = [message for _, _, message in warnings(extra)]
    assert messages == [
        'question who-backs: wrong choice "Unite" is a union, not a person',
        'question who-backs: wrong choice "Unite" is "it", the answer "she"',
        'question who-backs: wrong choice "Ed Miliband" is "he", the answer "she"',
        'question who-backs: wrong choice "Jon Cruddas" is "he", the answer "she"',
    ]


def test_a_wrong_choice_must_agree_with_a_he_or_she_in_the_prompt() -> None:
    extra = """
[[questions]]
id = "his-brother"
type = "single"
prompt = "Who is a smarter politician than his brother?"
choices = ["Ed Miliband", "Harriet Harman", "Spare One", "Spare Two"]
answer = "Ed Miliband"
"""
    messages = [message for _, _, message in warnings(extra)]
    assert messages == [
        'question his-brother: wrong choice "Harriet Harman" is "she", the answer "he"'
    ]


def test_a_wrong_choice_that_the_facts_make_true_as_well_is_reported() -> None:
    extra = """
[[questions]]
id = "unite-backs"
type = "single"
prompt = "Which candidate does Unite back?"
choices = ["Ed Balls", "Ed Miliband", "David Miliband", "Jon Cruddas"]
answer = "Ed Balls"
facts = ["balls-unite"]
"""
    assert warnings(extra) == [
        (line_of(extra, "[[questions]]"), "questions[0]",
         'question unite-backs: wrong choice "Ed Miliband" is true as well by the facts'),
    ]  # fmt: skip


def test_two_questions_that_read_the_same_are_reported() -> None:
    extra = GOOD + GOOD.replace('id = "good"', 'id = "again"')
    assert warnings(extra) == [
        (line_of(extra, 'id = "again"') - 1, "questions[1]",
         "question again: reads exactly like question good"),
    ]  # fmt: skip


def test_a_typed_answer_that_takes_another_entitys_name_is_reported() -> None:
    extra = """
[[questions]]
id = "typed"
type = "typed"
prompt = "Who is the ultimate vacant man? Type his name."
answer = "David Miliband"
accept = ["Miliband"]
entity = "david"
"""
    messages = [message for _, _, message in warnings(extra)]
    assert messages == ['question typed: the typed answer accepts "Miliband", a name of ed too']


def test_a_typed_answer_near_another_entitys_name_is_reported() -> None:
    extra = """
[[entities]]
id = "crudd"
name = "Jon Crudas"
kind = "person"

[[questions]]
id = "typed"
type = "typed"
prompt = "Who was mooted for a dream ticket? Type his name."
answer = "Jon Cruddas"
entity = "cruddas"
"""
    messages = [message for _, _, message in warnings(extra)]
    assert messages == [
        'question typed: "Jon Crudas" (crudd) is a near miss of the typed answer; the game'
        " refuses it, but the question may be unfair"
    ]


def test_more_than_a_third_true_false_is_reported_on_the_pack() -> None:
    extra = "".join(
        f'\n[[questions]]\nid = "tf{n}"\ntype = "true_false"\nprompt = "Statement {n}."\n'
        "answer = true\n"
        for n in range(3)
    )
    assert warnings(GOOD + extra)[-1] == (
        line_of(GOOD + extra, "[pack]"), "pack",
        "3 of 5 questions are true/false: more than a third makes rounds feel like a coin toss",
    )  # fmt: skip


def test_a_generated_question_is_located_at_its_first_fact() -> None:
    # A second relation worded like the first makes a question that reads the same.
    extra = """
[[relations]]
id = "also-backed-by"
ask_subject = "Who is backed by {object}?"

[[facts]]
id = "again-balls"
subject = "balls"
relation = "also-backed-by"
object = "unite"
quote = "q"

[[facts]]
id = "again-ed"
subject = "ed"
relation = "also-backed-by"
object = "unite"
quote = "q"
"""
    assert warnings(extra) == [
        (line_of(extra, 'id = "again-balls"') - 1, "facts[2]",
         "question also-backed-by.unite.ask-subject: reads exactly like question"
         " backed-by.unite.ask-subject"),
    ]  # fmt: skip
