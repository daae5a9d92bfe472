"""Moodle GIFT: read a GIFT file into hand-written questions.

Implemented from Moodle's documentation of the format ("GIFT format" in the Moodle docs):
questions are separated by blank lines; `//` starts a comment line; `$CATEGORY:` sets the
category of the questions after it (we keep its parts as tags); `::title::` names a question
(we make its id from it); `[html]`, `[moodle]`, `[plain]`, `[markdown]` say how the text after
them is formatted; `{…}` holds the answers, and text after it makes a "missing word"
question. Inside answers `=` marks a right answer, `~` a wrong one, `%50%` a weight, `#` the
feedback of one answer and `####` the general feedback; `{#…}` is numerical (`5:1`, `1..5`, or
several `=` answers), `{T}`/`{FALSE}` true/false, `{=a =b}` short answer, `{=a -> b …}`
matching and `{}` an essay. `\\~ \\= \\# \\{ \\} \\: \\\\` escape, `\\n` is a newline.

Anything a pack cannot hold (essays, descriptions, partial credit, per-answer feedback of wrong
answers, extra numerical answers) is reported with its line; a malformed file raises
`PackError` listing every problem. The text layer (escapes, blocks, numbers) is
`gift_syntax`; writing GIFT is `gift_export`.
"""

from __future__ import annotations

import re
from typing import Any

from quiz.packs.errors import Problem
from quiz.packs.formats.common import (
    ImportResult,
    assign_ids,
    build_questions,
    bulk_allocation,
    dropped_feedback,
    explain_with_feedback,
    fail_if_problems,
    quoted,
    weights_note,
)
from quiz.packs.formats.gift_syntax import (
    CATEGORY,
    Block,
    Escapes,
    category_tags,
    number_spec,
    split_blocks,
)
from quiz.packs.formats.rich_text import html_to_text, markdown_to_text
from quiz.packs.models import MAX_ALIASES

