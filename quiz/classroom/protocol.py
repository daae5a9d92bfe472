"""The classroom wire protocol: JSON messages as pydantic models, discriminated by `type`.

Every message carries `v` (the protocol version). The host refuses any other version. What a
student receives before a question's reveal never says which choice is right: the `question`
message holds the prompt and the choices in the host's shuffled order only, with no pack id,
title or question id. docs/classroom-protocol.md describes each message with an example.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

PROTOCOL_VERSION: Literal[2] = 2
MAX_MESSAGE_BYTES = 4096
MAX_NAME_INPUT = 200
MAX_TYPED_ANSWER = 200
MAX_CHOICES = 8
# An ordering question has up to 12 items and a matching question up to 12 pairs.
MAX_ITEMS = 12


class Message(BaseModel):
    """Base of every message: strict types, unknown fields refused, a version number."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    v: Literal[2] = PROTOCOL_VERSION


# --- student → host -------------------------------------------------------------------------


class Join(Message):
    """Join with the session code and a name, or rejoin with the token given at first join."""

    type: Literal["join"] = "join"
    code: Annotated[str, Field(max_length=16)]
    name: Annotated[str, Field(max_length=MAX_NAME_INPUT)] = ""
    token: Annotated[str, Field(max_length=128)] | None = None


class Answer(Message):
    """An answer to question `question` (1-based): indices into the question's choices (an
    ordering: every index, first to last; a matching: per `left` item the index of its
    partner), or text for typed and numeric answers."""

    type: Literal["answer"] = "answer"
    question: Annotated[int, Field(ge=1, le=10_000)]
    choices: Annotated[
        list[Annotated[int, Field(ge=0, lt=MAX_ITEMS)]], Field(max_length=MAX_ITEMS)
    ] = []
    text: Annotated[str, Field(max_length=MAX_TYPED_ANSWER)] | None = None


class Next(Message):
    """Self-paced homework: ready for my next question. If one is still open it is sent
    again, with the time left."""

    type: Literal["next"] = "next"


ClientMessage = Annotated[Join | Answer | Next, Field(discriminator="type")]

# --- host → student -------------------------------------------------------------------------


class Welcome(Message):
    """The join worked. Keep `token`: it rejoins as the same player after a dropped link.
    `score` counts revealed questions only: it never tells whether an open answer is right."""

    type: Literal["welcome"] = "welcome"
    player: str
    name: str
    token: str
    score: int = 0
    rejoined: bool = False


class Lobby(Message):
    """Who is waiting: the count and the latest names (at most 20). Sent as players join,
    at most a few times a second."""

    type: Literal["lobby"] = "lobby"
    count: int
    latest: list[str]
    locked: bool = False


QuestionKind = Literal[
    "single", "multiple", "true_false", "typed", "ordering", "matching", "numeric"
]


class QuestionMessage(Message):
    """A question opens. `choices` are in the host's shuffled order; answer by index.
    Ordering: the items to put in order. Matching: the right-hand column, to pair with each
    of `left`. Numeric: none; `unit` says what the number counts."""

    type: Literal["question"] = "question"
    number: int
    total: int
    kind: QuestionKind
    prompt: str
    choices: list[str]
    seconds: float | None = Field(
        description="Seconds left to answer (the full limit when it opens); null: no time limit."
    )
    left: list[str] = Field([], description="Matching: the items to pair, in answer order.")
    unit: str = Field("", description="Numeric: the unit of the answer, if any.")


class Accepted(Message):
    """Your answer is locked in. It says nothing about whether it is right."""

    type: Literal["accepted"] = "accepted"
    question: int


class Closed(Message):
    """Answers for the question are closed (everyone answered, or time ran out)."""

    type: Literal["closed"] = "closed"
    question: int


class Tally(BaseModel):
    """One bar of a reveal's distribution: what it counts, how many, and whether it is
    (part of) the right answer."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    label: str
    count: int
    right: bool


class Reveal(Message):
    """The right answer, how many picked each choice, the distribution of the answers per
    question type, the explanation and the quote."""

    type: Literal["reveal"] = "reveal"
    question: int
    correct: list[int]
    answer: str
    counts: list[int]
    distribution: list[Tally] = []
    explanation: str = ""
    quote: str = ""
    attribution: str = ""


class YourResult(Message):
    """Your own outcome of the question just revealed."""

    type: Literal["result"] = "result"
    question: int
    answered: bool
    correct: bool
    points: int
    score: int
    rank: int | None = Field(description="None in self-paced homework without a leaderboard.")
    ahead: str | None = Field(None, description="Name of the player just above you, if any.")
    accepted: str = Field("", description="What a typed answer was accepted as, if not as typed.")


class Standing(BaseModel):
    """One line of a leaderboard."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    rank: int
    name: str
    score: int
    move: int = Field(0, description="Places gained since the last leaderboard (negative: lost).")


