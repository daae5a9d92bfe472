"""Students who leave: away after a grace period, no longer holding a question open, counted
toward the player cap or on the podium, and back with their name and score, by token or by
the teacher's approval."""

from __future__ import annotations

import asyncio
from typing import Any

from classroom_helpers import Host

from quiz.classroom.flow import wait_for_answers, wait_for_players, wait_until


async def until(host: Host, condition: Any) -> None:
    await asyncio.wait_for(wait_until(host.server, condition), timeout=5)


def heard(host: Host) -> list[tuple[str, dict[str, Any]]]:
    """What the server tells the teacher's screen, from now on."""
    told: list[tuple[str, dict[str, Any]]] = []
    host.server.listener = lambda event, detail: told.append((event, detail))
    return told


async def test_a_question_closes_once_every_connected_student_has_answered(host: Host) -> None:
    ann, bob = await host.raw(), await host.raw()
    await ann.join("Ann"), await bob.join("Bob")
    host.server.ask_next()
    await ann.next("question")
    await ann.answer(1, [0])
    await ann.next("accepted")
    assert not host.session.everyone_answered()
    await bob.close()
    await until(host, lambda: not host.session.players["p2"].connected)
    assert host.session.everyone_answered()  # Bob is gone: nobody connected is left to answer
    await asyncio.wait_for(wait_for_answers(host.server), timeout=5)
    assert not host.session.players["p2"].away  # though he has 10 s to come back


async def test_a_student_who_drops_is_away_after_the_grace(host: Host) -> None:
    host.server.away_grace = 0
    told = heard(host)
    bob = await host.raw()
    await bob.join("Bob")
    await bob.close()
    await until(host, lambda: host.session.players["p1"].away)
    assert [e["e"] for e in host.events][-1] == "away"
    assert ("away", {"player": "p1", "name": "Bob"}) in told
    assert host.session.present_count == 0


async def test_a_student_back_within_the_grace_is_never_away(host: Host) -> None:
    bob = await host.raw()
    token = (await bob.join("Bob"))["token"]
    await bob.close()
    back = await host.raw()
    assert (await back.join(token=token))["rejoined"] is True
    assert not host.session.players["p1"].away
    assert "away" not in [e["e"] for e in host.events]


async def test_away_students_leave_room_under_the_cap_and_do_not_count_as_waiting_players(
    host: Host,
) -> None:
    host.server.away_grace = 0
    host.session.max_players = 2
    ann, bob = await host.raw(), await host.raw()
    await ann.join("Ann"), await bob.join("Bob")
    await bob.close()
    await until(host, lambda: host.session.players["p2"].away)
    cy = await (await host.raw()).join("Cy")
    assert cy["type"] == "welcome"  # Bob, away, does not fill the second place
    assert host.session.present_count == 2
    await asyncio.wait_for(wait_for_players(host.server, 2), timeout=5)
    lobby = await ann.next("lobby")
    assert lobby["count"] == 2 and "Bob" not in lobby["latest"]


async def test_an_away_student_is_not_on_the_leaderboard_or_the_podium(host: Host) -> None:
    host.server.away_grace = 0
    ann, bob = await host.raw(), await host.raw()
    await ann.join("Ann"), await bob.join("Bob")
    host.server.ask_next()
    await bob.next("question")
    await bob.answer(1, list(host.session.hosted.correct))
    await bob.next("accepted")
    await bob.close()
    await until(host, lambda: host.session.players["p2"].away)
    host.server.reveal()
    board = await ann.next("leaderboard")
    assert [s["name"] for s in board["top"]] == ["Ann"]
    host.server.finish()
    over = await ann.next("game_over")
    assert [s["name"] for s in over["podium"]] == ["Ann"] and over["players"] == 1
    # The results keep Bob, with his score: he played.
    assert {pl.name: pl.score for pl in host.session.ranking()} == {"Bob": 1000, "Ann": 0}


async def test_a_student_on_another_machine_reclaims_name_and_score_with_the_token(
    host: Host,
) -> None:
    host.server.away_grace = 0
    bob = await host.raw()
    token = (await bob.join("Bob"))["token"]
    host.server.ask_next()
    await bob.next("question")
    await bob.answer(1, list(host.session.hosted.correct))
    await bob.next("accepted")
    host.server.reveal()
    await bob.next("leaderboard")
    await bob.close()
    await until(host, lambda: host.session.players["p1"].away)
    # The same name without the token is someone else, as far as the host can tell.
    assert (await (await host.raw()).join("Bob"))["code"] == "name_taken"
    elsewhere = await host.raw()
    welcome = await elsewhere.join(token=token)
    assert welcome["name"] == "Bob" and welcome["score"] == 1000 and welcome["rejoined"]
    assert not host.session.players["p1"].away
    assert [e["e"] for e in host.events][-1] == "back"


async def test_without_the_token_the_teacher_can_let_a_student_back_in(host: Host) -> None:
    host.server.away_grace = 0
    host.server.teacher_approves = True
    told = heard(host)
    bob = await host.raw()
    old_token = (await bob.join("Bob"))["token"]
    await bob.close()
    await until(host, lambda: host.session.players["p1"].away)
    claimant = await host.raw()
    await claimant.send(type="join", code="123456", name="BOB", token=None)
    assert await claimant.next() == {"v": 2, "type": "pending", "name": "Bob"}
    claim = next(detail for event, detail in told if event == "claim")
    assert claim["name"] == "Bob" and claim["player"] == "p1"
    host.server.claims.approve(claim["claim"])
    welcome = await claimant.next()
    assert welcome["type"] == "welcome" and welcome["player"] == "p1" and welcome["rejoined"]
    assert welcome["token"] != old_token
    assert (await (await host.raw()).join(token=old_token))["code"] == "bad_token"
    again = await host.raw()
    assert (await again.join(token=welcome["token"]))["player"] == "p1"


async def test_a_claim_the_teacher_refuses_is_told_and_may_join_under_another_name(
    host: Host,
) -> None:
    host.server.away_grace = 0
    host.server.teacher_approves = True
    told = heard(host)
    bob = await host.raw()
    await bob.join("Bob")
    await bob.close()
    await until(host, lambda: host.session.players["p1"].away)
    claimant = await host.raw()
    await claimant.send(type="join", code="123456", name="Bob", token=None)
    assert (await claimant.next())["type"] == "pending"
    host.server.claims.refuse(next(d["claim"] for e, d in told if e == "claim"))
    assert (await claimant.next())["code"] == "name_taken"
    assert (await claimant.join("Robert"))["type"] == "welcome"
    assert ("claim_closed", {"claim": 1, "approved": False}) in told


async def test_a_connected_students_name_cannot_be_claimed(host: Host) -> None:
    host.server.teacher_approves = True
    await (await host.raw()).join("Bob")
    assert (await (await host.raw()).join("Bob"))["code"] == "name_taken"
    assert not host.server.claims.pending


async def test_a_claim_lapses_when_the_student_comes_back_with_the_token(host: Host) -> None:
    host.server.away_grace = 0
    host.server.teacher_approves = True
    bob = await host.raw()
    token = (await bob.join("Bob"))["token"]
    await bob.close()
    await until(host, lambda: host.session.players["p1"].away)
    claimant = await host.raw()
    await claimant.send(type="join", code="123456", name="Bob", token=None)
    assert (await claimant.next())["type"] == "pending"
    await (await host.raw()).join(token=token)
    assert (await claimant.next())["code"] == "name_taken"
    assert not host.server.claims.pending
