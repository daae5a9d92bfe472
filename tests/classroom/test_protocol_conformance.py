"""docs/classroom-protocol.md, rule by rule, against a real host with a bare WebSocket client
(classroom_helpers.RawStudent: websockets and json, nothing of quiz's client or models).

Each test names the section of the document it checks.
"""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import pytest
from classroom_helpers import CODE, Host, RawStudent
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

QUESTION_FIELDS = {
    *("v", "type", "number", "total", "kind", "prompt", "choices", "seconds", "left", "unit")
}


async def joined(host: Host, name: str) -> tuple[RawStudent, dict[str, Any]]:
    student = await host.raw()
    welcome = await student.join(name)
    assert welcome["type"] == "welcome", welcome
    return student, welcome


async def closed_with(student: RawStudent) -> int | None:
    """Read until the host closes the connection; its close code."""
    with pytest.raises(ConnectionClosed):
        while True:
            await student.next(timeout=5)
    return student.ws.close_code


# --- Frames and messages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        (b'{"v":2,"type":"join","code":"123456","name":"Ann","token":null}', "bad_message"),
        ("{not json", "bad_json"),
        ("[1, 2]", "bad_message"),
        ('"join"', "bad_message"),
        ('{"type":"join","code":"123456","name":"Ann","token":null}', "bad_version"),
        ('{"v":1,"type":"join","code":"123456","name":"Ann","token":null}', "bad_version"),
        ('{"v":true,"type":"join","code":"123456","name":"Ann","token":null}', "bad_version"),
        ('{"v":2.0,"type":"join","code":"123456","name":"Ann","token":null}', "bad_version"),
        ('{"v":"2","type":"join","code":"123456","name":"Ann","token":null}', "bad_version"),
        ('{"v":2,"type":"shout"}', "bad_message"),
        ('{"v":2,"code":"123456","name":"Ann","token":null}', "bad_message"),
        ('{"v":2,"type":"join","code":"123456","name":"Ann"}', "bad_message"),
        ('{"v":2,"type":"join","code":"123456","token":null}', "bad_message"),
        ('{"v":2,"type":"join","code":123456,"name":"Ann","token":null}', "bad_message"),
        ('{"v":2,"type":"join","code":"1","name":"A","token":null,"admin":1}', "bad_message"),
    ],
)
async def test_frames_and_messages_refused_before_joining(
    host: Host, frame: str | bytes, code: str
) -> None:
    student = await host.raw()
    await student.ws.send(frame)
    error = await student.next()
    assert error["type"] == "error" and error["code"] == code and error["message"]
    # The connection stays open: a proper join still works on it.
    assert (await student.join("Ann"))["type"] == "welcome"


@pytest.mark.parametrize(
    "answer",
    [
        {"v": 2, "type": "answer", "question": 1, "choices": [0]},
        {"v": 2, "type": "answer", "question": 1, "text": None},
        {"v": 2, "type": "answer", "choices": [0], "text": None},
        {"v": 2, "type": "answer", "question": "1", "choices": [0], "text": None},
        {"v": 2, "type": "answer", "question": 1, "choices": "0", "text": None},
        {"v": 2, "type": "answer", "question": 1, "choices": [0], "text": None, "points": 1000},
        {"v": 2, "type": "answer", "question": 1, "choices": [0], "text": 7},
        {"v": 2, "type": "answer", "question": 0, "choices": [0], "text": None},
        {"v": 2, "type": "answer", "question": 1, "choices": [12], "text": None},
        {"v": 2, "type": "answer", "question": 1, "choices": [0] * 13, "text": None},
        {"v": 2, "type": "answer", "question": 1, "choices": [], "text": "x" * 201},
    ],
)
async def test_an_answer_with_a_missing_extra_mistyped_or_unbounded_field_is_refused(
    host: Host, answer: dict[str, Any]
) -> None:
    student, _ = await joined(host, "Ann")
    host.server.ask_next()
    await student.next("question")
    await student.ws.send(json.dumps(answer))
    assert (await student.next())["code"] == "bad_message"
    assert host.session.answered_count() == 0


