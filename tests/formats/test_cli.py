"""`quiz pack import` and `quiz pack export` as a user runs them: real files, real
subprocesses, exit codes and stderr."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from quiz.packs.loader import load_pack

ROOT = Path(__file__).resolve().parents[2]


def quiz(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )


def test_import_writes_a_pack_that_loads_and_reports_what_it_skipped(
    fixtures: Path, tmp_path: Path
) -> None:
    out = tmp_path / "packs" / "grant.toml"
    out.parent.mkdir()
    done = quiz("pack", "import", str(fixtures / "features.gift"), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (
        f'{fixtures / "features.gift"}:67: skipped essay question "Write a short biography'
        in done.stderr
    )
    assert "Traceback" not in done.stderr
    first_line = out.read_text("utf-8").splitlines()[0]
    assert first_line.startswith("#:schema ")
    schema = (out.parent / first_line.removeprefix("#:schema ")).resolve()
    assert schema == ROOT / "questions" / "pack.schema.json"
    pack = load_pack(out, use_cache=False)
    assert pack.pack.id == "features" and pack.pack.title == "Features"
    assert len(pack.questions) == 18
    check = quiz("pack", "check", str(out), cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr


def test_import_never_overwrites_without_force(fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine.toml"
    out.write_text("my own work\n")
    done = quiz(
        "pack",
        "import",
        str(fixtures / "sample.aiken"),
        "-o",
        str(out),
        "--format",
        "aiken",
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert "already exists; use --force" in done.stderr
    assert out.read_text() == "my own work\n"
    forced = quiz(
        "pack",
        "import",
        str(fixtures / "sample.aiken"),
        "-o",
        str(out),
        "--format",
        "aiken",
        "--force",
        cwd=tmp_path,
    )
    assert forced.returncode == 0, forced.stderr
    assert load_pack(out, use_cache=False).questions[0].prompt.startswith("Is this a true")
    assert [p.name for p in tmp_path.iterdir()] == ["mine.toml"]  # no temp files left


def test_malformed_import_lists_every_problem_and_writes_nothing(
    fixtures: Path, tmp_path: Path
) -> None:
    source = tmp_path / "malformed.gift"
    source.write_text((fixtures / "malformed.gift").read_text())
    done = quiz("pack", "import", "malformed.gift", "-o", "out.toml", cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert [line.split(":")[:2] for line in lines] == [
        ["malformed.gift", "4"],
        ["malformed.gift", "6"],
        ["malformed.gift", "10"],
        ["malformed.gift", "12"],
    ]
    assert not (tmp_path / "out.toml").exists()


def test_import_to_stdout_and_bad_files(fixtures: Path, tmp_path: Path) -> None:
    done = quiz("pack", "import", str(fixtures / "opentdb.json"), cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    data = tomllib.loads(done.stdout)
    assert data["questions"][0]["prompt"].startswith('In "Fairy Tail"')
    missing = quiz("pack", "import", "nowhere.gift", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (1, "quiz: nowhere.gift: no such file\n")
    (tmp_path / "latin1.gift").write_bytes(b"Caf\xe9? {T}\n")
    latin = quiz("pack", "import", "latin1.gift", cwd=tmp_path)
    assert latin.returncode == 1 and "latin1.gift:1: not valid UTF-8" in latin.stderr
    (tmp_path / "words.txt").write_text("just words\n")
    unknown = quiz("pack", "import", "words.txt", cwd=tmp_path)
    assert unknown.returncode == 2 and "--format" in unknown.stderr


def test_export_writes_files_and_reports_what_the_format_cannot_hold(
    fixtures: Path, tmp_path: Path
) -> None:
    pack = str(fixtures / "every_type.toml")
    done = quiz("pack", "export", pack, "--format", "gift", cwd=tmp_path)
    assert done.returncode == 0
    assert "::single-plain:: Which union backs Ed Balls?" in done.stdout
    assert "ordering: skipped ordering question: GIFT has no ordering questions" in done.stderr
    binary = quiz("pack", "export", pack, "--format", "anki", cwd=tmp_path)
    assert binary.returncode == 2 and "give -o FILE" in binary.stderr
    deck = quiz("pack", "export", pack, "--format", "anki", "-o", "deck.apkg", cwd=tmp_path)
    assert deck.returncode == 0 and (tmp_path / "deck.apkg").read_bytes()[:2] == b"PK"
    again = quiz("pack", "export", pack, "--format", "anki", "-o", "deck.apkg", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_export_then_import_on_the_command_line(fixtures: Path, tmp_path: Path) -> None:
    pack = str(fixtures / "every_type.toml")
    exported = quiz("pack", "export", pack, "--format", "csv", "-o", "kahoot.csv", cwd=tmp_path)
    assert exported.returncode == 0
    imported = quiz("pack", "import", "kahoot.csv", "-o", "back.toml", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    back = load_pack(tmp_path / "back.toml", use_cache=False)
    assert [q.prompt for q in back.questions][:2] == [
        "Which union backs Ed Balls?",
        "[@click=app.quit]x[/] is shown how?",
    ]


def test_import_checks_the_output_first_and_reports_skips_even_when_nothing_is_left(
    fixtures: Path, tmp_path: Path
) -> None:
    nowhere = quiz(
        "pack", "import", str(fixtures / "features.gift"), "-o", "no/x.toml", cwd=tmp_path
    )
    assert nowhere.returncode == 1
    assert nowhere.stderr == "quiz: no/x.toml: folder no does not exist\n"
    (tmp_path / "essay.gift").write_text("::e:: Tell me about Labour. {}\n")
    essay = quiz("pack", "import", "essay.gift", cwd=tmp_path)
    assert essay.returncode == 1
    assert essay.stderr.splitlines() == [
        'essay.gift:1: skipped essay question "Tell me about Labour.": a pack has no '
        "free-text answers",
        "essay.gift: holds no question a pack can hold",
    ]


def _run_on_a_terminal(args: list[str], cwd: Path) -> bytes:
    """Run quiz with its stdout on a pseudo-terminal; everything it showed there."""
    import pty

    master, slave = pty.openpty()
    try:
        subprocess.run(
            [sys.executable, "-m", "quiz", *args],
            cwd=cwd,
            stdout=slave,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=60,
            check=True,
        )
    finally:
        os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal is closed once everything has been read
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return shown


def test_control_characters_reach_files_but_never_a_terminal(tmp_path: Path) -> None:
    pack = tmp_path / "esc.toml"
    pack.write_text(
        '[pack]\nid = "esc"\ntitle = "Esc"\n\n[[questions]]\nid = "red"\ntype = "single"\n'
        'prompt = "Red \\u001b[31mtext\\u009b?"\nchoices = ["a", "b"]\nanswer = "a"\n'
    )
    shown = _run_on_a_terminal(["pack", "export", str(pack), "--format", "gift"], tmp_path)
    assert b"::red:: Red text? {" in shown and b"\x1b" not in shown
    piped = quiz("pack", "export", str(pack), "--format", "gift", cwd=tmp_path)
    assert "Red \x1b[31mtext\x9b?" in piped.stdout  # a file keeps the pack's text as it is


def test_every_command_that_writes_a_named_file_refuses_a_folder_alike(
    fixtures: Path, tmp_path: Path
) -> None:
    bank = str(ROOT / "questions" / "labour-2010.toml")
    commands = {
        "import": ("pack", "import", str(fixtures / "features.gift"), "-o", "out"),
        "export": ("pack", "export", bank, "--format", "gift", "-o", "out"),
        "generate": ("pack", "generate", bank, "-o", "out"),
        "schema": ("pack", "schema", "-o", "out"),
    }
    (tmp_path / "out").mkdir()
    for name, args in commands.items():
        done = quiz(*args, cwd=tmp_path)
        refused = (done.returncode, done.stderr)
        assert refused == (1, "quiz: out: is a folder; give a file name\n"), name
