"""Property: whatever the file holds, the loader returns a PackFile or raises PackError.

Valid packs are mutated (keys dropped, values changed to other types, junk lines inserted,
text truncated) and arbitrary text and bytes are fed in; nothing else may escape. Every
reported problem must be printable on one line and name a line that exists in the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.packs.errors import PackError
from quiz.packs.loader import decode_pack_bytes, load_pack, parse_pack_text
from quiz.packs.models import PackFile

GOOD = (Path(__file__).resolve().parent / "fixtures" / "good.toml").read_text("utf-8")
GOOD_DATA = tomllib.loads(GOOD)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))

toml_scalars = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=30),
    st.just(""),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def outcome_is_a_pack_or_pack_error(text: str) -> None:
    lines = text.count("\n") + 1
    try:
        result = parse_pack_text(text, filename="fuzz.toml")
    except PackError as error:
        assert error.problems
        for problem in error.problems:
            assert "\n" not in str(problem)
            assert problem.line is None or 1 <= problem.line <= lines
        return
    assert isinstance(result, PackFile)


def paths_of(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_of(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths_of(value, (*prefix, index))
    return found


ALL_PATHS = paths_of(GOOD_DATA)


def mutated(data: Any, path: tuple[Any, ...], new: Any, drop: bool) -> Any:
    """A copy of `data` with the value at `path` replaced by `new` (or removed)."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        copy = dict(data)
        if drop and not rest:
            copy.pop(head, None)
        else:
            copy[head] = mutated(data[head], rest, new, drop)
        return copy
    copy_list = list(data)
    if drop and not rest:
        copy_list.pop(head)
    else:
        copy_list[head] = mutated(data[head], rest, new, drop)
    return copy_list


@SETTINGS
@given(st.sampled_from(ALL_PATHS), toml_scalars, st.booleans())
def test_mutated_structure(path: tuple[Any, ...], new: Any, drop: bool) -> None:
    try:
        text = tomli_w.dumps(mutated(GOOD_DATA, path, new, drop))
    except (TypeError, ValueError):
        return  # tomli-w cannot write this combination; nothing to load
    outcome_is_a_pack_or_pack_error(text)


@SETTINGS
@given(st.integers(min_value=0, max_value=len(GOOD)), st.text(max_size=40))
def test_junk_inserted_anywhere(position: int, junk: str) -> None:
    outcome_is_a_pack_or_pack_error(GOOD[:position] + junk + GOOD[position:])


@SETTINGS
@given(
    st.integers(min_value=0, max_value=GOOD.count("\n")),
    st.sampled_from(
        ["[[questions]]", "[pack]", "x = 1", "= =", '"""', "[[questions.pairs]]", "a.b.c = {"]
    ),
)
def test_junk_lines_inserted(line: int, junk: str) -> None:
    lines = GOOD.splitlines()
    lines.insert(line, junk)
    outcome_is_a_pack_or_pack_error("\n".join(lines))


@SETTINGS
@given(st.integers(min_value=0, max_value=len(GOOD)))
def test_truncated(length: int) -> None:
    outcome_is_a_pack_or_pack_error(GOOD[:length])


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    outcome_is_a_pack_or_pack_error(text)


@SETTINGS
@given(st.binary(max_size=200))
def test_arbitrary_bytes_from_a_file(tmp_path_factory: Any, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "pack.toml"
    path.write_bytes(data)
    try:
        load_pack(path)
    except PackError as error:
        assert error.problems


@SETTINGS
@given(st.binary(max_size=200))
def test_decoding_gives_text_or_a_located_pack_error(data: bytes) -> None:
    try:
        text = decode_pack_bytes(data, "fuzz.toml")
    except PackError as error:
        [problem] = error.problems
        assert problem.line is not None and 1 <= problem.line <= data.count(b"\n") + 1
    else:
        assert isinstance(text, str)
