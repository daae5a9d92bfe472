"""The host's count of players (everyone not removed; away ones too), kept as players join,
are removed, go away, come back and rejoin, and rebuilt the same from the journal."""

from __future__ import annotations

from typing import Any

import pytest
from classroom_helpers import CODE, sample_questions

from quiz.classroom.deck import prepare
from quiz.classroom.journal import replay, session_header
from quiz.classroom.session import HostSession, Refused


def test_player_count_leaves_out_the_removed_and_keeps_the_away() -> None:
    events: list[dict[str, Any]] = []
    session = HostSession(prepare(sample_questions(), seconds=20, seed=1), code=CODE)
    events.append(session_header(session, "s1"))
    session.record = events.append
    assert session.player_count == 0

    ann, _ = session.join(CODE, "Ann")
    bob, bob_token = session.join(CODE, "Bob")
    cy, cy_token = session.join(CODE, "Cy")
    assert session.player_count == 3

    session.kick(bob.id)
    session.kick(bob.id)  # removing a removed player again changes nothing
    assert session.player_count == 2
    with pytest.raises(Refused):
        session.rejoin(CODE, bob_token)
    assert session.player_count == 2

    session.join(CODE, "Bob")  # back by name: a new player
    assert session.player_count == 3

    session.set_away(ann.id, True)
    assert session.player_count == 3
    session.set_away(ann.id, False)
    assert session.rejoin(CODE, cy_token) is cy
    assert session.player_count == 3

    session.kick(cy.id, ban=True)
    session.set_away(ann.id, True)
    assert session.player_count == 2
    assert session.present_count == 1

    again, _ = replay(events)
    assert again.player_count == 2
