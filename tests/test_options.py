"""The defaults a command fills in when a flag is not given: one value each, the same in
every front end and in every command's help."""

from __future__ import annotations

import pytest

from quiz.classroom.client import host_uri
from quiz.classroom.options import HostOptions, TeamsOptions
from quiz.cli import main
from quiz.game.options import RoundOptions
from quiz.game.round import RoundConfig
from quiz.packs.catalog import resolve_pack


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    return " ".join(capsys.readouterr().out.split())  # argparse wraps lines


def test_a_question_has_20_seconds_unless_the_player_says_otherwise() -> None:
    assert RoundConfig().time_limit == 20.0
    assert RoundOptions().seconds_per_question == 20.0
    assert RoundOptions(time_limit=7).seconds_per_question == 7.0
    assert HostOptions().time_limit == 20.0


def test_a_hosted_or_team_game_has_10_questions_by_default() -> None:
    assert HostOptions().count == 10
    assert TeamsOptions("Reds,Blues").count == 10


def test_the_classroom_port_is_8765_unless_given() -> None:
    assert HostOptions().port is None  # the session's own port when resuming, else 8765
    assert host_uri("10.0.0.5") == "ws://10.0.0.5:8765"
    assert host_uri("10.0.0.5:9000") == "ws://10.0.0.5:9000"


def test_the_default_pack_is_the_bundled_bank() -> None:
    assert resolve_pack(None).name == "labour-2010.toml"


def test_help_shows_the_same_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert "seconds per question (default 20;" in help_of(capsys, "play")
    assert "number of questions (default 10;" in help_of(capsys, "play")
    host = help_of(capsys, "host")
    assert "seconds per question (default 20)" in host
    assert "questions (default 10)" in host
    assert "port (default 8765)" in host
    assert "(default: labour-2010)" in help_of(capsys, "pack", "show")
