"""axe-core, injected by the test, finds no serious or critical violation on any stage of
the student page (join, lobby, each question type, reveal with the leaderboard, the end),
and of a self-paced homework (the assignment, each question, the student's own result, all
done, the homework closed), at a phone's 360 px with nothing wider than the screen,
answering by keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from classroom_helpers import every_type
from fakes import FakeClock
from page_driver import (
    KINDS,
    RIGHT,
    answer_with_keyboard,
    join,
    join_homework,
    shown_question,
    wait_for_question,
)
from playwright.sync_api import Browser, Page, expect
from web_helpers import WebHost, axe_source, homework_web_host, web_host

from quiz.classroom.deadline import parse_local_time

SERIOUS = """async () => {
    const found = await axe.run(document, {resultTypes: ['violations']});
    return found.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}"""


@pytest.fixture
def host() -> Iterator[WebHost]:
    with web_host(every_type(), FakeClock()) as the_host:
        yield the_host


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    yield context.new_page()
    context.close()


def violations(page: Page, axe: str) -> list[Any]:
    # Evaluated by the test's driver, so the page's own policy does not stop it.
    page.evaluate(axe)
    found: list[Any] = page.evaluate(SERIOUS)
    wider = page.evaluate("() => document.documentElement.scrollWidth")
    if wider > 360:
        found.append(f"the page is {wider} px wide at 360")
    return found


def test_every_stage_has_no_serious_accessibility_violation(host: WebHost, phone: Page) -> None:
    axe = axe_source()
    seen: dict[str, list[Any]] = {}
    phone.goto(host.url)
    seen["join"] = violations(phone, axe)
    join(phone, host.url, "Ann")
    seen["lobby"] = violations(phone, axe)
    for number, kind in enumerate(KINDS, start=1):
        host.call(host.server.ask_next)
        wait_for_question(phone, number)
        seen[kind] = violations(phone, axe)
        answer_with_keyboard(phone, kind, RIGHT[number - 1])
        expect(phone.locator("#q-feedback")).to_have_text("Locked in. Waiting for the others…")
        seen[f"{kind}, locked in"] = violations(phone, axe)
        host.answered(1)
        host.call(host.server.reveal)
        expect(phone.locator("#board li")).to_have_count(1)
        seen[f"{kind}, reveal and leaderboard"] = violations(phone, axe)
    host.call(host.server.finish)
    expect(phone.locator("#final-rank")).to_have_text("You finished 1st of 1 with 9000 points.")
    seen["final"] = violations(phone, axe)
    assert {stage: found for stage, found in seen.items() if found} == {}
    assert len(seen) == 24


def test_every_homework_stage_has_no_serious_accessibility_violation(phone: Page) -> None:
    axe = axe_source()
    prompts = [question.prompt for question in every_type()]
    deadline = parse_local_time("2026-12-05 17:00")
    seen: dict[str, list[Any]] = {}
    with homework_web_host(
        every_type(), FakeClock(), FakeClock(deadline - 60), deadline=deadline
    ) as host:
        join_homework(phone, host.url, "Ann")
        seen["assignment"] = violations(phone, axe)
        for number in range(1, 8):
            phone.keyboard.press("Enter")
            expect(phone.locator("#q-head")).to_have_text(f"Question {number} of 7")
            index = shown_question(phone, prompts)
            seen[KINDS[index]] = violations(phone, axe)
            answer_with_keyboard(phone, KINDS[index], RIGHT[index])
            expect(phone.locator("#r-outcome")).to_contain_text("Right!")
            seen[f"{KINDS[index]}, own result"] = violations(phone, axe)
        phone.keyboard.press("Enter")
        expect(phone.locator("#final-h")).to_have_text("All done")
        seen["all done"] = violations(phone, axe)
        host.call(host.server.finish)
        join_closed = phone.context.new_page()
        join_closed.goto(host.url + "?code=123456")
        join_closed.get_by_label("Your name").fill("Bob")
        join_closed.keyboard.press("Enter")
        expect(join_closed.locator("#gone-h")).to_have_text("The homework is closed")
        seen["closed"] = violations(join_closed, axe)
    assert {stage: found for stage, found in seen.items() if found} == {}
    assert len(seen) == 17
