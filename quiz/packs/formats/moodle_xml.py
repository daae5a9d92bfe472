"""Moodle XML: write concrete questions as a `<quiz>` of `<question>` elements.

Types written: multichoice (single and multiple answers), truefalse, shortanswer, matching
and numerical. Every text is `plain_text`, so Moodle shows it literally, and the XML is
built with `xml.etree`, which escapes `<`, `&` and quotes. XML 1.0 cannot hold most control
characters at all; those are removed and reported. Tags become `<tags>`, the explanation the
general feedback, the id the question name.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence

from quiz.packs.formats.common import Exported, count_left_out, left_out
from quiz.packs.formats.gift_export import multiple_answer_share, number
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

CARRIED = frozenset({"explanation", "tags", "unit", "accept"})
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true_false": "truefalse",
    "typed": "shortanswer",
    "matching": "matching",
    "numeric": "numerical",
}


class _Writer:
    def __init__(self) -> None:
        self.stripped_ids: list[str] = []
        self._current = ""

    def text(self, parent: ET.Element, tag: str, value: str, *, fmt: bool = True) -> ET.Element:
        """`<tag format="plain_text"><text>value</text></tag>` under parent."""
        element = ET.SubElement(parent, tag, {"format": "plain_text"} if fmt else {})
        ET.SubElement(element, "text").text = self.clean(value)
        return element

    def clean(self, value: str) -> str:
        cleaned = _XML_INVALID.sub("", value)
        if cleaned != value and self._current not in self.stripped_ids:
            self.stripped_ids.append(self._current)
        return cleaned

    def question(self, quiz: ET.Element, question: Question) -> None:
        self._current = question.id
        element = ET.SubElement(quiz, "question", {"type": _TYPES[question.type]})
        self.text(element, "name", question.id, fmt=False)
        self.text(element, "questiontext", question.prompt)
        self.text(element, "generalfeedback", question.explanation)
        ET.SubElement(element, "defaultgrade").text = "1"
        ET.SubElement(element, "penalty").text = "0.3333333"
        ET.SubElement(element, "hidden").text = "0"
        kind = question.type
        if kind in ("single", "multiple"):
            single = kind == "single"
            ET.SubElement(element, "single").text = "true" if single else "false"
            ET.SubElement(element, "shuffleanswers").text = "true"
            ET.SubElement(element, "answernumbering").text = "abc"
            share = multiple_answer_share(question)
            for choice in question.choices:
                is_right = choice in question.answers
                fraction = (
                    ("100" if single else share) if is_right else ("0" if single else f"-{share}")
                )
                self._answer(element, choice, fraction)
        elif kind == "true_false":
            for value in ("true", "false"):
                is_true = question.answers[0].lower() == value
                self._answer(element, value, "100" if is_true else "0", fmt="moodle_auto_format")
        elif kind == "typed":
            ET.SubElement(element, "usecase").text = "0"
            for answer in question.answers:
                self._answer(element, answer, "100")
        elif kind == "matching":
            ET.SubElement(element, "shuffleanswers").text = "true"
            for left, right in question.pairs:
                sub = self.text(element, "subquestion", left)
                ET.SubElement(ET.SubElement(sub, "answer"), "text").text = self.clean(right)
        elif kind == "numeric":
            exact = self._answer(element, number(question.value or 0.0), "100")
            ET.SubElement(exact, "tolerance").text = number(question.tolerance)
            if question.unit:
                unit = ET.SubElement(ET.SubElement(element, "units"), "unit")
                ET.SubElement(unit, "multiplier").text = "1"
                ET.SubElement(unit, "unit_name").text = self.clean(question.unit)
        if question.tags:
            tags = ET.SubElement(element, "tags")
            for tag in question.tags:
                ET.SubElement(ET.SubElement(tags, "tag"), "text").text = self.clean(tag)

    def _answer(
        self, parent: ET.Element, text: str, fraction: str, fmt: str = "plain_text"
    ) -> ET.Element:
        answer = ET.SubElement(parent, "answer", {"fraction": fraction, "format": fmt})
        ET.SubElement(answer, "text").text = self.clean(text)
        ET.SubElement(ET.SubElement(answer, "feedback", {"format": "plain_text"}), "text").text = ""
        return answer


def export_questions(questions: Sequence[Question], meta: PackMeta) -> Exported:
    """The questions as Moodle XML; notes name each question Moodle XML cannot hold here
    (ordering) and each whose text lost characters XML cannot carry."""
    # No category: Moodle puts the questions in the category chosen on its import page,
    # and reading the file back gives each question exactly its own tags.
    quiz = ET.Element("quiz")
    writer = _Writer()
    notes: list[str] = []
    dropped: Counter[str] = Counter()
    for question in questions:
        if question.type not in _TYPES:
            notes.append(
                f"{question.id}: skipped {question.type} question: Moodle's core "
                "question types have no ordering"
            )
            continue
        count_left_out(question, CARRIED, dropped)
        writer.question(quiz, question)
    notes += [
        f"{qid}: control characters removed (XML cannot hold them)" for qid in writer.stripped_ids
    ]
    notes += left_out("Moodle XML", dropped)
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode")
    return Exported(f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n', notes)
