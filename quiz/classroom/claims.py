"""Claims to a name: a student who lost their token (another machine, a wiped folder) joins
with their name, and the teacher decides whether they are that player.

The host screen lists `Claims.pending` and calls `approve` or `refuse`; the server tells the
claimant (`pending`, then a `welcome` with a new token or `error` `name_taken`). A claim
lapses when the player comes back with their token, is removed, or when a newer claim to the
same name arrives.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from quiz.classroom.players import Player

CLAIM_TIMEOUT = 300.0  # how long a claim waits for the teacher


@dataclass
class Claim:
    """A student without a token asks to be `player` again, from `address`."""

    id: int
    player: Player
    address: str
    decision: asyncio.Future[bool] = field(repr=False)


class Claims:
    """The claims waiting for the teacher. `listener` hears "claim" when one arrives and
    "claim_closed" when it is decided or lapses."""

    def __init__(self, listener: Callable[[str, dict[str, Any]], None]) -> None:
        self.listener = listener
        self.pending: dict[int, Claim] = {}
        self._count = 0

    def open(self, player: Player, address: str) -> Claim:
        """A new claim to `player`'s name; an older one to the same name lapses."""
        self.lapse(player)
        self._count += 1
        claim = Claim(self._count, player, address, asyncio.get_running_loop().create_future())
        self.pending[claim.id] = claim
        self.listener(
            "claim",
            {"claim": claim.id, "player": player.id, "name": player.name, "address": address},
        )
        return claim

    def approve(self, claim_id: int) -> None:
        """The teacher says the claimant is that player: they get in with a new token."""
        if claim_id in self.pending:
            self.decide(self.pending[claim_id], True)

    def refuse(self, claim_id: int) -> None:
        """The teacher says no: the claimant is told the name is taken."""
        if claim_id in self.pending:
            self.decide(self.pending[claim_id], False)

    def lapse(self, player: Player) -> None:
        """Refuse every claim to `player` (back with their token, removed, claimed anew)."""
        for claim in [c for c in self.pending.values() if c.player is player]:
            self.decide(claim, False)

    def lapse_all(self) -> None:
        for claim in list(self.pending.values()):
            self.decide(claim, False)

    def decide(self, claim: Claim, approved: bool) -> None:
        if self.pending.pop(claim.id, None) is not None:
            if not claim.decision.done():
                claim.decision.set_result(approved)
            self.listener("claim_closed", {"claim": claim.id, "approved": approved})

    async def wait(self, claim: Claim, closed: asyncio.Future[Any]) -> bool:
        """Whether the teacher approved `claim`: False if refused, lapsed, not decided within
        CLAIM_TIMEOUT, or if `closed` (the claimant's connection closing) comes first."""
        waits: set[asyncio.Future[Any]] = {claim.decision, closed}
        done, _ = await asyncio.wait(
            waits, timeout=CLAIM_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        approved = claim.decision in done and claim.decision.result()
        self.decide(claim, approved)
        return approved