async def test_a_frame_over_4096_bytes_closes_the_connection_with_1009(host: Host) -> None:
    student, _ = await joined(host, "Ann")
    await student.answer(1, [], "x" * 4100)
    assert await closed_with(student) == 1009


async def test_the_opening_handshake_must_finish_in_time(host: Host) -> None:
    from quiz.classroom.server import ClassroomServer

    server = ClassroomServer(host.session, port=0, open_timeout=0.2)
    await server.start()
    # A client that connects and never sends the HTTP upgrade is dropped after open_timeout.
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    try:
        assert await asyncio.wait_for(reader.read(), timeout=10) == b""
    finally:
        writer.close()
        await server.stop()


async def test_the_join_must_follow_the_handshake_in_time(
    host: Host, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quiz.classroom.server.JOIN_TIMEOUT", 0.2)
    silent = await host.raw()
    await closed_with(silent)


async def test_a_client_that_does_not_answer_pings_is_dropped(host: Host) -> None:
    from quiz.classroom.server import ClassroomServer

    server = ClassroomServer(host.session, port=0, ping_interval=0.1, ping_timeout=0.1)
    await server.start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
            raw.sendall(
                b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                b"Sec-WebSocket-Version: 13\r\n\r\n"
            )
            # Read until the host gives up on us: we never answer its pings.
            received = b""
            loop = asyncio.get_running_loop()
            while chunk := await loop.run_in_executor(None, raw.recv, 4096):
                received += chunk
        assert b"101 Switching Protocols" in received
    finally:
        await server.stop()


async def test_a_full_host_answers_the_handshake_with_503(host: Host) -> None:
    host.server.max_unjoined = 1
    await host.raw()  # connected, not joined
    with pytest.raises(InvalidStatus) as refused:
        await connect(host.uri, open_timeout=5)
    assert refused.value.response.status_code == 503


# --- join -------------------------------------------------------------------------------------


async def test_join_welcomes_a_new_player_and_a_returning_one_with_the_token(host: Host) -> None:
    student, welcome = await joined(host, "Ann")
    assert set(welcome) == {"v", "type", "player", "name", "token", "score", "rejoined"}
    assert welcome["name"] == "Ann" and welcome["score"] == 0 and welcome["rejoined"] is False
    await student.close()
    again = await host.raw()
    back = await again.join("ignored", token=welcome["token"])
    assert back["player"] == welcome["player"] and back["name"] == "Ann" and back["rejoined"]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("  Ann   Lee ", "Ann Lee"),
        ("\x1b[31mAnn\x1b[0m", "Ann"),
        ("A\u200bnn\u200d", "Ann"),
        ("\u3164Ann\u2800", "Ann"),
        ("An\ufe0fn", "Ann"),
        ("ＡＮＮ", "ＡＮＮ"),
        ("x" * 30, "x" * 24),
        ("[b]Ann[/b]", "[b]Ann[/b]"),
    ],
)
async def test_a_name_is_shown_as_typed_less_invisible_characters(
    host: Host, typed: str, shown: str
) -> None:
    _, welcome = await joined(host, typed)
    assert welcome["name"] == shown


@pytest.mark.parametrize("name", ["", "   ", "\u200b", "\u3164", "\u2800", "\ufe0f", "--"])
async def test_a_name_with_nothing_visible_is_refused(host: Host, name: str) -> None:
    assert (await (await host.raw()).join(name))["code"] == "bad_name"


@pytest.mark.parametrize("second", ["ann", "ＡＮＮ", "\u0410nn", "A\u200bnn", "ANN\ufe0f"])
async def test_names_that_look_alike_are_one_name(host: Host, second: str) -> None:
    await joined(host, "Ann")
    assert (await (await host.raw()).join(second))["code"] == "name_taken"


async def test_with_nicknames_the_welcome_gives_the_name(host: Host) -> None:
    host.session.nicknames = True
    _, welcome = await joined(host, "Ann")
    assert welcome["name"] != "Ann" and len(welcome["name"].split()) == 2


