"""The host's defences, over real sockets: every bad input gets an error or a close, and the
host keeps serving everyone else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from classroom_helpers import CODE, Host, next_of
from websockets.exceptions import ConnectionClosed

from quiz.classroom import protocol as p
from quiz.classroom.client import ClassroomClient, JoinRefused
from quiz.classroom.names import ADJECTIVES, ANIMALS


async def refused_code(client: ClassroomClient) -> str:
    with pytest.raises(JoinRefused) as caught:
        await client.join()
    return caught.value.code


async def test_the_join_code_is_required(host: Host) -> None:
    assert await refused_code(host.client("Ann", code="")) == "bad_code"


async def test_the_player_cap_refuses_one_more(host: Host) -> None:
    host.session.max_players = 2
    await host.client("Ann").join()
    await host.client("Bob").join()
    assert await refused_code(host.client("Cy")) == "full"


async def test_a_locked_lobby_refuses_new_names_but_not_a_returning_token(host: Host) -> None:
    ann = host.client("Ann")
    welcome = await ann.join()
    await ann.close()
    host.server.set_locked(True)
    assert await refused_code(host.client("Bob")) == "locked"
    again = host.client(token=welcome.token)
    assert (await again.join()).player == welcome.player


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{not json", "bad_json"),
        ("[1, 2]", "bad_message"),
        ('{"v": 2, "type": "shout"}', "bad_message"),
        ('{"v": 1, "type": "join", "code": "123456", "name": "x"}', "bad_version"),
        ('{"v": 2, "type": "join", "code": 123456, "name": "x"}', "bad_message"),
        ('{"v": 2, "type": "join", "code": "123456", "name": "x", "admin": true}', "bad_message"),
        (b"\xff\xfe binary junk", "bad_message"),
        (b'{"v": 2, "type": "answer", "question": 1, "choices": [0], "text": null}', "bad_message"),
    ],
)
async def test_malformed_messages_get_an_error_and_others_are_still_served(
    host: Host, raw: str | bytes, code: str
) -> None:
    bob = host.client("Bob")
    await bob.join()
    rogue = host.client("Rogue")
    await rogue.join()
    host.server.ask_next()
    await next_of(rogue, "question")
    await rogue.send_raw(raw)
    error = await next_of(rogue, "error")
    assert error.code == code and error.message
    # The rogue's connection and everyone else's still work.
    await bob.answer(1, choices=[0])
    assert (await next_of(bob, "accepted")).question == 1
    await rogue.answer(1, choices=[1])
    assert (await next_of(rogue, "accepted")).question == 1


async def test_wrong_field_types_in_an_answer_are_refused(host: Host) -> None:
    ann = host.client("Ann")
    await ann.join()
    host.server.ask_next()
    for raw in (
        {"v": 2, "type": "answer", "question": "1", "choices": [0]},
        {"v": 2, "type": "answer", "question": 1, "choices": "0"},
        {"v": 2, "type": "answer", "question": 1, "choices": [99]},
        {"v": 2, "type": "answer", "question": 1, "choices": [0], "points": 1000},
    ):
        await ann.send_raw(json.dumps(raw))
        assert (await next_of(ann, "error")).code == "bad_message"
    assert host.session.answered_count() == 0


async def test_a_message_over_4_kib_closes_the_connection_with_1009(host: Host) -> None:
    ann = host.client("Ann")
    await ann.join()
    await ann.send_raw(json.dumps({"v": 2, "type": "answer", "question": 1, "text": "x" * 5000}))
    with pytest.raises(ConnectionClosed):
        while True:
            await ann.next_message()
    assert ann.close_code == 1009
    bob = host.client("Bob")
    await bob.join()  # the host is still up


async def test_one_answer_per_question_and_late_or_wrong_answers_are_refused(host: Host) -> None:
    ann = host.client("Ann")
    await ann.join()
    await ann.answer(1, choices=[0])
    assert (await next_of(ann, "error")).code == "no_question"
    host.server.ask_next()
    await ann.answer(2, choices=[0])
    assert (await next_of(ann, "error")).code == "wrong_question"
    await ann.answer(1, text="David Miliband")
    assert (await next_of(ann, "error")).code == "bad_answer"
    await ann.answer(1, choices=[0, 1])
    assert (await next_of(ann, "error")).code == "bad_answer"
    await ann.answer(1, choices=[0])
    await next_of(ann, "accepted")
    await ann.answer(1, choices=[1])
    assert (await next_of(ann, "error")).code == "duplicate"
    assert len(host.session.players["p1"].answers) == 1

    bob = host.client("Bob")
    await bob.join()
    host.clock.now += 20.5  # past the 20 s limit and the grace, on the host's clock
    await bob.answer(1, choices=[0])
    assert (await next_of(bob, "error")).code == "late"
    host.server.reveal()
    await bob.answer(1, choices=[0])
    assert (await next_of(bob, "error")).code == "late"
    assert 1 not in host.session.players["p2"].answers


async def test_joining_twice_on_one_connection_is_refused(host: Host) -> None:
    ann = host.client("Ann")
    await ann.join()
    await ann.send(p.Join(code=CODE, name="Ann2"))
    assert (await next_of(ann, "error")).code == "already_joined"
    assert len(host.session.players) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ann", "ann"),
        ("Ann", "ＡＮＮ"),
        ("Straße", "STRASSE"),
        ("Ann", " Ann\x1b[31m "),
        ("Ann", "A\u200bnn"),
        ("Ann", "\u3164Ann"),  # Hangul filler
        ("Ann", "Ann\u2800"),  # braille blank
        ("Ann", "An\ufe0fn"),  # variation selector
        ("Ann", "\u0410nn"),  # Cyrillic capital A
        ("Bob", "\u0412\u043eb"),  # Cyrillic capital Ve and small o
    ],
)
async def test_look_alike_names_are_refused(host: Host, first: str, second: str) -> None:
    await host.client(first).join()
    assert await refused_code(host.client(second)) == "name_taken"


async def test_names_are_stripped_of_controls_and_capped(host: Host) -> None:
    welcome = await host.client("\x1b]0;pwned\x07Eve\x9b\u202e" + "x" * 100).join()
    assert welcome.name.startswith("Eve")
    assert len(welcome.name) == 24
    assert all(ch.isprintable() for ch in welcome.name)
    assert await refused_code(host.client("\x1b[2J\x00 ")) == "bad_name"


@pytest.mark.parametrize("name", ["\u3164", "\u2800\u2800", "\ufe0f", "\u200b \u200d"])
async def test_a_name_of_invisible_characters_is_refused(host: Host, name: str) -> None:
    assert await refused_code(host.client(name)) == "bad_name"


async def test_the_shown_name_has_no_invisible_characters(host: Host) -> None:
    welcome = await host.client("\u3164A\u200bnn\ufe0f\u2800").join()
    assert welcome.name == "Ann"


async def test_with_nicknames_students_get_generated_names_whatever_they_type(
    host: Host,
) -> None:
    host.session.nicknames = True
    first = await host.client("[@click=app.quit]x[/]").join()
    second = await host.client("").join()
    names = [first.name, second.name]
    for name in names:
        adjective, animal = name.split()
        assert adjective in ADJECTIVES and animal in ANIMALS
    assert names[0] != names[1]
    # Typing a nickname in use gets a nickname of one's own; the token gets the same one back.
    third = await host.client(first.name).join()
    assert third.name not in names
    back = await host.client(token=first.token).join()
    assert back.name == first.name


async def test_markup_in_a_name_is_kept_as_text(host: Host) -> None:
    welcome = await host.client("[@click=app.quit]x[/]").join()
    assert welcome.name == "[@click=app.quit]x[/]"


async def test_reconnecting_with_the_token_keeps_name_and_score(host: Host) -> None:
    ann = host.client("Ann")
    welcome = await ann.join()
    host.server.ask_next()
    await ann.answer(1, choices=list(host.session.hosted.correct))
    await next_of(ann, "accepted")
    host.server.reveal()
    assert (await next_of(ann, "result")).score == 1000
    await ann.close()

    again = host.client(token=welcome.token)
    back = await again.join()
    assert back.rejoined and back.name == "Ann" and back.score == 1000
    assert len(host.session.players) == 1


async def test_a_new_question_is_sent_to_a_student_who_rejoins_mid_question(host: Host) -> None:
    ann = host.client("Ann")
    welcome = await ann.join()
    await ann.close()
    host.server.ask_next()
    host.clock.now += 5
    again = host.client(token=welcome.token)
    await again.join()
    question = await next_of(again, "question")
    assert question.number == 1 and question.seconds == 15


@pytest.mark.parametrize("token", ["p1.wrong", "nonsense", "", "p9.x", "p1." + "A" * 100])
async def test_a_wrong_token_is_refused(host: Host, token: str) -> None:
    await host.client("Ann").join()
    assert await refused_code(ClassroomClient(host.uri, CODE, token=token or "x")) == "bad_token"


async def test_a_kicked_student_is_told_closed_and_cannot_return(host: Host) -> None:
    ann = host.client("Ann")
    welcome = await ann.join()
    await host.server.kick("p1")
    assert (await next_of(ann, "kicked")).type == "kicked"
    with pytest.raises(ConnectionClosed):
        await ann.next_message()
    assert await refused_code(host.client(token=welcome.token)) == "bad_token"
    # The name is free again for someone else.
    await host.client("Ann").join()


async def test_a_port_in_use_is_a_one_line_error(host: Host) -> None:
    from quiz.classroom.server import ClassroomServer
    from quiz.errors import QuizError

    second = ClassroomServer(host.session, port=host.server.port)
    with pytest.raises(QuizError, match=f"cannot listen on 127.0.0.1:{host.server.port}"):
        await second.start()


def test_the_join_addresses_end_with_loopback() -> None:
    from quiz.classroom.addresses import lan_addresses

    found = lan_addresses()
    assert found[-1] == "127.0.0.1"
    assert len(found) == len(set(found))
    assert all(address.count(".") == 3 for address in found)


async def test_joining_again_with_the_same_name_uses_the_remembered_token(
    host: Host, tmp_path: Path
) -> None:
    from quiz.classroom.client import TokenMemory, join_with_memory

    memory = TokenMemory(tmp_path / "tokens.json")
    first = await join_with_memory(host.client("Ann"), memory)
    assert not first.rejoined
    again = await join_with_memory(host.client("Ann"), memory)
    assert again.rejoined and again.player == first.player
    other = await join_with_memory(host.client("Bob"), memory)
    assert not other.rejoined and other.player != first.player


def test_tokens_remembered_by_a_class_starting_at_once_are_all_kept(tmp_path: Path) -> None:
    """Thirty students start `quiz join` on one machine at the same moment: every token is
    remembered (one shared file, read, changed and rewritten by each, lost most of them)."""
    import threading

    from quiz.classroom.client import TokenMemory

    start = threading.Barrier(30)

    def remember(number: int) -> None:
        memory = TokenMemory(tmp_path / "tokens")
        start.wait()
        memory.put(f"ws://lab:8765|424242|student {number}", f"p{number}.token")

    threads = [threading.Thread(target=remember, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    memory = TokenMemory(tmp_path / "tokens")
    kept = [memory.get(f"ws://lab:8765|424242|student {n}") for n in range(30)]
    assert kept == [f"p{n}.token" for n in range(30)]
