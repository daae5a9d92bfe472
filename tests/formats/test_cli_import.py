"""`quiz pack import` on files teachers have: Excel's Windows encoding, merging into an
existing pack with its comments kept (and a dry run first), and output that would be too big
to load refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.packs.errors import PackError
from quiz.packs.formats.gift import import_text
from quiz.packs.formats.pack_writer import verified_toml
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


def test_a_csv_saved_by_excel_on_windows_is_read_as_cp1252_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "excel.csv").write_bytes(
        b"Question,Answer 1,Answer 2,Time,Correct\r\nCaf\xe9 or th\xe9\x85?,Caf\xe9,Th\xe9,20,1\r\n"
    )
    done = quiz("pack", "import", "excel.csv", "-o", "out.toml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        "excel.csv:2: not UTF-8; read as Windows-1252 (cp1252), as Excel on Windows saves "
        "files: check accented letters, or save the file as UTF-8"
    )
    (question,) = load_pack(tmp_path / "out.toml", use_cache=False).questions
    assert (question.prompt, question.choices) == ("Café or thé…?", ["Café", "Thé"])


def test_aiken_falls_back_too_but_gift_must_be_utf8(tmp_path: Path) -> None:
    (tmp_path / "q.aiken").write_bytes(b"Caf\xe9?\nA. oui\nB. non\nANSWER: A\n")
    aiken = quiz("pack", "import", "q.aiken", cwd=tmp_path)
    assert aiken.returncode == 0 and 'prompt = "Café?"' in aiken.stdout
    (tmp_path / "q.gift").write_bytes(b"Caf\xe9? {T}\n")
    gift = quiz("pack", "import", "q.gift", cwd=tmp_path)
    assert gift.returncode == 1 and "q.gift:1: not valid UTF-8" in gift.stderr


FIRST = """\
::Backer:: Which union backs Ed Balls? {=Unite ~GMB ####Says the article.}

::Nickname:: Which nickname does the article give Ed Miliband? {=Milibland}

Who backs David Miliband? {=Mandelson ~Whelan}
"""
SECOND = """\
Who backs David Miliband? {=Mandelson ~Whelan ~Dromey}

::Nickname:: Which nickname does the article give Ed Miliband? {=Milibland}

::Backer:: Which union backs Ed Balls? {=Unite ~GMB ####The article names Unite.}

::Harman:: Harriet Harman backs Ed Balls. {F}
"""


def test_merging_updates_in_place_appends_new_ones_and_keeps_the_authors_comments(
    tmp_path: Path,
) -> None:
    (tmp_path / "first.gift").write_text(FIRST)
    (tmp_path / "second.gift").write_text(SECOND)
    made = quiz("pack", "import", "first.gift", "-o", "pack.toml", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    pack = tmp_path / "pack.toml"
    authored = (
        pack.read_text()
        .replace(
            '[[questions]]\nid = "nickname"',
            '# Keep this one: the class loves it.\n[[questions]]\nid = "nickname"',
        )
        .replace('answer = "Milibland"\n', 'answer = "Milibland"  # the pun\nquote = "Milibland"\n')
    )
    pack.write_text(authored)

    dry = quiz("pack", "import", "second.gift", "--into", "pack.toml", "--dry-run", cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "pack.toml: 2 updated, 1 added, 1 unchanged (dry run: nothing written)",
        "  updated who-backs-david-miliband-f5fe24b6 (choices)",
        "  updated backer (explanation)",
        "  added harman",
    ]
    assert pack.read_text() == authored

    done = quiz("pack", "import", "second.gift", "--into", "pack.toml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    merged = pack.read_text()
    assert '# Keep this one: the class loves it.\n[[questions]]\nid = "nickname"' in merged
    assert 'answer = "Milibland"  # the pun\nquote = "Milibland"\n' in merged
    questions = {q.id: q for q in load_pack(pack, use_cache=False).questions}
    assert list(questions) == ["backer", "nickname", "who-backs-david-miliband-f5fe24b6", "harman"]
    assert questions["backer"].explanation == "The article names Unite."
    assert questions["who-backs-david-miliband-f5fe24b6"].choices == [
        "Mandelson",
        "Whelan",
        "Dromey",
    ]
    again = quiz("pack", "import", "second.gift", "--into", "pack.toml", cwd=tmp_path)
    assert again.returncode == 0
    assert "pack.toml: 0 updated, 0 added, 4 unchanged" in again.stderr
    assert pack.read_text() == merged


def test_merging_into_a_pack_that_does_not_load_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "first.gift").write_text(FIRST)
    (tmp_path / "pack.toml").write_text('[pack]\nid = "p"\n')
    done = quiz("pack", "import", "first.gift", "--into", "pack.toml", cwd=tmp_path)
    assert done.returncode == 1 and "pack.toml" in done.stderr and "title" in done.stderr
    assert (tmp_path / "pack.toml").read_text() == '[pack]\nid = "p"\n'


def test_an_import_whose_pack_would_be_over_the_size_cap_is_refused() -> None:
    # 19.9 MB of GIFT whose quotes TOML must escape: its pack would be about 39 MB.
    prompt = '"' * 980
    text = "".join(f"::q{n}:: {prompt} {{T}}\n\n" for n in range(20_000))
    assert len(text.encode()) < 20 * 2**20
    result = import_text(text, "quotes.gift")
    with pytest.raises(PackError) as caught:
        verified_toml(result, "quotes.gift", None)
    (problem,) = caught.value.problems
    assert str(problem) == (
        "quotes.gift: the pack would be at least 37.7 MB of TOML, over the 20 MB a pack file "
        "may be; split the file and import each part into its own pack"
    )


def test_export_to_xlsx_needs_a_file_and_imports_back(fixtures: Path, tmp_path: Path) -> None:
    pack = str(fixtures / "every_type.toml")
    refused = quiz("pack", "export", pack, "--format", "xlsx", cwd=tmp_path)
    assert refused.returncode == 2 and "give -o FILE" in refused.stderr
    done = quiz("pack", "export", pack, "--format", "xlsx", "-o", "k.xlsx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    back = quiz("pack", "import", "k.xlsx", "-o", "back.toml", cwd=tmp_path)
    assert back.returncode == 0, back.stderr
    prompts = [q.prompt for q in load_pack(tmp_path / "back.toml", use_cache=False).questions]
    assert prompts[0] == "Which union backs Ed Balls?"
