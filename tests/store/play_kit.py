"""Playing one round through each front end for the save tests; not a test module itself."""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path

import pytest

from quiz.cli import main

ONE_QUESTION = """
[pack]
id = "one"
title = "One question"

[[questions]]
id = "q"
type = "single"
prompt = "Pick the second"
choices = ["first", "second", "third"]
answer = "second"
"""


def write_pack(folder: Path) -> Path:
    """A one-question pack (id "one") in `folder`."""
    pack = folder / "one.toml"
    pack.write_text(ONE_QUESTION, encoding="utf-8")
    return pack


def run_cli(argv: list[str], stdin: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """`quiz ARGV` in this process with `stdin`; every line it printed (stdout, stderr).
    The command must succeed."""
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(argv)
    finally:
        sys.stdin = sys.__stdin__
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return (captured.out + captured.err).splitlines()


def play_plain(
    root: Path, pack: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> list[str]:
    """One round of `quiz play --plain` as Ada, answering "2"; the lines printed."""
    argv = ["play", "--plain", "--pack", str(pack), "--player", "Ada", "--seed", "1"]
    return run_cli([*argv, *options, "--saves", str(root)], "2\n", capsys)


async def play_in_app(root: Path, pack: Path) -> list[str]:
    """One round as Ada in the Textual app; what it said to the player: its notifications,
    then the notes on the summary screen."""
    from quiz.packs.playable import open_playable
    from quiz.tui.app import QuizApp
    from quiz.tui.screens.summary import SummaryScreen

    said: list[str] = []

    class RecordingApp(QuizApp):
        def notify(self, message: str, **options: object) -> None:  # type: ignore[override]
            said.append(str(message))
            super().notify(message, **options)  # type: ignore[arg-type]

    now = [0.0]  # the game's clock: a second passes before the answer (the input guard)
    app = RecordingApp(
        open_playable(str(pack)), player="Ada", saves=str(root), seed=1, clock=lambda: now[0]
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        now[0] += 1.0
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(100):
            if isinstance(app.screen, SummaryScreen):
                break
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        # What recording the round said arrives from the saves thread.
        await asyncio.to_thread(app.saves.wait_idle)
        await pilot.pause()
        said.extend(app.screen.notes)
        said.extend(str(note.render()) for note in app.screen.query(".note"))
        if app.screen.celebrated:
            said.append(app.screen.celebrated)
    return said
