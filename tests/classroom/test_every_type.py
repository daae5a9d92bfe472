"""Ordering, matching and numeric questions hosted like the others: shown in the host's
order with no answer in the frame, judged with the game's rules on the host's clock, and
revealed with a distribution that fits the type."""

from __future__ import annotations

import json

import pytest
from classroom_helpers import CODE, Host, every_type, more_questions, next_of
from fakes import FakeClock

from quiz.classroom import protocol as p
from quiz.classroom.deck import judge, prepare
from quiz.classroom.journal import replay
from quiz.classroom.session import HostSession, Refused


def session_of(questions: list, clock: FakeClock, events: list | None = None) -> HostSession:  # type: ignore[type-arg]
    hosted = prepare(questions, seconds=20, seed=3)
    record = events.append if events is not None else (lambda event: None)
    return HostSession(hosted, code=CODE, clock=clock, record=record)


def indices(shown: list[str] | tuple[str, ...], texts: list[str]) -> list[int]:
    return [list(shown).index(text) for text in texts]


def test_every_question_type_is_hosted_in_the_order_drawn() -> None:
    hosted = prepare(every_type(), seconds=20, seed=3)
    assert [h.kind for h in hosted] == [
        "single",
        "true_false",
        "multiple",
        "typed",
        "ordering",
        "matching",
        "numeric",
    ]
    ordering, matching, numeric = hosted[4:]
    # Shown shuffled (never in the right order), and the right answer kept as indices.
    assert sorted(ordering.choices) == sorted(more_questions()[0].items)
    assert list(ordering.choices) != list(more_questions()[0].items)
    assert [ordering.choices[i] for i in ordering.correct] == list(more_questions()[0].items)
    assert matching.left == ("Tony Blair", "Gordon Brown", "Geoff Hoon")
    assert list(matching.choices) != ["Cheesie", "Chalkie", "Taxi"]
    assert [matching.choices[i] for i in matching.correct] == ["Cheesie", "Chalkie", "Taxi"]
    assert numeric.choices == () and numeric.correct == ()


def test_ordering_matching_and_numeric_score_with_the_game_rules_on_the_host_clock() -> None:
    clock = FakeClock()
    session = session_of(more_questions(), clock)
    ann, _ = session.join(CODE, "Ann")
    bob, _ = session.join(CODE, "Bob")

    session.open_next()  # ordering, 4 items
    shown = session.hosted.choices
    clock.now += 5
    # Two of the three neighbouring pairs kept: 2/3 of round(1000 × (1 − 5/40)) = 875.
    order = ["Nominations close", "Election day", "Coalition talks", "Brown resigns"]
    session.answer(ann, p.Answer(question=1, choices=indices(shown, order)))
    assert ann.answers[1].points == 583 and not ann.answers[1].correct
    right = ["Election day", "Coalition talks", "Brown resigns", "Nominations close"]
    session.answer(bob, p.Answer(question=1, choices=indices(shown, right)))
    assert bob.answers[1].points == 875 and bob.answers[1].correct
    reveal, results = session.reveal()
    assert reveal.counts == [] and [t.count for t in reveal.distribution] == [1, 1, 0]
    assert reveal.answer == "Election day → Coalition talks → Brown resigns → Nominations close"
    assert [shown[i] for i in reveal.correct] == right
    assert results[ann.id].points == 583 and not results[ann.id].correct

    session.open_next()  # matching, 3 pairs
    shown = session.hosted.choices
    clock.now += 10
    # Two of three pairs right at 10 s of 20: 2/3 of 750.
    session.answer(ann, p.Answer(question=2, choices=indices(shown, ["Cheesie", "Taxi", "Taxi"])))
    assert ann.answers[2].points == 500
    assert ann.answers[2].given == "Tony Blair → Cheesie; Gordon Brown → Taxi; Geoff Hoon → Taxi"
    # Bob's streak is 2 with this fully right answer: +100.
    session.answer(
        bob, p.Answer(question=2, choices=indices(shown, ["Cheesie", "Chalkie", "Taxi"]))
    )
    assert bob.answers[2].points == 850
    reveal, _ = session.reveal()
    assert [(t.label, t.count) for t in reveal.distribution] == [
        ("Every pair right", 1),
        ("Tony Blair → Cheesie", 2),
        ("Gordon Brown → Chalkie", 1),
        ("Geoff Hoon → Taxi", 2),
    ]

    session.open_next()  # numeric: 236 ± 4 hours
    clock.now += 0.2
    session.answer(ann, p.Answer(question=3, text="240 hours"))
    session.answer(bob, p.Answer(question=3, text="1,000"))
    assert ann.answers[3].points == 1000 and bob.answers[3].points == 0
    message = session.question_message()
    assert message.kind == "numeric" and message.unit == "hours" and message.choices == []
    reveal, _ = session.reveal()
    assert reveal.answer == "236 hours (± 4)"
    assert [(t.label, t.count, t.right) for t in reveal.distribution] == [
        ("Too low (under 232)", 0, False),
        ("Right (232–240 hours)", 1, True),
        ("Too high (over 240)", 1, False),
    ]


