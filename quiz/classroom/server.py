"""The host's websockets server: admits students, relays answers to the session, broadcasts.

The server enforces the limits of the protocol: a join code (wrong codes rate-limited per
address), a player cap, messages of at most 4 KiB (bigger ones close the connection with
1009, done by websockets' `max_size`), a handshake timeout and a ping timeout. Anything
malformed gets an `error` reply and the host goes on serving everyone else.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed

from quiz.classroom import protocol as p
from quiz.classroom.session import HostSession, Player, Refused
from quiz.errors import QuizError

Listener = Callable[[str, dict[str, Any]], None]
JOIN_TIMEOUT = 30.0
LOBBY_INTERVAL = 0.2
LOBBY_NAMES = 20


class AttemptLimiter:
    """At most `limit` wrong join codes per address within `window` seconds."""

    def __init__(
        self, limit: int = 5, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def blocked(self, address: str) -> bool:
        failures = self._failures.get(address)
        if failures is None:
            return False
        cutoff = self.clock() - self.window
        while failures and failures[0] < cutoff:
            failures.popleft()
        if not failures:
            del self._failures[address]  # forget addresses that behaved: memory stays bounded
        return len(failures) >= self.limit

    def fail(self, address: str) -> None:
        self._failures[address].append(self.clock())


class ClassroomServer:
    """Serves one HostSession. Host actions (`ask_next`, `reveal`, `finish`, …) are
    called by the teacher's screen or by the automatic flow in quiz.classroom.flow."""

    def __init__(
        self,
        session: HostSession,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        open_timeout: float = 10.0,
        ping_interval: float | None = 10.0,
        ping_timeout: float | None = 10.0,
        limiter: AttemptLimiter | None = None,
        listener: Listener | None = None,
        durable: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.session = session
        self.host = host
        self.requested_port = port
        self.open_timeout = open_timeout
        self.ping_interval = ping_interval
        self.ping_timeout = ping_timeout
        self.limiter = limiter or AttemptLimiter(clock=session.clock)
        self.listener = listener or (lambda event, detail: None)
        # Awaited before a join or an answer is acknowledged: the journal's group commit.
        self.durable = durable
        self.connections: dict[str, ServerConnection] = {}
        self.players_changed = asyncio.Event()
        self.all_answered = asyncio.Event()
        self.pause_changed = asyncio.Event()
        self._server: Server | None = None
        self._lobby_timer: asyncio.TimerHandle | None = None
        # True between asking a question and its reveal: a player who (re)joins then is sent it.
        self.asking = False

    # --- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen; QuizError (one line) if the address or port can't be used."""
        try:
            self._server = await self._serve()
        except OSError as error:
            raise QuizError(
                f"cannot listen on {self.host}:{self.requested_port}: {error.strerror or error}; "
                "pick another with --port"
            ) from None

    async def _serve(self) -> Server:
        return await serve(
            self._handle,
            self.host,
            self.requested_port,
            max_size=p.MAX_MESSAGE_BYTES,
            open_timeout=self.open_timeout,
            ping_interval=self.ping_interval,
            ping_timeout=self.ping_timeout,
            close_timeout=2,
            logger=logging.getLogger("quiz.classroom.server"),
            # Messages are small JSON; per-connection deflate would cost more CPU per
            # broadcast (one compression per student) than it saves on a LAN.
            compression=None,
        )

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        return int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    # --- sending --------------------------------------------------------------------------

    def send_all(self, message: p.Message) -> None:
        """The same message to every connected, active player, in one encoding."""
        broadcast(list(self._active_connections()), p.encode(message))

    def send_each(self, messages: dict[str, Any]) -> None:
        """A player's own message to each of them (results, final rank)."""
        for player_id, message in messages.items():
            connection = self.connections.get(player_id)
            if connection is not None:
                broadcast([connection], p.encode(message))

    def _active_connections(self) -> Iterable[ServerConnection]:
        players = self.session.players
        return (ws for pid, ws in self.connections.items() if not players[pid].kicked)

    # --- host actions ---------------------------------------------------------------------

    def ask_next(self) -> p.QuestionMessage:
        self.all_answered.clear()
        self.asking = True
        message = self.session.open_next()
        self.send_all(message)
        self.listener("question", {"number": message.number, "total": message.total})
        return message

    def ask_again(self) -> p.QuestionMessage:
        """After a resume: the interrupted question opens again; those who answered keep it."""
        self.all_answered.clear()
        self.asking = True
        message = self.session.reopen()
        self.send_all(message)
        self.listener("question", {"number": message.number, "total": message.total})
        if self.session.everyone_answered():
            self.all_answered.set()
        return message

    def reveal(self) -> tuple[p.Reveal, p.Leaderboard]:
        self.asking = False
        closed = self.session.close()
        self.send_all(closed)
        public, results = self.session.reveal()
        self.send_all(public)
        self.send_each(results)
        board = self.session.leaderboard()
        self.send_all(board)
        self.listener("reveal", {"reveal": public, "leaderboard": board})
        return public, board

    def finish(self) -> dict[str, p.GameOver]:
        finals = self.session.end()
        self.send_each(finals)
        self.listener("game_over", {"podium": next(iter(finals.values())).podium if finals else []})
        return finals

    def set_paused(self, paused: bool) -> None:
        self.session.paused = paused
        self.pause_changed.set()
        self.send_all(p.Paused(paused=paused))
        self.listener("paused", {"paused": paused})

    def set_locked(self, locked: bool) -> None:
        self.session.set_locked(locked)
        self._lobby_changed()

    async def kick(self, player_id: str) -> None:
        player = self.session.players.get(player_id)
        if player is None or player.kicked:
            return
        self.session.kick(player_id)
        connection = self.connections.pop(player_id, None)
        self.listener("kicked", {"player": player_id, "name": player.name})
        if connection is not None:
            broadcast([connection], p.encode(p.Kicked()))
            await connection.close(4001, "removed by the host")
        self._lobby_changed()
        self._check_answers()

    # --- one connection -------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        address = str(ws.remote_address[0]) if ws.remote_address else "?"
        try:
            async with asyncio.timeout(JOIN_TIMEOUT):
                player = await self._admit(ws, address)
        except (TimeoutError, ConnectionClosed):
            return
        if player is None:
            return
        try:
            async for raw in ws:
                await self._serve_message(ws, player, raw)
        except ConnectionClosed:
            pass
        finally:
            if self.connections.get(player.id) is ws:
                del self.connections[player.id]
                self.listener("left", {"player": player.id, "name": player.name})

    async def _admit(self, ws: ServerConnection, address: str) -> Player | None:
        """Read messages until a valid join; None if the connection is to be dropped."""
        async for raw in ws:
            try:
                message = p.parse_client(raw)
                if not isinstance(message, p.Join):
                    raise Refused("not_joined", "send a 'join' message first")
                if self.limiter.blocked(address):
                    await self._refuse(ws, "rate_limited", "too many wrong codes; wait a minute")
                    await ws.close(1008, "too many wrong codes")
                    return None
                if message.token:
                    player = self.session.rejoin(message.code, message.token)
                    token, rejoined = message.token, True
                else:
                    player, token = self.session.join(message.code, message.name)
                    rejoined = False
            except p.ProtocolError as error:
                await self._refuse(ws, error.code, str(error))
                continue
            except Refused as error:
                if error.code == "bad_code":
                    self.limiter.fail(address)
                await self._refuse(ws, error.code, str(error))
                continue
            await self._register(ws, player, token, rejoined)
            return player
        return None

    async def _register(
        self, ws: ServerConnection, player: Player, token: str, rejoined: bool
    ) -> None:
        if self.durable is not None and not rejoined:
            await self.durable()  # the join (and its token) is on disk before we confirm it
        # From here to the sends, nothing awaits: a question broadcast cannot slip in between
        # registering this connection and deciding to send it the open question.
        session = self.session
        welcome = p.Welcome(
            player=player.id, name=player.name, token=token, score=player.score, rejoined=rejoined
        )
        outgoing: list[p.Message] = [welcome]
        if self.asking and session.phase == "open" and session.current not in player.answers:
            left = max(0.0, session.hosted.seconds - (session.clock() - session.opened_at))
            outgoing.append(
                session.question_message().model_copy(update={"seconds": round(left, 2)})
            )
        old = self.connections.get(player.id)
        self.connections[player.id] = ws
        for message in outgoing:
            broadcast([ws], p.encode(message))
        self.listener(
            "rejoined" if rejoined else "joined", {"player": player.id, "name": player.name}
        )
        self.players_changed.set()
        if session.phase == "lobby":
            self._lobby_changed()
        if old is not None and old is not ws:
            await old.close(4000, "replaced by a newer connection")

    async def _serve_message(self, ws: ServerConnection, player: Player, raw: str | bytes) -> None:
        try:
            message = p.parse_client(raw)
            if isinstance(message, p.Join):
                raise Refused("already_joined", "you have already joined")
            if player.kicked:
                raise Refused("not_joined", "you were removed from this game")
            accepted = self.session.answer(player, message)
        except (p.ProtocolError, Refused) as error:
            await self._refuse(ws, error.code, str(error))
            return
        if self.durable is not None:
            await self.durable()
        await ws.send(p.encode(accepted))
        self.listener(
            "answered",
            {
                "player": player.id,
                "answered": self.session.answered_count(),
                "players": self.session.active_count,
            },
        )
        self._check_answers()

    async def _refuse(self, ws: ServerConnection, code: p.ErrorCode, message: str) -> None:
        await ws.send(p.encode(p.Error(code=code, message=message)))

    def _check_answers(self) -> None:
        if self.session.phase == "open" and self.session.everyone_answered():
            self.all_answered.set()

    def _lobby_changed(self) -> None:
        self.players_changed.set()
        # One lobby message per LOBBY_INTERVAL at most: a class of 1,000 joining would
        # otherwise cost a million messages.
        if self.session.phase == "lobby" and self._lobby_timer is None:
            loop = asyncio.get_running_loop()
            self._lobby_timer = loop.call_later(LOBBY_INTERVAL, self._send_lobby)

    def _send_lobby(self) -> None:
        self._lobby_timer = None
        if self.session.phase == "lobby":
            active = self.session.active_players()
            names = [player.name for player in active[-LOBBY_NAMES:]]
            self.send_all(p.Lobby(count=len(active), latest=names, locked=self.session.locked))