async def test_a_claim_to_a_name_not_connected_is_pending_until_the_teacher_decides(
    host: Host,
) -> None:
    host.server.away_grace = 0
    host.server.teacher_approves = True
    student, _ = await joined(host, "Ann")
    await student.close()
    claimant = await host.raw()
    await claimant.send(type="join", code=CODE, name="Ann", token=None)
    assert await claimant.next() == {"v": 2, "type": "pending", "name": "Ann"}
    host.server.claims.approve(next(iter(host.server.claims.pending)))
    assert (await claimant.next())["rejoined"] is True


async def test_wrong_codes_slow_joins_down_and_never_lock_out_the_right_code(host: Host) -> None:
    for _ in range(11):
        assert (await (await host.raw()).join("Ann", code="999999"))["code"] == "bad_code"
    assert host.slept == [6.0]  # the 11th waited for the budget to refill
    assert (await (await host.raw()).join("Ann"))["type"] == "welcome"


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef"])
async def test_the_join_code_is_required(host: Host, code: str) -> None:
    assert (await (await host.raw()).join("Ann", code=code))["code"] == "bad_code"


async def test_full_and_locked_refuse_new_names_but_not_a_returning_token(host: Host) -> None:
    host.session.max_players = 1
    student, welcome = await joined(host, "Ann")
    assert (await (await host.raw()).join("Bob"))["code"] == "full"
    host.server.set_locked(True)
    host.session.max_players = 5
    assert (await (await host.raw()).join("Bob"))["code"] == "locked"
    await student.close()
    assert (await (await host.raw()).join(token=welcome["token"]))["type"] == "welcome"


@pytest.mark.parametrize("token", ["p1.wrong", "nonsense", "p9.x", "p1." + "A" * 100])
async def test_an_unknown_token_is_refused(host: Host, token: str) -> None:
    await joined(host, "Ann")
    assert (await (await host.raw()).join(token=token))["code"] == "bad_token"


async def test_a_message_before_joining_and_a_second_join_are_refused(host: Host) -> None:
    student = await host.raw()
    await student.answer(1, [0])
    assert (await student.next())["code"] == "not_joined"
    await student.join("Ann")
    await student.send(type="join", code=CODE, name="Ann2", token=None)
    assert (await student.next())["code"] == "already_joined"


# --- answer -------------------------------------------------------------------------------------


async def test_answers_are_accepted_once_and_refused_as_the_document_says(host: Host) -> None:
    ann, _ = await joined(host, "Ann")
    await ann.answer(1, [0])
    assert (await ann.next())["code"] == "no_question"
    host.server.ask_next()
    question = await ann.next("question")
    assert set(question) == QUESTION_FIELDS and question["kind"] == "single"
    await ann.answer(2, [0])
    assert (await ann.next())["code"] == "wrong_question"
    await ann.answer(1, [0])
    assert await ann.next() == {"v": 2, "type": "accepted", "question": 1}
    await ann.answer(1, [1])
    assert (await ann.next())["code"] == "duplicate"
    bob, _ = await joined(host, "Bob")
    await bob.next("question")
    host.server.reveal()
    await bob.answer(1, [0])
    assert (await bob.next("error"))["code"] == "late"


@pytest.mark.parametrize(
    ("number", "choices", "text"),
    [
        (1, [], None),  # single: no choice
        (1, [0, 1], None),  # single: two choices
        (1, [], "David Miliband"),  # single: text
        (1, [0], "David Miliband"),  # single: text besides the choice
        (1, [5], None),  # an index beyond the four choices
        (4, [0], "Unite"),  # typed: choices as well as the text
        (4, [], None),  # typed: no text
        (4, [], "   "),  # typed: nothing but spaces
    ],
)
async def test_an_answer_that_does_not_fit_the_question_is_refused(
    host: Host, number: int, choices: list[int], text: str | None
) -> None:
    ann, _ = await joined(host, "Ann")
    for asked in range(1, number + 1):
        host.server.ask_next()
        if asked < number:
            host.server.reveal()
    while (await ann.next("question"))["number"] != number:
        pass
    await ann.answer(number, choices, text)
    assert (await ann.next("error"))["code"] == "bad_answer"


