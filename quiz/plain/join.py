"""`quiz join --plain`: the student side as lines on stdout, answers read from stdin.

One input line answers one question: a choice number (`2`), several for multiple answer
(`1,3` or `1 3`), or the text for a typed answer. A line that doesn't fit gets a hint and is
asked again; the end of input ends answering but the game is still followed to its end.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from typing import TextIO

from quiz.classroom import protocol as p
from quiz.classroom.client import ClassroomClient, TokenMemory, join_with_memory
from quiz.game.labels import option_label
from quiz.safe_text import safe_text


def parse_answer(line: str, question: p.QuestionMessage) -> p.Answer:
    """The Answer for an input line, or ValueError with a hint."""
    text = line.strip()
    if question.kind == "typed":
        if not text:
            raise ValueError("type your answer")
        return p.Answer(question=question.number, text=text[: p.MAX_TYPED_ANSWER])
    parts = text.replace(",", " ").split()
    count = len(question.choices)
    if not parts or not all(part.isdigit() and 1 <= int(part) <= count for part in parts):
        raise ValueError(f"answer with a number from 1 to {count}")
    if question.kind != "multiple" and len(parts) != 1:
        raise ValueError("pick one choice")
    return p.Answer(question=question.number, choices=sorted({int(part) - 1 for part in parts}))


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

    async def answer(question: p.QuestionMessage) -> None:
        nonlocal ended_input
        while not ended_input:
            line = await lines.get()
            if line is None:
                ended_input = True
                return
            try:
                message = parse_answer(line, question)
            except ValueError as hint:
                say(f"hint: {hint}")
                continue
            await client.send(message)
            return

    async for message in client.messages():
        for line in lines_for(message):
            say(line)
        if isinstance(message, p.QuestionMessage | p.Closed) and pending is not None:
            pending.cancel()
        if isinstance(message, p.QuestionMessage):
            pending = asyncio.create_task(answer(message))
        elif isinstance(message, p.Kicked):
            return 1
    if pending is not None:
        pending.cancel()
    await client.close()
    return 0


def lines_for(message: p.ServerMessage) -> list[str]:
    """What a student reads for one message from the host."""
    if isinstance(message, p.QuestionMessage):
        head = f"question {message.number}/{message.total} ({message.seconds:g} s)"
        lines = [f"{head}: {_clean(message.prompt)}"]
        lines += [f"  {option_label(i)}  {_clean(o)}" for i, o in enumerate(message.choices)]
        if message.kind == "multiple":
            lines.append("answer: one or more numbers, e.g. 1,3")
        elif message.kind == "typed":
            lines.append("answer: type it")
        return lines
    if isinstance(message, p.Reveal):
        lines = [f"answer: {_clean(message.answer)}"]
        if message.explanation:
            lines.append(f"why: {_clean(message.explanation)}")
        if message.quote:
            lines.append(f"quote: “{_clean(message.quote)}” {_clean(message.attribution)}".rstrip())
        return lines
    if isinstance(message, p.YourResult):
        verdict = "right" if message.correct else "partly right" if message.points else "wrong"
        verdict = verdict if message.answered else "no answer"
        ahead = f", behind {_clean(message.ahead)}" if message.ahead else ""
        score = f"score {message.score}, rank {message.rank}"
        return [f"{verdict}: +{message.points} points, {score}{ahead}"]
    if isinstance(message, p.GameOver):
        return [f"game over: rank {message.rank} of {message.players}, score {message.score}"]
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


def _clean(text: str) -> str:
    return safe_text(text, single_line=True)
