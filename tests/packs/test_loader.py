"""Loading packs: a good pack loads; shape errors come back located, all at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.packs.errors import PackError, Problem
from quiz.packs.loader import load_pack, parse_pack_text
from quiz.packs.models import Matching, PackFile, SingleChoice

WritePack = Callable[..., Path]
Replace = Callable[[str, str, str], str]
LineOf = Callable[[str, str], int]


def problems_of(text: str, filename: str = "pack.toml") -> list[Problem]:
    with pytest.raises(PackError) as caught:
        parse_pack_text(text, filename=filename)
    return caught.value.problems


def test_good_pack_loads_with_every_question_type(good_text: str, write_pack: WritePack) -> None:
    pack = load_pack(write_pack(good_text), use_cache=False)
    assert isinstance(pack, PackFile)
    assert pack.pack.id == "fixture-good"
    types = {question.type for question in pack.questions}
    assert types == {"single", "multiple", "true_false", "typed", "ordering", "matching", "numeric"}
    assert {relation.object for relation in pack.relations} == {"entity", "number", "phrase"}
    assert isinstance(pack.questions[0], SingleChoice)
    tables = pack.questions[7]
    assert isinstance(tables, Matching)
    assert tables.pairs[1].left == "Ed Miliband"


def test_parse_pack_text_validates_in_memory(good_text: str) -> None:
    pack = parse_pack_text(good_text, filename="<editor>")
    assert pack.pack.title == "Fixture: Labour leadership 2010"


def test_problem_prints_file_line_key_and_message() -> None:
    problem = Problem("pack.toml", 12, "questions[3].answer", "wrong")
    assert str(problem) == "pack.toml:12: questions[3].answer: wrong"
    assert str(Problem("pack.toml", None, "", "no such file")) == "pack.toml: no such file"


def test_problem_text_cannot_carry_terminal_escapes() -> None:
    problem = Problem("p.toml", 1, "pack.title", "bad \x1b[31mred\x1b[0m\nline")
    assert "\x1b" not in str(problem)
    assert "\n" not in str(problem)


def test_pack_error_is_a_quiz_error_listing_every_problem() -> None:
    error = PackError([Problem("a", 1, "k", "one"), Problem("a", 2, "k", "two")])
    assert isinstance(error, QuizError)
    assert str(error) == "a:1: k: one\na:2: k: two"


def test_missing_key_points_at_its_table_header(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'answer = "David Miliband"\n', "")
    [problem] = problems_of(text)
    assert problem.key == "questions[0].answer"
    assert problem.line == line_of(text, 'id = "q-favourite"') - 1  # the [[questions]] line
    assert 'missing required key "answer"' in problem.message


def test_unknown_key_suggests_the_right_one(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, "tolerance = 0\nunit", "tolerence = 0\nunit")
    [problem] = problems_of(text)
    assert problem.key == "questions[6].tolerence"
    assert problem.line == line_of(text, "tolerence = 0")
    assert 'did you mean "tolerance"?' in problem.message


def test_wrong_type_names_what_was_expected_and_found(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, "difficulty = 2\ntags", 'difficulty = "hard"\ntags')
    [problem] = problems_of(text)
    assert problem.key == "facts[1].difficulty"
    assert problem.line == line_of(text, 'difficulty = "hard"')


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            "answer = 50\ntolerance",
            'answer = "50"\ntolerance',
            "questions[6].answer",
            'expected a number, got a string ("50"); write numbers without quotes: 50',
        ),
        (
            "time_limit = 30",
            'time_limit = "30"',
            "questions[6].time_limit",
            'expected an integer, got a string ("30"); write numbers without quotes: 30',
        ),
        (
            "time_limit = 30",
            "time_limit = 30.0",
            "questions[6].time_limit",
            "expected an integer, got a float",
        ),
        (
            "answer = false",
            'answer = "yes"',
            "questions[2].answer",
            'expected true or false, got a string ("yes")',
        ),
        (
            "answer = false",
            'answer = "false"',
            "questions[2].answer",
            'expected true or false, got a string ("false"); write it without quotes: false',
        ),
    ],
)
def test_a_value_of_the_wrong_toml_type_is_not_converted(
    good_text: str,
    replace_once: Replace,
    line_of: LineOf,
    old: str,
    new: str,
    key: str,
    message: str,
) -> None:
    text = replace_once(good_text, old, new)
    [problem] = problems_of(text)
    assert (problem.key, problem.message) == (key, message)
    assert problem.line == line_of(text, new.split("\n")[0])
    assert str(problem) == f"pack.toml:{problem.line}: {key}: {message}"


def test_value_neither_number_nor_string_is_one_problem(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, "value = 236", "value = [236]")
    [problem] = problems_of(text)
    assert problem.key == "facts[2].value"
    assert problem.line == line_of(text, "value = [236]")
    assert problem.message == "expected a number or a string, got an array"


def test_discriminator_tag_is_not_in_the_key_path(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, '  { left = "Lord Mandelson", right = "Mandy" },', "  {},")
    found = problems_of(text)
    assert [p.key for p in found] == ["questions[5].pairs[1].left", "questions[5].pairs[1].right"]
    assert {p.line for p in found} == {line_of(text, "  {},")}


def test_unknown_question_type_lists_the_types(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'type = "ordering"', 'type = "sorting"')
    [problem] = problems_of(text)
    assert problem.key == "questions[4].type"
    assert problem.line == line_of(text, 'type = "sorting"')
    assert problem.message == (
        'unknown question type "sorting"; use one of single, multiple, true_false, typed,'
        " ordering, matching, numeric"
    )


def test_misspelt_question_type_suggests_the_right_one(
    good_text: str, replace_once: Replace
) -> None:
    text = replace_once(good_text, 'type = "numeric"', 'type = "numerci"')
    [problem] = problems_of(text)
    assert problem.message == 'unknown question type "numerci"; did you mean "numeric"?'


def test_value_outside_a_fixed_set_lists_or_suggests(good_text: str, replace_once: Replace) -> None:
    [close] = problems_of(replace_once(good_text, 'kind = "union"', 'kind = "unoin"'))
    assert close.message == '"unoin" is not allowed here; did you mean "union"?'
    [far] = problems_of(replace_once(good_text, 'kind = "union"', 'kind = "zzz"'))
    assert far.message == (
        '"zzz" is not allowed here; use one of person, party, union, media, organisation,'
        " group, place, other"
    )


def test_missing_pack_table_is_explained() -> None:
    [problem] = problems_of('[[entities]]\nid = "a"\nname = "A"\nkind = "person"\n')
    assert problem.key == "pack"
    assert "[pack]" in problem.message


def test_every_shape_problem_is_reported_at_once_in_line_order(
    good_text: str, replace_once: Replace, line_of: LineOf
) -> None:
    text = replace_once(good_text, 'kind = "union"', 'kind = "guild"')
    text = replace_once(text, "answer = false", 'answer = "maybe"')
    text = replace_once(text, 'licence = "CC-BY-4.0"', 'licence = "CC-BY-4.0"\nauthor = "me"')
    found = problems_of(text)
    assert [p.line for p in found] == [
        line_of(text, 'author = "me"'),
        line_of(text, 'kind = "guild"'),
        line_of(text, 'answer = "maybe"'),
    ]


def test_toml_syntax_error_has_file_and_line(write_pack: WritePack) -> None:
    path = write_pack('[pack]\nid = "x"\ntitle = "T"\nbroken = \n')
    with pytest.raises(PackError) as caught:
        load_pack(path)
    [problem] = caught.value.problems
    assert problem.line == 4
    assert str(problem).startswith(f"{path}:4: TOML syntax: ")


def test_long_string_is_capped_with_the_limit_in_the_message(
    good_text: str, replace_once: Replace
) -> None:
    text = replace_once(good_text, 'title = "Fixture: Labour', f'title = "{"x" * 200}')
    [problem] = problems_of(text)
    assert problem.key == "pack.title"
    assert "120" in problem.message


def test_line_numbers_survive_multiline_strings_and_comments(good_text: str) -> None:
    decoy = '[pack]\nid = "x"\n'
    text = good_text.replace(
        'explanation = "The article calls Milibland the bookies’ favourite."',
        f'explanation = """\n{decoy}# not a comment\n[[questions]]\n"""',
    )
    text = text.replace('answer = "Milibland"', 'answer = ["Milibland"]')
    [problem] = problems_of(text)
    assert problem.key == "questions[3].answer"
    assert problem.line == text.splitlines().index('answer = ["Milibland"]') + 1


def test_quoted_and_dotted_keys_are_located() -> None:
    text = '[pack]\nid = "x"\n"title" = "T"\nsource.title = "S"\nsource."wh ere" = 3\n'
    [problem] = problems_of(text)
    assert problem.key == 'pack.source."wh ere"'
    assert problem.line == 5


def test_bom_at_start_is_accepted(good_text: str, write_pack: WritePack) -> None:
    path = write_pack(b"\xef\xbb\xbf" + good_text.encode())
    assert load_pack(path).pack.id == "fixture-good"
