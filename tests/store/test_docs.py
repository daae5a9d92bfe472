"""The file examples in saves/README.md are real: each parses and passes its schema."""

from __future__ import annotations

import re
from pathlib import Path

import tomli

from quiz.store.schema import parse_history, parse_profile, parse_stats, parse_study

README = Path(__file__).resolve().parents[2] / "saves" / "README.md"


def test_every_toml_example_in_the_saves_readme_is_valid() -> None:
    text = README.read_text("utf-8")
    sections = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    parsers = {
        "`profile.toml`": parse_profile,
        "`history/": parse_history,
        "`stats.toml`": parse_stats,
        "`study.toml`": parse_study,
    }
    checked = []
    for section in sections:
        [example] = re.findall(r"```toml\n(.*?)```", section, flags=re.DOTALL)
        parse = next(parse for title, parse in parsers.items() if section.startswith(title))
        parse(tomli.loads(example))
        checked.append(parse)
    assert sorted(parser.__name__ for parser in checked) == sorted(
        parser.__name__ for parser in parsers.values()
    )
