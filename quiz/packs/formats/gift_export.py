"""Write concrete questions as Moodle GIFT (the reader is `gift`).

Every text is escaped (`\\ ~ = # { } :` and newlines as `\\n`), so what a pack says comes back
unchanged when the file is read again, whatever characters it holds. Tags become the
`$CATEGORY:` of each question (under `$course$/top`), the id its `::title::`, the explanation
its general feedback (`####`). GIFT has no ordering questions and no place for quotes,
attributions, difficulty, units or time limits; the notes say what was left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from quiz.packs.formats.common import Exported, count_left_out, left_out
from quiz.packs.formats.gift_syntax import FORMAT_TAG
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

_ESCAPE = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}
    | {"\n": "\\n", "\r": ""}
)
BLANK = "_____"
CARRIED = frozenset({"explanation", "tags", "accept"})


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


def multiple_answer_share(question: Question) -> str:
    """The weight, in percent, that reproduces the game's multiple-answer rule in Moodle.

    The game gives credit max(0, (right picked − wrong picked) ÷ R) for R right choices.
    Moodle adds the weights of the picked choices and keeps the sum between 0 and 100%, so
    +100/R % on each right choice and −100/R % on each wrong one give the same credit. The
    weight is written to 5 decimals (33.33333), as Moodle lists its grades; for R from 1 to
    8 it is one of them.
    """
    return number(round(100 / len(question.answers), 5))


def looks_like_html(text: str) -> bool:
    """Whether Moodle's default (auto) format would read `text` as HTML: it holds a tag or
    an entity, or anything starting with '<' or '&'."""
    return "<" in text or "&" in text


def question_texts(question: Question) -> list[str]:
    """Every text GIFT writes for a question."""
    pair_texts = [text for pair in question.pairs for text in pair]
    return [
        question.prompt,
        question.explanation,
        *question.choices,
        *question.answers,
        *pair_texts,
    ]


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
        share = multiple_answer_share(question)
        choices = [
            (f"~%{share}%" if choice in question.answers else f"~%-{share}%") + escape(choice)
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
        count_left_out(question, CARRIED, dropped)
        if question.tags != category:
            category = question.tags
            out += [f"$CATEGORY: {category_path(category)}", ""]
        prompt = escape(question.prompt)
        # Moodle reads answers and feedback in the question text's format: one [plain] at the
        # start keeps every text of the question literal.
        if not prompt.startswith("[plain]") and any(map(looks_like_html, question_texts(question))):
            prompt = "[plain]" + prompt
        if question.prompt.count(BLANK) == 1 and question.prompt.split(BLANK)[1].strip():
            before, after = prompt.split(BLANK)
            out.append(f"::{question.id}:: {before}{block}{after}")
        else:
            out.append(f"::{question.id}:: {prompt} {block}")
        out.append("")
    notes += left_out("GIFT", dropped)
    return Exported("\n".join(out), notes)
