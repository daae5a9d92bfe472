"""The journal (append, torn last line, replay) and the reports (CSV, formula injection)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from classroom_helpers import CODE, FakeClock, sample_questions

from quiz.classroom import protocol as p
from quiz.classroom.deck import prepare
from quiz.classroom.journal import Journal, find_session, replay, session_header
from quiz.classroom.results import build_results, load_results, save_results
from quiz.classroom.results.report import (
    cell,
    question_rows,
    student_rows,
    summary_table,
    write_csv,
)
from quiz.classroom.session import HostSession
from quiz.errors import QuizError


def played_session(saves: Path) -> tuple[HostSession, Journal]:
    journal = Journal.create(saves, "s1")
    clock = FakeClock()
    hosted = prepare(sample_questions(), seconds=20, seed=1)
    session = HostSession(hosted, code=CODE, clock=clock, record=journal.append)
    journal.append(session_header(session, "s1", port=8765))
    ann, _ = session.join(CODE, "Ann")
    bob, _ = session.join(CODE, "@SUM(A1)")
    for number in range(1, 5):
        session.open_next()
        clock.now += 1
        current = session.hosted
        if current.kind == "typed":
            session.answer(ann, p.Answer(question=number, text="Unite"))
        else:
            session.answer(ann, p.Answer(question=number, choices=list(current.correct)))
            if number == 1:
                wrong = next(i for i in range(len(current.choices)) if i not in current.correct)
                session.answer(bob, p.Answer(question=number, choices=[wrong]))
        session.reveal()
    session.end()
    return session, journal


def test_replaying_the_journal_rebuilds_the_same_scores(tmp_path: Path) -> None:
    session, journal = played_session(tmp_path)
    again, header = replay(journal.read())
    assert header["id"] == "s1"
    assert {pl.name: pl.score for pl in again.players.values()} == {
        pl.name: pl.score for pl in session.players.values()
    }
    assert again.phase == "over" and again.current == 4


def test_a_torn_last_line_is_ignored_but_damage_elsewhere_is_an_error(tmp_path: Path) -> None:
    _, journal = played_session(tmp_path)
    complete = journal.read()
    with journal.path.open("a") as file:
        file.write('{"e": "answer", "player": "p1", "q"')  # killed mid-write
    assert journal.read() == complete
    lines = journal.path.read_text().splitlines()
    lines[2] = "garbage"
    journal.path.write_text("\n".join(lines) + "\n")
    with pytest.raises(QuizError, match=r"journal.jsonl:3: damaged journal line"):
        journal.read()


def test_results_rows_and_formula_injection(tmp_path: Path) -> None:
    session, journal = played_session(tmp_path)
    save_results(journal.folder, build_results(session, "s1"))
    results = load_results(journal.folder)
    students = student_rows(results)
    assert students[1][:6] == [1, "Ann", session.players["p1"].score, 4, 4, 100.0]
    assert students[2][:6] == [2, "@SUM(A1)", 0, 0, 1, 0.0]
    questions = question_rows(results)
    assert questions[0][6] == "percent_right"
    assert questions[1][6] == 50.0 and questions[2][6] == 50.0
    assert questions[4][11:14] == ["unite", 1, "yes"]  # typed: each distinct answer
    path = tmp_path / "out.csv"
    write_csv(path, students)
    read = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert read[2][1] == "'@SUM(A1)"
    table = summary_table(results)
    assert "Ann" in table and "Q4" in table


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_cells_that_a_spreadsheet_would_run_are_quoted(text: str) -> None:
    assert cell(text) == "'" + text
    assert cell("Ann") == "Ann" and cell(-5) == -5


def test_without_results_json_the_results_are_rebuilt_from_the_journal(tmp_path: Path) -> None:
    _, journal = played_session(tmp_path)
    results = load_results(journal.folder)
    assert results["finished"] is True and len(results["questions"]) == 4
    assert find_session(tmp_path, "s1") == journal.folder
    with pytest.raises(QuizError, match=r"no classroom session '\.\./etc'"):
        find_session(tmp_path, "../etc")


async def test_group_commit_makes_every_appended_event_durable_in_batches(tmp_path: Path) -> None:
    journal = Journal.create(tmp_path, "s2")
    journal.group_commit = True
    for number in range(50):
        journal.append({"e": "lock", "locked": number % 2 == 0})
    await journal.durable()
    assert journal._synced == journal._appended == 50
    journal.append({"e": "end"})
    await journal.aclose()
    assert [event["e"] for event in journal.read()][-1] == "end"
    assert len(journal.read()) == 51


async def test_an_answer_is_acknowledged_only_once_the_journal_has_it(tmp_path: Path) -> None:
    from quiz.classroom.client import ClassroomClient
    from quiz.classroom.server import ClassroomServer

    journal = Journal.create(tmp_path, "s3")
    journal.group_commit = True
    hosted = prepare(sample_questions(), seconds=20, seed=1)
    session = HostSession(hosted, code=CODE, record=journal.append)
    server = ClassroomServer(session, durable=journal.durable)
    await server.start()
    client = ClassroomClient(f"ws://127.0.0.1:{server.port}", CODE, "Ann", reconnect=False)
    try:
        await client.join()
        server.ask_next()
        while (await client.next_message()).type != "question":
            pass
        await client.answer(1, choices=[0])
        while (await client.next_message()).type != "accepted":
            pass
        # What the student was told is on disk: a fresh reader of the file sees the answer.
        assert any(event["e"] == "answer" for event in Journal(journal.folder).read())
        assert journal._synced == journal._appended
    finally:
        await client.close()
        await server.stop()
        await journal.aclose()


def test_a_journal_and_results_written_before_choices_were_named_still_read(
    tmp_path: Path,
) -> None:
    import json

    session, journal = played_session(tmp_path)
    lines = journal.path.read_text().splitlines()
    header = json.loads(lines[0])
    for item in header["questions"]:
        item["options"] = item.pop("choices")
    journal.path.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n")
    again, _ = replay(journal.read())
    assert again.questions[0].choices == session.questions[0].choices

    old = build_results(session, "s1")
    old["version"] = 1
    for question in old["questions"]:
        question["options"] = question.pop("choices")
    save_results(journal.folder, old)
    assert load_results(journal.folder)["questions"][0]["choices"] == list(
        session.questions[0].choices
    )


def test_a_torn_last_line_is_cut_off_before_the_next_event_is_appended(tmp_path: Path) -> None:
    _, journal = played_session(tmp_path)
    journal.close()
    complete = journal.read()
    with journal.path.open("a") as file:
        file.write('{"e": "answer", "player": "p1", "q"')  # killed mid-write
    resumed = Journal(journal.folder)
    resumed.append({"e": "lock", "locked": True})
    resumed.close()
    assert resumed.read() == [*complete, {"e": "lock", "locked": True}]
    assert load_results(journal.folder)["players"]  # the report reads it too


def test_a_whole_last_event_without_its_newline_is_kept(tmp_path: Path) -> None:
    _, journal = played_session(tmp_path)
    journal.close()
    complete = journal.read()
    journal.path.write_bytes(journal.path.read_bytes().rstrip(b"\n"))
    resumed = Journal(journal.folder)
    resumed.append({"e": "lock", "locked": True})
    resumed.close()
    assert resumed.read() == [*complete, {"e": "lock", "locked": True}]


def test_resume_passes_by_a_session_that_never_got_going(tmp_path: Path) -> None:
    _, played = played_session(tmp_path)
    played.close()
    (played.folder / "results.json").unlink(missing_ok=True)
    stub = Journal.create(tmp_path, "s9-newer")
    hosted = prepare(sample_questions(), seconds=20, seed=1)
    stub.append(session_header(HostSession(hosted, code=CODE), "s9-newer", port=8765))
    stub.close()
    assert find_session(tmp_path, None, unfinished=True) == played.folder
    stub.discard_unstarted()
    assert not stub.folder.exists()
    played.discard_unstarted()  # a game that got going is never thrown away
    assert played.path.exists()
