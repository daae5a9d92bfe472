"""A classroom game in the student's own saves (`quiz join … --player NAME`).

The client keeps a `ClassTranscript` of what it saw: each question as shown, the answer the
host accepted, the reveal and the student's result. At the end of the game
`save_class_round` turns it into a round of the player's history (mode "classroom"), so the
questions they missed are due in their practice (FSRS rates a miss Again).

The protocol never names the pack or a question's id, so the questions are found in the
student's own packs (the bundled ones, and any given with `--pack`): a question is the one
with the same type, prompt, right answer and choices (or items, pairs, unit). Its id is then
the pack's own, so practice plays it from that pack. The round is saved under the pack that
holds most of the class's questions; questions not found there are left out and said so.
When none is found (the teacher's own pack, or questions from a file) nothing is saved, and
the student is told which pack to get. Right or wrong and the points are the host's; the
credit of a partly right answer and whether a typed one was a near miss are judged again
here with the same rules (quiz.classroom.deck.judge) against the pack's question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from quiz.classroom import protocol as p
from quiz.classroom.deck import CHOICE_KINDS, HostedQuestion, judge
from quiz.errors import QuizError
from quiz.game.result import AnswerResult, RoundResult
from quiz.packs.catalog import bundled_packs_dir, pack_files
from quiz.packs.playable import PlayablePack, load_playable
from quiz.packs.question import Question
from quiz.store import SaveStore

CLASSROOM_MODE = "classroom"


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class ClassTranscript:
    """What one student's client saw of a game, fed by ClassroomClient (`received`, `sent`).
    `clock` gives aware datetimes (tests inject one)."""

    clock: Callable[[], datetime] = _now
    questions: dict[int, p.QuestionMessage] = field(default_factory=dict)
    shown_at: dict[int, datetime] = field(default_factory=dict)
    answered_at: dict[int, datetime] = field(default_factory=dict)
    accepted: dict[int, p.Answer] = field(default_factory=dict)
    reveals: dict[int, p.Reveal] = field(default_factory=dict)
    results: dict[int, p.YourResult] = field(default_factory=dict)
    over: p.GameOver | None = None
    ended_at: datetime | None = None
    _sent: dict[int, p.Answer] = field(default_factory=dict)

    def received(self, message: p.ServerMessage) -> None:
        if isinstance(message, p.QuestionMessage):
            self.questions.setdefault(message.number, message)  # a rejoin sends it again
            self.shown_at.setdefault(message.number, self.clock())
        elif isinstance(message, p.Accepted) and message.question in self._sent:
            self.accepted[message.question] = self._sent[message.question]
            self.answered_at[message.question] = self.clock()
        elif isinstance(message, p.Reveal):
            self.reveals[message.question] = message
        elif isinstance(message, p.YourResult):
            self.results[message.question] = message
        elif isinstance(message, p.GameOver):
            self.over = message
            self.ended_at = self.clock()

    def sent(self, message: p.Message) -> None:
        if isinstance(message, p.Answer):
            self._sent[message.question] = message


@dataclass(frozen=True)
class SavedClass:
    """What `save_class_round` did, and the line to tell the student (`message`)."""

    message: str
    saved: bool
    missed: int = 0


def local_packs(extra: Sequence[Path] = ()) -> list[PlayablePack]:
    """The packs a student has: the bundled ones and `extra` files (broken ones skipped)."""
    packs = []
    for path in [*extra, *pack_files(bundled_packs_dir())]:
        try:
            packs.append(load_playable(path))
        except QuizError:
            continue
    return packs


def _same_question(question: Question, shown: p.QuestionMessage, reveal: p.Reveal) -> bool:
    if (question.type, question.prompt) != (shown.kind, shown.prompt):
        return False
    if question.answer_text != reveal.answer:
        return False
    kind = question.type
    if kind in CHOICE_KINDS:
        return sorted(question.choices) == sorted(shown.choices)
    if kind == "ordering":
        return sorted(question.items) == sorted(shown.choices)
    if kind == "matching":
        lefts = sorted(left for left, _ in question.pairs)
        rights = sorted(right for _, right in question.pairs)
        return lefts == sorted(shown.left) and rights == sorted(shown.choices)
    return question.unit == shown.unit if kind == "numeric" else True


def _find(pack: PlayablePack, shown: p.QuestionMessage, reveal: p.Reveal) -> Question | None:
    return next((q for q in pack.questions if _same_question(q, shown, reveal)), None)


def _answer(
    question: Question, transcript: ClassTranscript, number: int, result: p.YourResult
) -> AnswerResult:
    shown = transcript.questions[number]
    limit = max(0.0, shown.seconds or 0.0)  # None: a game without a timer
    given = transcript.accepted.get(number)
    if not result.answered or given is None:
        return AnswerResult(
            question_id=question.id,
            given="",
            correct=False,
            credit=0.0,
            points=0,
            seconds=limit,
            timed_out=True,
            tags=question.tags,
        )
    hosted = HostedQuestion(
        question=question,
        choices=tuple(shown.choices),
        correct=(),
        seconds=limit,
        left=tuple(shown.left),
    )
    try:
        check = judge(hosted, given.choices, given.text)
        credit, text, fuzzy = check.credit, check.given, check.fuzzy
    except ValueError:
        credit, text, fuzzy = 0.0, given.text or "", False
    seconds = (transcript.answered_at[number] - transcript.shown_at[number]).total_seconds()
    return AnswerResult(
        question_id=question.id,
        given=text,
        correct=result.correct,
        credit=1.0 if result.correct else (credit if credit < 1 else 0.0),
        points=max(0, result.points),
        seconds=min(max(0.0, seconds), limit) if limit else max(0.0, seconds),
        fuzzy=fuzzy and result.correct,
        tags=question.tags,
    )


def class_round(
    transcript: ClassTranscript, player: str, packs: Sequence[PlayablePack]
) -> tuple[RoundResult | None, PlayablePack | None, int]:
    """(the round, its pack, how many revealed questions were left out) from what the
    student saw; no round when none of the questions is in `packs`."""
    numbers = [
        n
        for n in sorted(transcript.reveals)
        if n in transcript.questions and n in transcript.results
    ]
    best: tuple[PlayablePack, dict[int, Question]] | None = None
    for pack in packs:
        found = {}
        for number in numbers:
            question = _find(pack, transcript.questions[number], transcript.reveals[number])
            if question is not None:
                found[number] = question
        if found and (best is None or len(found) > len(best[1])):
            best = (pack, found)
    if best is None:
        return None, None, len(numbers)
    pack, found = best
    answers = [
        _answer(found[number], transcript, number, transcript.results[number])
        for number in numbers
        if number in found
    ]
    streak = best_streak = 0
    for answer in answers:
        streak = streak + 1 if answer.correct else 0
        best_streak = max(best_streak, streak)
    started = transcript.shown_at[numbers[0]]
    ended = transcript.ended_at or transcript.clock()
    result = RoundResult(
        player=player,
        pack_id=pack.id,
        pack_version=pack.version,
        mode=CLASSROOM_MODE,
        time_limit=max(
            (q.seconds for q in transcript.questions.values() if q.seconds is not None),
            default=20.0,
        )
        or 20.0,
        started_at=started,
        duration=max(0.0, (ended - started).total_seconds()),
        score=sum(answer.points for answer in answers),
        best_streak=best_streak,
        answers=tuple(answers),
    )
    return result, pack, len(numbers) - len(answers)


def _pack_argument(pack: PlayablePack) -> str:
    """How `quiz play --pack` names the pack: a bundled one by its id, another by its file."""
    return pack.id if Path(pack.ref).parent == bundled_packs_dir() else pack.ref


def save_class_round(
    transcript: ClassTranscript,
    player: str,
    store: SaveStore,
    packs: Sequence[PlayablePack],
) -> SavedClass:
    """Record the game in `player`'s history, once it is over; says what happened."""
    if transcript.over is None:
        return SavedClass(
            f"The game did not reach its end: nothing was saved to {player}'s history.", False
        )
    result, pack, left_out = class_round(transcript, player, packs)
    if result is None or pack is None:
        return SavedClass(
            "None of the class's questions is in your packs (the teacher's pack is not on "
            f"this machine): nothing was saved to {player}'s history. Ask your teacher for "
            "the pack file, and join with --pack FILE next time.",
            False,
        )
    outcome = store.record_round(player, result)
    if not outcome.saved:
        return SavedClass(outcome.warning or f"Not saved to {player}'s history.", False)
    missed = sum(1 for answer in result.answers if not answer.correct)
    line = (
        f"Saved the class's round to {player}'s history (round {outcome.round}, "
        f"{result.score} points)"
    )
    if missed:
        line += (
            f"; {missed} missed question{'s are' if missed != 1 else ' is'} due in your "
            f"practice: quiz play --mode practice --pack {_pack_argument(pack)}"
        )
    if left_out:
        line += f". {left_out} question{'s' if left_out != 1 else ''} not in {pack.title} left out"
    if outcome.warning:
        line += f". {outcome.warning}"
    return SavedClass(line + ".", True, missed)