async def test_answers_in_flight_when_the_time_runs_out_are_taken_for_a_quarter_second(
    host: Host,
) -> None:
    ann, _ = await joined(host, "Ann")
    bob, _ = await joined(host, "Bob")
    host.server.ask_next()
    await ann.next("question"), await bob.next("question")
    host.clock.now += 20.25
    await ann.answer(1, [0])
    assert (await ann.next())["type"] == "accepted"
    host.clock.now += 0.01
    await bob.answer(1, [0])
    assert (await bob.next())["code"] == "late"


async def test_answers_are_refused_while_paused(host: Host) -> None:
    ann, _ = await joined(host, "Ann")
    host.server.ask_next()
    await ann.next("question")
    host.server.set_paused(True)
    await ann.next("paused")
    await ann.answer(1, [0])
    assert (await ann.next())["code"] == "paused"


# --- host → student -------------------------------------------------------------------------


async def test_the_lobby_counts_players_and_names_the_latest(host: Host) -> None:
    ann, _ = await joined(host, "Ann")
    await joined(host, "Bob")
    lobby = await ann.next("lobby")
    while lobby["count"] < 2:
        lobby = await ann.next("lobby")
    assert lobby == {"v": 2, "type": "lobby", "count": 2, "latest": ["Ann", "Bob"], "locked": False}


async def test_a_question_reveal_result_and_leaderboard_in_order(host: Host) -> None:
    ann, _ = await joined(host, "Ann")
    bob, _ = await joined(host, "Bob")
    host.server.ask_next()
    await ann.next("question"), await bob.next("question")
    correct = list(host.session.hosted.correct)
    wrong = next(i for i in range(4) if i not in correct)
    await ann.answer(1, correct)
    await bob.answer(1, [wrong])
    await ann.next("accepted"), await bob.next("accepted")
    host.server.reveal()
    kinds = [(await bob.next())["type"] for _ in range(4)]
    assert kinds == ["closed", "reveal", "result", "leaderboard"]
    reveal, result, board = bob.received[-3:]
    assert reveal["correct"] == correct and reveal["answer"] == "David Miliband"
    assert reveal["counts"][correct[0]] == 1 and reveal["counts"][wrong] == 1
    assert reveal["quote"] == "the ultimate vacant man"
    assert result == {
        "v": 2, "type": "result", "question": 1, "answered": True, "correct": False,
        "points": 0, "score": 0, "rank": 2, "ahead": "Ann", "accepted": "",
    }  # fmt: skip
    assert board["top"] == [
        {"rank": 1, "name": "Ann", "score": 1000, "move": 0},
        {"rank": 2, "name": "Bob", "score": 0, "move": 0},
    ]


async def test_a_student_joining_mid_question_is_sent_it_with_the_time_left(host: Host) -> None:
    ann, welcome = await joined(host, "Ann")
    host.server.ask_next()
    host.clock.now += 5
    late, _ = await joined(host, "Bob")
    assert (await late.next("question"))["seconds"] == 15.0
    await ann.answer(1, [0])
    await ann.next("accepted")
    await ann.close()
    back = await host.raw()
    await back.join(token=welcome["token"])
    assert await back.next() == {"v": 2, "type": "accepted", "question": 1}


async def test_pause_and_resume_say_the_time_left(host: Host) -> None:
    ann, _ = await joined(host, "Ann")
    host.server.set_paused(True)
    assert await ann.next("paused") == {"v": 2, "type": "paused", "paused": True, "seconds": None}
    host.server.set_paused(False)
    await ann.next("paused")
    host.server.ask_next()
    host.clock.now += 7.5
    host.server.set_paused(True)
    assert (await ann.next("paused"))["seconds"] == 12.5
    host.clock.now += 60
    host.server.set_paused(False)
    assert await ann.next("paused") == {"v": 2, "type": "paused", "paused": False, "seconds": 12.5}


