"""A whole game over real sockets on 127.0.0.1: five students, every question type."""

from __future__ import annotations

import asyncio

from classroom_helpers import Host, next_of

from quiz.classroom import protocol as p


async def join_all(host: Host, names: list[str]):  # type: ignore[no-untyped-def]
    clients = [host.client(name) for name in names]
    for client in clients:
        await client.join()
    return clients


async def test_a_full_game_with_five_students(host: Host) -> None:
    names = ["Ann", "Bob", "Cy", "Dee", "Eve"]
    clients = await join_all(host, names)
    assert [pl.name for pl in host.session.active_players()] == names
    lobby = await next_of(clients[0], "lobby")
    assert lobby.count == 5

    for number in range(1, 5):
        message = host.server.ask_next()
        hosted = host.session.hosted
        for client in clients:
            got = await next_of(client, "question")
            assert got == message
        # Ann always right at 0.2 s; Bob right at 10 s; Cy wrong; Dee never answers; Eve right.
        for index, client in enumerate(clients):
            if index == 3:
                continue
            host.clock.now += 0.2 if index == 0 else 10.0 if index == 1 else 0.0
            right = index != 2
            if hosted.kind == "typed":
                await client.answer(number, text="unite" if right else "Unison")
            elif right:
                await client.answer(number, choices=list(hosted.correct))
            else:
                wrong = [i for i in range(len(hosted.choices)) if i not in hosted.correct]
                await client.answer(number, choices=wrong[:1])
            assert (await client.next_message()).type == "accepted"
        assert host.session.answered_count() == 4
        reveal, board = host.server.reveal()
        for client in clients:
            assert await next_of(client, "reveal") == reveal
            result = await next_of(client, "result")
            assert result.question == number
            assert await next_of(client, "leaderboard") == board

    finals = host.server.finish()
    got = [await next_of(client, "game_over") for client in clients]
    scores = {name: host.session.players[f"p{i + 1}"].score for i, name in enumerate(names)}
    # Ann: 4 × 1000 + streak 100 + 200 + 300. Dee and Cy: 0.
    assert scores["Ann"] == 4000 + 600
    assert scores["Cy"] == 0 and scores["Dee"] == 0
    assert 0 < scores["Bob"] < scores["Ann"]
    assert got[0].rank == 1 and got[0].podium[0].name == "Ann"
    assert [s.name for s in got[0].podium] == [pl.name for pl in host.session.ranking()[:3]]
    assert finals["p4"].rank in (4, 5)
    for client in clients:
        await client.close()


async def test_reveal_counts_each_choice_and_names_the_player_ahead(host: Host) -> None:
    ann, bob = await join_all(host, ["Ann", "Bob"])
    host.server.ask_next()
    hosted = host.session.hosted
    wrong = next(i for i in range(len(hosted.choices)) if i not in hosted.correct)
    await ann.answer(1, choices=list(hosted.correct))
    await bob.answer(1, choices=[wrong])
    await next_of(ann, "accepted")
    await next_of(bob, "accepted")
    reveal, _ = host.server.reveal()
    assert reveal.counts[hosted.correct[0]] == 1 and reveal.counts[wrong] == 1
    assert reveal.answer == "David Miliband"
    bob_result = await next_of(bob, "result")
    assert bob_result.rank == 2 and bob_result.ahead == "Ann" and not bob_result.correct
    ann_result = await next_of(ann, "result")
    assert ann_result.rank == 1 and ann_result.ahead is None and ann_result.points == 1000


async def test_everyone_answering_closes_early(host: Host) -> None:
    from quiz.classroom.flow import wait_for_answers

    (ann,) = await join_all(host, ["Ann"])
    host.server.ask_next()
    await ann.answer(1, choices=[0])
    # A 60 s limit: returning at all proves the early close.
    await asyncio.wait_for(wait_for_answers(host.server, 60), timeout=5)
    assert host.server.all_answered.is_set()
    assert isinstance(await next_of(ann, "accepted"), p.Accepted)


async def test_kicking_the_last_student_who_has_not_answered_closes_the_question(
    host: Host,
) -> None:
    ann, _bob = await join_all(host, ["Ann", "Bob"])
    host.server.ask_next()
    await ann.answer(1, choices=[0])
    await next_of(ann, "accepted")
    assert host.session.answered_count() == 1 and not host.session.everyone_answered()
    await host.server.kick("p2")
    assert host.session.everyone_answered() and host.server.all_answered.is_set()
    assert host.session.active_count == 1
