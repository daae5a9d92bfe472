"""Reports a teacher can grade with: a row per student (shared ranks, who left, who was
kicked, right/wrong and points per question, date, pack and session) and a row per
question (share right, mean time, each choice's count), for every question type."""

from __future__ import annotations

import csv
from pathlib import Path

from classroom_helpers import CODE, every_type
from fakes import FakeClock

from quiz.classroom import protocol as p
from quiz.classroom.deck import prepare
from quiz.classroom.journal import Journal, session_header
from quiz.classroom.players import Player, ranked
from quiz.classroom.results import (
    Attendance,
    build_results,
    load_results,
    pack_of,
    save_results,
    started_at,
)
from quiz.classroom.results.report import question_rows, student_rows, summary_table, write_csv
from quiz.classroom.session import HostSession

SESSION = "20261201-105200-ab12"


def right_answer(session: HostSession) -> p.Answer:
    hosted, number = session.hosted, session.current
    if hosted.kind == "typed":
        return p.Answer(question=number, text="Unite")
    if hosted.kind == "numeric":
        return p.Answer(question=number, text="236")
    return p.Answer(question=number, choices=list(hosted.correct))


def wrong_answer(session: HostSession) -> p.Answer:
    hosted, number = session.hosted, session.current
    if hosted.kind == "typed":
        return p.Answer(question=number, text='=HYPERLINK("x")')
    if hosted.kind == "numeric":
        return p.Answer(question=number, text="300")
    if hosted.kind == "ordering":
        return p.Answer(question=number, choices=list(reversed(hosted.correct)))
    if hosted.kind == "matching":
        return p.Answer(question=number, choices=[hosted.correct[0]] * len(hosted.correct))
    wrong = next(i for i in range(len(hosted.choices)) if i not in hosted.correct)
    return p.Answer(question=number, choices=[wrong])


def a_class(saves: Path, *, finish: bool = True) -> tuple[HostSession, Journal, Attendance]:
    """Ann and Bob answer everything right at the same speed (a tie), Cy everything wrong
    and leaves, Dee is kicked after question 1, Eve never answers."""
    journal = Journal.create(saves, SESSION)
    clock = FakeClock()
    session = HostSession(
        prepare(every_type(), seconds=20, seed=1), code=CODE, clock=clock, record=journal.append
    )
    journal.append(session_header(session, SESSION, pack_id="labour-2010", pack_title="Labour"))
    attendance = Attendance()
    players = {}
    for name in ("Ann", "Bob", "Cy", "Dee", "Eve"):
        players[name], _ = session.join(CODE, name)
        attendance("joined", {"player": players[name].id, "name": name})
    for number in range(1, 8):
        session.open_next()
        clock.now += 2
        session.answer(players["Ann"], right_answer(session))
        session.answer(players["Bob"], right_answer(session))
        session.answer(players["Cy"], wrong_answer(session))
        if number == 1:
            session.answer(players["Dee"], right_answer(session))
        clock.now += 2
        session.reveal()
        if number == 1:
            session.kick(players["Dee"].id)
            attendance("kicked", {"player": players["Dee"].id, "name": "Dee"})
        if number == 7 and not finish:
            journal.close()
            return session, journal, attendance
    attendance("left", {"player": players["Cy"].id, "name": "Cy"})
    session.end()
    attendance("game_over", {"podium": []})
    attendance("left", {"player": players["Ann"].id, "name": "Ann"})  # after the end: not away
    journal.close()
    return session, journal, attendance


def test_the_student_csv_has_shared_ranks_statuses_and_right_wrong_points(
    tmp_path: Path,
) -> None:
    session, journal, attendance = a_class(tmp_path)
    results = build_results(session, SESSION, pack=pack_of(journal.folder), away=attendance.away)
    save_results(journal.folder, results)
    rows = student_rows(load_results(journal.folder))
    assert rows[0][:11] == [
        "rank",
        "name",
        "score",
        "correct",
        "answered",
        "accuracy",
        "status",
        "date",
        "pack",
        "session",
        "session_finished",
    ]
    assert rows[0][11:14] == ["Q1", "Q1 points", "Q1 answer"]
    assert len(rows[0]) == 11 + 3 * 7
    by_name = {row[1]: row for row in rows[1:]}
    # Seven right at 2 s of 20 (950 each) plus the streak 100 + 200 + 300 + 400 + 500 + 500.
    assert by_name["Ann"][:7] == [1, "Ann", 8650, 7, 7, 100.0, "played"]
    assert by_name["Bob"][:3] == [1, "Bob", 8650]  # a tie shares the rank
    assert by_name["Cy"][:7] == [3, "Cy", 317, 0, 7, 0.0, "left"]
    assert by_name["Eve"][:7] == [4, "Eve", 0, 0, 0, 0.0, "played"]
    assert by_name["Dee"][:7] == ["", "Dee", 950, 1, 1, 14.3, "kicked"]
    assert [row[1] for row in rows[1:]][-1] == "Dee"  # kicked players come last
    assert by_name["Ann"][8:11] == ["Labour", SESSION, "yes"]
    assert by_name["Ann"][7] == started_at(SESSION) != ""
    assert by_name["Ann"][11:13] == ["right", 950]
    assert by_name["Eve"][11:14] == ["no answer", 0, ""]
    ordering = 11 + 3 * 4  # question 5, reversed: no neighbouring pair kept
    assert by_name["Cy"][ordering : ordering + 2] == ["wrong", 0]
    matching = 11 + 3 * 5  # question 6: one pair of three right, at 2 s: 950 / 3
    assert by_name["Cy"][matching : matching + 2] == ["partly right", 317]
    path = tmp_path / "students.csv"
    write_csv(path, rows)
    read = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    typed = 11 + 3 * 3 + 2
    assert read[3][typed] == '\'=HYPERLINK("x")'  # Cy's typed answer, made harmless


