"""The pack format: pydantic models of one TOML question pack.

A pack is untrusted input shared between people, so every model forbids unknown keys and
caps every string and list. These models only check the shape of each part; the checks that
need the whole pack (unique ids, references that resolve) live in `quiz.packs.semantics`.
The JSON Schema that editors use for completion is generated from these classes, so each
field carries a description.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FORMAT_VERSION: Literal[1] = 1

# Caps. They are generous for a human-written pack and small enough that a hostile one
# cannot make the loader slow or hungry.
MAX_ID = 64
MAX_NAME = 120
MAX_PROMPT = 1_000
MAX_TEXT = 2_000
MAX_QUOTE = 600
MAX_CHOICES = 8
MAX_ALIASES = 32
MAX_TAGS = 16
MAX_ITEMS = 12
MAX_QUESTION_FACTS = 32
MAX_ENTITIES = 5_000
MAX_FACTS = 20_000
MAX_RELATIONS = 500
MAX_QUESTIONS = 20_000

Id = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_ID, pattern=r"^[a-z0-9][a-z0-9_.-]*$"),
    Field(description="A stable identifier: lower-case letters, digits, '-', '_' and '.'."),
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
Prompt = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PROMPT)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Quote = Annotated[str, StringConstraints(max_length=MAX_QUOTE)]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=40)]
Choice = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Difficulty = Annotated[int, Field(ge=1, le=3, description="1 easy, 2 medium, 3 hard.")]
Tags = Annotated[
    list[Tag],
    Field(max_length=MAX_TAGS, description="Topics, used for filtering and for 'weakest topics'."),
]
Number = Annotated[float, Field(ge=-1e15, le=1e15, allow_inf_nan=False)]

EntityKind = Literal["person", "party", "union", "media", "organisation", "group", "place", "other"]
Pronoun = Literal["he", "she", "it", "they"]


class PackModel(BaseModel):
    """Base for every pack model: unknown keys are errors, and values are never converted.

    TOML says each value's type, so a quoted "236" where a number is due, or "yes" where true
    or false is, is a mistake to report (with its line), not to guess at. Only a whole
    number where a float is due is taken (`tolerance = 1`). Importers of other formats
    convert their text to the right types before they build models.
    """

    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=False)


class Source(PackModel):
    """Where the pack's facts come from."""

    title: Name = Field(description="Title of the source text.")
    author: Name | None = Field(default=None, description="Author, if known.")
    date: Annotated[str, StringConstraints(max_length=40)] | None = Field(
        default=None, description="Publication date, e.g. 2010-05-13."
    )
    where: Annotated[str, StringConstraints(max_length=500)] | None = Field(
        default=None, description="Where to find it: a URL, a book, a file name."
    )


class PackMeta(PackModel):
    """The `[pack]` table: what this pack is."""

    id: Id = Field(description="Stable id of the pack; save files follow it.")
    title: Name
    description: Text = ""
    language: Annotated[str, StringConstraints(min_length=2, max_length=20)] = "en"
    version: Annotated[str, StringConstraints(min_length=1, max_length=40)] = Field(
        default="1.0.0", description="Version of this pack's content."
    )
    licence: Annotated[str, StringConstraints(max_length=120)] = ""
    format: Literal[1] = Field(default=FORMAT_VERSION, description="Pack format version.")
    source: Source | None = None


class Entity(PackModel):
    """A person or organisation the source names."""

    id: Id
    name: Name = Field(description="Display name, e.g. 'David Miliband'.")
    aliases: Annotated[list[Name], Field(max_length=MAX_ALIASES)] = Field(
        default_factory=list,
        description="Other names a player may type: nicknames, surnames, spellings.",
    )
    kind: EntityKind
    roles: Annotated[list[Tag], Field(max_length=MAX_TAGS)] = Field(
        default_factory=list,
        description="Roles such as 'candidate' or 'backer'; distractors share kind and a role.",
    )
    pronoun: Pronoun | None = Field(
        default=None,
        description="How the source refers to it: he, she, it or they. A wrong choice agrees "
        "with the right answer's pronoun, and a phrase borrowed from another subject is "
        "rewritten to fit ('his' becomes 'her').",
    )
    description: Text = ""


