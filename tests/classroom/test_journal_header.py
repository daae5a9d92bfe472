"""The journal's header says what kind of session it was: a homework's header alone is
enough to rebuild it as homework, with its deadline and leaderboard."""

from __future__ import annotations

from classroom_helpers import CODE, sample_questions

from quiz.classroom.deck import prepare
from quiz.classroom.journal import replay, session_header
from quiz.classroom.self_paced import SelfPacedSession
from quiz.classroom.session import HostSession


def test_a_homework_header_carries_its_deadline_and_leaderboard_after_the_extras() -> None:
    hosted = prepare(sample_questions(), seconds=20, seed=1)
    homework = SelfPacedSession(hosted, code=CODE, deadline=1764600000.5, seed=9, leaderboard=True)

    header = session_header(homework, "s1", port=8765, seed=9)

    assert list(header)[-5:] == ["port", "seed", "self_paced", "deadline", "leaderboard"]
    assert (header["self_paced"], header["deadline"], header["leaderboard"]) == (
        True,
        1764600000.5,
        True,
    )
    again, _ = replay([header])
    assert isinstance(again, SelfPacedSession)
    assert (again.deadline, again.with_leaderboard, again.seed) == (1764600000.5, True, 9)


def test_a_live_games_header_says_nothing_of_homework() -> None:
    hosted = prepare(sample_questions(), seconds=20, seed=1)
    live = HostSession(hosted, code=CODE)

    header = session_header(live, "s1", port=8765)

    assert not {"self_paced", "deadline", "leaderboard"} & set(header)
    again, _ = replay([header])
    assert type(again) is HostSession
