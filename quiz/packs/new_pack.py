"""The text of a new, empty question pack with a commented example of every part.

`quiz pack new` writes it and `quiz edit` starts from it when the file does not exist yet.
The pack itself holds only metadata, so it passes `quiz pack check` as it is; below that,
lines starting `# ` are a working example (an entity, a relation, a fact and one question of
every type) that the author uncomments and edits, and lines starting `## ` explain them.
A test uncomments the examples and checks that the result is a valid pack.
"""

from __future__ import annotations

import re

import tomlkit

_EXAMPLES = """\
## ─────────────────────────────────────────────────────────────────────────────
## Examples. Remove the leading "# " from the lines of an example to use it; the
## lines starting "## " explain. See questions/README.md for every key.
## ─────────────────────────────────────────────────────────────────────────────

## Where the facts come from (goes right under the [pack] keys above):
# [pack.source]
# title = "Who will lead Labour?"
# author = "A. Blogger"
# date = "2010-05-13"
# where = "https://example.org/labour-leadership"

## Entities: the people and organisations the source names. Aliases are other names a
## player may type; distractors are drawn from entities of the same kind and role.
# [[entities]]
# id = "david-miliband"
# name = "David Miliband"
# aliases = ["Miliband", "DM"]
# kind = "person"
# roles = ["candidate"]
#
# [[entities]]
# id = "unite"
# name = "Unite"
# kind = "union"
# roles = ["backer"]

## A relation says once how every fact using it becomes questions.
# [[relations]]
# id = "backs"
# object = "entity"
# ask_object = "Whom does {subject} back?"
# ask_subject = "Who backs {object}?"
# statement = "{subject} backs {object}."
# typed = true

## A fact: subject – relation – object, with the source's own words as evidence.
# [[facts]]
# id = "unite-backs-david"
# subject = "unite"
# relation = "backs"
# object = "david-miliband"
# quote = "Unite is backing David Miliband"
# explanation = "The article names Unite as his backer."
# difficulty = 2

## Single answer: `answer` is written exactly as one of the `choices`.
# [[questions]]
# id = "example-single"
# type = "single"
# prompt = "Which party was the example about?"
# choices = ["Labour", "Conservative", "Liberal Democrat"]
# answer = "Labour"
# explanation = "Say why the answer is right."
# quote = "the source's own words"
# difficulty = 1
# tags = ["example"]

## Multiple answers: every correct choice in `answers`.
# [[questions]]
# id = "example-multiple"
# type = "multiple"
# prompt = "Which of these are trade unions?"
# choices = ["Unite", "Unison", "The Guardian", "Labour"]
# answers = ["Unite", "Unison"]
# explanation = "Unite and Unison are unions; the others are not."
# tags = ["example"]

## True or false.
# [[questions]]
# id = "example-true-false"
# type = "true_false"
# prompt = "The example source was published in 2010."
# answer = true
# explanation = "It is dated 13 May 2010."

## Typed answer: `accept` lists other spellings. With the entity example above switched
## on, `entity = "david-miliband"` would accept that entity's aliases too.
# [[questions]]
# id = "example-typed"
# type = "typed"
# prompt = "Name the candidate the example fact is about."
# answer = "David Miliband"
# accept = ["D. Miliband", "Miliband"]
# explanation = "Other spellings are accepted too."

## Ordering: `items` in the correct order; players see them shuffled.
# [[questions]]
# id = "example-ordering"
# type = "ordering"
# prompt = "Put these in order, earliest first."
# items = ["Election", "Coalition formed", "Leadership contest"]
# explanation = "The contest followed the coalition."

## Matching: each pair is matched left to right.
# [[questions]]
# id = "example-matching"
# type = "matching"
# prompt = "Match each union to the candidate it backs."
# pairs = [
#     { left = "Unite", right = "David Miliband" },
#     { left = "Unison", right = "Ed Miliband" },
# ]
# explanation = "Say where the source says so."

## Numeric: `tolerance` is how far off an answer may be and still count.
# [[questions]]
# id = "example-numeric"
# type = "numeric"
# prompt = "How many Labour MPs were there?"
# answer = 258
# tolerance = 0
# unit = "MPs"
# explanation = "Say where the number comes from."
"""


def pack_id_from_title(title: str) -> str:
    """A pack id made from `title`: lower-case words joined by '-', at most 64 characters."""
    words = re.findall(r"[a-z0-9]+", title.casefold())
    slug = "-".join(words)[:64].strip("-")
    return slug or "new-pack"


def new_pack_text(title: str, *, pack_id: str | None = None, schema: str | None = None) -> str:
    """The text of a new pack titled `title` that validates and holds commented examples."""
    meta = tomlkit.table()
    meta.add("id", pack_id or pack_id_from_title(title))
    meta.add("title", title)
    meta.add("description", "")
    meta.add("language", "en")
    meta.add("version", "0.1.0")
    meta.add("licence", "")
    document = tomlkit.document()
    document.add("pack", meta)
    lines = []
    if schema:
        lines.append(f"#:schema {schema}")
    lines.append("# A quiz question pack. Check it with: quiz pack check FILE")
    lines.append("")
    return "\n".join(lines) + "\n" + document.as_string() + "\n" + _EXAMPLES
