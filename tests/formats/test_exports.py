"""Exports that have no importer of ours: Moodle XML and Anki, plus what each export says
it left out."""

from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from quiz.packs.formats.anki import note_guid, stable_id


def test_moodle_xml_has_a_question_of_each_type_it_holds(
    every_type, export_to, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "quiz.xml"
    exported = export_to("moodle-xml", every_type, path)
    root = ET.parse(path).getroot()
    assert root.tag == "quiz"
    questions = {
        q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"
    }
    assert {q.get("type") for q in questions.values()} == {
        "multichoice",
        "truefalse",
        "shortanswer",
        "matching",
        "numerical",
    }
    assert "ordering" not in questions
    assert any(note.startswith("ordering: skipped") for note in exported.notes)

    specials = questions["single-specials"]
    assert specials.findtext("questiontext/text").startswith("Which of these is {braces}")
    assert "& <b>bold</b>" in specials.findtext("questiontext/text")
    assert specials.find("questiontext").get("format") == "plain_text"
    fractions = {a.findtext("text"): a.get("fraction") for a in specials.findall("answer")}
    assert fractions["a = b"] == "100" and fractions["~c"] == "0"

    multi = questions["multi"]
    assert multi.findtext("single") == "false"
    fractions = {a.findtext("text"): a.get("fraction") for a in multi.findall("answer")}
    assert fractions["Peter Mandelson"] == "-33.33333" and fractions["Jack Dromey"] == "33.33333"

    assert [a.findtext("text") for a in questions["typed"].findall("answer")] == [
        "Milibland",
        "Mili-bland",
        "Miliband: the bland",
    ]
    pairs = [
        (s.findtext("text"), s.findtext("answer/text"))
        for s in questions["matching"].findall("subquestion")
    ]
    assert pairs[0] == ("Mandelson", "David Miliband")
    numeric = questions["numeric"].find("answer")
    assert (numeric.findtext("text"), numeric.findtext("tolerance")) == ("33", "0.5")
    true_false = {
        a.findtext("text"): a.get("fraction")
        for a in questions["false-statement"].findall("answer")
    }
    assert true_false == {"true": "0", "false": "100"}
    assert [t.text for t in questions["single-plain"].findall("tags/tag/text")] == [
        "unions",
        "backers",
    ]
    assert questions["single-plain"].findtext("generalfeedback/text") == (
        "Unite backs Balls, says the article."
    )


def test_moodle_xml_drops_control_characters_and_says_so(
    every_type, export_to, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = every_type[0].model_copy(update={"prompt": "Bell\x07 and NUL\x00?"})
    exported = export_to("moodle-xml", [bad], tmp_path / "q.xml")
    root = ET.parse(tmp_path / "q.xml").getroot()
    assert root.find("question[@type='multichoice']/questiontext/text").text == "Bell and NUL?"
    assert any("control characters removed" in note for note in exported.notes)


def _anki_notes(path: Path) -> list[tuple[str, str, str]]:
    with zipfile.ZipFile(path) as archive:
        (tmp := path.with_suffix(".anki2")).write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(tmp)
    try:
        rows = connection.execute("select guid, flds, tags from notes order by guid").fetchall()
        decks = json.loads(connection.execute("select decks from col").fetchone()[0])
        models = json.loads(connection.execute("select models from col").fetchone()[0])
    finally:
        connection.close()
    return [*rows, ("decks", ",".join(sorted(decks)), ",".join(sorted(models)))]


def test_anki_notes_keep_their_guids_from_one_export_to_the_next(
    every_type, export_to, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    export_to("anki", every_type, tmp_path / "one.apkg")
    export_to("anki", every_type, tmp_path / "two.apkg")
    first, second = _anki_notes(tmp_path / "one.apkg"), _anki_notes(tmp_path / "two.apkg")
    assert first == second
    guids = {row[0] for row in first[:-1]}
    assert guids == {note_guid("every-type", q.id) for q in every_type}
    assert len(guids) == len(every_type)
    _, deck_ids, model_ids = first[-1]
    assert str(stable_id("every-type", "deck")) in deck_ids.split(",")
    assert model_ids == str(stable_id("every-type", "model"))


def test_anki_fields_are_escaped_html(every_type, export_to, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export_to("anki", every_type, tmp_path / "deck.apkg")
    fields = {row[1] for row in _anki_notes(tmp_path / "deck.apkg")[:-1]}
    specials = next(f for f in fields if f.startswith("Which of these is"))
    assert "&amp; &lt;b&gt;bold&lt;/b&gt;" in specials and "<b>" not in specials
    assert any(f.startswith("[@click=app.quit]x[/] is shown how?") for f in fields)


def test_a_different_pack_gets_different_anki_ids() -> None:
    assert stable_id("a", "deck") != stable_id("b", "deck")
    assert stable_id("a", "deck") != stable_id("a", "model")
    assert note_guid("a", "q1") != note_guid("b", "q1")
    assert 1 << 30 <= stable_id("a", "deck") < 1 << 31


def test_aiken_says_what_it_skipped(every_type, export_to, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    exported = export_to("aiken", every_type, tmp_path / "a.txt")
    skipped = sorted(note.split(":")[0] for note in exported.notes if "skipped" in note)
    assert skipped == sorted(q.id for q in every_type if q.type != "single")
    assert "Aiken has no place for explanations: 3 left out" in exported.notes


def test_opentdb_export_has_the_api_shape(every_type, export_to, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export_to("opentdb", every_type, tmp_path / "o.json")
    data = json.loads((tmp_path / "o.json").read_text())
    assert data["response_code"] == 0
    first = data["results"][0]
    assert set(first) == {
        "category",
        "type",
        "difficulty",
        "question",
        "correct_answer",
        "incorrect_answers",
    }
    assert (first["category"], first["type"], first["difficulty"]) == (
        "unions",
        "multiple",
        "medium",
    )
    boolean = next(r for r in data["results"] if r["type"] == "boolean")
    assert (boolean["correct_answer"], boolean["incorrect_answers"]) == ("True", ["False"])
    assert boolean["difficulty"] == "hard"


def test_json_export_holds_every_question_whole(every_type, export_to, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export_to("json", every_type, tmp_path / "q.json")
    data = json.loads((tmp_path / "q.json").read_text())
    assert data["pack"]["id"] == "every-type"
    assert data["questions"] == [q.model_dump(mode="json") for q in every_type]


def test_every_export_counts_what_it_left_out_in_the_same_words(
    every_type, export_to, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    names = {"gift": "GIFT", "aiken": "Aiken", "csv": "Kahoot CSV", "opentdb": "Open Trivia DB"}
    names["moodle-xml"] = "Moodle XML"
    for fmt, name in names.items():
        notes = export_to(fmt, every_type, tmp_path / f"out.{fmt}").notes
        counts = [note for note in notes if " has no place for " in note]
        assert counts, fmt
        pattern = rf"{name} has no place for [a-z ]+: \d+ left out"
        assert all(re.fullmatch(pattern, note) for note in counts), counts


def _full_questions() -> list:  # type: ignore[type-arg]
    from quiz.packs.question import Question

    rest = {
        "explanation": "Why.",
        "quote": "The words.",
        "attribution": "A. Blogger",
        "difficulty": 2,
        "tags": ("unions", "backers"),
        "time_limit": 30,
    }
    return [
        Question(id="s", type="single", prompt="S?", choices=("a", "b"), answers=("a",), **rest),
        Question(id="t", type="typed", prompt="T?", answers=("Unite", "Unite union"), **rest),
        Question(id="n", type="numeric", prompt="N?", value=258.0, unit="MPs", **rest),
    ]


EXPECTED_LEFT_OUT = {
    "gift": [
        "GIFT has no place for attributions: 3 left out",
        "GIFT has no place for difficulty: 3 left out",
        "GIFT has no place for quotes: 3 left out",
        "GIFT has no place for time limits: 3 left out",
        "GIFT has no place for units: 1 left out",
    ],
    "aiken": [
        "Aiken has no place for attributions: 1 left out",
        "Aiken has no place for difficulty: 1 left out",
        "Aiken has no place for explanations: 1 left out",
        "Aiken has no place for quotes: 1 left out",
        "Aiken has no place for tags: 1 left out",
        "Aiken has no place for time limits: 1 left out",
    ],
    "csv": [
        "Kahoot CSV has no place for attributions: 1 left out",
        "Kahoot CSV has no place for difficulty: 1 left out",
        "Kahoot CSV has no place for explanations: 1 left out",
        "Kahoot CSV has no place for quotes: 1 left out",
        "Kahoot CSV has no place for tags: 1 left out",
    ],
    "opentdb": [
        "Open Trivia DB has no place for attributions: 1 left out",
        "Open Trivia DB has no place for explanations: 1 left out",
        "Open Trivia DB has no place for quotes: 1 left out",
        "Open Trivia DB has no place for tags after the first: 1 left out",
        "Open Trivia DB has no place for time limits: 1 left out",
    ],
    "moodle-xml": [
        "Moodle XML has no place for attributions: 3 left out",
        "Moodle XML has no place for difficulty: 3 left out",
        "Moodle XML has no place for quotes: 3 left out",
        "Moodle XML has no place for time limits: 3 left out",
    ],
    "anki": [
        "Anki has no place for attributions: 3 left out",
        "Anki has no place for difficulty: 3 left out",
        "Anki has no place for time limits: 3 left out",
        "Anki has no place for typed alternatives: 1 left out",
    ],
    "json": [],
}


@pytest.mark.parametrize("fmt", sorted(EXPECTED_LEFT_OUT))
def test_every_export_counts_every_kind_of_field_it_cannot_carry(
    fmt: str, meta, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from quiz.packs.formats import exporter

    notes = exporter(fmt).export_questions(_full_questions(), meta).notes
    assert [note for note in notes if " has no place for " in note] == EXPECTED_LEFT_OUT[fmt]
