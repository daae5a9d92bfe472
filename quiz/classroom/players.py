"""The players of a classroom game as the host keeps them, and how they rank.

A player's `score` counts revealed questions only (quiz.classroom.session). Ties are ties:
equal scores share a rank (1, 1, 3, …), and the player "ahead" of someone is the nearest one
with more points, never merely one who joined earlier.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


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
    score: int = 0  # points of revealed questions only
    streak: int = 0
    kicked: bool = False
    away: bool = False
    connected: bool = False  # told by the server; not an event
    answers: dict[int, RecordedAnswer] = field(default_factory=dict)

    @property
    def present(self) -> bool:
        return not self.kicked and not self.away


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


# A rank, the player, and the nearest player with more points (None: nobody has more).
Place = tuple[int, Player, Player | None]


def ranked(best_first: list[Player]) -> list[Place]:
    """Players already sorted best first, each with their rank and the player ahead."""
    standings: list[Place] = []
    for index, player in enumerate(best_first):
        if standings and standings[-1][1].score == player.score:
            rank, ahead = standings[-1][0], standings[-1][2]
        else:
            rank, ahead = index + 1, standings[-1][1] if standings else None
        standings.append((rank, player, ahead))
    return standings
