"""The host's game state, free of any network: players, questions, answers and scores.

Every change is an event (a small JSON-able dict) that is first handed to `record` (the
journal appends and fsyncs it) and then applied. Replaying the same events rebuilds the same
state, which is how `quiz host --resume` continues with the scores intact. Scores use the
host's clock (`clock`, injectable for tests), never anything a student sends.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from quiz.classroom import protocol as p
from quiz.classroom.deck import HostedQuestion, judge, recorded_choices
from quiz.classroom.distribution import choice_counts, tallies
from quiz.classroom.names import BadName, clean_name, name_key
from quiz.classroom.options import DEFAULT_MAX_PLAYERS
from quiz.game.scoring import answer_points

Event = dict[str, Any]
Phase = Literal["lobby", "open", "closed", "revealed", "over"]
# Answers already in flight when the timer ends are still taken, for this long.
LATE_GRACE = 0.25


class Refused(Exception):
    """A student's request the host refuses; becomes an `error` message."""

    def __init__(self, code: p.ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: p.ErrorCode = code


@dataclass
class RecordedAnswer:
    given: str
    correct: bool
    credit: float
    points: int
    seconds: float
    choices: tuple[int, ...] = ()
    accepted: str = ""  # what a typed answer was taken for ("Accepted 'x' as Y"), if not as typed


@dataclass
class Player:
    id: str
    name: str
    key: str
    token_hash: str
    score: int = 0
    streak: int = 0
    kicked: bool = False
    answers: dict[int, RecordedAnswer] = field(default_factory=dict)

    @property
    def correct_count(self) -> int:
        return sum(1 for answer in self.answers.values() if answer.correct)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class HostSession:
    """State of one classroom game. Not thread-safe; the server calls it from one loop."""

    def __init__(
        self,
        questions: list[HostedQuestion],
        *,
        code: str,
        speed: bool = True,
        max_players: int = DEFAULT_MAX_PLAYERS,
        clock: Callable[[], float] = time.monotonic,
        record: Callable[[Event], None] = lambda event: None,
    ) -> None:
        self.questions = questions
        self.code = code
        self.speed = speed
        self.max_players = max_players
        self.clock = clock
        self.record = record
        self.players: dict[str, Player] = {}
        self.phase: Phase = "lobby"
        self.current = 0  # 1-based number of the question asked last; 0 before the first
        self.opened_at = 0.0
        self.locked = False
        self.paused = False
        self._previous_ranks: dict[str, int] = {}
        # Kept up to date by `apply`, so that an answer costs O(1), not O(class size).
        self._active = 0
        self._answered_now = 0
        self._names: dict[str, str] = {}  # name key → id of the active player using it
        self._moves: dict[str, int] = {}

    # --- events ---------------------------------------------------------------------------

    def _commit(self, event: Event) -> None:
        self.record(event)
        self.apply(event)

    def apply(self, event: Event) -> None:
        """Apply one event (live, or replayed from the journal)."""
        kind = event["e"]
        if kind == "join":
            player = Player(
                id=event["player"],
                name=event["name"],
                key=name_key(event["name"]),
                token_hash=event["token_hash"],
            )
            self.players[player.id] = player
            self._names[player.key] = player.id
            self._active += 1
        elif kind == "kick":
            player = self.players[event["player"]]
            player.kicked = True
            self._active -= 1
            self._names.pop(player.key, None)
            if self.current in player.answers:
                self._answered_now -= 1
        elif kind == "lock":
            self.locked = bool(event["locked"])
        elif kind == "open":
            self.current = event["q"]
            self.phase = "open"
            self.opened_at = self.clock()
            self._answered_now = sum(
                1 for pl in self.players.values() if not pl.kicked and self.current in pl.answers
            )
        elif kind == "answer":
            player = self.players[event["player"]]
            player.answers[event["q"]] = RecordedAnswer(
                given=event["given"],
                correct=event["correct"],
                credit=event["credit"],
                points=event["points"],
                seconds=event["seconds"],
                choices=tuple(event.get("choices", ())),
                accepted=event.get("accepted", ""),
            )
            player.score += event["points"]
            player.streak = player.streak + 1 if event["correct"] else 0
            if not player.kicked and event["q"] == self.current:
                self._answered_now += 1
        elif kind == "close":
            self.phase = "closed"
            for player in self.players.values():
                if event["q"] not in player.answers:
                    player.streak = 0
        elif kind == "reveal":
            self.phase = "revealed"
            ranks = {player.id: rank for rank, player in enumerate(self.ranking(), 1)}
            self._moves = {
                pid: self._previous_ranks.get(pid, rank) - rank for pid, rank in ranks.items()
            }
            self._previous_ranks = ranks
        elif kind == "end":
            self.phase = "over"

    # --- players --------------------------------------------------------------------------

    def join(self, code: str, name: str) -> tuple[Player, str]:
        """Admit a new player; returns the player and their secret token (kept only hashed)."""
        if not hmac.compare_digest(code.encode(), self.code.encode()):
            raise Refused("bad_code", "wrong join code")
        if self.locked or self.phase == "over":
            raise Refused("locked", "the game is not taking new players")
        if self._active >= self.max_players:
            raise Refused("full", f"the game is full ({self.max_players} players)")
        try:
            shown = clean_name(name)
        except BadName as error:
            raise Refused("bad_name", str(error)) from None
        key = name_key(shown)
        if key in self._names:
            raise Refused("name_taken", f"the name {shown!r} is taken; pick another")
        player_id = f"p{len(self.players) + 1}"
        token = f"{player_id}.{secrets.token_urlsafe(18)}"
        self._commit(
            {"e": "join", "player": player_id, "name": shown, "token_hash": hash_token(token)}
        )
        return self.players[player_id], token

    def rejoin(self, code: str, token: str) -> Player:
        """The player this token belongs to (constant-time check), or Refused."""
        if not hmac.compare_digest(code.encode(), self.code.encode()):
            raise Refused("bad_code", "wrong join code")
        player = self.players.get(token.partition(".")[0])
        expected = player.token_hash if player else hash_token("")
        if not hmac.compare_digest(hash_token(token), expected) or player is None:
            raise Refused("bad_token", "unknown token; join again with a name")
        if player.kicked:
            raise Refused("bad_token", "you were removed from this game")
        return player

    def kick(self, player_id: str) -> None:
        if player_id in self.players and not self.players[player_id].kicked:
            self._commit({"e": "kick", "player": player_id})

    def set_locked(self, locked: bool) -> None:
        self._commit({"e": "lock", "locked": locked})

    def active_players(self) -> list[Player]:
        return [player for player in self.players.values() if not player.kicked]

    # --- the flow of a question -----------------------------------------------------------

    @property
    def hosted(self) -> HostedQuestion:
        return self.questions[self.current - 1]

    @property
    def has_next(self) -> bool:
        return self.current < len(self.questions) and self.phase != "over"

    def open_next(self) -> p.QuestionMessage:
        """Open the next question and return what every student is sent."""
        if not self.has_next:
            raise RuntimeError("no question left")
        self._commit({"e": "open", "q": self.current + 1})
        return self.question_message()

    def reopen(self) -> p.QuestionMessage:
        """After a resume: open the interrupted question again, keeping answers given."""
        self._commit({"e": "open", "q": self.current})
        return self.question_message()

    def question_message(self) -> p.QuestionMessage:
        hosted = self.hosted
        return p.QuestionMessage(
            number=self.current,
            total=len(self.questions),
            kind=hosted.kind,
            prompt=hosted.question.prompt,
            choices=list(hosted.choices),
            seconds=hosted.seconds,
            left=list(hosted.left),
            unit=hosted.question.unit if hosted.kind == "numeric" else "",
        )

    def answer(self, player: Player, message: p.Answer) -> p.Accepted:
        """Record a player's answer, scored on the host's clock, or refuse it."""
        if self.current == 0:
            raise Refused("no_question", "no question has been asked yet")
        if message.question != self.current:
            raise Refused("wrong_question", f"question {self.current} is the one open")
        elapsed = self.clock() - self.opened_at
        if self.phase != "open" or elapsed > self.hosted.seconds + LATE_GRACE:
            raise Refused("late", f"answers to question {self.current} are closed")
        if self.current in player.answers:
            raise Refused("duplicate", "you already answered this question")
        try:
            judgement = judge(self.hosted, message.choices, message.text)
        except ValueError as error:
            raise Refused("bad_answer", str(error)) from None
        correct = judgement.correct
        points = answer_points(
            credit=judgement.credit,
            elapsed=elapsed,
            limit=self.hosted.seconds,
            streak=player.streak + 1 if correct else 0,
            speed=self.speed,
        )
        event: Event = {
            "e": "answer",
            "player": player.id,
            "q": self.current,
            "given": judgement.given,
            "choices": recorded_choices(self.hosted, message.choices),
            "correct": correct,
            "credit": judgement.credit,
            "points": points,
            "seconds": round(max(0.0, elapsed), 3),
        }
        if judgement.accepted:
            event["accepted"] = judgement.accepted
        self._commit(event)
        return p.Accepted(question=self.current)

    def answered_count(self) -> int:
        """How many active players have answered the current question."""
        return self._answered_now

    @property
    def active_count(self) -> int:
        return self._active

    def everyone_answered(self) -> bool:
        return self._active > 0 and self._answered_now >= self._active

    def close(self) -> p.Closed:
        if self.phase == "open":
            self._commit({"e": "close", "q": self.current})
        return p.Closed(question=self.current)

    def reveal(self) -> tuple[p.Reveal, dict[str, p.YourResult]]:
        """Close if needed, then the public reveal and each player's own result."""
        self.close()
        self._commit({"e": "reveal", "q": self.current})
        hosted = self.hosted
        given = [
            player.answers[self.current]
            for player in self.active_players()
            if self.current in player.answers
        ]
        question = hosted.question
        public = p.Reveal(
            question=self.current,
            correct=list(hosted.correct),
            answer=question.answer_text,
            counts=choice_counts(hosted, given),
            distribution=tallies(hosted, given),
            explanation=question.explanation,
            quote=question.quote,
            attribution=question.attribution,
        )
        ranking = self.ranking()
        results = {}
        for rank, player in enumerate(ranking, 1):
            recorded = player.answers.get(self.current)
            results[player.id] = p.YourResult(
                question=self.current,
                answered=recorded is not None,
                correct=bool(recorded and recorded.correct),
                points=recorded.points if recorded else 0,
                score=player.score,
                rank=rank,
                ahead=ranking[rank - 2].name if rank > 1 else None,
                accepted=recorded.accepted if recorded else "",
            )
        return public, results

    def leaderboard(self, size: int = 5) -> p.Leaderboard:
        top = [
            p.Standing(
                rank=rank, name=player.name, score=player.score, move=self._moves.get(player.id, 0)
            )
            for rank, player in enumerate(self.ranking()[:size], 1)
        ]
        return p.Leaderboard(question=self.current, top=top)

    def end(self) -> dict[str, p.GameOver]:
        """End the game; each player's final message (podium and own rank)."""
        if self.phase != "over":
            self._commit({"e": "end"})
        ranking = self.ranking()
        podium = [
            p.Standing(rank=rank, name=player.name, score=player.score, move=0)
            for rank, player in enumerate(ranking[:3], 1)
        ]
        return {
            player.id: p.GameOver(
                podium=podium, rank=rank, score=player.score, players=len(ranking)
            )
            for rank, player in enumerate(ranking, 1)
        }

    def ranking(self) -> list[Player]:
        """Active players, best first; ties keep the order of joining."""
        order = {pid: index for index, pid in enumerate(self.players)}
        return sorted(self.active_players(), key=lambda pl: (-pl.score, order[pl.id]))
