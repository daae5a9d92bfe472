"""The questions one relation's facts generate: asks, typed answers, true and false statements.

See `quiz.packs.generate` for the rules; this module applies them to one relation at a time.
Every random choice is seeded from the question id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from quiz.packs.distractors import (
    EntityPools,
    PoolKey,
    Preferred,
    RightAnswers,
    names_of,
    nearby_numbers,
    pick_phrases,
)
from quiz.packs.models import (
    MAX_ALIASES,
    MAX_CHOICES,
    MAX_PROMPT,
    MAX_TAGS,
    Entity,
    Fact,
    Relation,
)
from quiz.packs.other_names import NameIndex
from quiz.packs.pronouns import fit_pronouns
from quiz.packs.question import FALSE, TRUE, Question, QuestionType
from quiz.packs.templates import (
    ALL_THAT_APPLY,
    fill,
    is_flagged,
    make_id,
    number_text,
    rng_for,
    say_according,
    slug,
    unique,
    with_instruction,
)

CHOICES_WANTED = 4
# A multiple-answer question needs this many wrong choices, so "pick them all" fails.
MIN_WRONG_OF_MULTIPLE = 2
# What a typed or numeric question adds to its relation's `ask_object` wording, so that it
# never reads exactly like the choice question made from the same template.
TYPE_THE_NAME = "Type the name."
TYPE_THE_ANSWER = "Type the answer."
GIVE_A_NUMBER = "Give a number."
FALSE_SHARE = 0.5
# How many wrong objects a false variant may try before giving up on a fresh statement.
_FALSE_CANDIDATES = 4
# What stands in for the unknown side of a template that names it anyway.
_BLANK = "…"


@dataclass(frozen=True)
class Value:
    """A fact's object as questions show it."""

    key: str  # what 'the same answer' means: entity id, casefolded phrase, number
    text: str
    entity: Entity | None = None
    number: float | None = None


def value_of(fact: Fact, relation: Relation, entities: dict[str, Entity]) -> Value | None:
    """A fact's object as questions show it, or None when it does not fit the relation."""
    if relation.object == "entity":
        entity = entities.get(fact.object or "")
        return None if entity is None else Value(entity.id, entity.name, entity=entity)
    if relation.object == "number":
        if isinstance(fact.value, float | int) and not isinstance(fact.value, bool):
            number = float(fact.value)
            return Value(repr(number), number_text(number, relation.unit), number=number)
        return None
    if isinstance(fact.value, str):
        return Value(fact.value.casefold(), fact.value)
    return None


@dataclass(frozen=True)
class PackContext:
    """What every relation's questions share: the pack's entities, pools, names and
    attribution."""

    entities: dict[str, Entity]
    pools: EntityPools
    attribution: str
    names: NameIndex


