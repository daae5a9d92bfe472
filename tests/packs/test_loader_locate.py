"""Key paths back to line numbers: every key of real packs, and the awkward corners of TOML."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from quiz.packs.locate import LineFinder, clean_loc, format_key

ROOT = Path(__file__).resolve().parents[2]
PACKS = [Path(__file__).parent / "fixtures" / "good.toml", *sorted(ROOT.glob("questions/*.toml"))]


def key_paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*prefix, key))
            found += key_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += key_paths(value, (*prefix, index))
    return found


@pytest.mark.parametrize("pack", PACKS, ids=lambda path: path.name)
def test_every_key_of_a_real_pack_is_found_on_its_own_line(pack: Path) -> None:
    text = pack.read_text(encoding="utf-8")
    lines = text.splitlines()
    finder = LineFinder(text)
    for path in key_paths(tomllib.loads(text)):
        line = finder.line_of(path)
        assert line is not None, path
        written = lines[line - 1]
        key = path[-1]
        # A key is written as `key = …`, or as a table header for arrays of tables.
        assert key in written or f"[[{'.'.join(str(p) for p in path if isinstance(p, str))}]]" in (
            written
        ), (path, line, written)


TRICKY = """\
# comment with [[questions]] and key = "x"
[pack]
id = "x"   # trailing comment
title = '''
[[questions]]
not = "a key"
'''
description = @@@
"source".title = "S"

[[questions]]
id = "a"
choices = [
  "one",  # the first
  # a comment line inside the array
  "two, with comma",
  [ "nested", "array" ],
]
pairs = [ { left = "L", right = "R" },
          { left = "L2", right = "R2" } ]

[[questions]]
id = "b"

[[questions.pairs]]
left = "x"

[[questions.pairs]]
left = "y"
when = 1979-05-27 07:32:00
"""


# A multi-line basic string with an escaped quote, a lone pair of quotes and two extra quotes
# before the closing ones: none of them ends it early.
TRICKY = TRICKY.replace("@@@", '"""a "quoted" \\""" bit ""x"""""')


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("pack",), 2),
        (("pack", "id"), 3),
        (("pack", "title"), 4),
        (("pack", "description"), 8),
        (("pack", "source", "title"), 9),
        (("questions", 0), 11),
        (("questions", 0, "choices", 0), 14),
        (("questions", 0, "choices", 1), 16),
        (("questions", 0, "choices", 2, 1), 17),
        (("questions", 0, "pairs", 1, "right"), 20),
        (("questions", 1, "id"), 23),
        (("questions", 1, "pairs", 0, "left"), 26),
        (("questions", 1, "pairs", 1), 28),
        (("questions", 1, "pairs", 1, "when"), 30),
        (("questions", 1, "pairs", 1, "missing"), 28),
        (("questions", 7), 11),  # no such question: the array's first line
        (("nowhere",), None),
    ],
)
def test_tricky_toml_is_located(path: tuple[str | int, ...], line: int | None) -> None:
    assert tomllib.loads(TRICKY)  # the sample is valid TOML
    assert LineFinder(TRICKY).line_of(path) == line
    assert LineFinder(TRICKY).lines_of([path]) == {path: line}  # the targeted scan agrees


@pytest.mark.parametrize("pack", PACKS, ids=lambda path: path.name)
def test_one_targeted_scan_agrees_with_the_full_scan(pack: Path) -> None:
    text = pack.read_text(encoding="utf-8")
    paths = key_paths(tomllib.loads(text))
    paths += [(*path, "missing") for path in paths[::7]]
    full = LineFinder(text)
    assert LineFinder(text).lines_of(paths) == {path: full.line_of(path) for path in paths}


def test_clean_loc_drops_discriminator_and_union_member_names() -> None:
    data = {"questions": [{"type": "single", "answer": 3}], "facts": [{"value": [1]}]}
    assert clean_loc(("questions", 0, "single", "answer"), data) == ("questions", 0, "answer")
    assert clean_loc(("facts", 0, "value", "constrained-str"), data) == ("facts", 0, "value")
    assert clean_loc(("questions", 0, "single", "choices"), data, missing=True) == (
        "questions",
        0,
        "choices",
    )


def test_format_key() -> None:
    assert format_key(("questions", 3, "answer")) == "questions[3].answer"
    assert format_key(("pack", "odd key")) == 'pack."odd key"'
    assert format_key(()) == ""


TRICKY_PACK = '''\
[pack]
id = "tricky"
title = "Tricky"
description = """
[[questions]]
not a header: inside a multi-line string
"""

# [[questions]] in a comment

[[questions]]
id = "one"
type = "ordering"
prompt = "Order these, with a \x85 next line in the prompt"
items = [
  "[[questions]]",
  "two",
]

[[ "questions" ]]
id = "two"
type = "matching"
prompt = "Match"

[[questions.pairs]]
left = "a"
right = "b"

[[questions.pairs]]
left = "c"
right = "d"
'''


def test_the_editor_cuts_a_pack_where_error_messages_place_its_questions() -> None:
    from quiz.packs.editing import PackDocument
    from quiz.packs.locate import LineFinder, table_headers

    headers = table_headers(TRICKY_PACK)
    assert headers is not None
    assert [(h.keys, h.is_array) for h in headers] == [
        (("pack",), False),
        (("questions",), True),
        (("questions",), True),
        (("questions", "pairs"), True),
        (("questions", "pairs"), True),
    ]
    document = PackDocument(TRICKY_PACK)
    finder = LineFinder(TRICKY_PACK)
    assert [document.line_of(i) for i in range(len(document))] == [11, 20]
    assert [finder.line_of(("questions", i)) for i in range(2)] == [11, 20]
    assert finder.line_of(("questions", 1, "pairs", 1, "right")) == 31
