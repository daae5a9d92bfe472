"""What `quiz host`, `quiz join` and `quiz play --teams` were asked for, as typed objects:
the commands build them from the command line; the classroom layer and the front ends
take them. Nothing here knows about argparse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz.game.modes import DEFAULT_COUNT, DEFAULT_TIME_LIMIT

DEFAULT_PORT = 8765
DEFAULT_MAX_PLAYERS = 200


@dataclass(frozen=True)
class HostOptions:
    """A hosted game: its questions, its scoring, where it listens, how `--auto` runs it.

    Questions come from `questions_json` when given, else from `pack` (None: the default
    pack). `nicknames` hands out generated names ("Brave Otter") instead of the names
    students type. `timer` False is accuracy only: no clock, no time-outs, no speed points
    (screen-reader users cannot race a clock). `seed` None picks one at random; `code` None
    picks a join code; `port`
    None is DEFAULT_PORT (or, resuming, the port the session had); `tls_cert` and `tls_key`
    (both or neither) serve wss://. `resume` None starts a new session, "" continues the
    newest unfinished one, anything else the session of that id. `min_players` and
    `reveal_seconds` pace a game that runs itself (`min_players` None: 1 for a new game, as
    many as were present for a resumed one). `saves` None is the default saves folder.

    `self_paced` runs the session as homework until `deadline` (POSIX seconds): each
    student at their own pace, in their own order (quiz.classroom.self_paced); ranks and
    the leaderboard only with `leaderboard`. Resuming, `deadline` (if given) moves the
    session's deadline.
    `qr_png` is where to save the join URL's QR code as a PNG (for a projector), if anywhere.
    """

    pack: str | None = None
    questions_json: Path | None = None
    count: int = DEFAULT_COUNT
    time_limit: float = DEFAULT_TIME_LIMIT
    speed: bool = True
    timer: bool = True
    max_players: int = DEFAULT_MAX_PLAYERS
    nicknames: bool = False
    seed: int | None = None
    code: str | None = None
    bind: str = "0.0.0.0"
    port: int | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    min_players: int | None = None
    reveal_seconds: float = 3.0
    resume: str | None = None
    saves: str | None = None
    self_paced: bool = False
    deadline: float | None = None
    leaderboard: bool = False
    qr_png: Path | None = None


@dataclass(frozen=True)
class JoinOptions:
    """A student joining: the host's address (HOST, HOST:PORT, or a ws:// or wss:// URI),
    the join code, the name to play under, a token to rejoin as (None: by name, or the token
    remembered for this host, code and name), the certificate authority to trust for wss://
    (`ca`; given alone it means wss://) and the saves folder that remembers tokens."""

    address: str
    code: str
    name: str = ""
    token: str | None = None
    ca: Path | None = None
    saves: str | None = None


@dataclass(frozen=True)
class TeamsOptions:
    """A team game at one keyboard: `teams` is the names as given ("Reds,Blues"), `pack`
    None the default pack, `seed` None a random one, `time_limit` each team's seconds for
    a question (unless the question sets its own)."""

    teams: str
    pack: str | None = None
    count: int = DEFAULT_COUNT
    seed: int | None = None
    time_limit: float = DEFAULT_TIME_LIMIT
