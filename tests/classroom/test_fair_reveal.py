"""Nothing a student receives before a reveal depends on whether they were right: not the
score in a welcome after a reconnect, not a rank, not anything sent around a pause. Checked
with raw clients (from the protocol document alone) and on the journal's replay."""

from __future__ import annotations

from typing import Any

from classroom_helpers import CODE, FakeClock, Host, RawStudent, sample_questions

from quiz.classroom import protocol as p
from quiz.classroom.deck import prepare
from quiz.classroom.journal import replay, session_header
from quiz.classroom.results import build_results
from quiz.classroom.session import HostSession

IDENTITY = {"player", "name", "token"}


def anonymous(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages without what names the student (their id, name and token)."""
    return [{k: v for k, v in m.items() if k not in IDENTITY} for m in messages]


async def reconnect(host: Host, old: RawStudent, token: str) -> RawStudent:
    await old.close()
    new = await host.raw()
    await new.join(token=token)
    return new


async def test_a_right_and_a_wrong_student_are_told_the_same_until_the_reveal(
    host: Host,
) -> None:
    right, wrong = await host.raw(), await host.raw()
    tokens = [(await right.join("Ann"))["token"], (await wrong.join("Bob"))["token"]]
    host.server.ask_next()
    await right.next("question"), await wrong.next("question")
    hosted = host.session.hosted
    mistake = next(i for i in range(len(hosted.choices)) if i not in hosted.correct)
    host.clock.now += 2
    await right.answer(1, list(hosted.correct))
    await wrong.answer(1, [mistake])
    connections = [[right], [wrong]]
    for student in (right, wrong):
        await student.next("accepted")

    # Both come back from another machine, then the game is paused, and they come back
    # again during the pause, and the game resumes.
    for index, token in enumerate(tokens):
        connections[index].append(await reconnect(host, connections[index][-1], token))
        await connections[index][-1].next("accepted")
    host.server.set_paused(True)
    for index, token in enumerate(tokens):
        await connections[index][-1].next("paused")
        connections[index].append(await reconnect(host, connections[index][-1], token))
        await connections[index][-1].next("paused")
    host.clock.now += 30
    host.server.set_paused(False)
    for index in range(2):
        await connections[index][-1].next("paused")

    told = [
        anonymous([m for c in connections[index] for m in c.received]) for index in range(2)
    ]
    assert told[0] == told[1]
    assert [m["score"] for m in told[0] if m["type"] == "welcome"] == [0, 0, 0]

    host.server.reveal()
    results = [await connections[index][-1].next("result") for index in range(2)]
    assert [r["correct"] for r in results] == [True, False]
    assert results[0]["score"] == 950  # 2 s of 20, counted at the reveal


async def test_the_score_of_an_unrevealed_answer_is_not_counted_after_a_replay() -> None:
    events: list[dict[str, Any]] = []
    clock = FakeClock()
    hosted = prepare(sample_questions(), seconds=20, seed=3)
    session = HostSession(hosted, code=CODE, clock=clock, record=events.append)
    header = session_header(session, "s1")
    ann, _ = session.join(CODE, "Ann")
    session.open_next()
    session.answer(ann, p.Answer(question=1, choices=list(session.hosted.correct)))
    again, _ = replay([header, *events], clock=clock)
    assert again.players["p1"].score == 0  # what a welcome after --resume would say
    again.reveal()
    assert again.players["p1"].score == 1000


def test_ending_during_an_open_question_does_not_count_its_answers() -> None:
    clock = FakeClock()
    hosted = prepare(sample_questions(), seconds=20, seed=3)
    session = HostSession(hosted, code=CODE, clock=clock)
    ann, _ = session.join(CODE, "Ann")
    session.open_next()
    session.answer(ann, p.Answer(question=1, choices=list(session.hosted.correct)))
    session.reveal()
    session.open_next()
    session.answer(ann, p.Answer(question=2, choices=list(session.hosted.correct)))
    finals = session.end()
    assert finals["p1"].score == 1000
    results = build_results(session, "s1")
    assert [q["number"] for q in results["questions"]] == [1]
    assert list(results["players"][0]["answers"]) == ["1"]
    assert results["players"][0]["score"] == 1000
