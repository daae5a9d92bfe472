"""Self-paced homework: each student works through the session's questions alone, in an
order of their own, at their own pace, until a deadline.

The same players, tokens, names, scoring and journal as a live game (quiz.classroom.session);
what differs is the flow of questions:

- Each student's order comes from the session's seed and their player id (the one shuffle,
  quiz.packs.draw.shown_order), so it is the same after a restart without being journalled.
- A student asks for their next question (`next`); it is timed on the host's clock from the
  moment it is asked. Their question `number` is their own progress: "3 of 10".
- Right after answering (or when its time runs out) the student gets that question's answer
  and their points, which join their score at once. A question they have not answered is
  never revealed to them.
- Nobody is ranked unless the teacher asked for a leaderboard.
- At the deadline the session ends (quiz.classroom.self_paced_server closes it); new names
  are refused afterwards with `past_deadline`.

Journal events besides a live game's: `ask` (a student was sent question `q` as their
`n`-th), `expire` (its time ran out unanswered), `deadline` (the teacher moved it). Events
about a student carry `at`, the wall-clock time, for the teacher's "last seen".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from quiz.classroom import protocol as p
from quiz.classroom.deadline import iso_text, local_text
from quiz.classroom.deck import HostedQuestion
from quiz.classroom.players import Player
from quiz.classroom.session import LATE_GRACE, Event, HostSession, Refused
from quiz.packs.draw import shown_order

# Events that mean the student was there (an `expire` or `away` does not).
SEEN = ("join", "ask", "answer", "back", "token")


@dataclass
class Progress:
    """How far one student is."""

    order: tuple[int, ...]  # the session's question numbers, in the order they are asked
    position: int = 0  # how many questions they have been asked
    open: bool = False  # the question at `position` waits for their answer
    opened_at: float = 0.0  # on the host's clock
    last_seen: float | None = None  # wall-clock time of their last join, question or answer


@dataclass(frozen=True)
class StudentProgress:
    """One row of the teacher's progress panel."""

    player: str
    name: str
    answered: int
    total: int
    score: int
    last_seen: float | None
    connected: bool


