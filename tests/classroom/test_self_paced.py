"""Self-paced homework against a real host on 127.0.0.1, with raw clients written from
docs/classroom-protocol.md: each student's own order and pace, nothing revealed before they
answer, resuming by token, each question timed on the host, the deadline."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from classroom_helpers import CODE, RawStudent, every_type
from fakes import FakeClock
from homework_helpers import (
    DEADLINE,
    NOW,
    Homework,
    homework_host,
    right_answer,
    wrong_answer,
)

from quiz.classroom.journal import replay
from quiz.classroom.results import build_results
from quiz.classroom.self_paced import SelfPacedSession


@pytest.fixture
async def ranked_homework() -> AsyncIterator[Homework]:
    async for the_homework in homework_host(leaderboard=True):
        yield the_homework


async def test_a_student_gets_the_assignment_then_a_question_when_they_ask(
    homework: Homework,
) -> None:
    student, _ = await homework.student("Ann")
    assignment = await student.next()
    assert assignment == {
        "v": 2,
        "type": "assignment",
        "answered": 0,
        "total": 7,
        "score": 0,
        "deadline": assignment["deadline"],
    }
    assert assignment["deadline"].startswith("2026-12-05T")
    await student.send(type="next")
    question = await student.next()
    assert (question["type"], question["number"], question["total"]) == ("question", 1, 7)
    assert question["seconds"] == 20.0


async def test_each_student_has_an_order_of_their_own_and_meets_every_question_once(
    homework: Homework,
) -> None:
    prompts: dict[str, list[str]] = {}
    for name in ("Ann", "Bob"):
        student, _ = await homework.student(name)
        seen = []
        for number in range(1, 8):
            await student.send(type="next")
            question = await student.next("question")
            assert (question["number"], question["total"]) == (number, 7)
            seen.append(question["prompt"])
            await student.answer(number, **wrong_answer(question))
            await student.next("result")
        prompts[name] = seen
    assert sorted(prompts["Ann"]) == sorted(q.prompt for q in every_type())
    assert sorted(prompts["Bob"]) == sorted(q.prompt for q in every_type())
    assert prompts["Ann"] != prompts["Bob"]


async def test_nothing_is_revealed_before_the_student_answered_that_question(
    homework: Homework,
) -> None:
    """A raw client walks through every question; what it received before answering a
    question never holds that question's right answer, and after answering it gets its own
    result for that question only."""
    student, _ = await homework.student("Ann")
    session = homework.session
    for number in range(1, 8):
        await student.send(type="next")
        question = await student.next("question")
        before = len(student.received)
        hosted = next(h for h in session.questions if h.question.prompt == question["prompt"])
        secret = hosted.question.answer_text
        for message in student.received:
            if message["type"] in ("reveal", "result"):
                assert message["question"] < number
        assert secret not in [m["answer"] for m in student.received if m["type"] == "reveal"]
        others = [m for m in student.received if m["type"] not in ("reveal", "result")]
        assert not any("correct" in m for m in others)
        assert set(question) == {"v", "type", "number", "total", "kind", "prompt", "choices"} | {
            "seconds",
            "left",
            "unit",
        }
        await student.answer(number, **right_answer(session, question))
        accepted = await student.next()
        assert accepted == {"v": 2, "type": "accepted", "question": number}
        reveal = await student.next()
        assert reveal["type"] == "reveal"
        assert (reveal["question"], reveal["answer"]) == (number, secret)
        assert reveal["correct"] == list(hosted.correct)
        assert (reveal["counts"], reveal["distribution"]) == ([], [])
        result = await student.next()
        assert result["type"] == "result"
        assert (result["question"], result["answered"], result["correct"]) == (number, True, True)
        assert result["rank"] is None and result["ahead"] is None  # no leaderboard by default
        assert len(student.received) == before + 3
    await student.send(type="next")
    over = await student.next()
    assert over["type"] == "game_over"
    # 1000 each, plus the streak bonus from the second: +100 … +500 (at most)
    assert (over["podium"], over["rank"], over["score"]) == ([], None, 9000)


async def test_points_join_the_score_at_once_and_the_streak_runs_in_the_students_order(
    homework: Homework,
) -> None:
    student, _ = await homework.student("Ann")
    scores = []
    for number in (1, 2, 3):
        await student.send(type="next")
        question = await student.next("question")
        homework.clock.advance(10)  # half the time: 750 points, plus the streak bonus
        await student.answer(number, **right_answer(homework.session, question))
        result = await student.next("result")
        scores.append((result["points"], result["score"]))
    assert scores == [(750, 750), (850, 1600), (950, 2550)]


async def test_a_question_whose_time_runs_out_is_closed_and_then_shown(
    homework: Homework,
) -> None:
    student, welcome = await homework.student("Ann")
    await student.send(type="next")
    question = await student.next("question")
    homework.clock.advance(20.2)  # within the 0.25 s grace: not yet
    homework.server.time_out(welcome["player"], 1)
    homework.clock.advance(0.1)
    homework.server.time_out(welcome["player"], 1)
    assert (await student.next())["type"] == "closed"
    reveal = await student.next()
    assert (reveal["type"], reveal["question"]) == ("reveal", 1)
    result = await student.next()
    assert (result["answered"], result["points"], result["score"]) == (False, 0, 0)
    await student.answer(1, **right_answer(homework.session, question))
    late = await student.next()
    assert (late["type"], late["code"]) == ("error", "late")
    await student.send(type="next")
    assert (await student.next("question"))["number"] == 2


async def test_answers_out_of_turn_are_refused_with_stable_codes(homework: Homework) -> None:
    student, _ = await homework.student("Ann")
    await student.answer(1, [0])
    assert (await student.next("error"))["code"] == "no_question"
    await student.send(type="next")
    question = await student.next("question")
    await student.answer(2, [0])
    assert (await student.next("error"))["code"] == "wrong_question"
    await student.answer(1, **wrong_answer(question))
    await student.next("result")
    await student.answer(1, **wrong_answer(question))
    assert (await student.next("error"))["code"] == "duplicate"


async def test_leaving_and_coming_back_with_the_token_resumes_where_they_were(
    homework: Homework,
) -> None:
    student, welcome = await homework.student("Ann")
    await student.send(type="next")
    first = await student.next("question")
    await student.answer(1, **right_answer(homework.session, first))
    await student.next("result")
    await student.send(type="next")
    second = await student.next("question")
    homework.clock.advance(5)
    await student.close()

    back = await RawStudent.connect(homework.uri)
    homework.students.append(back)
    rejoined = await back.join(token=welcome["token"])
    assert (rejoined["type"], rejoined["rejoined"], rejoined["score"]) == ("welcome", True, 1000)
    assignment = await back.next()
    assert (assignment["type"], assignment["answered"], assignment["score"]) == (
        "assignment",
        1,
        1000,
    )
    again = await back.next()
    assert (again["type"], again["number"], again["prompt"]) == ("question", 2, second["prompt"])
    assert again["seconds"] == 15.0
    await back.send(type="next")  # asking again sends the same open question
    assert (await back.next())["number"] == 2


async def test_the_deadline_closes_the_homework_and_later_joins_are_refused_politely(
    homework: Homework,
) -> None:
    student, _ = await homework.student("Ann")
    await student.next("assignment")
    homework.wall.now = DEADLINE
    homework.server.check_deadline()
    over = await student.next()
    assert (over["type"], over["rank"], over["podium"]) == ("game_over", None, [])
    assert homework.session.phase == "over"
    assert homework.events[-1]["e"] == "end"

    late = await RawStudent.connect(homework.uri)
    homework.students.append(late)
    refused = await late.join("Bob")
    assert (refused["type"], refused["code"]) == ("error", "past_deadline")
    assert "closed at 2026-12-05" in refused["message"]


async def test_extending_the_deadline_tells_the_students_and_keeps_joins_open(
    homework: Homework,
) -> None:
    student, _ = await homework.student("Ann")
    first = await student.next("assignment")
    assert homework.server.extend(DEADLINE + 86400)
    moved = await student.next("assignment")
    assert moved["deadline"] != first["deadline"]
    assert moved["deadline"].startswith("2026-12-06T")
    homework.wall.now = DEADLINE + 60
    homework.server.check_deadline()
    assert homework.session.phase == "open"
    await homework.student("Bob")
    assert homework.events[-1]["e"] == "join"
    assert any(e == {"e": "deadline", "until": DEADLINE + 86400} for e in homework.events)


async def test_with_a_leaderboard_students_get_their_rank_and_the_top_five(
    ranked_homework: Homework,
) -> None:
    ann, _ = await ranked_homework.student("Ann")
    bob, _ = await ranked_homework.student("Bob")
    await ann.send(type="next")
    question = await ann.next("question")
    await ann.answer(1, **right_answer(ranked_homework.session, question))
    result = await ann.next("result")
    assert (result["rank"], result["ahead"]) == (1, None)
    board = await ann.next()
    assert board["type"] == "leaderboard"
    assert [(s["rank"], s["name"], s["score"]) for s in board["top"]] == [
        (1, "Ann", 1000),
        (2, "Bob", 0),
    ]
    await bob.send(type="next")
    question = await bob.next("question")
    await bob.answer(1, **wrong_answer(question))
    result = await bob.next("result")
    assert (result["rank"], result["ahead"]) == (2, "Ann")


@pytest.fixture
async def untimed_homework() -> AsyncIterator[Homework]:
    """As `homework`, hosted with --no-timer (accuracy only)."""
    async for the_homework in homework_host(timer=False):
        yield the_homework


async def test_without_a_timer_questions_have_no_seconds_even_when_sent_again(
    untimed_homework: Homework,
) -> None:
    homework = untimed_homework
    student, welcome = await homework.student("Ann")
    await student.next("assignment")
    await student.send(type="next")
    assert (await student.next("question"))["seconds"] is None
    homework.clock.advance(3600)
    await student.close()
    again = await RawStudent.connect(homework.uri)
    homework.students.append(again)
    assert (await again.join(token=welcome["token"]))["rejoined"] is True
    await again.next("assignment")
    resent = await again.next()
    assert (resent["type"], resent["number"], resent["seconds"]) == ("question", 1, None)


async def test_without_a_timer_a_question_never_runs_out_and_a_late_answer_scores_flat(
    untimed_homework: Homework,
) -> None:
    homework = untimed_homework
    student, welcome = await homework.student("Ann")
    results = []
    for number in (1, 2):
        await student.send(type="next")
        question = await student.next("question")
        # A day on the host's clock, far past the 20 s the question would have had; the
        # server's time-out finds nothing to close.
        homework.clock.advance(86_400)
        homework.server.time_out(welcome["player"], number)
        await student.answer(number, **right_answer(homework.session, question))
        assert (await student.next())["type"] == "accepted"  # not closed, not late
        assert (await student.next())["type"] == "reveal"
        result = await student.next()
        results.append((result["answered"], result["correct"], result["points"], result["score"]))
    # 1000 flat (no speed points), then 1000 plus the streak bonus of 100.
    assert results == [(True, True, 1000, 1000), (True, True, 1100, 2100)]
    assert not any(message["type"] == "closed" for message in student.received)


async def test_a_live_game_refuses_next(host) -> None:  # type: ignore[no-untyped-def]
    student = await host.raw()
    await student.join("Ann")
    await student.send(type="next")
    refused = await student.next("error")
    assert refused["code"] == "bad_message"


async def test_the_journal_rebuilds_the_homework_with_orders_scores_and_open_questions(
    homework: Homework,
) -> None:
    student, welcome = await homework.student("Ann")
    await student.send(type="next")
    question = await student.next("question")
    await student.answer(1, **right_answer(homework.session, question))
    await student.next("result")
    await student.send(type="next")
    await student.next("question")
    homework.server.extend(DEADLINE + 600)
    header = {
        "e": "session",
        "id": "20261205-160000-abcd",
        "code": CODE,
        "speed": True,
        "max_players": 200,
        "nicknames": False,
        "questions": [h.model_dump(mode="json") for h in homework.session.questions],
        "self_paced": True,
        "deadline": DEADLINE,
        "seed": 3,
        "leaderboard": False,
    }
    rebuilt, _ = replay([header, *homework.events], clock=FakeClock())
    assert isinstance(rebuilt, SelfPacedSession)
    player = rebuilt.players[welcome["player"]]
    assert (player.score, len(player.answers)) == (1000, 1)
    progress = rebuilt.progress[welcome["player"]]
    assert (progress.position, progress.open, progress.last_seen) == (2, True, NOW)
    assert progress.order == homework.session.progress[welcome["player"]].order
    assert rebuilt.deadline == DEADLINE + 600
    assert rebuilt.open_timers() == [(welcome["player"], 2, 20.0)]


async def test_results_have_the_shape_of_a_live_sessions(homework: Homework) -> None:
    student, _ = await homework.student("Ann")
    await student.send(type="next")
    question = await student.next("question")
    await student.answer(1, **right_answer(homework.session, question))
    await student.next("result")
    await homework.student("Bob")
    homework.server.finish()
    results = build_results(homework.session, "20261205-160000-abcd")
    assert results["finished"] is True
    assert len(results["questions"]) == 7
    ann, bob = results["players"]
    assert (ann["name"], ann["rank"], ann["score"], ann["status"]) == ("Ann", 1, 1000, "played")
    assert (bob["name"], bob["rank"], bob["score"], bob["answers"]) == ("Bob", 2, 0, {})
    ((number, answer),) = ann["answers"].items()
    asked = homework.session.progress["p1"].order[0]
    assert (number, answer["correct"], answer["points"]) == (str(asked), True, 1000)


async def test_many_students_at_once_each_get_their_own_next_question(
    homework: Homework,
) -> None:
    students = [(await homework.student(f"S{i}"))[0] for i in range(12)]
    for student in students:
        await student.send(type="next")
    questions = await asyncio.gather(*(s.next("question") for s in students))
    assert {q["number"] for q in questions} == {1}
    assert len({q["prompt"] for q in questions}) > 1
