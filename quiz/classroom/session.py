"""The host's game state, free of any network: players, questions, answers and scores.

Every change is an event (a small JSON-able dict) that is first handed to `record` (the
journal appends and fsyncs it) and then applied. Replaying the same events rebuilds the same
state, which is how `quiz host --resume` continues with the scores intact. Scores use the
host's clock (`clock`, injectable for tests), never anything a student sends.

An answer's points join the player's score only when its question is revealed: until then
nothing a student can be told (their score, their rank) depends on whether they were right,
and a game ended before a reveal does not count that question's answers.

A question closes early once every *connected* player has answered (the server says who
is connected; a connection is not an event, so a replayed session has nobody connected). A
player is *present* unless they were removed or have been away (disconnected past the
server's grace period): only present players count toward the player cap and stand in the
lobby, the leaderboard and on the podium. An away player keeps name and score and is present
again when they come back.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from typing import Any, Literal

from quiz.classroom import protocol as p
from quiz.classroom.deck import HostedQuestion, judge, recorded_choices
from quiz.classroom.distribution import choice_counts, tallies
from quiz.classroom.names import MAX_NAME, nickname
from quiz.classroom.options import DEFAULT_MAX_PLAYERS
from quiz.classroom.players import Place, Player, RecordedAnswer, hash_token, ranked
from quiz.game.scoring import answer_points
from quiz.name_identity import NameRefused, name_key, visible_name

Event = dict[str, Any]
Phase = Literal["lobby", "open", "closed", "revealed", "over"]
# Answers already in flight when the timer ends are still taken, for this long.
LATE_GRACE = 0.25


class Refused(Exception):
    """A request the host refuses; to a student it becomes an `error` message."""

    def __init__(self, code: p.ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: p.ErrorCode = code


class NameHeld(Refused):
    """The name is the name of a player already in the game, `holder`: the same student on
    another machine, or somebody else. The server decides which (token, teacher)."""

    def __init__(self, holder: Player) -> None:
        super().__init__("name_taken", f"the name {holder.name!r} is taken; pick another")
        self.holder = holder


class HostSession:
    """State of one classroom game. Not thread-safe; the server calls it from one loop."""

    def __init__(
        self,
        questions: list[HostedQuestion],
        *,
        code: str,
        speed: bool = True,
        timer: bool = True,
        max_players: int = DEFAULT_MAX_PLAYERS,
        nicknames: bool = False,
        clock: Callable[[], float] = time.monotonic,
        record: Callable[[Event], None] = lambda event: None,
    ) -> None:
        self.questions = questions
        self.code = code
        # Without a timer (accuracy only) nobody races a clock: no time-outs, no speed points.
        self.timer = timer
        self.speed = speed and timer
        self.max_players = max_players
        self.nicknames = nicknames
        self.clock = clock
        self.record = record
        self.players: dict[str, Player] = {}
        self.phase: Phase = "lobby"
        self.current = 0  # 1-based number of the question asked last; 0 before the first
        self.revealed = 0  # number of the question revealed last
        self.opened_at = 0.0
        self.locked = False
        self.paused = False
        self._paused_at = 0.0
        self._previous_ranks: dict[str, int] = {}
        # Kept up to date by `apply`, so that an answer costs O(1), not O(class size).
        self._present = 0
        self._connected = 0
        self._kicked = 0
        self._answered_now = 0  # connected players who answered the current question
        self._names: dict[str, str] = {}  # name key → id of the (not removed) player using it
        self._banned: set[str] = set()  # name keys the teacher banned for the session
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
            self._present += 1
        elif kind in ("kick", "away", "back"):
            self._presence(self.players[event["player"]], event)
        elif kind == "token":
            self.players[event["player"]].token_hash = event["token_hash"]
        elif kind == "lock":
            self.locked = bool(event["locked"])
        elif kind == "open":
            self.current = event["q"]
            self.phase = "open"
            self.opened_at = self.clock()
            self._answered_now = sum(
                1 for pl in self.players.values() if pl.connected and self.current in pl.answers
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
            player.streak = player.streak + 1 if event["correct"] else 0
            if player.connected and event["q"] == self.current:
                self._answered_now += 1
        elif kind == "close":
            self.phase = "closed"
            for player in self.players.values():
                if event["q"] not in player.answers:
                    player.streak = 0
        elif kind == "reveal":
            self.phase = "revealed"
            self.revealed = event["q"]
            for player in self.players.values():
                recorded = player.answers.get(event["q"])
                player.score += recorded.points if recorded else 0
            ranks = {player.id: rank for rank, player, _ in self.standings()}
            self._moves = {
                pid: self._previous_ranks.get(pid, rank) - rank for pid, rank in ranks.items()
            }
            self._previous_ranks = ranks
        elif kind == "end":
            self.phase = "over"

    def _presence(self, player: Player, event: Event) -> None:
        """A player removed, gone away or back: keep the counts of present and removed
        players right."""
        was_present = player.present
        if event["e"] == "kick":
            self.set_connected(player.id, False)
            self._kicked += int(not player.kicked)
            player.kicked = True
            if self._names.get(player.key) == player.id:
                del self._names[player.key]
            if event.get("ban"):
                self._banned.add(player.key)
        else:
            player.away = event["e"] == "away"
        self._present += int(player.present) - int(was_present)

    def set_connected(self, player_id: str, connected: bool) -> None:
        """The server's word that a player's connection is up or gone."""
        player = self.players[player_id]
        if player.kicked or player.connected == connected:
            return
        player.connected = connected
        change = 1 if connected else -1
        self._connected += change
        if self.current in player.answers:
            self._answered_now += change

    # --- players --------------------------------------------------------------------------

    def join(self, code: str, name: str) -> tuple[Player, str]:
        """Admit a new player; returns the player and their secret token (kept only hashed).

        Raises NameHeld when the name is a player's already in the game (which may be the
        same student coming back without their token), or Refused.
        """
        self._check_code(code)
        if self.nicknames:
            # Nobody types a name; one typed anyway may only be a player's nickname, to claim.
            typed = name_key(name)
            if typed and typed in self._names:
                raise NameHeld(self.players[self._names[typed]])
        else:
            try:
                shown = visible_name(name, max_length=MAX_NAME)
            except NameRefused as error:
                raise Refused("bad_name", str(error)) from None
            key = name_key(shown)
            if key in self._banned:
                raise Refused("banned", "the teacher removed this name from the game")
            if key in self._names:
                raise NameHeld(self.players[self._names[key]])
        if self.locked or self.phase == "over":
            raise Refused("locked", "the game is not taking new players")
        if self._present >= self.max_players:
            raise Refused("full", f"the game is full ({self.max_players} players)")
        if self.nicknames:
            shown = nickname(lambda candidate: name_key(candidate) in self._names)
        player_id = f"p{len(self.players) + 1}"
        token = f"{player_id}.{secrets.token_urlsafe(18)}"
        self._commit(
            {"e": "join", "player": player_id, "name": shown, "token_hash": hash_token(token)}
        )
        return self.players[player_id], token

    def rejoin(self, code: str, token: str) -> Player:
        """The player this token belongs to (constant-time check), or Refused."""
        self._check_code(code)
        player = self.token_holder(token)
        if player is None:
            raise Refused("bad_token", "unknown token; join again with a name")
        if player.kicked:
            if player.key in self._banned:
                raise Refused("banned", "the teacher removed you from this game")
            raise Refused("bad_token", "you were removed from this game; join again by name")
        return player

    def token_holder(self, token: str) -> Player | None:
        """The player whose token this is (removed or not), compared in constant time."""
        player = self.players.get(token.partition(".")[0])
        expected = player.token_hash if player else hash_token("")
        if not hmac.compare_digest(hash_token(token), expected) or player is None:
            return None
        return player

    def _check_code(self, code: str) -> None:
        if not hmac.compare_digest(code.encode(), self.code.encode()):
            raise Refused("bad_code", "wrong join code")

    def new_token(self, player: Player) -> str:
        """A fresh token for `player` (the teacher let them back in without theirs); the old
        one stops working."""
        token = f"{player.id}.{secrets.token_urlsafe(18)}"
        self._commit({"e": "token", "player": player.id, "token_hash": hash_token(token)})
        return token

    def kick(self, player_id: str, *, ban: bool = False) -> None:
        """Remove a player: their token stops working; with `ban`, their name may not join
        this game again either."""
        if player_id in self.players and not self.players[player_id].kicked:
            self._commit({"e": "kick", "player": player_id, "ban": ban})

    def set_away(self, player_id: str, away: bool) -> None:
        """Mark a player away (disconnected past the grace period) or back."""
        player = self.players.get(player_id)
        if player is not None and not player.kicked and player.away != away:
            self._commit({"e": "away" if away else "back", "player": player_id})

    def set_locked(self, locked: bool) -> None:
        self._commit({"e": "lock", "locked": locked})

    def active_players(self) -> list[Player]:
        """Players not removed, in joining order (away ones too)."""
        return [player for player in self.players.values() if not player.kicked]

    def present_players(self) -> list[Player]:
        return [player for player in self.players.values() if player.present]

    @property
    def player_count(self) -> int:
        """How many players are not removed (away ones too): `active_players()`, in O(1)."""
        return len(self.players) - self._kicked

    @property
    def present_count(self) -> int:
        return self._present

    @property
    def connected_count(self) -> int:
        return self._connected

    # --- the clock ------------------------------------------------------------------------

    def pause(self) -> None:
        """Freeze the clock: answers are refused and the time left stays as it is."""
        if not self.paused:
            self.paused = True
            self._paused_at = self.clock()

    def resume(self) -> None:
        """Start the clock again with the time that was left when it was paused."""
        if self.paused:
            if self.phase == "open":
                self.opened_at += self.clock() - self._paused_at
            self.paused = False

    def seconds_left(self) -> float | None:
        """Time left to answer the open question (negative once it has run out); None
        without a timer."""
        if not self.timer:
            return None
        now = self._paused_at if self.paused else self.clock()
        return self.hosted.seconds - (now - self.opened_at)

    def pause_message(self) -> p.Paused:
        """Whether the game is paused, with the time left on the open question (if any)."""
        left = self.seconds_left() if self.phase == "open" else None
        seconds = None if left is None else round(max(0.0, left), 2)
        return p.Paused(paused=self.paused, seconds=seconds)

    def time_up(self) -> bool:
        """The open question's time, and the grace for answers in flight, have run out."""
        left = self.seconds_left()
        return self.phase == "open" and not self.paused and left is not None and left <= -LATE_GRACE

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
        if self.paused:
            raise Refused("paused", "the game is paused; resume it first")
        self._commit({"e": "open", "q": self.current + 1})
        return self.question_message()

    def reopen(self) -> p.QuestionMessage:
        """After a resume: open the interrupted question again, keeping answers given."""
        self._commit({"e": "open", "q": self.current})
        return self.question_message()

    def question_message(self) -> p.QuestionMessage:
        """The open question, with the time left to answer it."""
        return self.hosted.message(
            number=self.current, total=len(self.questions), left=self.seconds_left()
        )

    def answer(self, player: Player, message: p.Answer) -> p.Accepted:
        """Record a player's answer, scored on the host's clock, or refuse it."""
        if self.current == 0:
            raise Refused("no_question", "no question has been asked yet")
        if message.question != self.current:
            raise Refused("wrong_question", f"question {self.current} is the one open")
        if self.phase == "open" and self.paused:
            raise Refused("paused", "the game is paused; answer when it resumes")
        elapsed = self.clock() - self.opened_at
        late = self.timer and elapsed > self.hosted.seconds + LATE_GRACE
        if self.phase != "open" or late:
            raise Refused("late", f"answers to question {self.current} are closed")
        if self.current in player.answers:
            raise Refused("duplicate", "you already answered this question")
        self._commit(self.scored_answer(player, self.current, message, elapsed))
        return p.Accepted(question=self.current)

    def scored_answer(
        self, player: Player, number: int, message: p.Answer, elapsed: float
    ) -> Event:
        """The `answer` event for `player`'s answer to question `number`, judged and scored
        with the game's rules `elapsed` seconds after it was asked; Refused (`bad_answer`)
        if the answer does not fit the question."""
        hosted = self.questions[number - 1]
        try:
            judgement = judge(hosted, message.choices, message.text)
        except ValueError as error:
            raise Refused("bad_answer", str(error)) from None
        correct = judgement.correct
        points = answer_points(
            credit=judgement.credit,
            elapsed=elapsed,
            limit=hosted.seconds,
            streak=player.streak + 1 if correct else 0,
            speed=self.speed,
        )
        event: Event = {
            "e": "answer",
            "player": player.id,
            "q": number,
            "given": judgement.given,
            "choices": recorded_choices(hosted, message.choices),
            "correct": correct,
            "credit": judgement.credit,
            "points": points,
            "seconds": round(max(0.0, elapsed), 3),
        }
        if judgement.accepted:
            event["accepted"] = judgement.accepted
        return event

    def answered_count(self) -> int:
        """How many connected players have answered the current question."""
        return self._answered_now

    def everyone_answered(self) -> bool:
        """Every connected player has answered (one who left does not hold the question)."""
        return self._connected > 0 and self._answered_now >= self._connected

    def close(self) -> p.Closed:
        if self.phase == "open":
            self._commit({"e": "close", "q": self.current})
        return p.Closed(question=self.current)

    def reveal(self) -> tuple[p.Reveal, dict[str, p.YourResult]]:
        """Close if needed, then the public reveal and each present player's own result."""
        self.close()
        self._commit({"e": "reveal", "q": self.current})
        hosted = self.hosted
        given = [
            player.answers[self.current]
            for player in self.active_players()
            if self.current in player.answers
        ]
        public = hosted.reveal(
            self.current,
            counts=choice_counts(hosted, given),
            distribution=tallies(hosted, given),
        )
        results = {
            player.id: self.your_result(
                player,
                player.answers.get(self.current),
                question=self.current,
                rank=rank,
                ahead=ahead.name if ahead else None,
            )
            for rank, player, ahead in self.standings()
        }
        return public, results

    @staticmethod
    def your_result(
        player: Player,
        recorded: RecordedAnswer | None,
        *,
        question: int,
        rank: int | None,
        ahead: str | None,
    ) -> p.YourResult:
        """`player`'s own outcome of the question they were asked as `question`, where
        `recorded` is their answer to it (None: not answered)."""
        return p.YourResult(
            question=question,
            answered=recorded is not None,
            correct=bool(recorded and recorded.correct),
            points=recorded.points if recorded else 0,
            score=player.score,
            rank=rank,
            ahead=ahead,
            accepted=recorded.accepted if recorded else "",
        )

    def leaderboard(self, size: int = 5, *, question: int | None = None) -> p.Leaderboard:
        """The top `size` present players, with the places each moved at the last reveal,
        sent after `question` (None: the current one)."""
        top = [
            p.Standing(
                rank=rank, name=player.name, score=player.score, move=self._moves.get(player.id, 0)
            )
            for rank, player, _ in self.standings()[:size]
        ]
        return p.Leaderboard(question=self.current if question is None else question, top=top)

    @staticmethod
    def podium(standings: list[Place]) -> list[p.Standing]:
        """The top three of `standings` (`standings()`), as the game's last word shows them."""
        return [
            p.Standing(rank=rank, name=player.name, score=player.score, move=0)
            for rank, player, _ in standings[:3]
        ]

    def end(self) -> dict[str, p.GameOver]:
        """End the game; each present player's final message (podium and own rank). A
        question still open is not revealed, so its answers do not count."""
        if self.phase != "over":
            self._commit({"e": "end"})
        standings = self.standings()
        podium = self.podium(standings)
        return {
            player.id: p.GameOver(
                podium=podium, rank=rank, score=player.score, players=len(standings)
            )
            for rank, player, _ in standings
        }

    def ranking(self) -> list[Player]:
        """Every player not removed (away ones too), best first; ties keep the order of
        joining. What the results record."""
        return self._best_first(self.active_players())

    def standings(self) -> list[Place]:
        """Present players, best first, with their ranks (ties share one) and the nearest
        player with more points: the leaderboard, the podium and the ranks students are
        told."""
        return ranked(self._best_first(self.present_players()))

    def _best_first(self, players: list[Player]) -> list[Player]:
        order = {pid: index for index, pid in enumerate(self.players)}
        return sorted(players, key=lambda pl: (-pl.score, order[pl.id]))
