"""The host's websockets server: admits students, relays answers to the session, broadcasts.

The server enforces the limits of the protocol: a join code (its guesses slowed by
quiz.classroom.guesses), a player cap, messages of at most 4 KiB (bigger ones close the
connection with 1009, done by websockets' `max_size`), a handshake timeout, a ping timeout,
a cap on connections that have not joined yet and on connections overall (what the open-file
limit allows, quiz.classroom.capacity). Anything malformed gets an `error` reply and the host
goes on serving everyone else.

A student whose connection drops keeps their place for `away_grace` seconds; after that they
are away (quiz.classroom.session) until they come back with their token, or, without it, by
the teacher's approval of a claim to their name.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Awaitable, Callable, Iterable
from http import HTTPStatus
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.protocol import State

from quiz.classroom import protocol as p
from quiz.classroom.capacity import RefusedConnections, open_file_limit, room_for
from quiz.classroom.claims import Claim, Claims
from quiz.classroom.guesses import CodeGuesses
from quiz.classroom.players import Player
from quiz.classroom.session import HostSession, NameHeld, Refused
from quiz.classroom.web.serving import http_response, wants_websocket
from quiz.errors import QuizError

Listener = Callable[[str, dict[str, Any]], None]
JOIN_TIMEOUT = 30.0
AWAY_GRACE = 10.0
UNJOINED_CAP = 512  # connections that have not joined yet, at most
LOBBY_INTERVAL = 0.2
LOBBY_NAMES = 20

log = logging.getLogger("quiz.classroom.server")


class ClassroomServer:
    """Serves one HostSession. Host actions (`ask_next`, `reveal`, `finish`, `kick`,
    `set_paused`, `claims.approve`, …) are called by the teacher's screen or by the automatic
    flow in quiz.classroom.flow; `changed` is set whenever something they wait on may have
    changed (a join, an answer, a player away or back, a pause)."""

    def __init__(
        self,
        session: HostSession,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: ssl.SSLContext | None = None,
        open_timeout: float = 10.0,
        ping_interval: float | None = 10.0,
        ping_timeout: float | None = 10.0,
        away_grace: float = AWAY_GRACE,
        teacher_approves: bool = False,
        capacity: int | None = None,
        max_unjoined: int = UNJOINED_CAP,
        guesses: CodeGuesses | None = None,
        listener: Listener | None = None,
        durable: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.session = session
        self.host = host
        self.requested_port = port
        self.tls = tls
        self.open_timeout = open_timeout
        self.ping_interval = ping_interval
        self.ping_timeout = ping_timeout
        self.away_grace = away_grace
        # Claims to a name without its token wait for the teacher; with nobody at the keys
        # (`--plain --auto`) they are refused at once as `name_taken`.
        self.teacher_approves = teacher_approves
        # Connections held at once; None: what the open-file limit leaves room for at start.
        self.capacity = capacity
        self.max_unjoined = max_unjoined
        self.guesses = guesses or CodeGuesses(clock=session.clock)
        self.listener = listener or (lambda event, detail: None)
        # Awaited before a join or an answer is acknowledged: the journal's group commit.
        self.durable = durable
        self.connections: dict[str, ServerConnection] = {}
        self.claims = Claims(lambda event, detail: self.listener(event, detail))
        self.changed = asyncio.Event()
        self._server: Server | None = None
        self._unjoined: set[ServerConnection] = set()
        self._away_timers: dict[str, asyncio.TimerHandle] = {}
        self._lobby_timer: asyncio.TimerHandle | None = None
        self.refused = RefusedConnections(self._report_refused)
        # True between asking a question and its reveal: a player who (re)joins then is sent it.
        self.asking = False

    # --- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen; QuizError (one line) if the address or port can't be used. Players who
        were present when a resumed game stopped get the grace period to come back."""
        if self.capacity is None:
            self.capacity = room_for(open_file_limit())
        loop = asyncio.get_running_loop()
        self.refused.install(loop)
        try:
            self._server = await self._serve()
        except OSError as error:
            self.refused.uninstall(loop)
            raise QuizError(
                f"cannot listen on {self.host}:{self.requested_port}: {error.strerror or error}; "
                "pick another with --port"
            ) from None
        for player in self.session.present_players():
            if player.id not in self.connections:
                self._start_grace(player.id)

    async def _serve(self) -> Server:
        return await serve(
            self._handle,
            self.host,
            self.requested_port,
            ssl=self.tls,
            process_request=self._process_request,
            max_size=p.MAX_MESSAGE_BYTES,
            open_timeout=self.open_timeout,
            ping_interval=self.ping_interval,
            ping_timeout=self.ping_timeout,
            close_timeout=2,
            logger=log,
            # Messages are small JSON; per-connection deflate would cost more CPU per
            # broadcast (one compression per student) than it saves on a LAN.
            compression=None,
        )

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        return int(self._server.sockets[0].getsockname()[1])

    @property
    def scheme(self) -> str:
        """`wss` with TLS, else `ws`: how students address this host."""
        return "wss" if self.tls is not None else "ws"

    async def stop(self) -> None:
        for timer in self._away_timers.values():
            timer.cancel()
        self._away_timers.clear()
        self.claims.lapse_all()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self.refused.uninstall(asyncio.get_running_loop())

    # --- sending --------------------------------------------------------------------------

    def send_all(self, message: p.Message) -> None:
        """The same message to every connected player, in one encoding."""
        broadcast(list(self._player_connections()), p.encode(message))

    def send_each(self, messages: dict[str, Any]) -> None:
        """A player's own message to each of them (results, final rank)."""
        for player_id, message in messages.items():
            connection = self.connections.get(player_id)
            if connection is not None:
                broadcast([connection], p.encode(message))

    def _player_connections(self) -> Iterable[ServerConnection]:
        players = self.session.players
        return (ws for pid, ws in self.connections.items() if not players[pid].kicked)

    # --- host actions ---------------------------------------------------------------------

    def ask_next(self) -> p.QuestionMessage:
        """Open the next question for everyone. Refused (`paused`) while the game is paused:
        a key pressed during a pause must not start the clock."""
        message = self.session.open_next()
        self.asking = True
        self.send_all(message)
        self.listener("question", {"number": message.number, "total": message.total})
        return message

    def ask_again(self) -> p.QuestionMessage:
        """After a resume: the interrupted question opens again for those who have not
        answered it; those who have are told their answer is still locked in."""
        self.asking = True
        message = self.session.reopen()
        number = message.number
        players = self.session.players
        waiting = [ws for pid, ws in self.connections.items() if number not in players[pid].answers]
        answered = [ws for pid, ws in self.connections.items() if number in players[pid].answers]
        broadcast(waiting, p.encode(message))
        broadcast(answered, p.encode(p.Accepted(question=number)))
        self.listener("question", {"number": number, "total": message.total})
        self.changed.set()
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
        """End the game (a question still open is not revealed and does not count)."""
        self.asking = False
        finals = self.session.end()
        self.send_each(finals)
        self.listener("game_over", {"podium": next(iter(finals.values())).podium if finals else []})
        return finals

    def set_paused(self, paused: bool) -> None:
        """Pause (the clock stops, answers are refused) or resume with the time that was
        left; every student is told, with that time."""
        session = self.session
        if paused:
            session.pause()
        else:
            session.resume()
        self.send_all(session.pause_message())
        self.listener("paused", {"paused": session.paused})
        self.changed.set()

    def set_locked(self, locked: bool) -> None:
        self.session.set_locked(locked)
        self._lobby_changed()

    async def kick(self, player_id: str, *, ban: bool = False) -> None:
        """Remove a player at any time: their token stops working, their answer to an open
        question no longer counts; with `ban` their name may not join again either."""
        player = self.session.players.get(player_id)
        if player is None or player.kicked:
            return
        self.session.kick(player_id, ban=ban)
        self._cancel_grace(player_id)
        self.claims.lapse(player)
        connection = self.connections.pop(player_id, None)
        self.listener("kicked", {"player": player_id, "name": player.name, "banned": ban})
        if connection is not None:
            broadcast([connection], p.encode(p.Kicked(banned=ban)))
            await connection.close(4001, "removed by the host")
        self._lobby_changed()
        self.changed.set()

    # --- one connection -------------------------------------------------------------------

    def _process_request(self, ws: ServerConnection, request: Request) -> Response | None:
        """A plain HTTP request gets the student page (quiz.classroom.web). A WebSocket is
        refused (HTTP 503, before the handshake) when too many have not joined yet or the
        host has no room for one more."""
        if not wants_websocket(request):
            return http_response(ws, request, scheme=self.scheme)
        if len(self._unjoined) >= self.max_unjoined:
            self._unjoined = {c for c in self._unjoined if c.state is not State.CLOSED}
        held = len(self.connections) + len(self._unjoined)
        if len(self._unjoined) >= self.max_unjoined or (
            self.capacity is not None and held >= self.capacity
        ):
            self.refused.note()
            return ws.respond(HTTPStatus.SERVICE_UNAVAILABLE, "the host is full; try again\n")
        self._unjoined.add(ws)
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        address = str(ws.remote_address[0]) if ws.remote_address else "?"
        player: Player | None = None
        try:
            while player is None:
                if ws.state is not State.OPEN:
                    return
                async with asyncio.timeout(JOIN_TIMEOUT):
                    admitted = await self._admit(ws, address)
                if isinstance(admitted, Claim):
                    player = await self._await_claim(ws, admitted)
                elif admitted is None:
                    return
                else:
                    player = admitted
        except (TimeoutError, ConnectionClosed):
            return
        finally:
            self._unjoined.discard(ws)
        try:
            async for raw in ws:
                await self._serve_message(ws, player, raw)
        except ConnectionClosed:
            pass
        finally:
            if self.connections.get(player.id) is ws:
                del self.connections[player.id]
                self.session.set_connected(player.id, False)
                self.listener("left", {"player": player.id, "name": player.name})
                self._start_grace(player.id)
                self.changed.set()

    async def _admit(self, ws: ServerConnection, address: str) -> Player | Claim | None:
        """Read messages until a valid join: the player, a claim for the teacher to decide,
        or None if the connection is gone."""
        async for raw in ws:
            try:
                message = p.parse_client(raw)
                if not isinstance(message, p.Join):
                    raise Refused("not_joined", "send a 'join' message first")
                admitted = await self._join(ws, address, message)
            except (p.ProtocolError, Refused) as error:
                await self._refuse(ws, error.code, str(error))
                continue
            if admitted is not None:
                return admitted
        return None

    async def _join(self, ws: ServerConnection, address: str, message: p.Join) -> Player | Claim:
        """Admit a join; Refused if it can't be. A valid token never waits; any other join
        checks the code, which costs a guess only when the code is wrong."""
        session = self.session
        token = message.token
        holder = session.token_holder(token) if token else None
        if token and holder is not None and not holder.kicked:
            player = session.rejoin(message.code, token)
            await self._register(ws, player, token, rejoined=True)
            return player
        if not await self.guesses.take(address):
            raise Refused("rate_limited", "too many wrong codes from your network; try shortly")
        try:
            if token:
                session.rejoin(message.code, token)  # refused: the token is not valid
            player, new_token = session.join(message.code, message.name)
        except NameHeld as held:
            self.guesses.give_back(address)
            return await self._claim_or_refuse(ws, address, held, message)
        except Refused as error:
            if error.code != "bad_code":
                self.guesses.give_back(address)
            raise
        self.guesses.give_back(address)
        await self._register(ws, player, new_token, rejoined=False)
        return player

    async def _claim_or_refuse(
        self, ws: ServerConnection, address: str, held: NameHeld, message: p.Join
    ) -> Player | Claim:
        holder = held.holder
        if holder.id in self.connections or not self.teacher_approves:
            if self.session.nicknames:  # a typed name that happens to be a nickname in use
                player, token = self.session.join(message.code, "")
                await self._register(ws, player, token, rejoined=False)
                return player
            raise held
        claim = self.claims.open(holder, address)
        await ws.send(p.encode(p.Pending(name=holder.name)))
        return claim

    async def _await_claim(self, ws: ServerConnection, claim: Claim) -> Player | None:
        """Wait for the teacher's decision on a claim; the player if approved, else None (the
        claimant is told, and may join under another name)."""
        closed: asyncio.Future[Any] = asyncio.ensure_future(ws.wait_closed())
        try:
            approved = await self.claims.wait(claim, closed)
        finally:
            closed.cancel()
        player = claim.player
        if ws.state is not State.OPEN:
            return None
        if not approved or player.kicked:
            await self._refuse(ws, "name_taken", f"the name {player.name!r} is taken; pick another")
            return None
        token = self.session.new_token(player)
        await self._register(ws, player, token, rejoined=True)
        return player

    async def _register(
        self, ws: ServerConnection, player: Player, token: str, rejoined: bool
    ) -> None:
        if self.durable is not None:
            await self.durable()  # the join (and its token) is on disk before we confirm it
        # From here to the sends, nothing awaits: a question broadcast cannot slip in between
        # registering this connection and deciding what to send it.
        session = self.session
        self._cancel_grace(player.id)
        session.set_away(player.id, False)
        self.claims.lapse(player)  # the player is back with their token
        outgoing: list[p.Message] = [
            p.Welcome(
                player=player.id,
                name=player.name,
                token=token,
                score=player.score,
                rejoined=rejoined,
            ),
            *self.joined_messages(player),
        ]
        old = self.connections.get(player.id)
        self.connections[player.id] = ws
        session.set_connected(player.id, True)
        self._unjoined.discard(ws)
        for message in outgoing:
            broadcast([ws], p.encode(message))
        self.listener(
            "rejoined" if rejoined else "joined", {"player": player.id, "name": player.name}
        )
        self._lobby_changed()
        self.changed.set()
        if old is not None and old is not ws:
            await old.close(4000, "replaced by a newer connection")

    def joined_messages(self, player: Player) -> list[p.Message]:
        """What follows the `welcome` of a player who (re)joins: the open question (or
        `accepted`, if they answered it), and `paused` during a pause."""
        session = self.session
        outgoing: list[p.Message] = []
        if self.asking and session.phase == "open":
            if session.current in player.answers:
                outgoing.append(p.Accepted(question=session.current))
            else:
                outgoing.append(session.question_message())
        if session.paused:
            outgoing.append(session.pause_message())
        return outgoing

    async def _serve_message(self, ws: ServerConnection, player: Player, raw: str | bytes) -> None:
        try:
            message = p.parse_client(raw)
            if isinstance(message, p.Join):
                raise Refused("already_joined", "you have already joined")
            if player.kicked:
                raise Refused("not_joined", "you were removed from this game")
            if isinstance(message, p.Next):
                replies = self.next_for(player)
            else:
                replies = self.answer_for(player, message)
        except (p.ProtocolError, Refused) as error:
            await self._refuse(ws, error.code, str(error))
            return
        if self.durable is not None:
            await self.durable()
        for reply in replies:
            await ws.send(p.encode(reply))
        if isinstance(message, p.Answer):
            self.answered(player)
        self.changed.set()

    def next_for(self, player: Player) -> list[p.Message]:
        """The replies to a `next`: only self-paced homework takes it."""
        raise Refused("bad_message", "'next' is only for self-paced homework")

    def answer_for(self, player: Player, message: p.Answer) -> list[p.Message]:
        """Take an answer (or refuse it); the replies, `accepted` first."""
        return [self.session.answer(player, message)]

    def answered(self, player: Player) -> None:
        """An answer was taken and acknowledged: tell the listener."""
        self.listener(
            "answered",
            {
                "player": player.id,
                "answered": self.session.answered_count(),
                "players": self.session.connected_count,
            },
        )

    async def _refuse(self, ws: ServerConnection, code: p.ErrorCode, message: str) -> None:
        await ws.send(p.encode(p.Error(code=code, message=message)))

    # --- presence -------------------------------------------------------------------------

    def _start_grace(self, player_id: str) -> None:
        self._cancel_grace(player_id)
        loop = asyncio.get_running_loop()
        self._away_timers[player_id] = loop.call_later(self.away_grace, self._away, player_id)

    def _cancel_grace(self, player_id: str) -> None:
        timer = self._away_timers.pop(player_id, None)
        if timer is not None:
            timer.cancel()

    def _away(self, player_id: str) -> None:
        """The grace period ran out and the player has not come back."""
        self._away_timers.pop(player_id, None)
        player = self.session.players.get(player_id)
        if player is None or player_id in self.connections or not player.present:
            return
        self.session.set_away(player_id, True)
        self.listener("away", {"player": player_id, "name": player.name})
        self._lobby_changed()
        self.changed.set()

    def _lobby_changed(self) -> None:
        # One lobby message per LOBBY_INTERVAL at most: a class of 1,000 joining would
        # otherwise cost a million messages.
        if self.session.phase == "lobby" and self._lobby_timer is None:
            loop = asyncio.get_running_loop()
            self._lobby_timer = loop.call_later(LOBBY_INTERVAL, self._send_lobby)

    def _send_lobby(self) -> None:
        self._lobby_timer = None
        if self.session.phase == "lobby":
            present = self.session.present_players()
            names = [player.name for player in present[-LOBBY_NAMES:]]
            self.send_all(p.Lobby(count=len(present), latest=names, locked=self.session.locked))

    def _report_refused(self, count: int) -> None:
        log.warning(
            "the host is full: %d connection(s) refused (room for %s); "
            "a higher `ulimit -n` makes room for more",
            count,
            self.capacity,
        )
        self.listener("full", {"refused": count, "room": self.capacity})
