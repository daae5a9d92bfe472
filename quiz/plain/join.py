"""`quiz join --plain`: the student side as lines on stdout, answers read from stdin.

One input line answers one question, in the same forms as `quiz play --plain`
(quiz.game.answer_input): a choice's number or letter (`2`, `b`), several for multiple
answer (`1,3`), every item's number for an ordering (`3 1 2`), pairs for a matching
(`1b 2a 3c`), a number for a numeric question, or the text for a typed one. A line that
doesn't fit gets a hint and is asked again; the end of input ends answering but the game is
still followed to its end.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from dataclasses import replace
from typing import TextIO

from quiz.classroom import protocol as p
from quiz.classroom.client import ClassroomClient, TokenMemory, join_with_memory
from quiz.classroom.deadline import shown_deadline
from quiz.classroom.deck import positions
from quiz.game import answer_input
from quiz.game.labels import letter, option_label
from quiz.game.views import QuestionView, quote_to_show
from quiz.packs.question import Question
from quiz.safe_text import safe_text


def question_view(question: p.QuestionMessage) -> QuestionView:
    """The game's view of a hosted question, so that it is read and hinted at as in solo play."""
    kind = question.kind
    shown = tuple(question.choices)
    asked = Question(id="classroom", type=kind, prompt=question.prompt, unit=question.unit)
    view = QuestionView(question=asked, number=question.number, total=question.total)
    if kind == "ordering":
        return replace(view, items=shown)
    if kind == "matching":
        return replace(view, lefts=tuple(question.left), rights=shown)
    return replace(view, choices=shown)


def parse_answer(line: str, question: p.QuestionMessage) -> p.Answer:
    """The Answer for an input line, or ValueError with a hint (the solo game's hints)."""
    view = question_view(question)
    value = answer_input.parse_answer(view, line)  # InvalidAnswer is a ValueError
    number = question.number
    if question.kind in ("typed", "numeric"):
        assert isinstance(value, str)
        return p.Answer(question=number, text=value.strip()[: p.MAX_TYPED_ANSWER])
    if isinstance(value, str):
        return p.Answer(question=number, choices=list(positions([value], question.choices)))
    if question.kind == "matching":
        assert isinstance(value, dict)
        partners = [value[left] for left in question.left]
        return p.Answer(question=number, choices=[question.choices.index(r) for r in partners])
    assert isinstance(value, list)
    choices = list(positions(value, question.choices))
    return p.Answer(
        question=number, choices=choices if question.kind == "ordering" else sorted(choices)
    )


def _stdin_lines(stream: TextIO, loop: asyncio.AbstractEventLoop) -> asyncio.Queue[str | None]:
    """Lines of `stream` fed from a daemon thread into a queue; None at end of input."""
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def pump() -> None:
        for line in stream:
            loop.call_soon_threadsafe(queue.put_nowait, line)
        loop.call_soon_threadsafe(queue.put_nowait, None)

    threading.Thread(target=pump, daemon=True, name="quiz-join-stdin").start()
    return queue


async def join_plain(
    client: ClassroomClient,
    *,
    memory: TokenMemory | None = None,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
) -> int:
    """Play a whole game as lines; 0 at the end of the game, 1 if removed by the host."""

    def say(text: str) -> None:
        print(text, file=out, flush=True)

    welcome = await join_with_memory(client, memory)
    say(f"joined as {safe_text(welcome.name, single_line=True)}, score {welcome.score}")
    lines = _stdin_lines(stdin, asyncio.get_running_loop())
    pending: asyncio.Task[None] | None = None
    ended_input = False
    self_paced = False

    # Self-paced homework: the end of input means the student stops for now (they can come
    # back and go on); a live game is followed to its end.
    leave = asyncio.Event()

    async def answer(question: p.QuestionMessage) -> None:
        nonlocal ended_input
        while not ended_input:
            line = await lines.get()
            if line is None:
                ended_input = True
                if self_paced:
                    leave.set()
                return
            try:
                message = parse_answer(line, question)
            except ValueError as hint:
                say(f"hint: {hint}")
                continue
            await client.send(message)
            return

    async def ask_next() -> None:
        """Self-paced homework: the next question comes when the student is ready."""
        nonlocal ended_input
        say("next: press Enter for the next question")
        if not ended_input and await lines.get() is not None:
            await client.send(p.Next())
        else:
            ended_input = True
            leave.set()

    async def follow() -> int:
        nonlocal pending, self_paced
        async for message in client.messages():
            for line in lines_for(message):
                say(line)
            if isinstance(message, p.QuestionMessage | p.Closed) and pending is not None:
                pending.cancel()
            if isinstance(message, p.QuestionMessage):
                pending = asyncio.create_task(answer(message))
            elif isinstance(message, p.Assignment) and message.answered < message.total:
                self_paced = True
                if pending is None or pending.done():
                    pending = asyncio.create_task(ask_next())
            elif isinstance(message, p.YourResult) and self_paced:
                pending = asyncio.create_task(ask_next())
            elif isinstance(message, p.Kicked):
                return 1
        return 0

    following = asyncio.create_task(follow())
    leaving = asyncio.create_task(leave.wait())
    await asyncio.wait({following, leaving}, return_when=asyncio.FIRST_COMPLETED)
    leaving.cancel()
    if following.done():
        code = following.result()
    else:
        following.cancel()
        say("left the homework for now: run the same `quiz join` again to go on")
        code = 0
    if pending is not None:
        pending.cancel()
    await client.close()
    return code


