"""Guessing the join code: slowed per address and for the whole host, never a lock-out of a
class behind one address, never a wait for a valid token."""

from __future__ import annotations

import asyncio

import pytest
from classroom_helpers import Host
from fakes import FakeClock

from quiz.classroom.guesses import CodeGuesses, network_of


async def test_one_student_mistyping_does_not_lock_out_the_others_on_the_same_address(
    host: Host,
) -> None:
    ann = await host.raw()
    welcome = await ann.join("Ann")
    for _ in range(12):  # a student who keeps mistyping, on the lab's one address
        assert (await (await host.raw()).join("Bob", code="000000"))["code"] == "bad_code"
    # The first ten cost nothing; then each check waits its turn (6 s on the host's clock).
    assert host.slept == [6.0, 6.0]
    cy = await (await host.raw()).join("Cy")  # a classmate with the right code gets in
    assert cy["type"] == "welcome"
    assert host.slept == [6.0, 6.0, 6.0]
    # A student coming back with their token never waits for a check.
    again = await (await host.raw()).join(token=welcome["token"])
    assert again["type"] == "welcome" and again["rejoined"] is True
    assert host.slept == [6.0, 6.0, 6.0]


async def test_a_wrong_token_is_a_guess_like_a_wrong_code(host: Host) -> None:
    for _ in range(10):
        assert (await (await host.raw()).join("X", code="000000"))["code"] == "bad_code"
    refused = await (await host.raw()).join(token="p1.not-a-token", code="000000")
    assert refused["code"] == "bad_code"
    assert host.slept == [6.0]


class Attacker:
    """Guesses as fast as the host lets it, on a clock that moves only by waiting."""

    def __init__(self) -> None:
        self.clock = FakeClock(0.0)

    async def sleep(self, seconds: float) -> None:
        self.clock.now += seconds

    async def guesses_in(self, minutes: float, addresses: int) -> int:
        guesses = CodeGuesses(clock=self.clock, sleep=self.sleep)
        made = 0
        while True:
            address = f"10.0.{made % addresses // 256}.{made % addresses % 256}"
            await guesses.take(address)
            if self.clock.now > minutes * 60:
                return made
            made += 1


@pytest.mark.parametrize(
    ("addresses", "in_an_hour"),
    [(1, 10 + 600), (1000, 100 + 6000)],
)
async def test_an_attacker_gets_10_guesses_a_minute_per_address_and_100_overall(
    addresses: int, in_an_hour: int
) -> None:
    assert await Attacker().guesses_in(60, addresses) == in_an_hour


async def test_a_right_code_gives_its_check_back() -> None:
    clock = FakeClock(0.0)
    guesses = CodeGuesses(clock=clock, per_address=1)
    for _ in range(5):
        assert await guesses.take("10.0.0.1")
        guesses.give_back("10.0.0.1")
    assert clock.now == 0.0  # nobody waited


async def test_too_many_waiting_on_one_address_are_refused_not_queued_forever() -> None:
    clock = FakeClock(0.0)
    release = asyncio.Event()

    async def sleep(seconds: float) -> None:
        await release.wait()
        clock.now += seconds

    guesses = CodeGuesses(clock=clock, sleep=sleep, per_address=1, most_waiting=3)
    assert await guesses.take("10.0.0.1")  # the budget of one is spent
    waiting = [asyncio.create_task(guesses.take("10.0.0.1")) for _ in range(3)]
    await asyncio.sleep(0)
    assert await guesses.take("10.0.0.1") is False  # a fourth is told to come back
    assert await guesses.take("10.0.0.2") is True  # another address is not held up
    release.set()
    assert await asyncio.gather(*waiting) == [True, True, True]


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", True),
        ("2001:db8:1:2::1", "2001:db8:1:3::1", False),
        ("::ffff:10.0.0.7", "10.0.0.7", True),
        ("10.0.0.7", "10.0.0.8", False),
    ],
)
def test_ipv6_addresses_are_limited_by_their_64_network(one: str, other: str, same: bool) -> None:
    assert (network_of(one) == network_of(other)) is same