def test_the_question_csv_has_share_right_mean_time_and_each_count(tmp_path: Path) -> None:
    session, _journal, attendance = a_class(tmp_path)
    results = build_results(session, SESSION, away=attendance.away)
    rows = question_rows(results)
    assert rows[0][:11] == [
        "question",
        "kind",
        "prompt",
        "answer",
        "answered",
        "right",
        "percent_right",
        "mean_seconds",
        "facility",
        "discrimination",
        "review",
    ]
    single, *_, ordering, matching, numeric = rows[1:]
    # Four players (Dee was kicked): Ann and Bob right, Cy wrong, Eve no answer. One student
    # in each third: Ann (right) on top, Eve (no answer) at the bottom.
    assert single[4:11] == [3, 2, 50.0, 2.0, 0.5, 1.0, ""]
    cells = single[11:]
    counts = {cells[i]: (cells[i + 1], cells[i + 2]) for i in range(0, len(cells), 3)}
    assert counts["David Miliband"] == (2, "yes") and sorted(counts.values())[:3] == [
        *((0, "no"), (0, "no"), (1, "no"))
    ]
    assert ordering[11:] == [
        *("All in the right order", 2, "yes", "Partly in order", 0, "no"),
        *("Wrong order", 1, "no"),
    ]
    # Cy's matching earned a third: facility (1 + 1 + 1/3) / 4.
    assert matching[8:14] == [0.58, 1.0, "", "Every pair right", 2, "yes"]
    assert numeric[11:] == [
        *("Too low (under 232)", 0, "no", "Right (232–240 hours)", 2, "yes"),
        *("Too high (over 240)", 1, "no"),
    ]
    assert rows[0][-3:] == ["choice 4", "choice 4 count", "choice 4 right"]


def test_an_unfinished_session_is_flagged_and_rebuilt_from_its_journal(tmp_path: Path) -> None:
    _, journal, _ = a_class(tmp_path, finish=False)
    results = load_results(journal.folder)  # no results.json: from the journal
    assert results["finished"] is False and results["pack"] == "Labour"
    assert student_rows(results)[1][10] == "no"
    assert "UNFINISHED" in summary_table(results).splitlines()[0]


def test_ties_share_a_rank() -> None:
    players = [Player(str(i), f"P{i}", f"p{i}", "", score=s) for i, s in enumerate(SCORES)]
    assert [rank for rank, _, _ in ranked(players)] == [1, 1, 3, 4, 4, 4, 7]
    assert ranked([]) == []


SCORES = [900, 900, 800, 700, 700, 700, 0]


def test_results_written_before_the_bars_were_kept_count_the_same_choices(
    tmp_path: Path,
) -> None:
    session, _journal, attendance = a_class(tmp_path)
    results = build_results(session, SESSION, away=attendance.away)
    older = build_results(session, SESSION, away=attendance.away)
    choice_questions = [
        question
        for question in older["questions"]
        if question["kind"] in ("single", "true_false", "multiple")
    ]
    assert len(choice_questions) == 3
    for question in choice_questions:
        del question["distribution"]

    older_rows = question_rows(older)

    cells = older_rows[1][11:]  # the single-choice question, counted from the answers
    counts = {cells[i]: (cells[i + 1], cells[i + 2]) for i in range(0, len(cells), 3)}
    # Dee's right answer is not counted: the teacher removed her.
    assert counts["David Miliband"] == (2, "yes")
    assert sorted(counts.values()) == [(0, "no"), (0, "no"), (1, "no"), (2, "yes")]
    assert older_rows == question_rows(results)
