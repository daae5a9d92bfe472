"""Property: any text a format can carry comes back unchanged through Kahoot CSV and Open
Trivia DB JSON (quotes, separators, newlines, HTML, entities, markup)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.packs.formats import kahoot_csv, opentdb
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

SPECIAL = st.sampled_from(
    [
        ",",
        ";",
        '"',
        "'",
        "\n",
        "&",
        "&amp;",
        "&quot;",
        "<b>",
        "</b>",
        "&#039;",
        "1,3",
        "Question",
        "[@click=app.quit]x[/]",
        " ",
    ]
)
TEXT = (
    st.lists(SPECIAL | st.text(min_size=1, max_size=4), min_size=1, max_size=6)
    .map("".join)
    .map(lambda text: text.replace("\r", "").strip())
    .filter(bool)
)
META = PackMeta(id="p", title="P")


def single(prompt: str, choices: list[str], answer: str) -> Question:
    return Question(id="q", type="single", prompt=prompt, choices=tuple(choices), answers=(answer,))


@settings(max_examples=150, deadline=None)
@given(prompt=TEXT, choices=st.lists(TEXT, min_size=2, max_size=4, unique=True), data=st.data())
def test_any_text_survives_kahoot_csv(prompt: str, choices: list[str], data) -> None:  # type: ignore[no-untyped-def]
    if [c.lower() for c in choices] == ["true", "false"]:
        return  # read back as true/false, and export says so
    answer = data.draw(st.sampled_from(choices))
    exported = kahoot_csv.export_questions([single(prompt, choices, answer)], META)
    (back,) = kahoot_csv.import_text(exported.data, "k.csv").questions
    assert (back.prompt, back.choices, back.answer) == (prompt, choices, answer)


@settings(max_examples=150, deadline=None)
@given(prompt=TEXT, choices=st.lists(TEXT, min_size=2, max_size=4, unique=True), data=st.data())
def test_any_text_survives_opentdb(prompt: str, choices: list[str], data) -> None:  # type: ignore[no-untyped-def]
    answer = data.draw(st.sampled_from(choices))
    exported = opentdb.export_questions([single(prompt, choices, answer)], META)
    (back,) = opentdb.import_text(exported.data, "o.json").questions
    assert (back.prompt, sorted(back.choices), back.answer) == (prompt, sorted(choices), answer)


def test_semicolon_separated_csv_reads_too() -> None:
    text = 'Question;Answer 1;Answer 2;Answer 3;Answer 4;Time;Correct\nQ, really?;a;b;;;20;"1,2"\n'
    (question,) = kahoot_csv.import_text(text, "semi.csv").questions
    assert (question.prompt, question.answers) == ("Q, really?", ["a", "b"])


def test_overlong_opentdb_category_is_reported_not_kept() -> None:
    text = (
        '{"results": [{"type": "boolean", "category": "' + "C" * 50 + '", '
        '"question": "Q", "correct_answer": "True", "incorrect_answers": ["False"]}]}'
    )
    result = opentdb.import_text(text, "o.json")
    (question,) = result.questions
    assert question.tags == []
    assert "is not kept as a tag" in str(result.notes[0])
