"""The teacher's controls on the server side: kick at any time, ban a name and token for the
session, pause that really pauses, and ending without counting an unrevealed question."""

from __future__ import annotations

import pytest
from classroom_helpers import Host

from quiz.classroom.session import Refused


async def test_a_kick_during_an_open_question_takes_the_answer_out_of_the_counts(
    host: Host,
) -> None:
    ann, bob = await host.raw(), await host.raw()
    await ann.join("Ann"), await bob.join("Bob")
    host.server.ask_next()
    await bob.next("question")
    await bob.answer(1, [0])
    await bob.next("accepted")
    await host.server.kick("p2")
    assert await bob.next("kicked") == {"v": 2, "type": "kicked", "banned": False}
    reveal, _ = host.server.reveal()
    assert sum(reveal.counts) == 0
    assert host.session.players["p2"].score == 0


async def test_a_ban_refuses_the_token_and_the_name_and_its_look_alikes(host: Host) -> None:
    bob = await host.raw()
    token = (await bob.join("Bob"))["token"]
    await host.server.kick("p1", ban=True)
    assert (await bob.next("kicked"))["banned"] is True
    assert (await (await host.raw()).join(token=token))["code"] == "banned"
    for name in ("Bob", "BOB", "Воb"):  # the last with a Cyrillic В and о
        assert (await (await host.raw()).join(name))["code"] == "banned"
    assert (await (await host.raw()).join("Robert"))["type"] == "welcome"


async def test_a_kick_without_a_ban_frees_the_name_for_a_fresh_start(host: Host) -> None:
    bob = await host.raw()
    token = (await bob.join("Bob"))["token"]
    await host.server.kick("p1")
    assert (await (await host.raw()).join(token=token))["code"] == "bad_token"
    again = await (await host.raw()).join("Bob")
    assert again["type"] == "welcome" and again["player"] == "p2" and again["score"] == 0


async def test_a_ban_is_in_the_journal_and_holds_after_a_resume(host: Host) -> None:
    from quiz.classroom.journal import replay, session_header

    await (await host.raw()).join("Bob")
    await host.server.kick("p1", ban=True)
    header = session_header(host.session, "s1")
    again, _ = replay([header, *host.events], clock=host.clock)
    with pytest.raises(Refused) as refused:
        again.join("123456", "bob")
    assert refused.value.code == "banned"


async def test_answers_are_refused_while_paused_and_the_time_left_is_kept(host: Host) -> None:
    ann = await host.raw()
    token = (await ann.join("Ann"))["token"]
    host.server.ask_next()
    await ann.next("question")
    host.clock.now += 12
    host.server.set_paused(True)
    assert await ann.next("paused") == {"v": 2, "type": "paused", "paused": True, "seconds": 8.0}
    host.clock.now += 100
    await ann.answer(1, [0])
    assert (await ann.next("error"))["code"] == "paused"
    assert not host.session.time_up()
    # A student who comes back during the pause sees the time that was left, frozen.
    await ann.close()
    back = await host.raw()
    await back.join(token=token)
    assert (await back.next("question"))["seconds"] == 8.0
    assert (await back.next("paused"))["seconds"] == 8.0
    host.server.set_paused(False)
    assert await back.next("paused") == {"v": 2, "type": "paused", "paused": False, "seconds": 8.0}
    host.clock.now += 2
    await back.answer(1, list(host.session.hosted.correct))
    await back.next("accepted")
    # Answered 14 s into a 20 s question: round(1000 × (1 − 14/40)) = 650.
    assert host.session.players["p1"].answers[1].points == 650
    assert host.session.players["p1"].answers[1].seconds == 14.0


async def test_no_question_opens_during_a_pause(host: Host) -> None:
    await (await host.raw()).join("Ann")
    host.server.set_paused(True)
    with pytest.raises(Refused) as refused:
        host.server.ask_next()
    assert refused.value.code == "paused" and host.session.current == 0
    host.server.set_paused(False)
    assert host.server.ask_next().number == 1


async def test_the_time_runs_out_only_after_the_grace_for_answers_in_flight(host: Host) -> None:
    ann = await host.raw()
    await ann.join("Ann")
    host.server.ask_next()
    await ann.next("question")
    host.clock.now += 20.2  # the timer has run out; an answer sent just before is in flight
    assert not host.session.time_up()
    await ann.answer(1, [0])
    assert (await ann.next())["type"] == "accepted"
    host.clock.now += 0.05
    assert host.session.time_up()


async def test_ending_during_an_open_question_tells_scores_without_it(host: Host) -> None:
    ann = await host.raw()
    await ann.join("Ann")
    host.server.ask_next()
    await ann.answer(1, list(host.session.hosted.correct))
    await ann.next("accepted")
    host.server.finish()
    over = await ann.next("game_over")
    assert over["score"] == 0 and over["podium"][0]["score"] == 0
