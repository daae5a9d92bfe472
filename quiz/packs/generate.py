"""Every concrete question of a pack: the hand-written ones, then the ones its facts generate.

How a fact becomes questions is said once per relation (see `Relation`):
- `ask_object`: one question per subject asking for the object. When several facts share
  subject and relation, it is ONE multiple-answer question, never an ambiguous single one.
  Number relations give a numeric question and a single choice with nearby numbers instead.
- `ask_subject`: one question per object asking for the subject, grouped the same way.
- `statement`: per fact, one true/false question: the true statement, or (for about half
  the facts) a false one with a plausible wrong object that no fact makes true.
- `typed`: the object as a typed answer (name and aliases accepted), when it is unique; it
  carries the pack's other names near the answer, which the game never accepts for it.

Choice questions have four choices (a multiple-answer one at least four, two of them
wrong, and says "Choose all that apply."); wrong ones share the answer's kind, role and
pronoun. When the pack cannot supply them, that choice question is not made.

Output is deterministic: ids come from relation, subject, object and fact ids only, and
every random choice is seeded from the question id, so the same pack gives the same
questions in every run, whatever the order of its facts.
"""

from __future__ import annotations

from collections import defaultdict

from quiz.packs.distractors import EntityPools
from quiz.packs.hand_questions import attribution_of, hand_to_question
from quiz.packs.models import Fact, PackFile
from quiz.packs.other_names import NameIndex
from quiz.packs.question import FALSE, TRUE, Question
from quiz.packs.relation_questions import PackContext, RelationQuestions

__all__ = ["attribution_of", "generate_questions", "hand_to_question"]


def generate_questions(pack: PackFile) -> list[Question]:
    """Every question of `pack`: hand-written ones first (in pack order), then generated ones.

    Generated questions come relation by relation (in pack order), sorted by id within a
    relation, and their ids differ from each other. A hand-written question whose id equals
    a generated one is reported by the loader (`load_pack` refuses the pack), so a loaded
    pack's questions have unique ids. Facts whose subject or object does not resolve are
    skipped (the checker reports them too). The same pack always gives the same list.
    """
    attribution = attribution_of(pack)
    entities = {entity.id: entity for entity in pack.entities}
    names = NameIndex(entities.values())
    questions = [hand_to_question(q, entities, attribution, names) for q in pack.questions]
    taken: set[str] = set()
    for question in _generated(pack, attribution, names):
        if question.id not in taken:
            taken.add(question.id)
            questions.append(question)
    return questions


def _generated(pack: PackFile, attribution: str, names: NameIndex) -> list[Question]:
    """The questions of every relation, in pack order; within a relation, sorted by id."""
    entities = {entity.id: entity for entity in pack.entities}
    context = PackContext(entities, EntityPools(entities.values()), attribution, names)
    facts_by_relation: dict[str, dict[str, Fact]] = defaultdict(dict)
    for fact in pack.facts:
        facts_by_relation[fact.relation].setdefault(fact.id, fact)
    made: list[Question] = []
    done: set[str] = set()
    for relation in pack.relations:
        if relation.id in done:
            continue  # a repeated relation id; the checker reports it
        done.add(relation.id)
        facts = sorted(facts_by_relation.get(relation.id, {}).values(), key=_fact_id)
        made += sorted(RelationQuestions(context, relation, facts).generate(), key=_question_id)
    # Each relation keeps its own false variants from being true, but two relations may be
    # worded alike ("{subject} / {object}."): a "false" statement that reads exactly like a
    # true one of another relation would be marked wrong for a right answer, so it goes.
    true_prompts = {
        q.prompt.casefold() for q in made if q.type == "true_false" and q.answers == (TRUE,)
    }
    return [
        q
        for q in made
        if not (
            q.type == "true_false" and q.answers == (FALSE,) and q.prompt.casefold() in true_prompts
        )
    ]


def _fact_id(fact: Fact) -> str:
    return fact.id


def _question_id(question: Question) -> str:
    return question.id