class RelationQuestions:
    """The questions of one relation's facts (sorted by fact id)."""

    def __init__(self, owner: PackContext, relation: Relation, facts: list[Fact]) -> None:
        self.owner = owner
        self.relation = relation
        self.values: dict[str, Value] = {}
        self.by_subject: dict[str, list[Fact]] = defaultdict(list)
        self.by_object: dict[str, list[Fact]] = defaultdict(list)
        for fact in facts:
            value = value_of(fact, relation, owner.entities)
            if value is None or fact.subject not in owner.entities:
                continue
            self.values[fact.id] = value
            self.by_subject[fact.subject].append(fact)
            self.by_object[value.key].append(fact)
        self.facts = [fact for fact in facts if fact.id in self.values]
        # Every number of the relation, for number distractors.
        self.all_numbers = sorted({v.number for v in self.values.values() if v.number is not None})
        # Entities that play the same part in other facts make the most plausible distractors.
        self.object_peers = Preferred.of(
            ("objects", relation.id), (v.entity for v in self.values.values() if v.entity)
        )
        self.subject_peers = Preferred.of(
            ("subjects", relation.id), (owner.entities[fact.subject] for fact in self.facts)
        )
        self._answers_of: dict[str, list[Value]] = {}
        self._rights_of: dict[str, RightAnswers] = {}
        self._keys_of: dict[str, set[str]] = {}
        self._numbers_of: dict[str, list[float]] = {}
        self._peer_texts_of: dict[tuple[PoolKey, str], list[str]] = {}
        # A borrowed phrase rewritten for another pronoun -> the phrase as its facts hold it.
        self._borrowed: dict[str, str] = {}
        self.false_prompts: set[str] = set()
        # Who else a value belongs to, so a false variant can say whose it really is.
        self.holders: dict[str, list[str]] = defaultdict(list)
        for fact in self.facts:
            names = self.holders[self.values[fact.id].text.casefold()]
            subject_name = owner.entities[fact.subject].name
            if subject_name not in names:
                names.append(subject_name)

    def generate(self) -> list[Question]:
        made: list[Question | None] = []
        relation = self.relation
        for subject_id in sorted(self.by_subject):
            if relation.ask_object:
                made += self.ask_object(subject_id)
            if relation.typed and relation.ask_object and relation.object != "number":
                made.append(self.typed(subject_id))
        if relation.ask_subject and relation.object != "number":
            made += [self.ask_subject(key) for key in sorted(self.by_object)]
        if relation.statement:
            made += [self.statement_of(fact) for fact in self.facts]
        return [question for question in made if question is not None]

    def statement_of(self, fact: Fact) -> Question | None:
        """One true/false question per fact: for about half the facts (chosen by the fact id)
        the false variant, when a plausible one exists; otherwise the true statement. Both
        would be one fact asked twice, and would fill the bank with true/false."""
        if rng_for(make_id(fact.id, "statement")).random() < FALSE_SHARE:
            false = self.statement(fact, False)
            if false is not None:
                return false
        return self.statement(fact, True)

    # --- one question each -------------------------------------------------------------

    def ask_object(self, subject_id: str) -> list[Question | None]:
        group = self.by_subject[subject_id]
        answers = self._subject_answers(subject_id)
        if len(answers) >= MAX_CHOICES:
            return []  # no room left for a wrong choice
        subject = self.owner.entities[subject_id]
        prompt = fill(self.relation.ask_object or "", subject.name, _BLANK)
        qid = make_id(self.relation.id, subject_id, "ask-object")
        template = make_id(self.relation.id, "ask-object")
        rng = rng_for(qid)
        if self.relation.object == "number":
            if len(answers) != 1:
                return []  # two different numbers for one question: ambiguous
            right = answers[0]
            assert right.number is not None
            numbers = nearby_numbers(
                rng,
                right.number,
                self.relation.tolerance,
                self.relation.unit,
                [right.number],
                self.all_numbers,
                CHOICES_WANTED - 1,
            )
            wrong = [number_text(number, self.relation.unit) for number in numbers]
            numeric = self._make(
                make_id(group[0].id, "numeric"),
                "numeric",
                prompt,
                group,
                instruction=GIVE_A_NUMBER,
                template=template,
                value=right.number,
                tolerance=self.relation.tolerance,
                unit=self.relation.unit,
            )
            choice = self._choice(qid, prompt, [right.text], wrong, group, rng, template)
            return [numeric, choice]
        if self.relation.object == "entity":
            entities = [value.entity for value in answers if value.entity is not None]
            picked = self.owner.pools.pick(
                rng,
                RightAnswers.of(entities),
                _wrong_wanted(len(answers)),
                like=entities,
                roles=self.relation.object_roles,
                prefer=self.object_peers,
                also_not=subject_id,
                prompt=prompt,
            )
            wrong = [entity.name for entity in picked]
        else:
            correct = {value.key for value in answers} | names_of(subject)
            tiers = self._phrase_tiers(group, subject)
            wrong = pick_phrases(rng, tiers, correct, _wrong_wanted(len(answers)))
        answer_texts = [a.text for a in answers]
        return [self._choice(qid, prompt, answer_texts, wrong, group, rng, template)]

    def typed(self, subject_id: str) -> Question | None:
        group = self.by_subject[subject_id]
        answers = self._subject_answers(subject_id)
        if len(answers) != 1:
            return None  # several right objects: a typed answer would be ambiguous
        answer = answers[0]
        accepted = [answer.text]
        if answer.entity is not None:
            accepted += answer.entity.aliases
        accepted += [text for fact in group for text in fact.accept]
        accepted = unique(accepted, limit=MAX_ALIASES + 1)
        subject = self.owner.entities[subject_id]
        prompt = fill(self.relation.ask_object or "", subject.name, _BLANK)
        instruction = TYPE_THE_NAME if answer.entity is not None else TYPE_THE_ANSWER
        return self._make(
            make_id(self.relation.id, subject_id, "typed"),
            "typed",
            prompt,
            group,
            instruction=instruction,
            template=make_id(self.relation.id, "ask-object"),
            answers=tuple(accepted),
            other_names=self.owner.names.other_names(
                accepted,
                answer.entity.id
                if answer.entity is not None
                else self.owner.names.entity_named(answer.text),
            ),
        )

    def ask_subject(self, object_key: str) -> Question | None:
        group = self.by_object[object_key]
        value = self.values[group[0].id]
        subjects = [self.owner.entities[s] for s in dict.fromkeys(f.subject for f in group)]
        if len(subjects) >= MAX_CHOICES:
            return None  # no room left for a wrong choice
        object_part = object_key if value.entity is not None else slug(value.text)
        qid = make_id(self.relation.id, object_part, "ask-subject")
        rng = rng_for(qid)
        prompt = fill(self.relation.ask_subject or "", _BLANK, value.text)
        # Never the object itself: "Who is backed by Harman?" must not offer Harman.
        picked = self.owner.pools.pick(
            rng,
            RightAnswers.of(subjects),
            _wrong_wanted(len(subjects)),
            like=subjects,
            roles=self.relation.subject_roles,
            prefer=self.subject_peers,
            also_not=value.entity.id if value.entity is not None else None,
            prompt=prompt,
        )
        answers = [subject.name for subject in subjects]
        template = make_id(self.relation.id, "ask-subject")
        wrong = [e.name for e in picked]
        return self._choice(qid, prompt, answers, wrong, group, rng, template)

    def statement(self, fact: Fact, true: bool) -> Question | None:
        subject = self.owner.entities[fact.subject]
        value = self.values[fact.id]
        qid = make_id(fact.id, "true" if true else "false")
        template = self.relation.statement or ""
        made_from = make_id(self.relation.id, "statement")
        truth = fact.explanation or fill(template, subject.name, value.text)
        if true:
            prompt = fill(template, subject.name, value.text)
            return self._make(
                qid, "true_false", prompt, [fact], truth=True, explanation=truth, template=made_from
            )
        # Sibling facts of one subject would often pick the same wrong object: take the first
        # candidate whose statement no other false variant of this relation has made.
        candidates = self._wrong_objects(fact, rng_for(qid), _FALSE_CANDIDATES)
        prompts = [fill(template, subject.name, wrong) for wrong in candidates]
        fresh = [
            (w, p) for w, p in zip(candidates, prompts, strict=True) if p not in self.false_prompts
        ]
        if not fresh:
            return None
        wrong, prompt = fresh[0]
        self.false_prompts.add(prompt)
        original = self._borrowed.get(wrong.casefold(), wrong.casefold())
        holders = [name for name in self.holders.get(original, []) if name != subject.name]
        said_of = (
            f"the article says that of {', '.join(holders)}, not {subject.name}. "
            if holders
            else ""
        )
        explanation = f"False: {said_of}{truth}"
        return self._make(
            qid,
            "true_false",
            prompt,
            [fact],
            truth=False,
            explanation=explanation,
            template=made_from,
        )

    # --- helpers -----------------------------------------------------------------------

    def _subject_answers(self, subject_id: str) -> list[Value]:
        """The distinct right objects of a subject, in fact-id order (computed once)."""
        if subject_id not in self._answers_of:
            found: dict[str, Value] = {}
            for fact in self.by_subject[subject_id]:
                value = self.values[fact.id]
                found.setdefault(value.key, value)
            self._answers_of[subject_id] = list(found.values())
        return self._answers_of[subject_id]

    def _right_entities(self, subject_id: str) -> RightAnswers:
        """The subject's right entity objects, for distractor checks (computed once)."""
        if subject_id not in self._rights_of:
            correct = self._subject_answers(subject_id)
            self._rights_of[subject_id] = RightAnswers.of(v.entity for v in correct if v.entity)
        return self._rights_of[subject_id]

    def _right_numbers(self, subject_id: str) -> list[float]:
        if subject_id not in self._numbers_of:
            correct = self._subject_answers(subject_id)
            self._numbers_of[subject_id] = sorted(v.number for v in correct if v.number is not None)
        return self._numbers_of[subject_id]

    def _right_keys(self, subject_id: str) -> set[str]:
        if subject_id not in self._keys_of:
            self._keys_of[subject_id] = {v.key for v in self._subject_answers(subject_id)}
        return self._keys_of[subject_id]

    def _wrong_objects(self, fact: Fact, rng: Any, count: int) -> list[str]:
        """Plausible objects, best first, that make the statement false by every fact."""
        value = self.values[fact.id]
        if value.entity is not None:
            subject_name = self.owner.entities[fact.subject].name
            picked = self.owner.pools.pick(
                rng,
                self._right_entities(fact.subject),
                count,
                like=[value.entity],
                roles=self.relation.object_roles,
                prefer=self.object_peers,
                also_not=fact.subject,
                prompt=fill(self.relation.statement or "", subject_name, _BLANK),
            )
            return [entity.name for entity in picked]
        if value.number is not None:
            numbers = nearby_numbers(
                rng,
                value.number,
                self.relation.tolerance,
                self.relation.unit,
                self._right_numbers(fact.subject),
                self.all_numbers,
                count,
            )
            return [number_text(number, self.relation.unit) for number in numbers]
        subject = self.owner.entities[fact.subject]
        keys = self._right_keys(fact.subject) | names_of(subject)
        return pick_phrases(rng, self._phrase_tiers([fact], subject), keys, count)

    def _phrase_tiers(self, group: Sequence[Fact], subject: Entity) -> list[list[str]]:
        """Where wrong phrases for `subject` come from, best first: the facts' own
        `distractors`, then (unless the relation says own only) what the relation says of
        subjects of the same kind and role. Never every value of the relation: "Ed Miliband
        feels like a conspiracy too far" is false but absurd."""
        own = _sorted_texts(text for fact in group for text in fact.distractors)
        if self.relation.own_distractors_only:
            return [own]
        return [own, self._peer_texts(subject)]

    def _peer_texts(self, subject: Entity) -> list[str]:
        """Values this relation gives to subjects like `subject` (same kind, a role of the
        relation's subjects or else of `subject`), rewritten to fit its pronoun ("his"
        becomes "her"); a value that cannot be rewritten is left out.

        The subject's own values are among them; callers refuse those as right answers.
        Computed once per kind of pool and pronoun, so a large relation stays linear.
        """
        roles = self.relation.subject_roles
        key = (self.owner.pools.key([subject], roles, agree=False), subject.pronoun or "")
        if key not in self._peer_texts_of:
            peers = {e.id for e in self.owner.pools.pool([subject], roles, agree=False)}
            texts: list[str] = []
            for fact in self.facts:
                if fact.subject not in peers:
                    continue
                said = self.values[fact.id].text
                source = self.owner.entities[fact.subject].pronoun
                fitted = fit_pronouns(said, source, subject.pronoun)
                if fitted is None:
                    continue
                if fitted != said:
                    self._borrowed.setdefault(fitted.casefold(), said.casefold())
                texts.append(fitted)
            self._peer_texts_of[key] = _sorted_texts(texts)
        return self._peer_texts_of[key]

    def _choice(
        self,
        qid: str,
        prompt: str,
        answers: list[str],
        wrong: list[str],
        group: Sequence[Fact],
        rng: Any,
        template: str,
    ) -> Question | None:
        """A single-choice question of exactly four choices, or a multiple-answer one of at
        least four with at least two wrong; None when the bank cannot supply the wrong
        ones (a true/false or typed form may stand instead)."""
        answers = unique(answers)
        taken = {answer.casefold() for answer in answers}
        wrong = [text for text in unique(wrong) if text.casefold() not in taken]
        wrong = wrong[: MAX_CHOICES - len(answers)]
        instruction = ""
        kind: QuestionType
        if len(answers) == 1:
            if len(wrong) < CHOICES_WANTED - 1:
                return None
            kind = "single"
        else:
            if len(wrong) < MIN_WRONG_OF_MULTIPLE or len(answers) + len(wrong) < CHOICES_WANTED:
                return None
            kind = "multiple"
            instruction = ALL_THAT_APPLY
        choices = answers + wrong
        rng.shuffle(choices)
        return self._make(
            qid,
            kind,
            prompt,
            group,
            template=template,
            instruction=instruction,
            choices=tuple(choices),
            answers=tuple(answers),
        )

    def _make(
        self,
        qid: str,
        kind: QuestionType,
        prompt: str,
        group: Sequence[Fact],
        *,
        template: str,
        instruction: str = "",
        truth: bool | None = None,
        explanation: str | None = None,
        **fields: Any,
    ) -> Question | None:
        tags = unique([*self.relation.tags, *(tag for fact in group for tag in fact.tags)])
        if is_flagged(tags):
            prompt = say_according(prompt)
        if instruction:
            prompt = with_instruction(prompt, instruction)
        if len(prompt) > MAX_PROMPT:
            return None  # a template filled with long names; the checker reports the pack
        if truth is not None:
            fields.update(choices=(TRUE, FALSE), answers=(TRUE if truth else FALSE,))
        if explanation is None:
            explanation = self._explain(group)
        quote = next((fact.quote for fact in group if fact.quote), "")
        return Question(
            id=qid,
            type=kind,
            prompt=prompt,
            explanation=explanation,
            quote=quote,
            attribution=self.owner.attribution if quote else "",
            difficulty=max(fact.difficulty for fact in group),
            tags=tuple(tags[:MAX_TAGS]),
            origin="generated",
            fact_ids=tuple(fact.id for fact in group),
            template=template,
            **fields,
        )

    def _explain(self, group: Sequence[Fact]) -> str:
        parts = []
        for fact in group:
            if fact.explanation:
                parts.append(fact.explanation)
            elif self.relation.statement:
                subject = self.owner.entities[fact.subject].name
                parts.append(fill(self.relation.statement, subject, self.values[fact.id].text))
        return " ".join(unique(parts))


def _sorted_texts(texts: Iterable[str]) -> list[str]:
    """Distinct texts in a stable order, so seeded picks do not depend on fact order."""
    return sorted(set(texts), key=lambda text: (text.casefold(), text))


def _wrong_wanted(answer_count: int) -> int:
    """How many distractors to aim for: four choices in all, at least two wrong for multiple."""
    if answer_count <= 1:
        return CHOICES_WANTED - 1
    return min(
        MAX_CHOICES - answer_count, max(CHOICES_WANTED - answer_count, MIN_WRONG_OF_MULTIPLE)
    )