class Relation(PackModel):
    """How facts with this relation become questions, written once per relation.

    Templates use `{subject}` and `{object}`; nothing else is substituted.
    """

    id: Id
    object: Literal["entity", "number", "phrase"] = Field(
        default="entity", description="What a fact's object is: an entity id, a number or a phrase."
    )
    ask_object: Prompt | None = Field(
        default=None, description="Question asking for the object, e.g. 'Who backs {subject}?'"
    )
    ask_subject: Prompt | None = Field(
        default=None, description="Question asking for the subject, e.g. 'Whom does {object} back?'"
    )
    statement: Prompt | None = Field(
        default=None,
        description="A statement of the fact for true/false, e.g. '{object} backs {subject}.'",
    )
    typed: bool = Field(
        default=False,
        description="Also ask for the object as a typed answer (names and aliases accepted).",
    )
    unit: Annotated[str, StringConstraints(max_length=40)] = ""
    tolerance: Annotated[float, Field(ge=0, le=1e12)] = 0
    subject_roles: Annotated[list[Tag], Field(max_length=MAX_TAGS)] = Field(
        default_factory=list,
        description="The roles a subject of this relation plays (e.g. 'candidate'); wrong "
        "choices for a subject come from entities with one of them. Empty: entities sharing "
        "a role with the right answer.",
    )
    object_roles: Annotated[list[Tag], Field(max_length=MAX_TAGS)] = Field(
        default_factory=list,
        description="The roles an entity object of this relation plays (e.g. 'backer'); "
        "wrong choices for an object come from entities with one of them.",
    )
    own_distractors_only: bool = Field(
        default=False,
        description="Phrase relations: wrong phrases come only from each fact's own "
        "`distractors`, never from other subjects' values (another person's nickname is no "
        "plausible wrong nickname).",
    )
    tags: Tags = Field(default_factory=list)


class Fact(PackModel):
    """One claim of the source: subject – relation – object (an entity) or value."""

    id: Id
    subject: Id = Field(description="Entity id.")
    relation: Id
    object: Id | None = Field(default=None, description="Entity id, for entity relations.")
    value: Number | Annotated[str, StringConstraints(min_length=1, max_length=300)] | None = Field(
        default=None, description="A number or a phrase, for number and phrase relations."
    )
    distractors: Annotated[list[Choice], Field(max_length=MAX_CHOICES)] = Field(
        default_factory=list, description="Plausible wrong values, for phrase relations."
    )
    accept: Annotated[list[Choice], Field(max_length=MAX_ALIASES)] = Field(
        default_factory=list,
        description="Phrase facts: other spellings a typed answer accepts, e.g. 'Hatty' "
        "for 'Hattie'.",
    )
    quote: Quote = Field(description="The verbatim supporting words of the source.")
    explanation: Text = ""
    difficulty: Difficulty = 1
    tags: Tags = Field(default_factory=list)


class QuestionBase(PackModel):
    id: Id
    prompt: Prompt
    explanation: Text = Field(default="", description="Why the answer is right.")
    quote: Quote = Field(default="", description="The source's own words, as evidence.")
    difficulty: Difficulty = 1
    tags: Tags = Field(default_factory=list)
    time_limit: Annotated[int, Field(ge=5, le=600)] | None = Field(
        default=None, description="Seconds for this question; the round's default otherwise."
    )
    facts: Annotated[list[Id], Field(max_length=MAX_QUESTION_FACTS)] = Field(
        default_factory=list,
        description="Ids of the facts this question tests or gives away; a round never asks "
        "two questions about one fact.",
    )


Choices = Annotated[list[Choice], Field(min_length=2, max_length=MAX_CHOICES)]


class SingleChoice(QuestionBase):
    type: Literal["single"]
    choices: Choices
    answer: Choice = Field(description="The correct choice, written exactly as in `choices`.")


class MultipleChoice(QuestionBase):
    type: Literal["multiple"]
    choices: Choices
    answers: Annotated[list[Choice], Field(min_length=1, max_length=MAX_CHOICES)] = Field(
        description="Every correct choice, written exactly as in `choices`."
    )


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    answer: bool


class Typed(QuestionBase):
    type: Literal["typed"]
    answer: Choice
    accept: Annotated[list[Choice], Field(max_length=MAX_ALIASES)] = Field(
        default_factory=list, description="Other accepted answers."
    )
    entity: Id | None = Field(default=None, description="An entity whose aliases are accepted too.")


class Ordering(QuestionBase):
    type: Literal["ordering"]
    items: Annotated[list[Choice], Field(min_length=2, max_length=MAX_ITEMS)] = Field(
        description="The items in the correct order; players see them shuffled."
    )


class Pair(PackModel):
    left: Choice
    right: Choice


class Matching(QuestionBase):
    type: Literal["matching"]
    pairs: Annotated[list[Pair], Field(min_length=2, max_length=MAX_ITEMS)]


class Numeric(QuestionBase):
    type: Literal["numeric"]
    answer: Number
    tolerance: Annotated[float, Field(ge=0, le=1e12)] = 0
    unit: Annotated[str, StringConstraints(max_length=40)] = ""


HandQuestion = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | Typed | Ordering | Matching | Numeric,
    Field(discriminator="type"),
]


class PackFile(PackModel):
    """A whole question pack, as written in one TOML file."""

    pack: PackMeta
    entities: Annotated[list[Entity], Field(max_length=MAX_ENTITIES)] = Field(default_factory=list)
    relations: Annotated[list[Relation], Field(max_length=MAX_RELATIONS)] = Field(
        default_factory=list
    )
    facts: Annotated[list[Fact], Field(max_length=MAX_FACTS)] = Field(default_factory=list)
    questions: Annotated[list[HandQuestion], Field(max_length=MAX_QUESTIONS)] = Field(
        default_factory=list
    )
