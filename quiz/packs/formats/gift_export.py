"""Write concrete questions as Moodle GIFT (the reader is `gift`).

Every text is escaped (`\\ ~ = # { } :` and newlines as `\\n`), so what a pack says comes back
unchanged when the file is read again, whatever characters it holds. Tags become the
`$CATEGORY:` of each question (under `$course$/top`), the id its `::title::`, the explanation
its general feedback (`####`). GIFT has no ordering questions and no place for quotes,
difficulty, units or time limits; the notes say what was left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from quiz.packs.formats.common import Exported, left_out
from quiz.packs.formats.gift_syntax import FORMAT_TAG
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

_ESCAPE = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}
    | {"\n": "\\n", "\r": ""}
)
BLANK = "_____"


def escape(text: str) -> str:
    """GIFT text that reads back as exactly `text` (apart from outer whitespace)."""
    escaped = text.translate(_ESCAPE)
    # A leading format tag or weight would be read as markup, so say "plain text" first.
    if FORMAT_TAG.match(escaped) or escaped.lstrip().startswith("%"):
        escaped = "[plain]" + escaped
    return escaped


def number(value: float) -> str:
    """The shortest text that reads back as the same float."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def category_path(tags: Sequence[str]) -> str:
    parts = ["$course$", "top", *(tag.replace("/", "//") for tag in tags)]
    return " ".join("/".join(parts).splitlines())


def answer_block(question: Question) -> str | None:
    """The `{…}` part of a question, or None when GIFT cannot hold its type."""
    feedback = f"####{escape(question.explanation)}" if question.explanation else ""
    kind = question.type
    if kind == "true_false":
        return "{" + ("TRUE" if question.answers[0] == "True" else "FALSE") + feedback + "}"
    if kind == "single":
        choices = [
            ("=" if choice == question.answers[0] else "~") + escape(choice)
            for choice in question.choices
        ]
    elif kind == "multiple":
        share = number(round(100 / len(question.answers), 5))
        choices = [
            (f"~%{share}%" if choice in question.answers else "~%-100%") + escape(choice)
            for choice in question.choices
        ]
    elif kind == "typed":
        if any("->" in answer for answer in question.answers):
            return None
        choices = ["=" + escape(answer) for answer in question.answers]
    elif kind == "matching":
        if any("->" in left for left, _ in question.pairs):
            return None
        choices = [f"={escape(left)} -> {escape(right)}" for left, right in question.pairs]
    elif kind == "numeric":
        value = number(question.value or 0.0)
        tolerance = f":{number(question.tolerance)}" if question.tolerance else ""
        return "{#" + value + tolerance + feedback + "}"
    else:
        return None
    lines = ["{", *(f"    {choice}" for choice in choices)]
    if feedback:
        lines.append(f"    {feedback}")
    return "\n".join([*lines, "}"])


def export_questions(questions: Sequence[Question], meta: PackMeta) -> Exported:
    """The questions as GIFT text; notes name each question left out and count the fields
    GIFT has no place for."""
    out = [f"// {escape(meta.title)} ({meta.id}, version {meta.version}); written by quiz", ""]
    notes: list[str] = []
    dropped: Counter[str] = Counter()
    category: tuple[str, ...] | None = None
    for question in questions:
        block = answer_block(question)
        if block is None:
            reason = (
                "GIFT has no ordering questions"
                if question.type == "ordering"
                else "GIFT reads '->' in an answer as a matching pair and cannot escape it"
            )
            notes.append(f"{question.id}: skipped {question.type} question: {reason}")
            continue
        _count_dropped(question, dropped)
        if question.tags != category:
            category = question.tags
            out += [f"$CATEGORY: {category_path(category)}", ""]
        prompt = escape(question.prompt)
        if question.prompt.count(BLANK) == 1 and question.prompt.split(BLANK)[1].strip():
            before, after = prompt.split(BLANK)
            out.append(f"::{question.id}:: {before}{block}{after}")
        else:
            out.append(f"::{question.id}:: {prompt} {block}")
        out.append("")
    notes += left_out("GIFT", dropped)
    return Exported("\n".join(out), notes)


def _count_dropped(question: Question, dropped: Counter[str]) -> None:
    if question.quote:
        dropped["quotes"] += 1
    if question.difficulty != 1:
        dropped["difficulty"] += 1
    if question.unit:
        dropped["units"] += 1
    if question.time_limit is not None:
        dropped["time limits"] += 1