class Leaderboard(Message):
    """The top five after a reveal."""

    type: Literal["leaderboard"] = "leaderboard"
    question: int
    top: list[Standing]


class Paused(Message):
    """The teacher paused (or resumed) the game. `seconds` is the time left to answer the open
    question (frozen while paused), None when no question is open."""

    type: Literal["paused"] = "paused"
    paused: bool
    seconds: float | None = None


class Pending(Message):
    """The name belongs to a player who is not connected: the teacher decides whether you are
    them. A `welcome` (with a new token) or an `error` (`name_taken`) follows."""

    type: Literal["pending"] = "pending"
    name: str


class GameOver(Message):
    """The game ended: the podium (top three) and your final rank."""

    type: Literal["game_over"] = "game_over"
    podium: list[Standing]
    rank: int | None = Field(description="None in self-paced homework without a leaderboard.")
    score: int
    players: int


class Assignment(Message):
    """Self-paced homework: how far you are and until when you may work. Sent after
    `welcome`, and again when the teacher moves the deadline. `deadline` is the host's
    local time with its offset (ISO 8601). Send `next` for a question."""

    type: Literal["assignment"] = "assignment"
    answered: int
    total: int
    score: int
    deadline: str


class Kicked(Message):
    """The teacher removed you from the game; the connection closes next. `banned`: your name
    may not join this game again either."""

    type: Literal["kicked"] = "kicked"
    banned: bool = False


# The stable reasons a message is refused (Error.code).
ErrorCode = Literal[
    "bad_json",
    "bad_message",
    "bad_version",
    "bad_code",
    "rate_limited",
    "bad_name",
    "name_taken",
    "full",
    "locked",
    "bad_token",
    "banned",
    "not_joined",
    "already_joined",
    "no_question",
    "wrong_question",
    "late",
    "duplicate",
    "bad_answer",
    "paused",
    "past_deadline",
]


class Error(Message):
    """Something you sent was refused. `code` is stable; `message` is for people."""

    type: Literal["error"] = "error"
    code: ErrorCode
    message: str


ServerMessage = Annotated[
    Welcome
    | Lobby
    | QuestionMessage
    | Accepted
    | Closed
    | Reveal
    | YourResult
    | Leaderboard
    | Paused
    | Pending
    | GameOver
    | Assignment
    | Kicked
    | Error,
    Field(discriminator="type"),
]

# A fresh mypy run reads pydantic's TypeForm here; an incremental one sometimes does not.
_client_adapter: TypeAdapter[Join | Answer | Next] = TypeAdapter(
    ClientMessage  # type: ignore[arg-type, unused-ignore]  # see above
)
_server_adapter: TypeAdapter[ServerMessage] = TypeAdapter(
    ServerMessage  # type: ignore[arg-type, unused-ignore]  # see above
)
_CLIENT_MODELS: dict[str, type[Message]] = {"join": Join, "answer": Answer, "next": Next}
_Parsed = TypeVar("_Parsed")


class ProtocolError(ValueError):
    """A message that could not be parsed; `code` and `str()` become the error reply."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: ErrorCode = code


def parse_client(raw: str | bytes) -> Join | Answer | Next:
    """Parse a student's message, or raise ProtocolError with a one-line reason.

    Stricter than the models alone: a binary frame, a `v` that is not the integer 2 (`true`
    equals 1 in Python) and a missing field are refused, as the protocol document says.
    """
    if not isinstance(raw, str):
        raise ProtocolError("bad_message", "send each message as a text frame, not binary")
    data = _object(raw)
    model = _CLIENT_MODELS.get(str(data.get("type")))
    missing = [name for name in model.model_fields if name not in data] if model else []
    if missing:
        raise ProtocolError("bad_message", f"{missing[0]}: field required")
    return _validate(_client_adapter, data)


def parse_server(raw: str | bytes) -> ServerMessage:
    """Parse a host's message, or raise ProtocolError."""
    return _validate(_server_adapter, _object(raw))


def encode(message: Message) -> str:
    """The JSON text of a message, as sent on the wire."""
    return message.model_dump_json()


def _object(raw: str | bytes) -> dict[str, Any]:
    """The JSON object of a frame, of this protocol's version."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise ProtocolError("bad_json", "message is not valid JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError("bad_message", "message must be a JSON object")
    version = data.get("v")
    if type(version) is not int or version != PROTOCOL_VERSION:
        raise ProtocolError(
            "bad_version", f"protocol version must be {PROTOCOL_VERSION}, got {version!r}"
        )
    return data


def _validate(adapter: TypeAdapter[_Parsed], data: dict[str, Any]) -> _Parsed:
    try:
        return adapter.validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "message"
        raise ProtocolError("bad_message", f"{where}: {first['msg']}") from None
