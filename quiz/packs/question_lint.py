"""Strict lint over every question a pack gives, hand-written and generated alike.

What a teacher must be able to trust (`quiz pack check --strict` fails on any of these):

- a single-choice question has four choices, a multiple-answer one at least four and says
  "choose all that apply";
- a wrong choice is of the right answer's kind (a union for a union), agrees with its
  pronoun, and agrees with a "he" or "she" in the prompt;
- a wrong choice is not also true of the subject by the pack's facts, nor another name of
  it ("the Prince of Darkness" is Mandelson too);
- no two questions read the same;
- a typed answer accepts no other entity's name, not even as a near miss (the game's own
  rule decides "near", passed in as `typed_accepts`, since the game layer sits above this
  one);
- true/false is at most a third of the questions.

Each warning is located: a hand-written question at its own table, a generated one at the
first fact it comes from, and names the question id. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence

from quiz.packs.errors import Problem
from quiz.packs.locate import LineFinder, format_key
from quiz.packs.models import Entity, PackFile
from quiz.packs.other_names import names_of_entity, plain
from quiz.packs.question import Question
from quiz.packs.templates import ALL_THAT_APPLY

TypedAccepts = Callable[[str, Sequence[str]], bool]
KeyPath = tuple[str | int, ...]

CHOICES_WANTED = 4
MAX_TRUE_FALSE_SHARE = 1 / 3
_HE = re.compile(r"\b(he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(she|her|hers|herself)\b", re.I)


def lint_questions(
    pack: PackFile,
    questions: Sequence[Question],
    text: str,
    filename: str,
    *,
    typed_accepts: TypedAccepts | None = None,
) -> list[Problem]:
    """Every strict warning for `questions` (all of `pack`'s), in line order."""
    checker = _Checker(pack, typed_accepts)
    found: list[tuple[KeyPath, str]] = []
    seen_prompts: dict[str, str] = {}
    for question in questions:
        here = checker.place(question)
        for message in checker.check(question):
            found.append((here, f"question {question.id}: {message}"))
        wording = " ".join(question.prompt.casefold().split())
        if wording in seen_prompts:
            first = seen_prompts[wording]
            found.append((here, f"question {question.id}: reads exactly like question {first}"))
        else:
            seen_prompts[wording] = question.id
    true_false = sum(question.type == "true_false" for question in questions)
    if questions and true_false > MAX_TRUE_FALSE_SHARE * len(questions):
        found.append(
            (
                ("pack",),
                f"{true_false} of {len(questions)} questions are true/false: more than a"
                " third makes rounds feel like a coin toss",
            )
        )
    finder = LineFinder(text)
    problems = [
        Problem(filename, finder.line_of(path), format_key(path), message)
        for path, message in found
    ]
    return sorted(problems, key=lambda problem: problem.line or 0)


class _Checker:
    """The pack's entities and facts, indexed once for the checks of every question."""

    def __init__(self, pack: PackFile, typed_accepts: TypedAccepts | None) -> None:
        self.typed_accepts = typed_accepts
        self.entities = {entity.id: entity for entity in pack.entities}
        self.by_name: dict[str, set[str]] = defaultdict(set)
        for entity in pack.entities:
            for name in names_of_entity(entity):
                self.by_name[plain(name)].add(entity.id)
        self.relations = {relation.id: relation for relation in pack.relations}
        self.facts = {fact.id: fact for fact in pack.facts}
        self.fact_index = {fact.id: index for index, fact in enumerate(pack.facts)}
        self.hand_index = {question.id: index for index, question in enumerate(pack.questions)}
        # (relation, subject id) -> the object texts (plain) the facts give it, and back.
        self.objects_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.subjects_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        for fact in pack.facts:
            for text in self._object_texts(fact.object, fact.value):
                self.objects_of[(fact.relation, fact.subject)].add(text)
                self.subjects_of[(fact.relation, text)].add(fact.subject)

    def place(self, question: Question) -> KeyPath:
        if question.origin == "hand" and question.id in self.hand_index:
            return ("questions", self.hand_index[question.id])
        for fact_id in question.fact_ids:
            if fact_id in self.fact_index:
                return ("facts", self.fact_index[fact_id])
        return ()

    def check(self, question: Question) -> list[str]:
        if question.type in ("single", "multiple"):
            return self._choices(question)
        if question.type == "typed":
            return self._typed(question)
        return []

    # --- choice questions ----------------------------------------------------------------

    def _choices(self, question: Question) -> list[str]:
        found: list[str] = []
        if question.type == "single" and len(question.choices) != CHOICES_WANTED:
            found.append(f"{len(question.choices)} choices; a single-choice question has 4")
        if question.type == "multiple":
            if len(question.choices) < CHOICES_WANTED:
                found.append(f"{len(question.choices)} choices; a multiple-answer question has 4+")
            if ALL_THAT_APPLY.casefold().rstrip(".") not in question.prompt.casefold():
                found.append(f'a multiple-answer prompt says "{ALL_THAT_APPLY}"')
        right = [self._entity(answer) for answer in question.answers]
        kinds = {entity.kind for entity in right if entity is not None}
        pronouns = {entity.pronoun for entity in right if entity is not None and entity.pronoun}
        prompt_pronoun = _prompt_pronoun(question.prompt)
        wrong = [choice for choice in question.choices if choice not in question.answers]
        for choice in wrong:
            entity = self._entity(choice)
            if entity is None:
                continue
            if None not in right and kinds and entity.kind not in kinds:
                found.append(f'wrong choice "{choice}" is a {entity.kind}, not a {_or(kinds)}')
            if entity.pronoun and pronouns and entity.pronoun not in pronouns:
                found.append(
                    f'wrong choice "{choice}" is "{entity.pronoun}", the answer "{_or(pronouns)}"'
                )
            elif entity.pronoun in ("he", "she") and prompt_pronoun not in (None, entity.pronoun):
                found.append(
                    f'wrong choice "{choice}" is "{entity.pronoun}" but the prompt says'
                    f' "{prompt_pronoun}"'
                )
        found += self._also_true(question, wrong)
        return found

    def _also_true(self, question: Question, wrong: Sequence[str]) -> list[str]:
        """Wrong choices that the question's facts' relation makes true as well."""
        facts = [self.facts[fact_id] for fact_id in question.fact_ids if fact_id in self.facts]
        relations = {fact.relation for fact in facts}
        if len(relations) != 1:
            return []
        relation = relations.pop()
        subjects = {fact.subject for fact in facts}
        subject_names = {
            plain(name) for s in subjects if s in self.entities
            for name in names_of_entity(self.entities[s])
        }  # fmt: skip
        asks_subject = {plain(answer) for answer in question.answers} <= subject_names
        found = []
        for choice in wrong:
            key = plain(choice)
            if asks_subject:
                objects = {t for f in facts for t in self._object_texts(f.object, f.value)}
                holders = {s for o in objects for s in self.subjects_of[(relation, o)]}
                if self.by_name.get(key, set()) & holders:
                    found.append(f'wrong choice "{choice}" is true as well by the facts')
            elif key in subject_names:
                found.append(f'wrong choice "{choice}" is a name of the subject itself')
            elif any(key in self.objects_of[(relation, s)] for s in subjects):
                found.append(f'wrong choice "{choice}" is true as well by the facts')
        return found

    # --- typed questions -----------------------------------------------------------------

    def _typed(self, question: Question) -> list[str]:
        """Another entity's name that the answer accepts, exactly or as a near miss."""
        if not question.answers:
            return []
        own = self.by_name.get(plain(question.answers[0]), set())
        answer_entity = next(iter(own)) if len(own) == 1 else None
        found = []
        for accepted in question.answers:
            others = self.by_name.get(plain(accepted), set()) - {answer_entity}
            if others:
                found.append(f'the typed answer accepts "{accepted}", a name of {_or(others)} too')
        if self.typed_accepts is None:
            return found
        for name in question.other_names:
            owners = self.by_name.get(plain(name), set())
            if (
                owners
                and answer_entity not in owners
                and self.typed_accepts(name, question.answers)
            ):
                found.append(
                    f'"{name}" ({_or(owners)}) is a near miss of the typed answer; the game'
                    " refuses it, but the question may be unfair"
                )
        return found

    # --- helpers -------------------------------------------------------------------------

    def _entity(self, text: str) -> Entity | None:
        owners = self.by_name.get(plain(text), set())
        return self.entities[next(iter(owners))] if len(owners) == 1 else None

    def _object_texts(self, obj: str | None, value: object) -> set[str]:
        if obj is not None and obj in self.entities:
            return {plain(name) for name in names_of_entity(self.entities[obj])}
        if isinstance(value, str):
            return {plain(value)}
        return set()


def _prompt_pronoun(prompt: str) -> str | None:
    he, she = bool(_HE.search(prompt)), bool(_SHE.search(prompt))
    if he == she:
        return None
    return "he" if he else "she"


def _or(values: Collection[str]) -> str:
    return " or ".join(sorted(values))