def lines_for(message: p.ServerMessage) -> list[str]:
    """What a student reads for one message from the host."""
    if isinstance(message, p.QuestionMessage):
        return _question_lines(message)
    if isinstance(message, p.Reveal):
        lines = [f"answer: {_clean(message.answer)}"]
        for tally in message.distribution:
            mark = "✓" if tally.right else " "
            lines.append(f"  {mark} {_clean(tally.label)}: {tally.count}")
        if message.explanation:
            lines.append(f"why: {_clean(message.explanation)}")
        source = f" — {_clean(message.attribution)}" if message.attribution else ""
        shown = quote_to_show(message.quote, message.explanation)
        if shown:
            lines.append(f"quote: “{_clean(shown)}”{source}")
        elif message.quote and source:
            lines.append(f"source:{source[2:]}")
        return lines
    if isinstance(message, p.YourResult):
        verdict = "right" if message.correct else "partly right" if message.points else "wrong"
        verdict = verdict if message.answered else "no answer"
        ahead = f", behind {_clean(message.ahead)}" if message.ahead else ""
        score = f"score {message.score}"
        score += f", rank {message.rank}" if message.rank is not None else ""
        lines = [f"{verdict}: +{message.points} points, {score}{ahead}"]
        if message.accepted:
            lines.append(_clean(message.accepted))
        return lines
    if isinstance(message, p.GameOver):
        if message.rank is None:
            return [f"finished: score {message.score}"]
        return [f"game over: rank {message.rank} of {message.players}, score {message.score}"]
    if isinstance(message, p.Assignment):
        return [
            f"homework: {message.answered} of {message.total} answered, score {message.score}, "
            f"due {shown_deadline(message.deadline)}"
        ]
    if isinstance(message, p.Error):
        return [f"error: {_clean(message.message)}"]
    simple = {
        "accepted": "locked in",
        "kicked": "removed by the host",
        "closed": "answers closed",
    }
    if isinstance(message, p.Lobby):
        return [f"lobby: {message.count} players"]
    if isinstance(message, p.Paused):
        return ["paused" if message.paused else "resumed"]
    return [simple[message.type]] if message.type in simple else []


def _question_lines(message: p.QuestionMessage) -> list[str]:
    clock = "no time limit" if message.seconds is None else f"{message.seconds:g} s"
    head = f"question {message.number}/{message.total} ({clock})"
    lines = [f"{head}: {_clean(message.prompt)}"]
    if message.kind == "matching":
        lines += [f"  {i + 1}. {_clean(text)}" for i, text in enumerate(message.left)]
        lines += [f"  {letter(i)}. {_clean(text)}" for i, text in enumerate(message.choices)]
    elif message.kind == "ordering":
        lines += [f"  {i + 1}. {_clean(text)}" for i, text in enumerate(message.choices)]
    else:
        lines += [f"  {option_label(i)}  {_clean(o)}" for i, o in enumerate(message.choices)]
    lines.append(f"answer: {_clean(answer_input.expected_form(question_view(message)))}")
    return lines


def _clean(text: str) -> str:
    return safe_text(text, single_line=True)
