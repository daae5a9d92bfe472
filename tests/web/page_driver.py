"""Answering on the student page the way students do: with the mouse (a tap, a drag) or
with the keyboard alone. Answers are given as the texts shown, as a student reads them."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Locator, Page, expect

# The seven questions of classroom_helpers.every_type(), right and wrong, as texts.
RIGHT: list[Any] = [
    "David Miliband",
    "False",
    ["David", "Ed"],
    "Unite",
    ["Election day", "Coalition talks", "Brown resigns", "Nominations close"],
    {"Tony Blair": "Cheesie", "Gordon Brown": "Chalkie", "Geoff Hoon": "Taxi"},
    "236",
]
WRONG: list[Any] = [
    "Ed Balls",
    "True",
    ["Alan"],
    "Labour",
    ["Nominations close", "Brown resigns", "Coalition talks", "Election day"],
    {"Tony Blair": "Taxi", "Gordon Brown": "Taxi", "Geoff Hoon": "Cheesie"},
    "100",
]
KINDS = ["single", "true_false", "multiple", "typed", "ordering", "matching", "numeric"]


def exactly(text: str) -> re.Pattern[str]:
    return re.compile(f"^{re.escape(text)}$")


def join(page: Page, url: str, name: str) -> None:
    page.goto(url + "?code=123456")
    expect(page.locator("#code")).to_have_value("123456")
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Join").click()
    expect(page.locator("#lobby-text")).to_contain_text(f"Playing as {name}")


def wait_for_question(page: Page, number: int, total: int = 7) -> None:
    expect(page.locator("#q-head")).to_have_text(f"Question {number} of {total}")


def shown_choices(page: Page) -> list[str]:
    return page.locator("#q-body .choice .text").all_text_contents()


def order_item(page: Page, text: str) -> Locator:
    return page.locator("#order li", has=page.locator(".text", has_text=exactly(text)))


def answer_with_mouse(page: Page, kind: str, answer: Any) -> None:
    """Tap the choices (drag an ordering by its handles, tap-tap a matching), then Lock in."""
    if kind in ("single", "true_false", "multiple"):
        for text in [answer] if isinstance(answer, str) else answer:
            page.locator("#q-body .choice .text", has_text=exactly(text)).click()
    elif kind in ("typed", "numeric"):
        page.locator("#typed").fill(answer)
    elif kind == "ordering":
        for place, text in enumerate(answer):
            order_item(page, text).scroll_into_view_if_needed()
            page.locator("#order li").nth(place).scroll_into_view_if_needed()
            grip = order_item(page, text).locator(".grip").bounding_box()
            target = page.locator("#order li").nth(place).bounding_box()
            assert grip is not None and target is not None
            page.mouse.move(grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2)
            page.mouse.down()
            page.mouse.move(grip["x"] + grip["width"] / 2, target["y"] + 2, steps=4)
            page.mouse.up()
        expect(page.locator("#order .text")).to_have_text(answer)
    else:
        for left, right in answer.items():
            page.locator("#q-body button.left", has_text=left).click()
            page.locator("#q-body button.right", has_text=exactly_partner(right)).click()
    page.get_by_role("button", name="Lock in").click()


def exactly_partner(text: str) -> re.Pattern[str]:
    return re.compile(rf"^[A-L]\. {re.escape(text)}$")


def answer_with_keyboard(page: Page, kind: str, answer: Any) -> None:
    """Keys only: numbers (and letters) pick, Tab reaches a text box or a button, Enter
    presses it or locks the answer in."""
    keyboard = page.keyboard
    if kind in ("single", "true_false", "multiple"):
        shown = shown_choices(page)
        for text in [answer] if isinstance(answer, str) else answer:
            keyboard.press(str(shown.index(text) + 1))
        keyboard.press("Enter")
    elif kind in ("typed", "numeric"):
        keyboard.press("Tab")
        expect(page.locator("#typed")).to_be_focused()
        keyboard.type(answer)
        keyboard.press("Enter")
    elif kind == "ordering":
        for place, text in enumerate(answer):
            now = page.locator("#order .text").all_text_contents().index(text)
            if now == place:
                continue
            page.get_by_role("button", name=f"Move up: {text}").focus()
            for _ in range(now - place):
                keyboard.press("Enter")
        expect(page.locator("#order .text")).to_have_text(answer)
        tab_to(page, page.get_by_role("button", name="Lock in"))
        keyboard.press("Enter")
    else:
        lefts = page.locator("#q-body button.left > span:first-child").all_text_contents()
        rights = [
            text.split(". ", 1)[1]
            for text in page.locator("#q-body button.right").all_text_contents()
        ]
        for left, right in answer.items():
            keyboard.press(str([t.split(". ", 1)[1] for t in lefts].index(left) + 1))
            keyboard.press("abcdefghijkl"[rights.index(right)])
        keyboard.press("Enter")


def tab_to(page: Page, target: Locator, presses: int = 40) -> None:
    """Press Tab until `target` has the focus (as a keyboard user would)."""
    for _ in range(presses):
        if target.evaluate("node => node === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached it")


def raw_answer(question: dict[str, Any], answer: Any) -> tuple[list[int], str | None]:
    """The same answer in the protocol's form, for a raw client."""
    kind, choices = question["kind"], question["choices"]
    if kind in ("single", "true_false"):
        return [choices.index(answer)], None
    if kind == "multiple":
        return [choices.index(text) for text in answer], None
    if kind in ("typed", "numeric"):
        return [], answer
    if kind == "ordering":
        return [choices.index(text) for text in answer], None
    return [choices.index(answer[left]) for left in question["left"]], None


def join_homework(page: Page, url: str, name: str) -> None:
    """Join a self-paced homework: the page shows the assignment and waits for Next."""
    page.goto(url + "?code=123456")
    expect(page.locator("#code")).to_have_value("123456")
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Join").click()
    expect(page.locator("#hw-head")).to_be_visible()


def shown_question(page: Page, prompts: list[str]) -> int:
    """Which of `prompts` (every_type()'s, in order) the page asks now: its index."""
    return prompts.index(page.locator("#q-prompt").inner_text())
