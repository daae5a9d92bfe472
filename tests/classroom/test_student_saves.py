"""`quiz join … --player NAME`: the class's round in the student's own history, and what
they missed due in their practice, with the questions found in their own packs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from classroom_helpers import CODE, next_of
from fakes import FakeClock

from quiz.classroom.client import ClassroomClient
from quiz.classroom.deck import HostedQuestion, prepare
from quiz.classroom.question_source import pack_questions
from quiz.classroom.results.student_save import (
    ClassTranscript,
    local_packs,
    save_class_round,
)
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import HostSession
from quiz.cli import main
from quiz.packs.playable import PlayablePack, open_playable
from quiz.store import SaveStore

CLASS_START = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
KINDS = ("single", "multiple", "true_false", "typed", "ordering", "matching", "numeric")


class StepClock:
    """Aware datetimes, 2 s apart: the student's clock."""

    def __init__(self) -> None:
        self.now = CLASS_START

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=2)
        return self.now


def right(hosted: HostedQuestion) -> tuple[list[int], str | None]:
    question = hosted.question
    if hosted.kind == "typed":
        return [], question.answers[0]
    if hosted.kind == "numeric":
        return [], f"{question.value:g}"
    return list(hosted.correct), None


def wrong(hosted: HostedQuestion) -> tuple[list[int], str | None]:
    if hosted.kind in ("typed", "numeric"):
        return [], "-99999" if hosted.kind == "numeric" else "Nobody at all"
    if hosted.kind == "ordering":
        return list(reversed(hosted.correct)), None
    if hosted.kind == "matching":
        return [hosted.correct[0]] * len(hosted.correct), None
    return [next(i for i in range(len(hosted.choices)) if i not in hosted.correct)], None


@pytest.fixture
async def bundled_host() -> AsyncIterator[tuple[ClassroomServer, HostSession]]:
    """A host asking seven questions of the bundled pack: true/false, single, numeric,
    matching, single, single, multiple."""
    _, _, questions = pack_questions("labour-2010", count=7, seed=2, kinds=KINDS)
    session = HostSession(prepare(questions, seconds=20, seed=2), code=CODE, clock=FakeClock())
    server = ClassroomServer(session, port=0, open_timeout=2)
    await server.start()
    try:
        yield server, session
    finally:
        await server.stop()


async def play(
    server: ClassroomServer, session: HostSession, *, finish: bool = True
) -> tuple[ClassTranscript, list[str], list[str]]:
    """Ann answers 1 wrong, 2 not at all, the rest right. (transcript, missed ids, right ids)"""
    client = ClassroomClient(f"ws://127.0.0.1:{server.port}", CODE, "Ann", reconnect=False)
    client.transcript = ClassTranscript(clock=StepClock())
    await client.join()
    missed, got = [], []
    try:
        for number in range(1, len(session.questions) + 1):
            server.ask_next()
            await next_of(client, "question")
            hosted = session.hosted
            if number != 2:
                choices, text = wrong(hosted) if number == 1 else right(hosted)
                await client.answer(number, choices=choices, text=text)
                await next_of(client, "accepted")
            (missed if number in (1, 2) else got).append(hosted.question.id)
            server.reveal()
            await next_of(client, "result")
        if finish:
            server.finish()
            await next_of(client, "game_over")
    finally:
        await client.close()
    return client.transcript, missed, got


async def test_the_round_goes_into_the_history_and_the_misses_are_due(
    bundled_host: tuple[ClassroomServer, HostSession], tmp_path: Path
) -> None:
    server, session = bundled_host
    transcript, missed, got = await play(server, session)
    store = SaveStore(tmp_path)
    saved = save_class_round(transcript, "Ann Smith", store, local_packs())
    assert saved.saved and saved.missed == 2
    assert "2 missed questions are due in your practice" in saved.message
    assert "quiz play --mode practice --pack labour-2010" in saved.message
    pack = open_playable("labour-2010")
    (stored,) = store.history("Ann Smith")
    assert (stored.mode, stored.pack_id, stored.pack_version) == (
        "classroom",
        "labour-2010",
        pack.version,
    )
    assert [a.question_id for a in stored.answers] == [h.question.id for h in session.questions]
    assert [h.kind for h in session.questions][2:4] == ["numeric", "matching"]
    assert [a.correct for a in stored.answers] == [False, False, True, True, True, True, True]
    assert stored.answers[1].timed_out and stored.answers[1].given == ""
    ann = session.players["p1"]
    assert stored.score == ann.score > 0
    points = [ann.answers[n].points if n in ann.answers else 0 for n in range(1, 8)]
    assert [a.points for a in stored.answers] == points
    assert stored.best_streak == 5
    # FSRS: a miss is due a minute after it was answered, a right answer ten minutes after.
    later = stored.started_at + timedelta(minutes=5)
    assert store.due_count("Ann Smith", missed, now=later) == 2
    assert store.due_count("Ann Smith", got, now=later) == 0
    practice = store.practice_order("Ann Smith", list(pack.questions), now=later)
    assert {q.id for q in practice[:2]} == set(missed)


async def test_questions_not_in_the_students_packs_save_nothing_and_say_so(
    bundled_host: tuple[ClassroomServer, HostSession], tmp_path: Path
) -> None:
    server, session = bundled_host
    transcript, _, _ = await play(server, session)
    store = SaveStore(tmp_path)
    other = PlayablePack(ref="other.toml", id="other", title="Other", version="1", questions=())
    saved = save_class_round(transcript, "Ann", store, [other])
    assert not saved.saved
    assert "None of the class's questions is in your packs" in saved.message
    assert "--pack FILE" in saved.message
    assert store.list_players() == []


async def test_a_pack_with_some_of_the_questions_saves_those_and_says_how_many_were_left_out(
    bundled_host: tuple[ClassroomServer, HostSession], tmp_path: Path
) -> None:
    server, session = bundled_host
    transcript, _, _ = await play(server, session)
    kept = [hosted.question for hosted in session.questions[2:]]
    # Same type, prompt and answer as question 5, other choices: not the question asked.
    single = kept[2]
    decoy = single.model_copy(update={"id": "decoy", "choices": (*single.choices[:-1], "Nobody")})
    part = PlayablePack(
        ref=str(tmp_path / "part.toml"),
        id="part",
        title="Part",
        version="2",
        questions=(decoy, *kept),
    )
    store = SaveStore(tmp_path)
    saved = save_class_round(transcript, "Ann", store, [part])
    assert saved.saved and saved.missed == 0
    assert "2 questions not in Part left out" in saved.message
    (stored,) = store.history("Ann")
    assert stored.pack_id == "part"
    assert [a.question_id for a in stored.answers] == [q.id for q in kept]


async def test_a_game_that_did_not_end_saves_nothing(
    bundled_host: tuple[ClassroomServer, HostSession], tmp_path: Path
) -> None:
    server, session = bundled_host
    transcript, _, _ = await play(server, session, finish=False)
    saved = save_class_round(transcript, "Ann", SaveStore(tmp_path), local_packs())
    assert not saved.saved and "did not reach its end" in saved.message


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        (["--pack", "labour-2010"], "--pack goes with --player NAME"),
        (["--player", "\u200b"], "--player:"),
        (["--player", "Ann", "--pack", "no-such-pack"], 'no pack called "no-such-pack"'),
    ],
)
def test_join_refuses_a_bad_player_or_pack_before_joining(
    arguments: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Port 9 (discard) is never reached: the checks come first.
    assert main(["join", "127.0.0.1:9", "--code", CODE, "--plain", *arguments]) != 0
    assert error in capsys.readouterr().err
