"""The student side of the protocol: join, read the host's messages, answer, and rejoin
with the token by itself when the connection drops; tokens remembered between runs, so
joining again with the same name keeps the score. Both student front ends use it."""

from __future__ import annotations

import asyncio
import hashlib
import json
import ssl
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from quiz.classroom import protocol as p
from quiz.classroom.journal import sessions_root
from quiz.classroom.options import DEFAULT_PORT, JoinOptions
from quiz.classroom.tls import client_context
from quiz.durable import write_durably
from quiz.errors import QuizError
from quiz.name_identity import name_key
from quiz.store.paths import resolve_saves_dir

RETRY_DELAYS = (0.1, 0.2, 0.5, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 5.0, 5.0, 5.0)
# Close codes after which rejoining makes no sense.
FINAL_CLOSE_CODES = {1008, 1009, 4000, 4001}


class JoinRefused(QuizError):
    """The host refused the join; `code` is the protocol's error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def host_uri(address: str, default_port: int = DEFAULT_PORT, *, secure: bool = False) -> str:
    """`ws://host:port` (`wss://` when `secure`) from 'host', 'host:port' or a ws:// or
    wss:// URI."""
    if address.startswith(("ws://", "wss://")):
        return address
    host, _, port = address.rpartition(":") if address.count(":") == 1 else (address, "", "")
    if not port:
        host, port = address, str(default_port)
    if not port.isdigit():
        raise QuizError(f"{address!r}: the port must be a number, as in HOST:{DEFAULT_PORT}")
    return f"{'wss' if secure else 'ws'}://{host}:{port}"


class ClassroomClient:
    """One student's connection. `frames` (if given) sees every raw frame received."""

    def __init__(
        self,
        uri: str,
        code: str,
        name: str = "",
        *,
        token: str | None = None,
        reconnect: bool = True,
        frames: Callable[[str], None] | None = None,
        open_timeout: float = 10.0,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.uri = uri
        self.code = code
        self.name = name
        self.token = token
        self.reconnect = reconnect
        self.frames = frames
        self.open_timeout = open_timeout
        self.tls = tls  # None: the system's certificate authorities, for a wss:// host
        self.welcome: p.Welcome | None = None
        self.finished = False
        self._ws: ClientConnection | None = None

    async def join(self) -> p.Welcome:
        """Connect and join (or rejoin with the token). Raises JoinRefused or QuizError."""
        # Only a wss:// host takes a TLS context; without one, the system's authorities.
        tls: dict[str, Any] = {"ssl": self.tls} if self.tls and self.uri.startswith("wss") else {}
        try:
            self._ws = await connect(
                self.uri,
                **tls,
                open_timeout=self.open_timeout,
                max_size=2**20,
                max_queue=1024,
                ping_interval=10,
                close_timeout=2,
            )
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as error:
            raise QuizError(f"cannot reach the host at {self.uri}: {error}") from None
        await self.send(p.Join(code=self.code, name=self.name, token=self.token))
        message = await self._receive()
        while isinstance(message, p.Pending):  # the teacher decides whether we are that player
            message = await self._receive()
        if isinstance(message, p.Error):
            await self._ws.close()
            raise JoinRefused(message.code, message.message)
        if not isinstance(message, p.Welcome):
            raise QuizError(f"the host answered the join with {message.type!r}")
        self.welcome = message
        self.token = message.token
        return message

    async def send(self, message: p.Message) -> None:
        assert self._ws is not None, "join() first"
        await self._ws.send(p.encode(message))

    async def send_raw(self, data: str | bytes) -> None:
        """Send anything at all (tests of the host's defences)."""
        assert self._ws is not None, "join() first"
        await self._ws.send(data)

    async def answer(
        self, question: int, choices: list[int] | None = None, text: str | None = None
    ) -> None:
        await self.send(p.Answer(question=question, choices=choices or [], text=text))

    async def next_message(self, timeout: float = 10.0) -> p.ServerMessage:
        """The next message from the host (no reconnecting). Raises TimeoutError,
        or ConnectionClosed if the host closed the link."""
        async with asyncio.timeout(timeout):
            return await self._receive()

    async def messages(self) -> AsyncIterator[p.ServerMessage]:
        """Every message until the game ends, rejoining with the token if the link drops."""
        while not self.finished:
            try:
                message = await self._receive()
            except ConnectionClosed as closed:
                code = closed.rcvd.code if closed.rcvd else None
                if not self.reconnect or code in FINAL_CLOSE_CODES or self.token is None:
                    reason = closed.rcvd.reason if closed.rcvd and closed.rcvd.reason else ""
                    raise QuizError(
                        f"the host closed the connection ({code}{': ' + reason if reason else ''})"
                    ) from None
                await self._rejoin()
                continue
            if isinstance(message, p.GameOver | p.Kicked):
                self.finished = True
            yield message

    async def _rejoin(self) -> None:
        for delay in RETRY_DELAYS:
            await asyncio.sleep(delay)  # backoff between attempts; the host may be restarting
            try:
                await self.join()
                return
            except JoinRefused:
                raise
            except QuizError:
                continue
        raise QuizError(f"lost the host at {self.uri} and could not rejoin")

    async def _receive(self) -> p.ServerMessage:
        assert self._ws is not None, "join() first"
        raw = await self._ws.recv()
        text = raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
        if self.frames is not None:
            self.frames(text)
        try:
            return p.parse_server(text)
        except p.ProtocolError as error:
            raise QuizError(f"the host sent a message this client cannot read: {error}") from None

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()

    @property
    def close_code(self) -> int | None:
        return self._ws.close_code if self._ws is not None else None


class TokenMemory:
    """Tokens kept per host, code and name, so running `quiz join` again with the same name
    rejoins as the same player, score intact.

    One small file per host, code and name in `folder`, each written whole
    (quiz.durable.write_durably): a class of students starting `quiz join` at the same
    moment on one machine (a lab, a shared server) never overwrite each other's tokens, as
    they did when every join read, changed and rewrote one shared file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, key: str) -> Path:
        return (
            self.folder / f"{hashlib.sha256(key.encode('utf-8', 'replace')).hexdigest()[:32]}.json"
        )

    def get(self, key: str) -> str | None:
        try:
            data = json.loads(self._file(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        value = data.get("token")
        return value if isinstance(value, str) else None

    def put(self, key: str, token: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_durably(self._file(key), json.dumps({"key": key, "token": token}))
        except OSError:
            pass  # rejoining by token still works within this run


async def join_with_memory(client: ClassroomClient, memory: TokenMemory | None) -> p.Welcome:
    """Join, first with the token remembered for this host, code and name if there is one
    (so running `quiz join` again keeps the score), then by name if that token is refused."""
    key = f"{client.uri}|{client.code}|{name_key(client.name)}"
    if client.token is None and memory is not None:
        client.token = memory.get(key)
    try:
        welcome = await client.join()
    except JoinRefused as error:
        if error.code != "bad_token" or not client.name:
            raise
        client.token = None
        welcome = await client.join()
    if memory is not None:
        memory.put(key, welcome.token)
    return welcome


def student_connection(options: JoinOptions) -> tuple[ClassroomClient, TokenMemory]:
    """The client and the token memory (in the saves folder) for joining as `options` say;
    nothing is sent until the front end joins."""
    uri = host_uri(options.address, secure=options.ca is not None)
    tls = client_context(options.ca) if options.ca is not None else None
    client = ClassroomClient(
        uri, options.code.strip(), options.name, token=options.token, tls=tls
    )
    memory = TokenMemory(sessions_root(resolve_saves_dir(options.saves)) / "tokens")
    return client, memory
