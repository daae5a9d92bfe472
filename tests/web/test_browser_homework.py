"""Self-paced homework in real browsers: two students on the page and one raw client work
through the questions in their own order against a real homework host; each sees the
assignment, asks for the next question (button or Enter), sees their own result only after
answering, comes back after a reload where they were, and ends with "All done" and no
rank. A late joiner is told politely that the homework has closed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from classroom_helpers import every_type
from fakes import FakeClock
from page_driver import (
    KINDS,
    RIGHT,
    WRONG,
    answer_with_keyboard,
    answer_with_mouse,
    join_homework,
    raw_answer,
    shown_question,
)
from playwright.sync_api import Browser, BrowserContext, Page, expect
from web_helpers import RawStudent, WebHost, homework_web_host

from quiz.classroom.deadline import parse_local_time

PROMPTS = [question.prompt for question in every_type()]
# Fully right at once on the host's frozen clock: 1000, plus 100 a question for the streak
# from the second right answer, at most 500.
STREAK_POINTS = [1000, 1100, 1200, 1300, 1400, 1500, 1500]
HOSTILE = "<img src=x onerror=1>"
DUE = "2026-12-05 17:00"


@pytest.fixture
def homework() -> Iterator[WebHost]:
    deadline = parse_local_time(DUE)
    with homework_web_host(
        every_type(), FakeClock(), FakeClock(deadline - 3600), deadline=deadline
    ) as host:
        yield host


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    made: list[BrowserContext] = []
    yield made
    for context in made:
        context.close()


def new_page(browser: Browser, contexts: list[BrowserContext], errors: list[str]) -> Page:
    context = browser.new_context()
    contexts.append(context)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page


def progress(answered: int, points: str) -> str:
    return f"Homework: {answered} of 7 answered, {points} points, due {DUE}"


def test_two_browsers_and_a_raw_client_do_their_homework(
    homework: WebHost, browser: Browser, contexts: list[BrowserContext]
) -> None:
    errors: list[str] = []
    ann = new_page(browser, contexts, errors)
    bob = new_page(browser, contexts, errors)
    join_homework(ann, homework.url, HOSTILE)
    join_homework(bob, homework.url, "Bob")
    expect(ann.locator("#hw-line")).to_have_text(progress(0, "0"))
    expect(ann.locator("#me")).to_have_text(f"{HOSTILE} · 0 points")

    raw = RawStudent(homework.uri)
    try:
        welcome = raw.join("[@click=app.quit]x[/]")
        assert welcome["name"] == "[@click=app.quit]x[/]"
        assignment = raw.receive()
        assert {k: assignment[k] for k in ("type", "answered", "total", "score")} == {
            "type": "assignment",
            "answered": 0,
            "total": 7,
            "score": 0,
        }

        # Ann: Enter for each question, answers right (keyboard and mouse in turn).
        seen: set[int] = set()
        for number in range(1, 8):
            ann.keyboard.press("Enter")
            expect(ann.locator("#q-head")).to_have_text(f"Question {number} of 7")
            # Nothing about the question before answering it.
            expect(ann.locator("#stage-reveal")).to_be_hidden()
            index = shown_question(ann, PROMPTS)
            seen.add(index)
            answer = answer_with_keyboard if number % 2 else answer_with_mouse
            answer(ann, KINDS[index], RIGHT[index])
            expect(ann.locator("#r-outcome")).to_have_text(
                f"✓ Right! +{STREAK_POINTS[number - 1]} points"
            )
            total = sum(STREAK_POINTS[:number])
            expect(ann.locator("#r-standing")).to_have_text(f"Score {total}")
            expect(ann.locator("#r-head")).to_be_focused()
            expect(ann.locator("#r-bars-h")).to_be_hidden()
            expect(ann.locator("#board-h")).to_be_hidden()
            expect(ann.locator("#hw-line")).to_have_text(progress(number, f"{total:,}"))
        assert seen == set(range(7))  # every type, in Ann's own order
        ann.keyboard.press("Enter")
        expect(ann.locator("#final-h")).to_have_text("All done")
        expect(ann.locator("#final-rank")).to_have_text("You finished with 9,000 points.")
        expect(ann.locator("#podium-h")).to_be_hidden()

        # Bob: the button; one wrong answer; a reload with a question open, and one after
        # a result, bring him back where he was.
        bob.get_by_role("button", name="Next question").click()
        expect(bob.locator("#q-head")).to_have_text("Question 1 of 7")
        first = shown_question(bob, PROMPTS)
        answer_with_mouse(bob, KINDS[first], WRONG[first])
        expect(bob.locator("#r-outcome")).to_contain_text("0 points")
        expect(bob.locator("#hw-line")).to_have_text(progress(1, "0"))
        bob.locator("#r-next").click()
        expect(bob.locator("#q-head")).to_have_text("Question 2 of 7")
        second = shown_question(bob, PROMPTS)
        bob.reload()
        expect(bob.locator("#q-head")).to_have_text("Question 2 of 7")
        expect(bob.locator("#stage-question")).to_be_visible()
        assert shown_question(bob, PROMPTS) == second
        expect(bob.locator("#hw-line")).to_have_text(progress(1, "0"))
        answer_with_keyboard(bob, KINDS[second], RIGHT[second])
        expect(bob.locator("#r-outcome")).to_have_text("✓ Right! +1000 points")
        bob.reload()
        expect(bob.locator("#hw-head")).to_be_visible()
        expect(bob.locator("#hw-line")).to_have_text(progress(2, "1,000"))
        expect(bob.locator("#me")).to_have_text("Bob · 1000 points")

        # The raw client: next, question, answer, then accepted, reveal, result, in order.
        for number in range(1, 8):
            raw.send(type="next")
            question = raw.receive()
            assert (question["type"], question["number"]) == ("question", number)
            index = PROMPTS.index(question["prompt"])
            choices, text = raw_answer(question, RIGHT[index])
            raw.send(type="answer", question=number, choices=choices, text=text)
            assert [raw.receive()["type"] for _ in range(3)] == ["accepted", "reveal", "result"]
        raw.send(type="next")
        final = raw.receive()
        assert (final["type"], final["rank"], final["podium"], final["score"]) == (
            "game_over",
            None,
            [],
            9000,
        )

        # The teacher closes the homework: Bob is told, a late joiner is refused politely.
        homework.call(homework.server.finish)
        expect(bob.locator("#final-h")).to_have_text("All done")
        expect(bob.locator("#final-rank")).to_have_text("You finished with 1,000 points.")
        late = new_page(browser, contexts, errors)
        late.goto(homework.url + "?code=123456")
        late.get_by_label("Your name").fill("Cy")
        late.get_by_role("button", name="Join").click()
        expect(late.locator("#gone-h")).to_have_text("The homework is closed")
        expect(late.locator("#gone-text")).to_have_text(
            f"Sorry, this homework closed at {DUE}. Ask your teacher if you still need to do it."
        )
    finally:
        raw.close()
    assert ann.locator("main img").count() == 0
    assert errors == []
