"""Property: any text survives GIFT export and import unchanged, whatever special characters
it holds (GIFT's own `~ = # { } : \\`, format tags, weights, newlines, markup)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.packs.formats import gift, gift_export
from quiz.packs.models import PackMeta
from quiz.packs.question import Question

SPECIAL = st.sampled_from(
    [
        "~",
        "=",
        "#",
        "####",
        "{",
        "}",
        ":",
        "::",
        "\\",
        "\\n",
        "\n",
        "%50%",
        "->",
        "[html]",
        "[plain]",
        "[@click=app.quit]x[/]",
        "$CATEGORY:",
        "//",
        "_____",
        "T",
        "FALSE",
        " ",
    ]
)
TEXT = (
    st.lists(SPECIAL | st.text(min_size=1, max_size=4), min_size=1, max_size=8)
    .map("".join)
    .map(lambda text: text.replace("\r", "").strip())
    .filter(bool)
)
META = PackMeta(id="p", title="P")


@settings(max_examples=200, deadline=None)
@given(prompt=TEXT, choices=st.lists(TEXT, min_size=2, max_size=5, unique=True), data=st.data())
def test_choice_question_text_survives_gift(prompt: str, choices: list[str], data) -> None:  # type: ignore[no-untyped-def]
    answer = data.draw(st.sampled_from(choices))
    explanation = data.draw(TEXT | st.just(""))
    question = Question(
        id="q",
        type="single",
        prompt=prompt,
        choices=tuple(choices),
        answers=(answer,),
        explanation=explanation,
        tags=("a b", "c/d"),
    )
    exported = gift_export.export_questions([question], META)
    result = gift.import_text(exported.data, "x.gift")
    assert result.notes == []
    (back,) = result.questions
    assert (back.prompt, back.choices, back.answer, back.explanation, back.tags) == (
        prompt,
        choices,
        answer,
        explanation,
        ["a b", "c/d"],
    )


@settings(max_examples=100, deadline=None)
@given(answers=st.lists(TEXT.filter(lambda t: "->" not in t), min_size=1, max_size=4, unique=True))
def test_typed_answers_survive_gift(answers: list[str]) -> None:
    question = Question(id="q", type="typed", prompt="Say it", answers=tuple(answers))
    (back,) = gift.import_text(
        gift_export.export_questions([question], META).data, "x.gift"
    ).questions
    assert [back.answer, *back.accept] == answers
