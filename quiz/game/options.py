"""What `quiz play` was asked for, as a typed object: `quiz.commands.play` builds it from the
command line and hands it to a front end (the Textual app or `--plain`), which starts the
round from it. Nothing here knows about argparse; "not given" is None, and the front end
applies the default.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.game.modes import DEFAULT_TIME_LIMIT, Mode


@dataclass(frozen=True)
class RoundOptions:
    """A round as the player asked for it.

    `pack` is a pack name or file (None: the default pack). `count` None is the mode's
    default. `time_limit` is the seconds per question the player gave (None: not given;
    `seconds_per_question` is then the default, and line mode never times out). `player`
    None lets the front end ask or pick; `saves` is the saves folder given (None: the
    default folder). `bell`: ring the terminal bell on a wrong answer or a time-out (the
    Textual app; a player's own setting can turn it on too).
    """

    pack: str | None = None
    mode: Mode = "classic"
    count: int | None = None
    seed: int | None = None
    time_limit: float | None = None
    speed: bool = True
    player: str | None = None
    saves: str | None = None
    bell: bool = False

    @property
    def seconds_per_question(self) -> float:
        """The time limit given, else the default one."""
        return DEFAULT_TIME_LIMIT if self.time_limit is None else float(self.time_limit)