async def test_game_over_gives_the_podium_and_the_final_rank(host: Host) -> None:
    ann, _ = await joined(host, "Ann")
    host.server.ask_next()
    await ann.answer(1, list(host.session.hosted.correct))
    await ann.next("accepted")
    host.server.reveal()
    host.server.finish()
    over = await ann.next("game_over")
    assert over == {
        "v": 2, "type": "game_over", "podium": [{"rank": 1, "name": "Ann", "score": 1000,
        "move": 0}], "rank": 1, "score": 1000, "players": 1,
    }  # fmt: skip
    await host.server.stop()
    assert await closed_with(ann) in (1000, 1001)


@pytest.mark.parametrize("ban", [False, True])
async def test_kicked_then_closed_with_4001(host: Host, ban: bool) -> None:
    ann, _ = await joined(host, "Ann")
    await host.server.kick("p1", ban=ban)
    assert await ann.next() == {"v": 2, "type": "kicked", "banned": ban}
    assert await closed_with(ann) == 4001
    refused = await (await host.raw()).join("Ann")
    assert refused.get("code", refused["type"]) == ("banned" if ban else "welcome")


async def test_the_same_player_from_another_connection_closes_the_first_with_4000(
    host: Host,
) -> None:
    first, welcome = await joined(host, "Ann")
    second = await host.raw()
    await second.join(token=welcome["token"])
    assert await closed_with(first) == 4000


# --- scoring --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "points"),
    [(0.4, 1000), (0.5, 988), (10.0, 750), (12.5, 688), (13.0, 675), (20.2, 500)],
)
async def test_speed_points_on_the_hosts_clock(host: Host, seconds: float, points: int) -> None:
    ann, _ = await joined(host, "Ann")
    host.server.ask_next()
    host.clock.now += seconds
    await ann.answer(1, list(host.session.hosted.correct))
    await ann.next("accepted")
    host.server.reveal()
    assert (await ann.next("result"))["points"] == points


async def test_the_streak_bonus_and_partial_credit(host: Host) -> None:
    ann, _ = await joined(host, "Ann")
    points = []
    for number in (1, 2, 3):
        host.server.ask_next()
        hosted = host.session.hosted
        choices = list(hosted.correct)
        if hosted.kind == "multiple":  # one right pick of two, one wrong: (1 − 1) / 2 = 0
            wrong = next(i for i in range(len(hosted.choices)) if i not in hosted.correct)
            choices = [hosted.correct[0], wrong]
        await ann.answer(number, choices)
        await ann.next("accepted")
        host.server.reveal()
        points.append((await ann.next("result"))["points"])
    assert points == [1000, 1100, 0]


async def test_without_speed_a_right_answer_is_a_flat_1000(host: Host) -> None:
    host.session.speed = False
    ann, _ = await joined(host, "Ann")
    host.server.ask_next()
    host.clock.now += 15
    await ann.answer(1, list(host.session.hosted.correct))
    await ann.next("accepted")
    host.server.reveal()
    assert (await ann.next("result"))["points"] == 1000


async def test_equal_scores_share_a_rank_and_ahead_has_more_points(host: Host) -> None:
    students = [(await joined(host, name))[0] for name in ("Ann", "Bob", "Cy", "Dee")]
    host.server.ask_next()
    correct = list(host.session.hosted.correct)
    wrong = next(i for i in range(4) if i not in correct)
    for student, choice in zip(students, [correct, [wrong], [wrong], correct], strict=True):
        await student.next("question")
        await student.answer(1, choice)
        await student.next("accepted")
    host.server.reveal()
    told = [await student.next("result") for student in students]
    assert [(r["rank"], r["ahead"]) for r in told] == [(1, None), (3, "Dee"), (3, "Dee"), (1, None)]
    board = await students[0].next("leaderboard")
    assert [(s["rank"], s["name"]) for s in board["top"]] == [
        (1, "Ann"), (1, "Dee"), (3, "Bob"), (3, "Cy"),
    ]  # fmt: skip
