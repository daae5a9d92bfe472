"""Finding packs: the bundled folder, summaries, and names given on the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.packs.catalog import bundled_packs_dir, list_packs, resolve_pack
from quiz.packs.generate import generate_questions
from quiz.packs.loader import load_pack

WritePack = Callable[..., Path]
ROOT = Path(__file__).resolve().parents[2]


def test_bundled_packs_are_the_checkouts_questions_folder() -> None:
    assert bundled_packs_dir() == ROOT / "questions"


def test_the_schema_new_and_imported_packs_point_at_is_the_checkouts() -> None:
    from quiz.packs.catalog import bundled_schema_path
    from quiz.packs.pack_toml import schema_reference

    assert bundled_schema_path() == ROOT / "questions" / "pack.schema.json"
    pack = ROOT / "questions" / "new.toml"
    assert schema_reference(pack) == "pack.schema.json"


def _where_installed_copy_looks(tmp_path: Path) -> list[str]:
    """Bundled packs folder, schema of `pack new` and of imports, as printed by a fresh
    interpreter running a copy of the package laid out as pip installs it: in a
    site-packages folder, packs in quiz/data, and a `questions` package of some other
    distribution beside it."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "quiz", site / "quiz", ignore=shutil.ignore_patterns("__pycache__"))
    (site / "quiz" / "data").mkdir(exist_ok=True)
    (site / "questions").mkdir()
    (site / "questions" / "__init__.py").write_text("")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    code = (
        "from pathlib import Path\n"
        "from quiz.packs.catalog import bundled_packs_dir, bundled_schema_path\n"
        "from quiz.packs.pack_toml import schema_reference\n"
        "pack = Path('new.toml').resolve()\n"
        "written = (pack.parent / schema_reference(pack)).resolve()\n"
        "print(bundled_packs_dir(), bundled_schema_path(), written, sep='\\n')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_installed_packs_and_schema_come_from_the_package_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "site-packages" / "quiz" / "data"
    assert _where_installed_copy_looks(tmp_path) == [
        str(data),
        str(data / "pack.schema.json"),
        str(data / "pack.schema.json"),
    ]


def test_list_packs_summarises_good_and_broken_packs(
    good_text: str, write_pack: WritePack, tmp_path: Path
) -> None:
    write_pack(good_text, "one.toml")
    write_pack("[pack]\nid = 3\n", "two.toml")
    good, broken = list_packs(tmp_path)
    assert (good.id, good.title, good.path.name) == (
        "fixture-good",
        "Fixture: Labour leadership 2010",
        "one.toml",
    )
    assert good.question_count == len(generate_questions(load_pack(tmp_path / "one.toml")))
    assert good.problem is None
    assert (broken.id, broken.question_count) == ("two", None)
    assert broken.problem is not None and "pack.title" in broken.problem
    assert "(and 1 more)" in broken.problem  # the wrong id too


def test_resolve_a_path(good_text: str, write_pack: WritePack) -> None:
    path = write_pack(good_text, "mine.toml")
    assert resolve_pack(str(path)) == path
    # A path that does not exist is still a path: loading it reports "no such file".
    assert resolve_pack("somewhere/else.toml") == Path("somewhere/else.toml")


def test_resolve_by_file_stem_or_pack_id(
    good_text: str, write_pack: WritePack, tmp_path: Path
) -> None:
    path = write_pack(good_text, "labour.toml")
    assert resolve_pack("labour", folder=tmp_path) == path
    assert resolve_pack("fixture-good", folder=tmp_path) == path


def test_bare_file_name_not_here_is_looked_for_among_the_packs(
    good_text: str, write_pack: WritePack, tmp_path: Path
) -> None:
    path = write_pack(good_text, "labour.toml")
    assert resolve_pack("labour.toml", folder=tmp_path) == path
    assert resolve_pack("other.toml", folder=tmp_path) == Path("other.toml")


def test_unknown_name_lists_what_is_available(
    good_text: str, write_pack: WritePack, tmp_path: Path
) -> None:
    write_pack(good_text, "labour.toml")
    with pytest.raises(QuizError) as caught:
        resolve_pack("tories", folder=tmp_path)
    assert str(caught.value) == 'no pack called "tories"; available packs: fixture-good, labour'


def test_default_is_the_bundled_labour_pack(tmp_path: Path) -> None:
    bundled = bundled_packs_dir() / "labour-2010.toml"
    if bundled.exists():
        assert resolve_pack(None) == bundled
    with pytest.raises(QuizError, match='no pack called "labour-2010"; available packs: none'):
        resolve_pack(None, folder=tmp_path)
