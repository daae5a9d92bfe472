"""The host's server for self-paced homework: the live server (quiz.classroom.server) with
questions asked per student, each timed on the host, and a deadline that closes it.

- After `welcome`: `assignment` (how far the student is, until when), then their open
  question with the time left, if they left one open; `game_over` if they are done or the
  homework is closed.
- `next`: their open question again, or their next one (its clock starts now); `game_over`
  when they have been asked every question.
- An answer: `accepted`, then `reveal` and `result` for that question only. A question whose
  time runs out gets `closed`, `reveal` and `result` (not answered).
- The deadline: a timer, checked again at least once a minute (a wall clock that jumped, a
  deadline the teacher moved). When it passes, every connected student gets `game_over`,
  new names are refused (`past_deadline`) and `changed` wakes whoever waits for the end.
"""

from __future__ import annotations

import asyncio
from typing import Any

from quiz.classroom import protocol as p
from quiz.classroom.deadline import local_text
from quiz.classroom.players import Player
from quiz.classroom.self_paced import SelfPacedSession
from quiz.classroom.server import ClassroomServer
from quiz.classroom.session import LATE_GRACE

DEADLINE_CHECK = 60.0  # seconds between looks at the wall clock, at most
TIMER_MARGIN = 0.05  # the loop may wake a hair early; the session decides on its own clock


class SelfPacedServer(ClassroomServer):
    """Serves a SelfPacedSession; `extend` moves the deadline, `finish` closes it early."""

    session: SelfPacedSession

    def __init__(self, session: SelfPacedSession, **settings: Any) -> None:
        super().__init__(session, **settings)
        self.session = session
        self._question_timers: dict[str, asyncio.TimerHandle] = {}
        self._deadline_timer: asyncio.TimerHandle | None = None

    async def start(self) -> None:
        """Listen; questions left open when a resumed session stopped are timed again, and
        a deadline that passed meanwhile closes the session at once."""
        await super().start()
        if not self.session.players and self.session.phase != "over":
            # A homework is under way once it listens, even before anyone joins: its journal
            # must not be taken for a start that failed (and removed) when the host quits.
            self.session.set_deadline(self.session.deadline)
        for player_id, position, left in self.session.open_timers():
            self._time(player_id, position, left)
        self.check_deadline()

    async def stop(self) -> None:
        self._cancel_timers()
        await super().stop()

    def _cancel_timers(self) -> None:
        for timer in self._question_timers.values():
            timer.cancel()
        self._question_timers.clear()
        if self._deadline_timer is not None:
            self._deadline_timer.cancel()
            self._deadline_timer = None

    # --- one student ----------------------------------------------------------------------

    def joined_messages(self, player: Player) -> list[p.Message]:
        session = self.session
        outgoing: list[p.Message] = [session.assignment(player)]
        if session.phase == "over" or session.finished(player):
            outgoing.append(session.final_for(player))
        elif (question := session.open_question(player)) is not None:
            outgoing.append(question)
        return outgoing

    def next_for(self, player: Player) -> list[p.Message]:
        question = self.session.next_question(player)
        if question is None:
            return [self.session.final_for(player)]
        if question.seconds is not None:  # None: no timer (accuracy only)
            self._time(player.id, question.number, question.seconds)
        return [question]

    def answer_for(self, player: Player, message: p.Answer) -> list[p.Message]:
        accepted = self.session.answer(player, message)
        self._untime(player.id)
        return [accepted, *self.session.own_result(player)]

    def answered(self, player: Player) -> None:
        """An answer was taken, or a question ran out of time: tell the listener how far
        the student is."""
        self.listener(
            "progress",
            {
                "player": player.id,
                "name": player.name,
                "answered": len(player.answers),
                "total": len(self.session.questions),
                "score": player.score,
            },
        )

    # --- each question's time -------------------------------------------------------------

    def _time(self, player_id: str, position: int, left: float) -> None:
        self._untime(player_id)
        loop = asyncio.get_running_loop()
        delay = max(0.0, left) + LATE_GRACE + TIMER_MARGIN
        self._question_timers[player_id] = loop.call_later(
            delay, self.time_out, player_id, position
        )

    def _untime(self, player_id: str) -> None:
        timer = self._question_timers.pop(player_id, None)
        if timer is not None:
            timer.cancel()

    def time_out(self, player_id: str, position: int) -> None:
        """The student's `position`-th question may have run out of time: if the session's
        clock agrees, close it unanswered and tell them; if not yet, look again when it
        should have."""
        self._question_timers.pop(player_id, None)
        session = self.session
        if not session.expire(player_id, position):
            progress = session.progress.get(player_id)
            if progress is not None and progress.open and progress.position == position:
                self._time(player_id, position, session.time_left(player_id))
            return
        player = session.players[player_id]
        connection = self.connections.get(player_id)
        if connection is not None:
            outgoing = [p.Closed(question=position), *session.own_result(player)]
            for message in outgoing:
                self.send_each({player_id: message})
        self.answered(player)
        self.changed.set()

    # --- the deadline ---------------------------------------------------------------------

    def check_deadline(self) -> None:
        """Close the homework if its deadline has passed; otherwise look again when it
        should (at most a minute from now)."""
        if self._deadline_timer is not None:
            self._deadline_timer.cancel()
            self._deadline_timer = None
        session = self.session
        if session.phase == "over":
            return
        left = session.deadline - session.wall()
        if left <= 0:
            self.finish()
            return
        loop = asyncio.get_running_loop()
        self._deadline_timer = loop.call_later(min(left, DEADLINE_CHECK), self.check_deadline)

    def extend(self, deadline: float) -> bool:
        """Move the deadline to `deadline` (POSIX seconds); every connected student is told
        with a fresh `assignment`. False if the homework has already closed."""
        session = self.session
        if session.phase == "over":
            return False
        session.set_deadline(deadline)
        self.send_each(
            {
                player_id: session.assignment(session.players[player_id])
                for player_id in self.connections
            }
        )
        self.listener("deadline", {"deadline": deadline, "text": local_text(deadline)})
        self.check_deadline()
        return True

    def finish(self) -> dict[str, p.GameOver]:
        """Close the homework now (the deadline passed, or the teacher ended it)."""
        finals = super().finish()
        self._cancel_timers()
        self.changed.set()
        return finals


async def run_until_closed(server: SelfPacedServer) -> None:
    """Return once the homework has closed (its deadline passed, or it was ended)."""
    while server.session.phase != "over":
        server.changed.clear()
        await server.changed.wait()
