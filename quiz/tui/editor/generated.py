"""The questions the fact (or relation) in the editor's form generates, for showing live.

Generation works relation by relation (`quiz.packs.generate`), so only the edited item's
relation and its facts are generated: the same questions a round would ask, cheaply enough
to redo on every keystroke. Pure: no Textual here.
"""

from __future__ import annotations

from quiz.packs.generate import generate_questions
from quiz.packs.models import Fact, Relation
from quiz.packs.question import Question, format_number, with_unit
from quiz.tui.editor.item_checks import EditContext

TYPE_WORDS = {
    "single": "one of",
    "multiple": "all of",
    "true_false": "true/false",
    "typed": "typed",
    "numeric": "number",
}


def fact_questions(context: EditContext, index: int, fact: Fact) -> list[Question]:
    """The questions fact `index`, as `fact`, takes part in (with the other facts of its
    relation: facts sharing a subject make one multiple-answer question)."""
    relation = context.relation(fact.relation)
    if relation is None:
        return []
    return [
        question
        for question in _relation_pack_questions(context, relation, ("facts", index, fact))
        if fact.id in question.fact_ids
    ]


def relation_questions(context: EditContext, index: int, relation: Relation) -> list[Question]:
    """Every question relation `index`, as `relation`, makes of its facts."""
    return _relation_pack_questions(context, relation, ("relations", index, relation))


def _relation_pack_questions(
    context: EditContext, relation: Relation, edited: tuple[str, int, Fact | Relation]
) -> list[Question]:
    section, index, model = edited
    pack = context.pack(section, index, model)
    facts = [fact for fact in pack.facts if fact.relation == relation.id]
    only = pack.model_copy(update={"relations": [relation], "facts": facts, "questions": []})
    return generate_questions(only)


def answer_text(question: Question) -> str:
    """The right answer of a generated question, in a few words."""
    if question.type == "numeric" and question.value is not None:
        return with_unit(format_number(question.value), question.unit)
    if question.type == "typed":
        return question.answers[0] if question.answers else ""
    return ", ".join(question.answers)


def question_lines(questions: list[Question]) -> list[str]:
    """Two lines per question: its kind and prompt, then its answer (plain text, not yet made
    safe)."""
    lines: list[str] = []
    for question in questions:
        kind = TYPE_WORDS.get(question.type, question.type)
        lines += [f"{kind:<10} {question.prompt}", f"{'':<10} → {answer_text(question)}"]
    return lines
