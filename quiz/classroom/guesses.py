"""How fast the join code can be guessed: a budget of code checks per network address and
one for the whole host, refilled with time, that only wrong codes use up.

Each join that has to check the code (any join but one with a valid token) takes one check
from its address's budget and from the host's, and gets it back if the code was right: a
class joining costs nothing, however many share an address. Once a budget is spent, checks
are not refused but slowed: they take their turn, one at a time per address, as the budget
refills, so in a lab where someone kept mistyping the next student waits a few seconds and
is never locked out. Only when many are already waiting on one address is a join refused
(`rate_limited`: try again shortly), and the connection stays open.

With the defaults (10 checks per address, refilled at 10 a minute; 100 for the host, refilled
at 100 a minute) an attacker gets at most 10 guesses a minute from one address and 100 a
minute from any number of addresses. A 6-digit code has 1,000,000 values: a one-hour lesson
gives at most 6,100 guesses, a 0.6 % chance of finding the code; finding it for sure takes
about a week of guessing from many machines, and about 70 days from one.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

PER_ADDRESS = 10
PER_ADDRESS_PER_MINUTE = 10
OVERALL = 100
OVERALL_PER_MINUTE = 100
MOST_WAITING = 16  # joins waiting their turn on one address before more are refused
_FORGET_AFTER = 4096  # addresses remembered before full budgets are forgotten


@dataclass
class _Budget:
    size: float
    per_second: float
    left: float
    at: float

    def refill(self, now: float) -> None:
        self.left = min(self.size, self.left + (now - self.at) * self.per_second)
        self.at = now

    def wait(self) -> float:
        """Seconds until a whole check is left (0: one is left now, give or take the
        rounding of the refills)."""
        missing = 1 - self.left
        return missing / self.per_second if missing > 1e-9 else 0.0


def network_of(address: str) -> str:
    """The key an address is limited under: the address itself for IPv4, the /64 network
    for IPv6 (one machine is often given a whole /64)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class CodeGuesses:
    """The code-check budgets of one host (see the module's docstring). `sleep` waits on
    `clock`'s time (tests give both as fakes)."""

    def __init__(
        self,
        *,
        per_address: int = PER_ADDRESS,
        per_address_per_minute: float = PER_ADDRESS_PER_MINUTE,
        overall: int = OVERALL,
        overall_per_minute: float = OVERALL_PER_MINUTE,
        most_waiting: int = MOST_WAITING,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.per_address = per_address
        self.per_address_rate = per_address_per_minute / 60
        self.most_waiting = most_waiting
        self.clock = clock
        self.sleep = sleep
        self._overall = _Budget(overall, overall_per_minute / 60, overall, clock())
        self._addresses: dict[str, _Budget] = {}
        self._turns: dict[str, asyncio.Lock] = {}
        self._waiting: dict[str, int] = {}

    async def take(self, address: str) -> bool:
        """Wait for this address's turn and for a check to be left, then take it. False,
        taking nothing, when `most_waiting` joins from the address are waiting already."""
        key = network_of(address)
        if self._waiting.get(key, 0) >= self.most_waiting:
            return False
        self._waiting[key] = self._waiting.get(key, 0) + 1
        turn = self._turns.setdefault(key, asyncio.Lock())
        try:
            async with turn:
                while (wait := self._wait(key)) > 0:
                    await self.sleep(wait)
                self._addresses[key].left -= 1
                self._overall.left -= 1
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._turns[key]
        return True

    def give_back(self, address: str) -> None:
        """The code was right: the check taken for it is returned."""
        key = network_of(address)
        now = self.clock()
        budget = self._budget(key, now)
        budget.left = min(budget.size, budget.left + 1)
        self._overall.refill(now)
        self._overall.left = min(self._overall.size, self._overall.left + 1)
        if budget.left >= budget.size:
            del self._addresses[key]  # a full budget is the default: nothing to remember

    def _wait(self, key: str) -> float:
        now = self.clock()
        budget = self._budget(key, now)
        self._overall.refill(now)
        return max(budget.wait(), self._overall.wait())

    def _budget(self, key: str, now: float) -> _Budget:
        budget = self._addresses.get(key)
        if budget is None:
            if len(self._addresses) >= _FORGET_AFTER:
                self._forget_full(now)
            budget = self._addresses[key] = _Budget(
                self.per_address, self.per_address_rate, self.per_address, now
            )
        budget.refill(now)
        return budget

    def _forget_full(self, now: float) -> None:
        for key, budget in list(self._addresses.items()):
            budget.refill(now)
            if budget.left >= budget.size and key not in self._turns:
                del self._addresses[key]
