"""`quiz join --plain` with every question type: shown as lines, answered in the forms of
`quiz play --plain`, and the reveal's distribution and a typed near miss said in words."""

from __future__ import annotations

import asyncio
import io

from classroom_helpers import Host

from quiz.classroom import protocol as p
from quiz.classroom.deck import HostedQuestion
from quiz.classroom.flow import wait_for_players, wait_until
from quiz.game.labels import letter
from quiz.plain.join import join_plain, lines_for


def right_line(hosted: HostedQuestion) -> str:
    """What a student who knows the answer types for `hosted`."""
    kind = hosted.kind
    if kind == "typed":
        return "Unit"  # a near miss of "Unite", accepted
    if kind == "numeric":
        return "238"
    if kind == "matching":
        return " ".join(f"{left + 1}{letter(right)}" for left, right in enumerate(hosted.correct))
    return " ".join(str(index + 1) for index in hosted.correct)


async def test_a_plain_student_answers_every_type_in_the_solo_forms(every_host: Host) -> None:
    server, session = every_host.server, every_host.session
    lines = ["9"]  # does not fit question 1: a hint, then the right answer
    lines += [right_line(hosted) for hosted in session.questions]
    stdin = io.StringIO("\n".join(lines) + "\n")
    out = io.StringIO()
    client = every_host.client("Ann")
    student = asyncio.create_task(join_plain(client, stdin=stdin, out=out))
    async with asyncio.timeout(20):
        await wait_for_players(server, 1)
        for _ in session.questions:
            server.ask_next()
            await wait_until(server, session.everyone_answered)
            server.reveal()
        server.finish()
        assert await student == 0
    text = out.getvalue()
    assert "hint: '9' is not a choice. Answer with a number 1-4 or a letter A-D." in text
    assert "Put the items in order: type their numbers, first to last, e.g. 3 1 2" in text
    assert "answer: Pair each number with a letter, e.g. 1b 2a 3c" in text
    assert "answer: Type a number (hours)" in text
    assert "  1. Tony Blair" in text
    assert "Accepted 'Unit' as Unite" in text
    assert "  ✓ All in the right order: 1" in text
    assert "  ✓ Right (232–240 hours): 1" in text
    assert text.count("right: +") == 7
    assert "game over: rank 1 of 1" in text
    assert sum(answer.correct for answer in session.players["p1"].answers.values()) == 7


def test_matching_questions_show_numbered_items_and_lettered_partners() -> None:
    question = p.QuestionMessage(
        number=6,
        total=7,
        kind="matching",
        prompt="Match [b]them[/b]",
        choices=["Taxi", "Cheesie\x1b[2J"],
        left=["Geoff Hoon", "Tony Blair"],
        seconds=20,
    )
    assert lines_for(question) == [
        "question 6/7 (20 s): Match [b]them[/b]",
        "  1. Geoff Hoon",
        "  2. Tony Blair",
        "  A. Taxi",
        "  B. Cheesie",
        "answer: Pair each number with a letter, e.g. 1b 2a 3c",
    ]


def test_a_reveal_prints_a_quote_once_with_its_source() -> None:
    said = "The article calls him “the ultimate vacant man”."
    reveal = p.Reveal(
        question=1, correct=[0], answer="David Miliband", counts=[1], explanation=said,
        quote="the ultimate vacant man", attribution="Labour leadership race",
    )  # fmt: skip
    lines = lines_for(reveal)
    assert lines[-2:] == [f"why: {said}", "source: Labour leadership race"]
    other = reveal.model_copy(update={"quote": "he has gone missing"})
    assert lines_for(other)[-1] == "quote: “he has gone missing” — Labour leadership race"
