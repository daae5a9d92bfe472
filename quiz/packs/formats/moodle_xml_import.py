"""Moodle XML: read a `<quiz>` of `<question>` elements as Moodle exports it (the writer is
`moodle_xml`).

Implemented from Moodle's documentation of the format ("Moodle XML format" in the Moodle
docs). Each question has a `<name>` (we make its id from it), a `<questiontext>` and a
`<generalfeedback>` whose `format` says how to read their `<text>`: html (Moodle's usual, in
CDATA), moodle_auto_format, plain_text or markdown. Every text becomes plain text
(`rich_text`): tags stripped, entities decoded, `<br>` and paragraphs as line breaks, images
reported. A `<question type="category">` sets the category of the questions after it; its
path's parts after the course context and `top` become their tags, with the question's own
`<tags>`.

Types read: multichoice (single and multiple answers, fractions in percent), truefalse,
shortanswer, numerical (tolerances, one unit) and matching. Anything else (essay,
description, cloze/multianswer, drag and drop into text, select missing words, calculated,
random…) is reported per question, with its type and name, and skipped.

The parser is defusedxml's, with DTDs and entities refused: a file that declares them (an
"XML bomb" expands a few kilobytes into gigabytes) is refused before anything is expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from quiz.packs.errors import PackError, Problem
from quiz.packs.formats.common import (
    ImportResult,
    build_with_ids,
    bulk_allocation,
    dropped_feedback,
    explain_with_feedback,
    fail_if_problems,
    quoted,
    too_many_questions,
    weights_note,
)
from quiz.packs.formats.gift_syntax import category_tags
from quiz.packs.formats.rich_text import html_to_text, markdown_to_text
from quiz.packs.models import MAX_QUESTIONS, MAX_TAGS

_QUESTION_START = re.compile(rb"<question\b(?![^>]*type\s*=\s*[\"']category)")
# Moodle's own question types a pack has no counterpart for, by the name the docs use.
NOT_REPRESENTABLE = {
    "essay": "essay",
    "description": "description",
    "cloze": "embedded answers (Cloze)",
    "multianswer": "embedded answers (Cloze)",
    "ddwtos": "drag and drop into text",
    "gapselect": "select missing words",
    "calculated": "calculated",
    "calculatedsimple": "calculated simple",
    "calculatedmulti": "calculated multichoice",
    "randomsamatch": "random short-answer matching",
    "random": "random",
    "ddimageortext": "drag and drop onto image",
    "ddmarker": "drag and drop markers",
}
_COMBINED_DEFAULTS = {
    "Your answer is correct.",
    "Your answer is partially correct.",
    "Your answer is incorrect.",
}


class _QuestionLines:
    """A parser target that only notes the line each `<question>` starts on."""

    def __init__(self) -> None:
        self.lines: list[int] = []

    def close(self) -> None:
        return None


def parse_xml(data: bytes, filename: str) -> tuple[ET.Element, list[int]]:
    """The root element and the line of each `<question>`; malformed XML, a DTD or an
    entity declaration is a PackError naming the line.

    defusedxml's parser reads the file first, refusing any DTD (and so every entity
    declaration and external reference) and noting where each question starts; its element
    callbacks are Python, so only that one is kept. Once the file is known to declare
    nothing, ElementTree's C parser builds the tree, three times faster.
    """
    lines = _QuestionLines()
    checker = DefusedXMLParser(target=lines, forbid_dtd=True)
    expat = checker.parser
    expat.EndElementHandler = expat.CharacterDataHandler = None
    expat.StartElementHandler = lambda tag, _: (
        lines.lines.append(expat.CurrentLineNumber) if tag == "question" else None
    )
    try:
        checker.feed(data)
        checker.close()
    except DefusedXmlException as error:
        what = type(error).__name__.removesuffix("Forbidden").lower()
        raise PackError.single(
            filename,
            f"refused: the file declares {'a DTD' if what == 'dtd' else what + 's'} "
            "(<!DOCTYPE …>/<!ENTITY …>), which Moodle XML never has and which can expand "
            "without limit (an 'XML bomb')",
            line=expat.CurrentLineNumber,
        ) from None
    except ET.ParseError as error:
        line, column = error.position
        message = str(error).split(":", 1)[0]
        raise PackError.single(
            filename, f"not valid XML: {message} (column {column + 1})", line=line
        ) from None
    return ET.fromstring(data), lines.lines


def import_bytes(data: bytes, filename: str) -> ImportResult:
    """Read Moodle XML (as bytes: the file says its own encoding).

    Raises `PackError` when the file is not XML, holds more questions than a pack, or has a
    malformed question (every problem at once, FILE:LINE: …).
    """
    if len(_QUESTION_START.findall(data)) > MAX_QUESTIONS:
        raise PackError.single(filename, too_many_questions())
    with bulk_allocation():
        root, lines = parse_xml(data, filename)
        if root.tag != "quiz":
            raise PackError.single(
                filename, f"expected a <quiz> element, found <{root.tag}>", line=1
            )
        return _Reader(filename).read(root, lines)


def _child_text(element: ET.Element, child: str) -> str:
    """The `<text>` of `element`'s `child` (or of `element` itself when `child` is ""). Plain
    tag lookups, not paths: ElementTree does those in C, paths in Python."""
    found = element.find(child) if child else element
    return (found.findtext("text") or "") if found is not None else ""


def _grandchildren(element: ET.Element, child: str, grandchild: str) -> list[ET.Element]:
    found = element.find(child)
    return found.findall(grandchild) if found is not None else []


def _text(element: ET.Element | None) -> tuple[str, str]:
    """(the `<text>` of `element` or "", its format attribute)."""
    if element is None:
        return "", ""
    return (element.findtext("text") or ""), element.get("format", "")


class _Reader:
    def __init__(self, filename: str) -> None:
        self.file = filename
        self.result = ImportResult()
        self.errors: list[Problem] = []
        self.pending: list[tuple[dict[str, Any], int, str]] = []
        self.titles: list[str] = []
        self.category: list[str] = []
        self.line = 1

    def read(self, root: ET.Element, lines: list[int]) -> ImportResult:
        for index, element in enumerate(root.iter("question")):
            self.line = lines[index] if index < len(lines) else 1
            self._question(element)
        fail_if_problems(self.errors)
        build_with_ids(self.pending, file=self.file, result=self.result, titles=self.titles)
        return self.result

    def _note(self, message: str) -> None:
        self.result.notes.append(Problem(self.file, self.line, "", message))

    def _error(self, message: str) -> None:
        self.errors.append(Problem(self.file, self.line, "", message))

    def _plain(self, element: ET.Element | None, default: str = "html") -> str:
        """The text of `element` (a `<questiontext>`, `<answer>`, …) as plain text."""
        text, fmt = _text(element)
        if not text:
            return ""
        fmt = fmt or default
        if fmt == "plain_text":
            return text.strip()
        if fmt == "markdown":
            text, images = markdown_to_text(text)
        else:
            if fmt == "moodle_auto_format":  # Moodle shows its line breaks as they are
                text = text.replace("\r\n", "\n").replace("\n", "<br>")
            text, images = html_to_text(text)
        for image in images:
            self._note(f"image {quoted(image)} is left out: a pack holds text only")
        return text

    def _question(self, element: ET.Element) -> None:
        kind = element.get("type", "")
        if kind == "category":
            path = _child_text(element, "category")
            self.category = category_tags(path)
            return
        name = " ".join(_child_text(element, "name").split())
        questiontext = element.find("questiontext")
        prompt = self._plain(questiontext)
        for file in questiontext.findall("file") if questiontext is not None else ():
            self._note(f"file {quoted(file.get('name', ''))} is left out: a pack holds text only")
        label = quoted(prompt or name)
        if kind in NOT_REPRESENTABLE:
            self._note(
                f"skipped {kind} question {quoted(name)} ({label}): Moodle's "
                f"{NOT_REPRESENTABLE[kind]} questions have no counterpart in a pack"
            )
            return
        readers = {
            "multichoice": self._multichoice,
            "truefalse": self._truefalse,
            "shortanswer": self._shortanswer,
            "numerical": self._numerical,
            "matching": self._matching,
        }
        if kind not in readers:
            self._note(
                f"skipped {kind or 'untyped'} question {quoted(name)} ({label}): a pack has "
                "no such question type"
            )
            return
        if not prompt:
            self._note(f"skipped question {quoted(name)}: it has no text (images are left out)")
            return
        q: dict[str, Any] = {"prompt": prompt}
        tags = list(dict.fromkeys([*self.category, *self._own_tags(element)]))
        if len(tags) > MAX_TAGS or any(len(tag) > 40 for tag in tags):
            kept = [tag for tag in tags if len(tag) <= 40][-MAX_TAGS:]
            self._note(
                f"tags {quoted(', '.join(t for t in tags if t not in kept))} are not kept "
                "(tags hold 40 characters, 16 tags a question)"
            )
            tags = kept
        if tags:
            q["tags"] = tags
        general = self._plain(element.find("generalfeedback"))
        if general:
            q["explanation"] = general
        self._combined_feedback(element)
        if readers[kind](q, element):
            self.pending.append((q, self.line, f"{kind} question"))
            self.titles.append(name)

    def _own_tags(self, element: ET.Element) -> list[str]:
        return [
            " ".join(tag.split())
            for tag in (_child_text(found, "") for found in _grandchildren(element, "tags", "tag"))
            if tag.strip()
        ]

    def _combined_feedback(self, element: ET.Element) -> None:
        for which in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            text = self._plain(element.find(which))
            if text and text not in _COMBINED_DEFAULTS:
                self._feedback_dropped(text)

    def _feedback_dropped(self, text: str) -> None:
        self._note(dropped_feedback(text))

    def _answers(self, element: ET.Element, default: str) -> list[tuple[str, float, str]] | None:
        """(text, fraction in percent, feedback) of each `<answer>`, or None (with an
        error) when a fraction is not a number from -100 to 100."""
        found = []
        for answer in element.findall("answer"):
            raw = answer.get("fraction", "0")
            try:
                fraction = float(raw)
            except ValueError:
                fraction = float("nan")
            if not -100 <= fraction <= 100:
                self._error(f"fraction {quoted(raw)} is not a number from -100 to 100")
                return None
            text = self._plain(answer, default)
            found.append((text, fraction, self._plain(answer.find("feedback"))))
        return found

    def _explain(self, q: dict[str, Any], right: str, others: list[str]) -> None:
        for text in explain_with_feedback(q, right, others):
            self._feedback_dropped(text)

    def _multichoice(self, q: dict[str, Any], element: ET.Element) -> bool:
        answers = self._answers(element, "html")
        if answers is None:
            return False
        single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
        q["choices"] = [text for text, _, _ in answers]
        if single:
            full = [item for item in answers if item[1] >= 100]
            if len(full) != 1:
                many = "several answers are each fully right" if full else "no answer is right"
                self._note(f"skipped multiple choice {quoted(q['prompt'])}: {many}")
                return False
            q["type"], q["answer"] = "single", full[0][0]
            for text, fraction, _ in answers:
                if 0 < fraction < 100:
                    self._note(
                        f"partial credit ({fraction:g}%) for {quoted(text)} is dropped: "
                        "a pack's single-answer question has one right answer"
                    )
            right = full
        else:
            right = [item for item in answers if item[1] > 0]
            if not right:
                self._note(f"skipped multiple choice {quoted(q['prompt'])}: no answer is right")
                return False
            q["type"], q["answers"] = "multiple", [text for text, _, _ in right]
            note = weights_note(q["prompt"], [fraction for _, fraction, _ in answers], len(right))
            if note:
                self._note(note)
        explains = right[0] if len(right) == 1 else None
        others = [item[2] for item in answers if item is not explains]
        self._explain(q, explains[2] if explains else "", others)
        return True

    def _truefalse(self, q: dict[str, Any], element: ET.Element) -> bool:
        answers = self._answers(element, "moodle_auto_format")
        if answers is None:
            return False
        right = [item for item in answers if item[1] >= 100]
        values = [text.strip().lower() for text, _, _ in right]
        if len(right) != 1 or values[0] not in ("true", "false"):
            self._error("a true/false question needs one answer 'true' or 'false' at 100%")
            return False
        q["type"], q["answer"] = "true_false", values[0] == "true"
        self._explain(q, right[0][2], [item[2] for item in answers if item is not right[0]])
        return True

    def _shortanswer(self, q: dict[str, Any], element: ET.Element) -> bool:
        answers = self._answers(element, "moodle_auto_format")
        if answers is None:
            return False
        full = [item for item in answers if item[1] >= 100]
        for text, fraction, _ in answers:
            if fraction < 100:
                self._note(
                    f"answer {quoted(text)} for {fraction:g}% credit is dropped: a pack "
                    "accepts an answer fully or not at all"
                )
        if not full:
            self._note(f"skipped short answer {quoted(q['prompt'])}: no answer is fully right")
            return False
        if (element.findtext("usecase") or "0").strip() == "1":
            self._note(
                f"{quoted(q['prompt'])} matched answers case by case in Moodle; a pack's "
                "typed answers ignore case"
            )
        if any("*" in text for text, _, _ in full):
            self._note(f"'*' in the answers of {quoted(q['prompt'])} is read literally")
        q["type"], q["answer"] = "typed", full[0][0]
        if len(full) > 1:
            q["accept"] = list(dict.fromkeys(text for text, _, _ in full[1:]))
        self._explain(q, full[0][2], [item[2] for item in answers if item is not full[0]])
        return True

    def _numerical(self, q: dict[str, Any], element: ET.Element) -> bool:
        found: list[tuple[float, float, float, str]] = []
        for answer in element.findall("answer"):
            text = (answer.findtext("text") or "").strip()
            try:
                fraction = float(answer.get("fraction", "0"))
                value = float(text) if text != "*" else None
                tolerance = abs(float((answer.findtext("tolerance") or "0").strip() or "0"))
            except ValueError:
                self._error(f"numerical answer {quoted(text)} is not a number")
                return False
            feedback = self._plain(answer.find("feedback"))
            if value is None:  # "*": the feedback for any other number
                if feedback:
                    self._feedback_dropped(feedback)
                continue
            found.append((fraction, value, tolerance, feedback))
        if not found or max(item[0] for item in found) <= 0:
            self._error("a numerical question needs a right answer")
            return False
        best = max(found, key=lambda item: item[0])
        q["type"], q["answer"], q["tolerance"] = "numeric", best[1], best[2]
        for fraction, value, tolerance, _ in found:
            if (fraction, value, tolerance) != best[:3]:
                self._note(
                    f"numerical answer {value:g}±{tolerance:g} ({fraction:g}%) is dropped: "
                    "a pack's numeric question has one right answer"
                )
        for unit in _grandchildren(element, "units", "unit"):
            name = " ".join((unit.findtext("unit_name") or "").split())
            multiplier = (unit.findtext("multiplier") or "1").strip()
            if name and not q.get("unit") and multiplier in ("1", "1.0", "1.0000000"):
                q["unit"] = name
            elif name:
                self._note(
                    f"unit {quoted(name)} (×{multiplier}) is dropped: a pack's numeric "
                    "question has one unit"
                )
        self._explain(q, best[3], [item[3] for item in found if item is not best])
        return True

    def _matching(self, q: dict[str, Any], element: ET.Element) -> bool:
        q["type"], q["pairs"] = "matching", []
        for sub in element.findall("subquestion"):
            left = self._plain(sub, "html")
            right = _child_text(sub, "answer").strip()
            if not left:
                self._note(
                    f"extra right-hand answer {quoted(right)} is dropped: a pack's matching "
                    "question has no unmatched answers"
                )
                continue
            q["pairs"].append({"left": left, "right": right})
        return True
