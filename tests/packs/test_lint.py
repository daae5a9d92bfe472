"""Lint warnings: each one found, at its exact line, and nothing on a clean question."""

from __future__ import annotations

import tomli

from quiz.packs.lint import lint_pack
from quiz.packs.models import PackFile

CLEAN = """\
[pack]
id = "lint"
title = "Lint"

[[entities]]
id = "ed"
name = "Ed Miliband"
aliases = ["Red Ed", "Miliband"]
kind = "person"

[[questions]]
id = "clean"
type = "single"
prompt = "Which union backs the elder brother?"
choices = ["Unite", "Unison", "GMB"]
answer = "Unite"
explanation = "Because the article says so."
quote = "Unite is backing"
"""


def lint(extra: str, source: str | None = None) -> list[tuple[int | None, str, str]]:
    text = CLEAN + extra
    pack = PackFile.model_validate(tomli.loads(text))
    return [
        (problem.line, problem.key, problem.message)
        for problem in lint_pack(pack, text, "p.toml", source_text=source)
    ]


def line_of(extra: str, needle: str) -> int:
    return (CLEAN + extra).splitlines().index(needle) + 1


def test_a_clean_pack_has_no_warnings() -> None:
    assert lint("") == []


def test_question_without_explanation_is_located_at_its_header() -> None:
    extra = """
[[questions]]
id = "bare"
type = "true_false"
prompt = "The article is from 2010."
answer = true
"""
    header = len(CLEAN.splitlines()) + 2
    assert (CLEAN + extra).splitlines()[header - 1] == "[[questions]]"
    assert lint(extra) == [
        (header, "questions[1].explanation", "no explanation: say why the answer is right")
    ]


def test_empty_explanation_is_located_at_the_key() -> None:
    extra = """
[[questions]]
id = "blank"
type = "true_false"
prompt = "The article is from 2010."
answer = true
explanation = "  "
"""
    [(line, key, _)] = lint(extra)
    assert (line, key) == (line_of(extra, 'explanation = "  "'), "questions[1].explanation")


def test_answer_much_longer_than_its_distractors() -> None:
    extra = """
[[questions]]
id = "long"
type = "single"
prompt = "Why did he decline?"
choices = ["Money", "Because he wanted to spend more time with his young family", "Fear"]
answer = "Because he wanted to spend more time with his young family"
explanation = "x"
"""
    [(line, key, message)] = lint(extra)
    assert line == line_of(extra, extra.splitlines()[6])
    assert key == "questions[1].answer"
    assert "much longer (58 characters) than any distractor (at most 5)" in message


def test_a_long_answer_among_long_distractors_is_fine() -> None:
    extra = """
[[questions]]
id = "long-ok"
type = "multiple"
prompt = "Which reasons?"
choices = ["He wanted more time with family", "He feared a long contest", "No"]
answers = ["He wanted more time with family"]
explanation = "x"
"""
    assert lint(extra) == []


def test_distractor_nearly_equal_to_the_answer() -> None:
    extra = """
[[questions]]
id = "near"
type = "single"
prompt = "Who is the bookies' favourite?"
choices = [
  "Ed Balls",
  "David Miliband",
  "david miliband.",
]
answer = "David Miliband"
explanation = "x"
"""
    [(line, key, message)] = lint(extra)
    assert line == line_of(extra, '  "david miliband.",')
    assert key == "questions[1].choices[2]"
    assert (
        message == 'distractor "david miliband." is nearly the same as the answer "David Miliband"'
    )


def test_prompt_that_contains_its_own_answer() -> None:
    extra = """
[[questions]]
id = "giveaway"
type = "typed"
prompt = "Which union, Unite or another, backs David?"
answer = "unite"
explanation = "x"

[[questions]]
id = "word-boundary"
type = "typed"
prompt = "Who leads the united front?"
answer = "unite"
explanation = "x"

[[questions]]
id = "short"
type = "single"
prompt = "Yes or no: is it a coalition?"
choices = ["Yes", "No"]
answer = "Yes"
explanation = "x"
"""
    assert lint(extra) == [
        (
            line_of(extra, 'prompt = "Which union, Unite or another, backs David?"'),
            "questions[1].prompt",
            'the prompt contains its own answer "unite"',
        )
    ]


def test_duplicate_and_near_duplicate_prompts_point_at_the_first() -> None:
    extra = """
[[questions]]
id = "dup"
type = "single"
prompt = "Which union backs the elder brother!"
choices = ["Unite", "GMB"]
answer = "Unite"
explanation = "x"

[[questions]]
id = "near-dup"
type = "single"
prompt = "Which union backs the elder brother, David?"
choices = ["Unite", "GMB"]
answer = "Unite"
explanation = "x"

[[questions]]
id = "different"
type = "single"
prompt = "Which paper does the author mock?"
choices = ["The Sun", "The Times"]
answer = "The Sun"
explanation = "x"
"""
    assert lint(extra) == [
        (
            line_of(extra, 'prompt = "Which union backs the elder brother!"'),
            "questions[1].prompt",
            "the prompt repeats that of questions[0] (line 11)",
        ),
        (
            line_of(extra, 'prompt = "Which union backs the elder brother, David?"'),
            "questions[2].prompt",
            "the prompt nearly repeats that of questions[0] (line 11)",
        ),
    ]


def test_quote_not_found_in_the_source_only_with_a_source() -> None:
    extra = """
[[questions]]
id = "quoted"
type = "true_false"
prompt = "Is it so?"
answer = true
explanation = "x"
quote = "the ultimate   vacant man…"
"""
    source = "He is, as ever, “the ultimate vacant man...” says the author. Unite is backing him."
    assert lint(extra, source=source) == []
    assert lint(extra) == []
    assert lint(extra, source="Unite is backing nobody.") == [
        (
            line_of(extra, 'quote = "the ultimate   vacant man…"'),
            "questions[1].quote",
            "the quote is not found in the source text",
        )
    ]


def test_typed_answer_naming_an_entity_with_aliases_needs_alternatives() -> None:
    extra = """
[[questions]]
id = "typed-bare"
type = "typed"
prompt = "Who is the younger brother?"
answer = "Ed Miliband"
explanation = "x"

[[questions]]
id = "typed-accepts"
type = "typed"
prompt = "Type the name of the candidate nicknamed by the unions."
answer = "Ed Miliband"
accept = ["Red Ed"]
explanation = "x"

[[questions]]
id = "typed-entity"
type = "typed"
prompt = "Name the younger of the brothers."
answer = "Ed Miliband"
entity = "ed"
explanation = "x"
"""
    [(line, key, message)] = lint(extra)
    assert (line, key) == (line_of(extra, 'answer = "Ed Miliband"'), "questions[1].answer")
    assert message.startswith("the answer names entity 'ed', which has aliases (\"Red Ed\"")
