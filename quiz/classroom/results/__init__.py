"""A session's results: what `results.json` holds, built from the host's state.

Besides every question and every answer, it says what a teacher grading from it needs: when
the session ran and with which pack, whether it finished, each player's rank (players with
the same score share it), and each player's status: `played`, `left` (gone before the end
and not back) or `kicked` (listed after the others, without a rank).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz.classroom.distribution import tallies
from quiz.classroom.journal import JOURNAL_NAME
from quiz.classroom.players import Player, ranked
from quiz.classroom.session import HostSession
from quiz.durable import write_durably
from quiz.errors import QuizError

RESULTS_NAME = "results.json"
RESULTS_VERSION = 2  # 2: a question's `options` became `choices`
Listener = Callable[[str, dict[str, Any]], None]


class Attendance:
    """Who left before the end, from the server's events: a listener that passes every
    event on to `inner`. A player who left and came back is not away; events after the
    game's end (everyone disconnecting) do not count."""

    def __init__(self, inner: Listener | None = None) -> None:
        self.inner = inner
        self.away: set[str] = set()
        self._over = False

    def __call__(self, event: str, detail: dict[str, Any]) -> None:
        if not self._over:
            if event == "left":
                self.away.add(detail["player"])
            elif event in ("joined", "rejoined"):
                self.away.discard(detail["player"])
            elif event == "game_over":
                self._over = True
        if self.inner is not None:
            self.inner(event, detail)


def started_at(session_id: str) -> str:
    """When the session started, in local time ("2026-12-01 10:52"), from its id (which
    holds the UTC time it was created); "" for an id of another form."""
    try:
        moment = datetime.strptime(session_id[:15], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def build_results(
    session: HostSession,
    session_id: str,
    *,
    pack: str = "",
    away: Collection[str] = (),
) -> dict[str, Any]:
    """Every question revealed and every player's answers to them, best player first (a
    question the game ended on before its reveal does not count). `pack` is the pack's
    title (the journal's header has it: `pack_of`); `away` the ids of players who left
    before the end (`Attendance.away`)."""
    asked = session.revealed
    questions = []
    for number, hosted in enumerate(session.questions[:asked], 1):
        given = [pl.answers[number] for pl in session.active_players() if number in pl.answers]
        questions.append(
            {
                "number": number,
                "id": hosted.question.id,
                "kind": hosted.kind,
                "prompt": hosted.question.prompt,
                "choices": list(hosted.choices),
                "left": list(hosted.left),
                "correct": list(hosted.correct),
                "answer": hosted.question.answer_text,
                "distribution": [tally.model_dump() for tally in tallies(hosted, given)],
            }
        )
    players = [
        _player(player, rank, "left" if player.id in away else "played", asked)
        for rank, player, _ in ranked(session.ranking())
    ]
    players += [_player(pl, None, "kicked", asked) for pl in session.players.values() if pl.kicked]
    return {
        "version": RESULTS_VERSION,
        "session": session_id,
        "date": started_at(session_id),
        "pack": pack,
        "finished": session.phase == "over",
        "timer": session.timer,
        "questions": questions,
        "players": players,
    }


def _player(player: Player, rank: int | None, status: str, asked: int) -> dict[str, Any]:
    return {
        "rank": rank,
        "name": player.name,
        "status": status,
        "score": player.score,
        "answers": {
            str(number): {
                "given": answer.given,
                "choices": list(answer.choices),
                "correct": answer.correct,
                "credit": answer.credit,
                "points": answer.points,
                "seconds": answer.seconds,
            }
            for number, answer in sorted(player.answers.items())
            if number <= asked
        },
    }


def pack_of(folder: Path) -> str:
    """The title (or id) of the pack a session was played with, from its journal's header;
    "" when the journal does not say (questions from a JSON file)."""
    try:
        with (folder / JOURNAL_NAME).open(encoding="utf-8") as journal:
            header = json.loads(journal.readline())
    except (OSError, ValueError):
        return ""
    if not isinstance(header, dict):
        return ""
    return str(header.get("pack_title") or header.get("pack_id") or "")


def save_results(folder: Path, results: dict[str, Any]) -> Path:
    """Write results.json atomically: temp file in the same folder, fsync, replace, fsync dir."""
    target = folder / RESULTS_NAME
    text = json.dumps(results, ensure_ascii=False, indent=1)
    try:
        write_durably(target, text)
    except OSError as error:
        raise QuizError(f"{target}: cannot save the results: {error.strerror}") from None
    return target


def save_session_results(
    folder: Path, session: HostSession, session_id: str, *, away: Collection[str] = ()
) -> Path:
    """Build the results of the session kept in `folder` (its pack's title from the journal
    there) and save them as its results.json; the file's path."""
    results = build_results(session, session_id, pack=pack_of(folder), away=away)
    return save_results(folder, results)


def load_results(folder: Path) -> dict[str, Any]:
    """The session's results: results.json, or rebuilt from the journal if the game never
    finished (then nobody is known to have left: the journal does not record who was
    connected)."""
    path = folder / RESULTS_NAME
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise QuizError(f"{path}: cannot read the results: {error}") from None
        if not isinstance(data, dict) or data.get("version") not in (1, RESULTS_VERSION):
            raise QuizError(f"{path}: not a results file of version {RESULTS_VERSION}")
        for question in data.get("questions", []) if data["version"] == 1 else []:
            question["choices"] = question.pop("options", [])
        return data
    from quiz.classroom.journal import Journal, replay

    session, header = replay(Journal(folder).read())
    return build_results(session, header["id"], pack=pack_of(folder))
