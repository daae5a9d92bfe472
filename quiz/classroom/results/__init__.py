"""A finished session's results: what `results.json` holds, built from the host's state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quiz.classroom.session import HostSession
from quiz.durable import write_durably
from quiz.errors import QuizError

RESULTS_NAME = "results.json"
RESULTS_VERSION = 2  # 2: a question's `options` became `choices`


def build_results(session: HostSession, session_id: str) -> dict[str, Any]:
    """Every question asked and every player's answers, best player first."""
    asked = session.current
    questions = []
    for number, hosted in enumerate(session.questions[:asked], 1):
        questions.append(
            {
                "number": number,
                "id": hosted.question.id,
                "kind": hosted.kind,
                "prompt": hosted.question.prompt,
                "choices": list(hosted.choices),
                "correct": list(hosted.correct),
                "answer": hosted.question.answer_text,
            }
        )
    players = []
    for rank, player in enumerate(session.ranking(), 1):
        players.append(
            {
                "rank": rank,
                "name": player.name,
                "score": player.score,
                "answers": {
                    str(number): {
                        "given": answer.given,
                        "choices": list(answer.choices),
                        "correct": answer.correct,
                        "points": answer.points,
                        "seconds": answer.seconds,
                    }
                    for number, answer in sorted(player.answers.items())
                },
            }
        )
    return {
        "version": RESULTS_VERSION,
        "session": session_id,
        "finished": session.phase == "over",
        "questions": questions,
        "players": players,
    }


def save_results(folder: Path, results: dict[str, Any]) -> Path:
    """Write results.json atomically: temp file in the same folder, fsync, replace, fsync dir."""
    target = folder / RESULTS_NAME
    text = json.dumps(results, ensure_ascii=False, indent=1)
    try:
        write_durably(target, text)
    except OSError as error:
        raise QuizError(f"{target}: cannot save the results: {error.strerror}") from None
    return target


def load_results(folder: Path) -> dict[str, Any]:
    """The session's results: results.json, or rebuilt from the journal if the game never
    finished."""
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
    return build_results(session, header["id"])
