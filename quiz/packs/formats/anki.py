"""Anki: write concrete questions as an `.apkg` deck with genanki.

Anki recognises a note it has seen before by its guid, so each guid is derived from the pack
id and the question id (`genanki.guid_for`), and the deck and note-type ids from the pack id:
importing a newer export of the same pack updates its cards instead of adding copies.
Anki fields are HTML, so every text is HTML-escaped and shows literally.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import sqlite3
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from quiz.packs.formats.common import Exported, count_left_out, left_out
from quiz.packs.models import PackMeta
from quiz.packs.question import Question
from quiz.safe_text import safe_text

FIELDS = ("Question", "Choices", "Answer", "Explanation", "Quote")
# The unit is part of a numeric question's answer; other typed answers show only the first.
CARRIED = frozenset({"explanation", "quote", "tags", "unit"})
_FRONT = "<div class=prompt>{{Question}}</div>{{#Choices}}<ul>{{Choices}}</ul>{{/Choices}}"
_BACK = (
    "{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>"
    "{{#Explanation}}<p>{{Explanation}}</p>{{/Explanation}}"
    "{{#Quote}}<blockquote>{{Quote}}</blockquote>{{/Quote}}"
)


def stable_id(pack_id: str, purpose: str) -> int:
    """A deck or note-type id that stays the same for a pack: from a hash of its id, in the
    range genanki recommends (between 2^30 and 2^31)."""
    digest = hashlib.sha256(f"quiz:{purpose}:{pack_id}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(pack_id: str, question_id: str) -> str:
    """The guid of a question's note: the same on every export of the pack."""
    import genanki

    return str(genanki.guid_for(pack_id, question_id))


def _html(text: str) -> str:
    return html.escape(safe_text(text)).replace("\n", "<br>")


def _fields(question: Question) -> list[str]:
    if question.type in ("single", "multiple"):
        choices = "".join(f"<li>{_html(choice)}</li>" for choice in question.choices)
    elif question.type in ("ordering", "matching"):
        pool = question.items if question.type == "ordering" else [r for _, r in question.pairs]
        choices = "".join(f"<li>{_html(item)}</li>" for item in sorted(pool))
    else:
        choices = ""
    prompt = question.prompt
    if question.type == "ordering":
        prompt += " (put these in order)"
    if question.type == "matching":
        prompt += " (" + "; ".join(left for left, _ in question.pairs) + ")"
    return [
        _html(prompt),
        choices,
        _html(question.answer_text),
        _html(question.explanation),
        _html(question.quote),
    ]


def export_questions(questions: Sequence[Question], meta: PackMeta) -> Exported:
    """The questions as an Anki package (bytes of the `.apkg` zip); every type becomes a
    front/back card. Notes count each kind of field a card has no place for."""
    import genanki

    model = genanki.Model(
        stable_id(meta.id, "model"),
        f"quiz: {safe_text(meta.title, single_line=True)}",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Card", "qfmt": _FRONT, "afmt": _BACK}],
        css=".card { font-family: sans-serif; font-size: 20px; } blockquote { color: #555; }",
    )
    deck = genanki.Deck(stable_id(meta.id, "deck"), safe_text(meta.title, single_line=True))
    dropped: Counter[str] = Counter()
    for question in questions:
        count_left_out(question, CARRIED, dropped)
        tags = [safe_text(tag, single_line=True).replace(" ", "_") for tag in question.tags]
        deck.add_note(
            genanki.Note(
                model=model,
                fields=_fields(question),
                tags=[tag for tag in tags if tag],
                guid=note_guid(meta.id, question.id),
            )
        )
    package = genanki.Package(deck)
    # genanki's write_to_file leaves its sqlite file behind in /tmp; build it in a
    # folder of our own that is removed afterwards.
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        target = Path(folder) / "deck.apkg"
        connection = sqlite3.connect(database)
        now = time.time()
        package.write_to_db(connection.cursor(), now, itertools.count(int(now * 1000)))
        connection.commit()
        connection.close()
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
        return Exported(target.read_bytes(), left_out("Anki", dropped))
