"""The session journal: every event appended as one JSON line and fsynced as it happens.

A host that crashes loses at most the event it was writing; a torn last line is ignored on
reading and cut off before anything is appended after it. Layout under the saves folder:
`classroom/<session-id>/journal.jsonl`, and at the end `results.json` (see
quiz.classroom.results). A journal with nothing after its header is a game that never got
going (a start that failed, say on a busy port): `--resume` passes it by.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz.classroom.deck import HostedQuestion
from quiz.classroom.self_paced import SelfPacedSession
from quiz.classroom.session import HostSession
from quiz.errors import QuizError

CLASSROOM_FOLDER = "classroom"
JOURNAL_NAME = "journal.jsonl"


def sessions_root(saves: Path) -> Path:
    return saves / CLASSROOM_FOLDER


def new_session_id(now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{secrets.token_hex(2)}"


class Journal:
    """Append-only, fsynced event log of one session.

    `append` writes and flushes each event at once (it survives the host process being
    killed). Making it durable on disk is `fsync`, which costs milliseconds: `append` alone
    fsyncs before returning, unless the journal is in `group_commit` mode, where a background
    thread fsyncs in batches and `await durable()` returns once everything appended so far
    is on disk. The server awaits it before acknowledging a join or an answer, so a student
    is never told "locked in" for an answer a power cut could lose, and a class of hundreds
    answering at once costs a few fsyncs, not hundreds.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / JOURNAL_NAME
        self._file: Any = None
        self.group_commit = False
        self._appended = 0  # events written
        self._synced = 0  # events known to be on disk
        self._syncing: asyncio.Task[None] | None = None
        self._synced_event: asyncio.Event | None = None
        # A thread of our own for the fsyncs (its module imported with this one: a host out
        # of open files could no longer import what asyncio's default executor needs).
        self._fsync_thread: ThreadPoolExecutor | None = None

    @classmethod
    def create(cls, saves: Path, session_id: str) -> Journal:
        folder = sessions_root(saves) / session_id
        try:
            folder.mkdir(parents=True, exist_ok=False)
        except OSError as error:
            raise QuizError(
                f"{folder}: cannot create the session folder: {error.strerror}"
            ) from None
        return cls(folder)

    def append(self, event: dict[str, Any]) -> None:
        """Write one event and make it durable before returning."""
        if self._file is None:
            try:
                self._cut_torn_tail()
                self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 (kept open)
            except OSError as error:
                raise QuizError(
                    f"{self.path}: cannot write the journal: {error.strerror}"
                ) from None
        self._file.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._file.flush()
        self._appended += 1
        if not self.group_commit:
            os.fsync(self._file.fileno())
            self._synced = self._appended
        elif self._syncing is None:
            self._syncing = asyncio.get_running_loop().create_task(self._sync_batches())

    def _cut_torn_tail(self) -> None:
        """A last line without its newline was torn by a crash: cut it off (or, if it is a
        whole event, end it) so that the next event starts on a line of its own."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if size == 0:
            return
        with open(self.path, "rb+") as file:
            file.seek(max(0, size - 65536))
            tail = file.read()
            if tail.endswith(b"\n"):
                return
            start = tail.rfind(b"\n") + 1
            if start == 0 and size > len(tail):
                raise OSError(0, f"a journal line longer than {len(tail)} bytes")
            if _is_event(tail[start:]):
                file.write(b"\n")
            else:
                file.truncate(size - len(tail) + start)
            file.flush()
            os.fsync(file.fileno())

    async def durable(self) -> None:
        """Return once every event appended so far has been fsynced."""
        target = self._appended
        while self._synced < target:
            if self._syncing is None:
                self._syncing = asyncio.get_running_loop().create_task(self._sync_batches())
            if self._synced_event is None:
                self._synced_event = asyncio.Event()
            waiter = self._synced_event
            await waiter.wait()

    async def _sync_batches(self) -> None:
        try:
            while self._synced < self._appended and self._file is not None:
                batch_end = self._appended
                if self._fsync_thread is None:
                    self._fsync_thread = ThreadPoolExecutor(1, thread_name_prefix="quiz-journal")
                loop = asyncio.get_running_loop()
                await loop.run_in_executor(self._fsync_thread, os.fsync, self._file.fileno())
                self._synced = batch_end
                if self._synced_event is not None:
                    self._synced_event.set()
                    self._synced_event = None
        finally:
            self._syncing = None

    def read(self) -> list[dict[str, Any]]:
        """Every complete event, in order. A torn last line (crash mid-write) is dropped;
        a bad line elsewhere is an error naming the file and line."""
        try:
            lines = self.path.read_text(encoding="utf-8").split("\n")
        except FileNotFoundError:
            raise QuizError(f"{self.path}: no journal here") from None
        except (OSError, UnicodeDecodeError) as error:
            raise QuizError(f"{self.path}: cannot read the journal: {error}") from None
        events = []
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if not _is_event(line):
                if number >= len(lines) - 1:  # the last line, torn by a crash
                    break
                raise QuizError(f"{self.path}:{number}: damaged journal line")
            events.append(json.loads(line))
        return events

    def started(self) -> bool:
        """Whether anything happened after the header (a join, at least)."""
        try:
            with open(self.path, "rb") as file:
                file.readline()
                return _is_event(file.readline())
        except OSError:
            return False

    def discard_unstarted(self) -> None:
        """Remove the folder of a session that never got going (a start that failed), so
        that it is not mistaken for a game to resume."""
        self.close()
        if not self.started():
            shutil.rmtree(self.folder, ignore_errors=True)

    async def aclose(self) -> None:
        """Wait for the last batch to reach the disk, then close."""
        await self.durable()
        self.close()

    def close(self) -> None:
        if self._file is not None:
            if self._synced < self._appended:
                os.fsync(self._file.fileno())
                self._synced = self._appended
            self._file.close()
            self._file = None
        if self._fsync_thread is not None:
            self._fsync_thread.shutdown(wait=False)
            self._fsync_thread = None


def find_session(saves: Path, session: str | None, *, unfinished: bool = False) -> Path:
    """The folder of session `session` (an id or a path), or the newest one (when
    `unfinished`, the newest that got going and has no results)."""
    if session:
        candidate = Path(session)
        if (candidate / JOURNAL_NAME).exists():
            return candidate
        folder = sessions_root(saves) / session
        if (folder / JOURNAL_NAME).exists() and "/" not in session and session not in ("..", "."):
            return folder
        raise QuizError(f"no classroom session {session!r} in {sessions_root(saves)}")
    root = sessions_root(saves)
    folders = sorted(
        (f for f in root.iterdir() if (f / JOURNAL_NAME).exists()) if root.is_dir() else [],
        key=lambda f: f.name,
        reverse=True,
    )
    for folder in folders:
        if not unfinished:
            return folder
        if not (folder / "results.json").exists() and Journal(folder).started():
            return folder
    raise QuizError(f"no {'unfinished ' if unfinished else ''}classroom session in {root}")


def session_header(session: HostSession, session_id: str, **extra: Any) -> dict[str, Any]:
    """The journal's first event: everything needed to rebuild the session (the questions in
    the host's choice order, the code, the settings; for homework, its deadline and whether
    it has a leaderboard), then `extra`."""
    header = {
        "e": "session",
        "id": session_id,
        "code": session.code,
        "speed": session.speed,
        "timer": session.timer,
        "max_players": session.max_players,
        "nicknames": session.nicknames,
        "questions": [hosted.model_dump(mode="json") for hosted in session.questions],
        **extra,
    }
    if isinstance(session, SelfPacedSession):
        header["self_paced"] = True
        header["deadline"] = session.deadline
        header["leaderboard"] = session.with_leaderboard
    return header


def replay(
    events: list[dict[str, Any]],
    *,
    clock: Callable[[], float] = time.monotonic,
    record: Callable[[dict[str, Any]], None] = lambda event: None,
) -> tuple[HostSession, dict[str, Any]]:
    """Rebuild a session from its journal; returns it and the header event."""
    if not events or events[0].get("e") != "session":
        raise QuizError("the journal does not start with a session header")
    header = events[0]
    try:
        questions = [
            HostedQuestion.model_validate(_choices_named(item)) for item in header["questions"]
        ]
        settings: dict[str, Any] = {
            "code": header["code"],
            "speed": header["speed"],
            "timer": header.get("timer", True),
            "max_players": header["max_players"],
            "nicknames": header.get("nicknames", False),
            "clock": clock,
        }
        session = (
            self_paced_session(questions, header, settings)
            if header.get("self_paced")
            else HostSession(questions, **settings)
        )
        for event in events[1:]:
            session.apply(event)
    except (KeyError, TypeError, ValueError) as error:
        raise QuizError(
            f"the journal of session {header.get('id')!r} is damaged: {error}"
        ) from None
    session.record = record
    return session, header


def self_paced_session(
    questions: list[HostedQuestion], header: dict[str, Any], settings: dict[str, Any]
) -> SelfPacedSession:
    """The homework a journal's header describes (its deadline as first set; a `deadline`
    event later in the journal moves it)."""
    return SelfPacedSession(
        questions,
        deadline=float(header["deadline"]),
        seed=int(header["seed"]),
        leaderboard=bool(header.get("leaderboard", False)),
        **settings,
    )


def _choices_named(item: Any) -> Any:
    """A hosted question as journals before protocol 2 wrote it (`options`, now `choices`)."""
    if isinstance(item, dict) and "options" in item and "choices" not in item:
        return {("choices" if key == "options" else key): value for key, value in item.items()}
    return item


def _is_event(line: str | bytes) -> bool:
    """Whether a journal line holds a whole event."""
    try:
        event = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(event, dict) and "e" in event
