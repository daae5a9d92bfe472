"""Open Trivia DB serves the same questions in three encodings (HTML entities by default,
`encode=url3986` and `encode=base64`): each reads back to the same plain text, detected
from the file or given with --encoding."""

from __future__ import annotations

import json

import pytest

from quiz.packs.errors import PackError
from quiz.packs.formats import opentdb


def api_answer(*results: dict[str, object]) -> str:
    return json.dumps({"response_code": 0, "results": list(results)}, indent=2)


HTML = api_answer(
    {
        "type": "multiple",
        "difficulty": "easy",
        "category": "Entertainment: Books",
        "question": "Who wrote &quot;Dune&quot;?",
        "correct_answer": "Frank Herbert",
        "incorrect_answers": ["Isaac Asimov", "Arthur C. Clarke"],
    },
    {
        "type": "boolean",
        "difficulty": "easy",
        "category": "Entertainment: Books",
        "question": "Caf&eacute; is French.",
        "correct_answer": "True",
        "incorrect_answers": ["False"],
    },
)
URL3986 = api_answer(
    {
        "type": "multiple",
        "difficulty": "easy",
        "category": "Entertainment%3A%20Books",
        "question": "Who%20wrote%20%22Dune%22%3F",
        "correct_answer": "Frank%20Herbert",
        "incorrect_answers": ["Isaac%20Asimov", "Arthur%20C.%20Clarke"],
    },
    {
        "type": "boolean",
        "difficulty": "easy",
        "category": "Entertainment%3A%20Books",
        "question": "Caf%C3%A9%20is%20French.",
        "correct_answer": "True",
        "incorrect_answers": ["False"],
    },
)
BASE64 = api_answer(
    {
        "type": "bXVsdGlwbGU=",
        "difficulty": "ZWFzeQ==",
        "category": "RW50ZXJ0YWlubWVudDogQm9va3M=",
        "question": "V2hvIHdyb3RlICJEdW5lIj8=",
        "correct_answer": "RnJhbmsgSGVyYmVydA==",
        "incorrect_answers": ["SXNhYWMgQXNpbW92", "QXJ0aHVyIEMuIENsYXJrZQ=="],
    },
    {
        "type": "Ym9vbGVhbg==",
        "difficulty": "ZWFzeQ==",
        "category": "RW50ZXJ0YWlubWVudDogQm9va3M=",
        "question": "Q2Fmw6kgaXMgRnJlbmNoLg==",
        "correct_answer": "VHJ1ZQ==",
        "incorrect_answers": ["RmFsc2U="],
    },
)
EXPECTED = [
    (
        'Who wrote "Dune"?',
        ["Arthur C. Clarke", "Frank Herbert", "Isaac Asimov"],
        "Frank Herbert",
        ["Entertainment: Books"],
    ),
    ("Café is French.", [], True, ["Entertainment: Books"]),
]


def read(text: str, encoding: str = "auto") -> list[tuple[object, ...]]:
    result = opentdb.import_text(text, "api.json", encoding=encoding)
    assert result.notes == []
    return [(q.prompt, getattr(q, "choices", []), q.answer, q.tags) for q in result.questions]


@pytest.mark.parametrize("text", [HTML, URL3986, BASE64], ids=["html", "url3986", "base64"])
def test_every_encoding_the_api_serves_is_detected_and_decoded(text: str) -> None:
    assert read(text) == EXPECTED


@pytest.mark.parametrize(
    ("text", "encoding"), [(HTML, "html"), (URL3986, "url3986"), (BASE64, "base64")]
)
def test_the_encoding_can_be_given(text: str, encoding: str) -> None:
    assert read(text, encoding) == EXPECTED


def test_text_that_is_not_in_the_given_encoding_is_an_error_with_line_and_key() -> None:
    with pytest.raises(PackError) as caught:
        opentdb.import_text(HTML, "api.json", encoding="base64")
    assert [str(p) for p in caught.value.problems] == [
        "api.json:4: results[0]: a text is not valid base64; give --encoding html, url3986 "
        "or base64 as the file was fetched",
        "api.json:15: results[1]: a text is not valid base64; give --encoding html, url3986 "
        "or base64 as the file was fetched",
    ]


def test_a_percent_sign_in_ordinary_text_is_not_taken_for_url3986() -> None:
    text = api_answer(
        {
            "type": "multiple",
            "question": "Which rate is 5%20 of what?",
            "correct_answer": "a",
            "incorrect_answers": ["b"],
        }
    )
    assert opentdb.detect_encoding(json.loads(text)["results"]) == "html"
    (question,) = opentdb.import_text(text, "p.json").questions
    assert question.prompt == "Which rate is 5%20 of what?"
