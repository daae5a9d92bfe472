"""Every frame a student receives, captured: nothing before a reveal tells the right answer,
the pack's choice order, or the pack's id and title."""

from __future__ import annotations

import json

from classroom_helpers import PACK_ID, PACK_TITLE, Host, next_of, sample_questions

ALLOWED_BEFORE_REVEAL = {
    "welcome": {"v", "type", "player", "name", "token", "score", "rejoined"},
    "lobby": {"v", "type", "count", "latest", "locked"},
    "question": {
        "v",
        "type",
        "number",
        "total",
        "kind",
        "prompt",
        "choices",
        "seconds",
        "left",
        "unit",
    },
    "accepted": {"v", "type", "question"},
    "error": {"v", "type", "code", "message"},
    "closed": {"v", "type", "question"},
}


async def test_no_correct_answer_leaves_the_host_before_the_reveal(host: Host) -> None:
    frames: list[tuple[int, str]] = []  # (question open when received, raw frame)
    state = {"q": 0}
    ann = host.client("Ann", frames=lambda raw: frames.append((state["q"], raw)))
    await ann.join()
    bob = host.client("Bob")
    await bob.join()
    questions = sample_questions()
    reordered = 0
    for number, question in enumerate(questions, 1):
        state["q"] = number
        host.server.ask_next()
        sent = await next_of(ann, "question")
        reordered += list(sent.choices) != list(question.choices)
        await ann.answer(number, choices=[0]) if sent.choices else await ann.answer(
            number, text="x"
        )
        await next_of(ann, "accepted")
        await bob.answer(number, choices=[0]) if sent.choices else await bob.answer(
            number, text="x"
        )
        host.server.reveal()
        await next_of(ann, "leaderboard")
    host.server.finish()
    await next_of(ann, "game_over")

    secrets = [PACK_ID, PACK_TITLE] + [q.id for q in questions]
    revealed: set[int] = set()
    for number, raw in frames:
        frame = json.loads(raw)
        if frame["type"] == "reveal":
            revealed.add(frame["question"])
        for secret in secrets:
            assert secret not in raw, f"{secret!r} leaked in {raw}"
        if number in revealed or frame["type"] in ("result", "leaderboard", "game_over", "reveal"):
            continue
        assert frame["type"] in ALLOWED_BEFORE_REVEAL, raw
        assert set(frame) <= ALLOWED_BEFORE_REVEAL[frame["type"]], raw
        question = questions[number - 1] if number else None
        if question is not None and question.type == "typed":
            for answer in question.answers:
                assert answer.casefold() not in raw.casefold(), f"typed answer leaked: {raw}"
        if question is not None and frame["type"] == "error":
            assert "correct" not in raw and "right" not in raw
    # The host's shuffle, not the pack's order, for at least one of the choice questions.
    assert reordered >= 1
    assert len(revealed) == len(questions)