@pytest.mark.parametrize(
    ("number", "choices", "text", "message"),
    [
        (1, [0, 1, 2], None, "each of the 4 items once"),
        (1, [0, 0, 1, 2], None, "each of the 4 items once"),
        (1, [], "1 2 3 4", "by choice number"),
        (2, [0, 1], None, "pair each of the 3 items"),
        (2, [0, 1, 5], None, "numbered 0 to 2"),
        (3, [], "two hundred", "not a number"),
        (3, [1], "236", "with text, not choice numbers"),
        (3, [], None, "needs a typed answer"),
    ],
)
def test_answers_that_do_not_fit_the_type_are_refused(
    number: int, choices: list[int], text: str | None, message: str
) -> None:
    hosted = prepare(more_questions(), seconds=20, seed=3)[number - 1]
    with pytest.raises(ValueError, match=message):
        judge(hosted, choices, text)
    session = session_of(more_questions(), FakeClock())
    ann, _ = session.join(CODE, "Ann")
    for _ in range(number):
        session.open_next()
    with pytest.raises(Refused) as refused:
        session.answer(ann, p.Answer(question=number, choices=choices, text=text))
    assert refused.value.code == "bad_answer"


def test_the_order_of_an_ordering_answer_survives_the_journal() -> None:
    events: list[dict] = []  # type: ignore[type-arg]
    clock = FakeClock()
    session = session_of(more_questions(), clock, events)
    header = {"e": "session", "id": "s", "code": CODE, "speed": True, "max_players": 9}
    header["questions"] = [h.model_dump(mode="json") for h in session.questions]
    ann, _ = session.join(CODE, "Ann")
    session.open_next()
    session.answer(ann, p.Answer(question=1, choices=[3, 1, 0, 2]))
    again, _ = replay([header, *events])
    assert again.players[ann.id].answers[1].choices == (3, 1, 0, 2)
    assert again.players[ann.id].score == ann.score


async def test_new_types_over_the_wire_carry_no_answer_before_the_reveal(
    every_host: Host,
) -> None:
    frames: list[str] = []
    ann = every_host.client("Ann", frames=frames.append)
    await ann.join()
    server, session = every_host.server, every_host.session
    for _ in range(4):
        server.ask_next()
        server.reveal()
        await next_of(ann, "leaderboard")
    for number in (5, 6, 7):
        frames.clear()
        server.ask_next()
        question = await next_of(ann, "question")
        hosted = session.hosted
        raw = next(frame for frame in frames if '"question"' in frame and '"kind"' in frame)
        frame = json.loads(raw)
        assert set(frame) == {
            *("v", "type", "number", "total", "kind", "prompt", "choices", "seconds"),
            *("left", "unit"),
        }
        assert "236" not in raw and "correct" not in raw
        if question.kind == "ordering":
            assert question.choices != list(hosted.question.items)
            await ann.answer(number, choices=list(hosted.correct))
        elif question.kind == "matching":
            assert question.left == ["Tony Blair", "Gordon Brown", "Geoff Hoon"]
            assert question.choices != ["Cheesie", "Chalkie", "Taxi"]
            await ann.answer(number, choices=list(hosted.correct))
        else:
            assert question.kind == "numeric" and question.unit == "hours"
            await ann.answer(number, text="236")
        assert (await next_of(ann, "accepted")).question == number
        reveal, _ = server.reveal()
        assert (await next_of(ann, "reveal")) == reveal
        result = await next_of(ann, "result")
        # No time passes on the fake clock; the streak bonus grows from the second.
        assert result.correct and result.points == {5: 1000, 6: 1100, 7: 1200}[number]
