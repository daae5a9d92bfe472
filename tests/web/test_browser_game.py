"""Five students in real browsers (Debian's chromium) and five raw WebSocket clients play a
whole game of every question type against a real host; the page rejoins after a reload or
a lost connection with its name and score, shows hostile text literally, keeps to its
Content-Security-Policy and asks nothing of any other address."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from classroom_helpers import every_type
from fakes import FakeClock
from page_driver import (
    KINDS,
    RIGHT,
    WRONG,
    answer_with_keyboard,
    answer_with_mouse,
    join,
    raw_answer,
    wait_for_question,
)
from playwright.sync_api import Browser, BrowserContext, Page, expect
from web_helpers import RawStudent, WebHost, web_host

# Fully right at once on the host's (frozen) clock: 1000, plus 100 a question for the
# streak from the second right answer, at most 500.
STREAK_POINTS = [1000, 1100, 1200, 1300, 1400, 1500, 1500]


@pytest.fixture
def host() -> Iterator[WebHost]:
    with web_host(every_type(), FakeClock()) as the_host:
        yield the_host


class Watched:
    """A browser context and its page, with every request, socket and error it made."""

    def __init__(self, browser: Browser) -> None:
        self.context: BrowserContext = browser.new_context()
        self.page: Page = self.context.new_page()
        self.requests: list[str] = []
        self.sockets: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page.on("websocket", lambda socket: self.sockets.append(socket.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console", lambda m: self.errors.append(m.text) if m.type == "error" else None
        )


@pytest.fixture
def watch(browser: Browser) -> Iterator[Callable[[], Watched]]:
    """`watch()`: a new Watched page in its own context, closed when the test ends."""
    made: list[Watched] = []

    def new() -> Watched:
        one = Watched(browser)
        made.append(one)
        return one

    yield new
    for one in made:
        one.context.close()


def test_five_browsers_and_five_raw_clients_play_every_type(
    host: WebHost, watch: Callable[[], Watched]
) -> None:
    names = ["Ann", "Bob", "Cy", "Dee", "Eve"]
    watched = [watch() for _ in names]
    for one, name in zip(watched, names, strict=True):
        join(one.page, host.url, name)
    pages = [one.page for one in watched]
    raws = [RawStudent(host.uri) for _ in range(5)]
    try:
        for index, raw in enumerate(raws):
            raw.join(f"Raw {index + 1}")
        host.wait_for(lambda session: session.present_count == 10)
        expect(pages[0].locator("#lobby-count")).to_have_text("10 players are in.")

        for number, kind in enumerate(KINDS, start=1):
            asked = host.call(host.server.ask_next)
            assert asked.kind == kind
            for page in pages:
                wait_for_question(page, number)
            if kind == "single":
                first = pages[0].locator("#q-body .choice").first
                expect(first.locator(".tag")).to_have_text("1 A ▲")
            # Ann by keyboard alone, Bob and Cy with the mouse, all right; Dee wrong; Eve
            # does not answer.
            answer_with_keyboard(pages[0], kind, RIGHT[number - 1])
            answer_with_mouse(pages[1], kind, RIGHT[number - 1])
            answer_with_mouse(pages[2], kind, RIGHT[number - 1])
            answer_with_mouse(pages[3], kind, WRONG[number - 1])
            for page in pages[:4]:
                expect(page.locator("#q-feedback")).to_have_text(
                    "Locked in. Waiting for the others…"
                )
            for index, raw in enumerate(raws):
                question = raw.next("question")
                chosen = RIGHT if index == 0 else WRONG
                raw.answer(number, *raw_answer(question, chosen[number - 1]))
            host.answered(9)
            host.call(host.server.reveal)

            for page in pages[:3]:
                expect(page.locator("#r-outcome")).to_have_text(
                    f"✓ Right! +{STREAK_POINTS[number - 1]} points"
                )
            expect(pages[3].locator("#r-outcome")).to_have_text("✗ Wrong: 0 points")
            expect(pages[4].locator("#r-outcome")).to_have_text("No answer: 0 points")
            expect(pages[4].locator("#r-head")).to_have_text(f"Question {number}: the answer")
            total = sum(STREAK_POINTS[:number])
            expect(pages[0].locator("#r-standing")).to_have_text(
                f"Score {total} · 1st place · nobody is ahead of you"
            )
            expect(pages[3].locator("#r-standing")).to_have_text(
                "Score 0 · 5th place · just behind Raw 1"
            )
            expect(pages[1].locator("#board li")).to_have_count(5)
            for raw in raws:
                raw.next("leaderboard")

        expect(pages[0].locator("#r-bars li")).to_have_text(
            [
                "Too low (under 232): 5",
                "✓ Right (232–240 hours): 4 (right)",
                "Too high (over 240): 0",
            ]
        )
        host.call(host.server.finish)
        expect(pages[0].locator("#final-rank")).to_have_text(
            "You finished 1st of 10 with 9000 points."
        )
        expect(pages[3].locator("#final-rank")).to_have_text(
            "You finished 5th of 10 with 0 points."
        )
        expect(pages[4].locator("#podium li")).to_have_text(
            ["1st  Ann  9000 points", "1st  Bob  9000 points", "1st  Cy  9000 points"]
        )
        for raw in raws:
            assert raw.next("game_over")["players"] == 10
    finally:
        for raw in raws:
            raw.close()

    origin = host.url.rstrip("/")
    for one in watched:
        assert one.requests and all(url.startswith(origin + "/") for url in one.requests)
        assert one.sockets == [host.uri]
        assert one.errors == []


def scores(host: WebHost) -> dict[str, int]:
    return host.call(lambda: {pl.name: pl.score for pl in host.session.players.values()})


def test_a_reload_mid_question_rejoins_with_name_and_score(
    host: WebHost, watch: Callable[[], Watched]
) -> None:
    page = watch().page
    join(page, host.url, "Ann")
    host.wait_for(lambda session: session.present_count == 1)
    host.call(host.server.ask_next)
    wait_for_question(page, 1)
    answer_with_mouse(page, "single", RIGHT[0])
    host.answered(1)
    host.call(host.server.reveal)
    expect(page.locator("#me")).to_have_text("Ann · 1000 points")

    host.call(host.server.ask_next)
    wait_for_question(page, 2)
    page.reload()
    wait_for_question(page, 2)  # asked again, with the time left
    expect(page.locator("#me")).to_have_text("Ann · 1000 points")
    expect(page.locator("#status")).to_have_text("Back in the game.")
    answer_with_mouse(page, "true_false", RIGHT[1])
    host.answered(1)
    host.call(host.server.reveal)
    expect(page.locator("#r-outcome")).to_have_text("✓ Right! +1100 points")
    expect(page.locator("#me")).to_have_text("Ann · 2100 points")
    assert scores(host) == {"Ann": 2100}  # one player: the reload made nobody new

    # Reloaded after answering: still locked in, not asked again.
    host.call(host.server.ask_next)
    wait_for_question(page, 3)
    answer_with_mouse(page, "multiple", RIGHT[2])
    expect(page.locator("#q-feedback")).to_have_text("Locked in. Waiting for the others…")
    page.reload()
    expect(page.locator("#lobby-text")).to_have_text(
        "Your answer to question 3 is locked in. Waiting for the others…"
    )
    host.call(host.server.reveal)
    expect(page.locator("#r-outcome")).to_have_text("✓ Right! +1200 points")


def test_a_lost_connection_retries_says_so_and_comes_back(
    host: WebHost, watch: Callable[[], Watched]
) -> None:
    page = watch().page
    join(page, host.url, "Ann")
    host.wait_for(lambda session: session.present_count == 1)
    host.call(host.server.ask_next)
    wait_for_question(page, 1)

    async def drop() -> None:
        (connection,) = host.server.connections.values()
        await connection.close(1011, "network trouble")

    host.thread.run(drop)
    expect(page.locator("#status")).to_contain_text("Connection lost. Trying again in 1 s")
    expect(page.locator("#status")).to_have_text("Back in the game.")
    wait_for_question(page, 1)
    answer_with_keyboard(page, "single", RIGHT[0])
    host.answered(1)
    host.call(host.server.reveal)
    expect(page.locator("#r-outcome")).to_have_text("✓ Right! +1000 points")


HOSTILE = "<img src=x onerror=1>"


def test_hostile_names_and_prompts_are_shown_as_text(watch: Callable[[], Watched]) -> None:
    questions = every_type()
    questions[0] = questions[0].model_copy(
        update={"prompt": '<b id="bold">Who</b> is <script>alert(1)</script>?'}
    )
    with web_host(questions, FakeClock()) as host:
        one = watch()
        page = one.page
        join(page, host.url, HOSTILE)
        raw = RawStudent(host.uri)
        try:
            raw.join("[@click=app.quit]x[/]")
            expect(page.locator("#lobby-names li")).to_have_text(
                [HOSTILE, "[@click=app.quit]x[/]"]
            )
            expect(page.locator("#me")).to_have_text(f"{HOSTILE} · 0 points")
            host.call(host.server.ask_next)
            wait_for_question(page, 1)
            expect(page.locator("#q-prompt")).to_have_text(
                '<b id="bold">Who</b> is <script>alert(1)</script>?'
            )
            answer_with_mouse(page, "single", RIGHT[0])
            raw.next("question")
            raw.answer(1, [0])
            host.answered(2)
            host.call(host.server.reveal)
            expect(page.locator("#board li").first).to_contain_text(HOSTILE)
        finally:
            raw.close()
        assert page.locator("main img, main b, main script").count() == 0
        assert one.errors == []


def test_the_policy_stops_a_script_the_page_did_not_ship(
    host: WebHost, watch: Callable[[], Watched]
) -> None:
    one = watch()
    page = one.page
    page.goto(host.url)
    ran: Any = page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.body.appendChild(script);
            return window.injected === true;
        }"""
    )
    assert ran is False
    assert any("Content Security Policy" in error for error in one.errors)


def test_without_a_timer_the_page_shows_no_clock(watch: Callable[[], Watched]) -> None:
    with web_host(every_type(), FakeClock(), timer=False) as host:
        one = watch()
        join(one.page, host.url, "Ann")
        host.call(host.server.ask_next)
        wait_for_question(one.page, 1)
        expect(one.page.locator("#clock")).to_have_text("No time limit")
        expect(one.page.locator("#clock-bar")).to_be_hidden()