_ANSWER_MARK = re.compile(r"[=~]")
_BRACE = re.compile(r"[{}]")
_WEIGHT = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")
# No pack question holds more answers than a typed one: its answer and 32 alternatives.
_MOST_ANSWERS = 1 + MAX_ALIASES
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class GiftReader:
    """Reads one GIFT file; `read()` returns the questions and notes or raises PackError."""

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.file = filename
        self.result = ImportResult()
        self.errors: list[Problem] = []
        self.titles: list[str] = []
        self.tags: list[str] = []
        self.pending: list[tuple[dict[str, Any], int, str]] = []
        self._block = Block([(1, "")])  # the block being read; offsets are within it
        self._format = ""  # the format tag of the question being read
        self._line = 1
        self.escapes = Escapes("")

    def read(self) -> ImportResult:
        with bulk_allocation():
            blocks, self.escapes = split_blocks(self.text, self.file)
            for block in blocks:
                self._read_block(block)
            fail_if_problems(self.errors)
            assign_ids(self.pending, self.titles, file=self.file, notes=self.result.notes)
            build_questions(self.pending, file=self.file, result=self.result)
        return self.result

    # -- one question ---------------------------------------------------------------------

    def _text(self, raw: str) -> str:
        """One piece of protected text as plain text, in its own format or the question's."""
        if not raw:
            return ""
        text, fmt = self.escapes.unescape(raw)
        return self._plain(text, fmt or self._format)

    def _plain(self, text: str, fmt: str) -> str:
        if fmt == "html" and ("<" in text or "&" in text):
            text, images = html_to_text(text)
        elif fmt == "markdown":
            text, images = markdown_to_text(text)
        else:
            return text
        for image in images:
            self._note(self._line, f"image {quoted(image)} is left out: a pack holds text only")
        return text

    def _error(self, line: int, message: str) -> None:
        self.errors.append(Problem(self.file, line, "", message))

    def _note(self, line: int, message: str) -> None:
        self.result.notes.append(Problem(self.file, line, "", message))

    def _read_block(self, block: Block) -> None:
        self._block = block
        text, line = block.text, block.first_line
        if text.startswith(CATEGORY):
            self._set_category(text[len(CATEGORY) :].translate(self.escapes.restore), line)
            return
        body = text.lstrip()
        start = len(text) - len(body)
        title = ""
        if body.startswith("::"):
            end = body.find("::", 2)
            if end < 0:
                self._error(line, "the title opened with '::' is never closed with '::'")
                return
            title = body[2:end].translate(self.escapes.restore).strip()
            start += end + 2
        opening = text.find("{", start)
        stray = text.find("}", start, opening if opening >= 0 else len(text))
        if stray >= 0:
            self._error(block.line_at(stray), "'}' without '{' (write \\} for a literal brace)")
            return
        if opening < 0:
            self._note(
                line,
                f"skipped description {quoted(self.escapes.unescape(text[start:])[0])}: "
                "a pack has no questions without answers",
            )
            return
        closing = text.find("}", opening + 1)
        if closing < 0:
            self._error(block.line_at(opening), "'{' is never closed with '}'")
            return
        nested = text.find("{", opening + 1, closing)
        if nested >= 0:
            self._error(
                block.line_at(nested), "'{' inside an answer block (write \\{ for a literal brace)"
            )
            return
        after = text[closing + 1 :]
        extra = _BRACE.search(after)
        if extra:
            self._error(
                block.line_at(closing + 1 + extra.start()),
                "a question has one answer block; escape other braces as \\{ \\}",
            )
            return
        prompt, fmt = self.escapes.unescape(
            text[start:opening] + ("_____" + after if after.strip() else "")
        )
        # As in Moodle, answers and feedback without a tag of their own share the question
        # text's format.
        self._format = fmt
        self._line = line
        prompt = self._plain(prompt, fmt)
        if not prompt:
            self._error(line, "the question has no text before its answers")
            return
        question: dict[str, Any] = {"id": "", "prompt": prompt}
        if self.tags:
            question["tags"] = list(self.tags)
        answers = text[opening + 1 : closing]
        offset = opening + 1
        general = answers.rfind("####")
        if general >= 0:
            question["explanation"] = self._text(answers[general + 4 :])
            answers = answers[:general]
        kind = self._answers(question, answers, offset, block)
        if kind is None:
            return
        self.pending.append((question, line, kind))
        self.titles.append(title)

    def _set_category(self, path: str, line: int) -> None:
        tags = category_tags(path)
        kept = [tag for tag in tags if len(tag) <= 40][:16]
        for tag in tags:
            if tag not in kept:
                self._note(
                    line,
                    f"category part {quoted(tag)} is not kept as a tag "
                    "(tags hold 40 characters, 16 tags a question)",
                )
        self.tags = kept

    def _answers(self, q: dict[str, Any], answers: str, offset: int, block: Block) -> str | None:
        """Fill `q` from the text between the braces; returns its kind, None to skip."""
        stripped = answers.strip()
        line = block.line_at(offset)
        if not stripped:
            self._note(
                block.first_line,
                f"skipped essay question {quoted(q['prompt'])}: a pack has no free-text answers",
            )
            return None
        if stripped.startswith("#"):
            return self._numeric(q, stripped[1:], line)
        head = stripped.partition("#")[0].strip()
        if head in _TRUE_FALSE:
            q["type"] = "true_false"
            q["answer"] = _TRUE_FALSE[head]
            # {T#wrong answer's feedback#right answer's feedback}; the last may hold '#'.
            texts = [self._text(part) for part in stripped.split("#", 2)[1:]]
            self._feedback(q, texts[1] if len(texts) > 1 else "", texts[:1], line)
            return "true/false question"
        marks = list(_ANSWER_MARK.finditer(answers))
        if not marks or answers[: marks[0].start()].strip():
            self._error(
                line,
                "each answer starts with '=' (right) or '~' (wrong); "
                f"found {quoted(answers.translate(self.escapes.restore).strip())}",
            )
            return None
        if len(marks) > _MOST_ANSWERS:
            self._note(
                line,
                f"skipped question {quoted(q['prompt'])}: {len(marks)} answers, more than any "
                "question of a pack holds",
            )
            return None
        parsed = []
        for index, mark in enumerate(marks):
            end = marks[index + 1].start() if index + 1 < len(marks) else len(answers)
            parsed.append(
                self._answer(mark.group(), answers[mark.end() : end], offset + mark.start())
            )
        answers_read = [item for item in parsed if item is not None]
        if len(answers_read) < len(parsed):
            return None
        return self._choice_kinds(q, answers_read, line)

    def _answer(self, mark: str, raw: str, at: int) -> tuple[str, float, str, str, int] | None:
        """(mark, weight %, text, feedback, offset in the block) of one `=…`/`~…` answer."""
        weight = 100.0 if mark == "=" else 0.0
        match = _WEIGHT.match(raw) if "%" in raw else None
        if match:
            weight = float(match.group(1))
            raw = raw[match.end() :]
            if not -100 <= weight <= 100:
                self._error(
                    self._block.line_at(at), f"weight {match.group(1)}% is outside -100…100"
                )
                return None
        text, _, feedback = raw.partition("#")
        return mark, weight, self._text(text), self._text(feedback), at

    def _choice_kinds(
        self, q: dict[str, Any], parsed: list[tuple[str, float, str, str, int]], line: int
    ) -> str | None:
        if all(item[0] == "=" for item in parsed):
            pairs = [item for item in parsed if "->" in item[2]]
            if pairs and len(pairs) != len(parsed):
                self._error(line, "matching answers all look like '=left -> right'")
                return None
            if pairs:
                return self._matching(q, parsed)
            return self._short_answer(q, parsed)
        right = [item for item in parsed if item[0] == "="]
        positive = [item for item in parsed if item[0] == "~" and item[1] > 0]
        q["choices"] = [item[2] for item in parsed]
        if len(right) == 1:
            q["type"], q["answer"] = "single", right[0][2]
            for _, weight, text, _, at in positive:
                at = self._block.line_at(at)
                self._note(
                    at,
                    f"partial credit ({weight:g}%) for {quoted(text)} is dropped: "
                    "a pack's single-answer question has one right answer",
                )
            correct = right
        elif not right and positive:
            q["type"], q["answers"] = "multiple", [item[2] for item in positive]
            note = weights_note(q["prompt"], [item[1] for item in parsed], len(positive))
            if note:
                self._note(line, note)
            correct = positive
        elif right:
            self._note(
                line,
                f"skipped multiple choice {quoted(q['prompt'])}: several answers "
                "are each fully right, which a pack cannot hold",
            )
            return None
        else:
            self._error(
                line,
                "a multiple-choice question needs a right answer ('=' or "
                "a positive weight such as ~%50%)",
            )
            return None
        # The right answer's feedback explains; with several right answers none does alone.
        explains = correct[0] if len(correct) == 1 else None
        self._feedback(
            q,
            explains[3] if explains else "",
            [item[3] for item in parsed if item is not explains],
            line,
        )
        return "multiple-choice question"

    def _short_answer(
        self, q: dict[str, Any], parsed: list[tuple[str, float, str, str, int]]
    ) -> str:
        full = [item for item in parsed if item[1] >= 100]
        for _, weight, text, _, at in parsed:
            if weight < 100:
                self._note(
                    self._block.line_at(at),
                    f"answer {quoted(text)} for {weight:g}% credit is dropped: a "
                    "pack accepts an answer fully or not at all",
                )
        if not full:
            full = parsed[:1]
        q["type"], q["answer"] = "typed", full[0][2]
        if len(full) > 1:
            q["accept"] = [item[2] for item in full[1:]]
        self._feedback(
            q,
            full[0][3],
            [item[3] for item in parsed if item is not full[0]],
            self._block.line_at(full[0][4]),
        )
        return "short-answer question"

    def _matching(self, q: dict[str, Any], parsed: list[tuple[str, float, str, str, int]]) -> str:
        q["type"], q["pairs"] = "matching", []
        for _, _, text, feedback, at in parsed:
            left, _, right = text.partition("->")
            if not left.strip():
                self._note(
                    self._block.line_at(at),
                    f"extra right-hand answer {quoted(right.strip())} is dropped: "
                    "a pack's matching question has no unmatched answers",
                )
                continue
            q["pairs"].append({"left": left.strip(), "right": right.strip()})
            if feedback:
                self._feedback(q, "", [feedback], self._block.line_at(at))
        return "matching question"

    def _numeric(self, q: dict[str, Any], body: str, line: int) -> str | None:
        q["type"] = "numeric"
        found: list[tuple[float, float, float, str]] = []
        # As in Moodle: from the first '~' on is the feedback for any wrong number.
        body, tilde, wrong = body.partition("~")
        if tilde:
            self._feedback(q, "", [self._text(wrong.partition("#")[2] or wrong)], line)
        if "=" in body:
            marks = list(_ANSWER_MARK.finditer(body))
            if body[: marks[0].start()].strip():
                self._error(line, "numerical answers after the first start with '='")
                return None
            chunks = [
                (
                    m.group(),
                    body[m.end() : (marks[i + 1].start() if i + 1 < len(marks) else len(body))],
                )
                for i, m in enumerate(marks)
            ]
        else:
            chunks = [("=", body)]
        if len(chunks) > _MOST_ANSWERS:
            self._note(
                line,
                f"skipped question {quoted(q['prompt'])}: {len(chunks)} answers, more than "
                "any question of a pack holds",
            )
            return None
        for mark, chunk in chunks:
            weight = 100.0 if mark == "=" else 0.0
            match = _WEIGHT.match(chunk)
            if match:
                weight, chunk = float(match.group(1)), chunk[match.end() :]
            spec, _, feedback = chunk.partition("#")
            try:
                centre, spread = number_spec(spec.translate(self.escapes.restore).strip())
            except ValueError as error:
                self._error(line, str(error))
                return None
            found.append((weight, centre, spread, self._text(feedback)))
        best = max(found, key=lambda item: item[0])
        if best[0] <= 0:
            self._error(line, "a numerical question needs a right answer")
            return None
        q["answer"], q["tolerance"] = best[1], best[2]
        for weight, value, tolerance, _ in found:
            if (weight, value, tolerance) != best[:3]:
                self._note(
                    line,
                    f"numerical answer {value:g}±{tolerance:g} ({weight:g}%) is "
                    "dropped: a pack's numeric question has one right answer",
                )
        self._feedback(q, best[3], [item[3] for item in found if item is not best], line)
        return "numerical question"

    def _feedback(self, q: dict[str, Any], right: str, others: list[str], line: int) -> None:
        for text in explain_with_feedback(q, right, others):
            self._note(line, dropped_feedback(text))


def import_text(text: str, filename: str) -> ImportResult:
    """Read GIFT text; every question a pack can hold, plus located notes on the rest.

    Raises `PackError` with every problem (FILE:LINE: …) when the text is not valid GIFT.
    """
    return GiftReader(text, filename).read()