class SelfPacedSession(HostSession):
    """A session run as homework until `deadline` (POSIX seconds). `wall` is the wall clock
    (injectable for tests); `clock` times each question, as in a live game."""

    def __init__(
        self,
        questions: list[HostedQuestion],
        *,
        code: str,
        deadline: float,
        seed: int,
        leaderboard: bool = False,
        wall: Callable[[], float] = time.time,
        **settings: Any,
    ) -> None:
        super().__init__(questions, code=code, **settings)
        self.deadline = deadline
        self.seed = seed
        self.with_leaderboard = leaderboard
        self.wall = wall
        self.progress: dict[str, Progress] = {}
        # Students come and go for days: there is no lobby and no class-wide question, and
        # every question counts in the results as soon as somebody answered it.
        self.phase = "open"
        self.revealed = len(questions)

    # --- events ---------------------------------------------------------------------------

    def _commit(self, event: Event) -> None:
        if "player" in event:
            event = {**event, "at": round(self.wall(), 3)}
        super()._commit(event)

    def apply(self, event: Event) -> None:
        kind = event["e"]
        super().apply(event)  # join, answer, kick, … as in a live game
        if kind == "join":
            self.progress[event["player"]] = Progress(order=self.order_for(event["player"]))
        elif kind == "ask":
            progress = self.progress[event["player"]]
            progress.position = event["n"]
            progress.open = True
            progress.opened_at = self.clock()
        elif kind == "answer":
            # The student is told their points at once, so they join the score at once.
            self.players[event["player"]].score += event["points"]
            self.progress[event["player"]].open = False
        elif kind == "expire":
            self.progress[event["player"]].open = False
            self.players[event["player"]].streak = 0
        elif kind == "deadline":
            self.deadline = float(event["until"])
        if kind in SEEN and "at" in event:
            self.progress[event["player"]].last_seen = event["at"]

    def set_connected(self, player_id: str, connected: bool) -> None:
        super().set_connected(player_id, connected)
        self.seen(player_id)

    def seen(self, player_id: str) -> None:
        """The student connected or left just now (the server says; not an event)."""
        if player_id in self.progress:
            self.progress[player_id].last_seen = round(self.wall(), 3)

    def order_for(self, player_id: str) -> tuple[int, ...]:
        """The order in which this student is asked the questions (1-based numbers)."""
        numbers = [str(number) for number in range(1, len(self.questions) + 1)]
        return tuple(int(n) for n in shown_order(numbers, self.seed, f"order:{player_id}"))

    # --- the deadline ---------------------------------------------------------------------

    def past_deadline(self) -> bool:
        return self.wall() >= self.deadline

    def set_deadline(self, deadline: float) -> None:
        """Move the deadline (the teacher extends the homework)."""
        self._commit({"e": "deadline", "until": round(deadline, 3)})

    def _check_open(self) -> None:
        if self.phase == "over" or self.past_deadline():
            raise Refused("past_deadline", f"this homework closed at {local_text(self.deadline)}")

    def join(self, code: str, name: str) -> tuple[Player, str]:
        """Admit a new student before the deadline (the code is checked first)."""
        self._check_code(code)
        self._check_open()
        return super().join(code, name)

    # --- one student's questions ----------------------------------------------------------

    def assignment(self, player: Player) -> p.Assignment:
        return p.Assignment(
            answered=len(player.answers),
            total=len(self.questions),
            score=player.score,
            deadline=iso_text(self.deadline),
        )

    def finished(self, player: Player) -> bool:
        """The student has been asked every question and none is open."""
        progress = self.progress[player.id]
        return progress.position >= len(progress.order) and not progress.open

    def next_question(self, player: Player) -> p.QuestionMessage | None:
        """The student's open question (with the time left), or their next one, asked now;
        None when they have been asked them all. Refused after the deadline."""
        self._check_open()
        progress = self.progress[player.id]
        if not progress.open:
            if progress.position >= len(progress.order):
                return None
            number = progress.position + 1
            self._commit(
                {"e": "ask", "player": player.id, "n": number, "q": progress.order[number - 1]}
            )
        return self.question_for(player)

    def open_question(self, player: Player) -> p.QuestionMessage | None:
        """The question the student was asked and has not answered, if any."""
        return self.question_for(player) if self.progress[player.id].open else None

    def question_for(self, player: Player) -> p.QuestionMessage:
        progress = self.progress[player.id]
        hosted = self.questions[progress.order[progress.position - 1] - 1]
        left = self.time_left(player.id) if self.timer else None
        return hosted.message(number=progress.position, total=len(self.questions), left=left)

    def time_left(self, player_id: str) -> float:
        """Seconds left on the student's open question (negative once it ran out)."""
        progress = self.progress[player_id]
        hosted = self.questions[progress.order[progress.position - 1] - 1]
        return hosted.seconds - (self.clock() - progress.opened_at)

    def answer(self, player: Player, message: p.Answer) -> p.Accepted:
        """Record the student's answer to their open question, or refuse it."""
        if self.phase == "over":
            raise Refused("late", f"this homework closed at {local_text(self.deadline)}")
        progress = self.progress[player.id]
        if progress.position == 0:
            raise Refused("no_question", "ask for a question first ('next')")
        if message.question != progress.position:
            raise Refused("wrong_question", f"question {progress.position} is your open one")
        number = progress.order[progress.position - 1]
        if not progress.open:
            if number in player.answers:
                raise Refused("duplicate", "you already answered this question")
            raise Refused("late", f"your time for question {progress.position} ran out")
        elapsed = self.clock() - progress.opened_at
        if self.timer and elapsed > self.questions[number - 1].seconds + LATE_GRACE:
            raise Refused("late", f"your time for question {progress.position} ran out")
        self._commit(self.scored_answer(player, number, message, elapsed))
        return p.Accepted(question=progress.position)

    def expire(self, player_id: str, position: int) -> bool:
        """The time for the student's `position`-th question ran out: if it is still open,
        it is closed unanswered (True)."""
        progress = self.progress.get(player_id)
        player = self.players.get(player_id)
        if progress is None or player is None or player.kicked or self.phase == "over":
            return False
        if not self.timer:
            return False  # accuracy only: a question waits for its answer
        if not progress.open or progress.position != position:
            return False
        if self.time_left(player_id) > -LATE_GRACE:
            return False
        number = progress.order[position - 1]
        self._commit({"e": "expire", "player": player_id, "q": number})
        return True

    def own_result(self, player: Player) -> list[p.Message]:
        """What the student learns once their latest question is answered or timed out:
        `reveal` (the right answer; no class counts), their `result`, and the leaderboard if
        the teacher turned it on."""
        progress = self.progress[player.id]
        position = progress.position
        number = progress.order[position - 1]
        rank, ahead = self._place(player)
        messages: list[p.Message] = [
            self.questions[number - 1].reveal(position, counts=[], distribution=[]),
            self.your_result(
                player, player.answers.get(number), question=position, rank=rank, ahead=ahead
            ),
        ]
        if self.with_leaderboard:
            # Homework has no class-wide reveal, so nobody moved places (not in step).
            messages.append(self.leaderboard(question=position))
        return messages

    def _place(self, player: Player) -> tuple[int | None, str | None]:
        if not self.with_leaderboard:
            return None, None
        for rank, placed, ahead in self.standings():
            if placed.id == player.id:
                return rank, ahead.name if ahead else None
        return None, None

    def final_for(self, player: Player) -> p.GameOver:
        """A student's last word: their score (rank and podium with a leaderboard only)."""
        standings = self.standings()
        rank, _ = self._place(player)
        podium = self.podium(standings) if self.with_leaderboard else []
        return p.GameOver(podium=podium, rank=rank, score=player.score, players=len(standings))

    def end(self) -> dict[str, p.GameOver]:
        """Close the homework; each present student's final message. A question still open
        counts as not answered."""
        if self.phase != "over":
            self._commit({"e": "end"})
        return {player.id: self.final_for(player) for player in self.present_players()}

    # --- the teacher's view ---------------------------------------------------------------

    def progress_rows(self) -> list[StudentProgress]:
        """Every student not removed, in joining order: answered / total, score, last seen."""
        total = len(self.questions)
        return [
            StudentProgress(
                player=player.id,
                name=player.name,
                answered=len(player.answers),
                total=total,
                score=player.score,
                last_seen=self.progress[player.id].last_seen,
                connected=player.connected,
            )
            for player in self.active_players()
        ]

    def open_timers(self) -> list[tuple[str, int, float]]:
        """(player, position, seconds left) of every question waiting for an answer: after
        a restart, the server times them again."""
        return [
            (player_id, progress.position, self.time_left(player_id))
            for player_id, progress in self.progress.items()
            if progress.open and not self.players[player_id].kicked and self.timer
        ]
