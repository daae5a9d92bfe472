"""`quiz pack show` and `quiz pack generate` as a user runs them: real subprocesses, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from quiz.packs.generate import generate_questions
from quiz.packs.loader import load_pack

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "questions" / "labour-2010.toml"
SCHEMA = ROOT / "questions" / "pack.schema.json"

HOSTILE_PACK = """\
[pack]
id = "hostile"
title = "Evil\\u001b[2J title"

[[questions]]
id = "q1"
type = "single"
prompt = "[bold red]Markup[/] \\u001b]0;owned\\u0007 and \\u009b31m C1 \\u202e bidi?"
choices = ["[@click=app.quit]x[/]", "plain"]
answer = "plain"
explanation = "Why\\u0000 not."
quote = "a quote"
"""


def quiz(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_show_prints_numbered_questions_with_answers_and_quotes() -> None:
    result = quiz("pack", "show", "--seed", "4", "--count", "6")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Labour’s 2010 leadership race (labour-2010): 6 of ")
    for number in range(1, 7):
        assert f"\n{number}. " in out
    assert "\n7. " not in out
    assert out.count("   Answer") == 6
    assert out.count("   Quote: “") == 6
    assert "“Labour leadership race” blog post, May 2010" in out


def test_show_is_the_same_for_the_same_seed_and_differs_for_another() -> None:
    first = quiz("pack", "show", str(BANK), "--seed", "9", "--count", "5").stdout
    again = quiz("pack", "show", "labour-2010", "--seed", "9", "--count", "5").stdout
    other = quiz("pack", "show", "--seed", "10", "--count", "5").stdout
    assert first == again
    assert first != other


def test_show_without_count_prints_every_question() -> None:
    result = quiz("pack", "show")
    total = len(generate_questions(load_pack(BANK, use_cache=False)))
    assert result.returncode == 0
    assert f": {total} of {total} questions, seed 0" in result.stdout.splitlines()[0]
    assert f"\n{total}. " in result.stdout


def test_show_labels_choices_and_names_the_right_one() -> None:
    out = quiz("pack", "show", "--seed", "1").stdout
    block = next(b for b in out.split("\n\n") if "id: backed-by.david-miliband.ask-object" in b)
    lines = block.splitlines()
    labelled = [line.strip() for line in lines if line[3:5] in {"A)", "B)", "C)", "D)"}]
    choices = {line[:2]: line[3:] for line in labelled}
    answer = next(line for line in lines if line.strip().startswith("Answer: "))
    label = answer.split("Answer: ")[1][:2]
    assert choices[label] == "Lord Mandelson"


def test_show_prints_hostile_text_literally_without_control_characters(tmp_path: Path) -> None:
    pack = tmp_path / "hostile.toml"
    pack.write_text(HOSTILE_PACK, encoding="utf-8")
    result = quiz("pack", "show", str(pack))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for bad in ("\x1b", "\x9b", "\x00", "\x07", "\u202e"):
        assert bad not in out
    assert "[bold red]Markup[/]" in out
    assert "[@click=app.quit]x[/]" in out
    assert "Evil[2J title" not in out and "Evil title" in out


def test_show_reports_a_missing_pack_in_one_line() -> None:
    result = quiz("pack", "show", "no/such/pack.toml")
    assert result.returncode == 1
    assert result.stderr.startswith("quiz: no/such/pack.toml")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_show_refuses_a_negative_count() -> None:
    result = quiz("pack", "show", "--count", "-2")
    assert result.returncode == 2
    assert "must be 0 or more" in result.stderr


def test_show_does_not_import_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from quiz.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['pack', 'show', '--count', '2'])\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.stdout.strip() == "False", result.stderr


def test_generate_writes_a_pack_that_loads_and_gives_the_same_questions(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "generated.toml"
    out.parent.mkdir()
    result = quiz("pack", "generate", "labour-2010", "-o", str(out))
    assert result.returncode == 0, result.stderr
    first_line = out.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("#:schema ")
    assert (out.parent / first_line.removeprefix("#:schema ")).resolve() == SCHEMA.resolve()
    loaded = load_pack(out, use_cache=False)
    original = [q for q in generate_questions(load_pack(BANK)) if q.origin == "generated"]
    again = generate_questions(loaded)
    keep = {"origin", "fact_ids", "template"}
    assert [q.model_dump(exclude=keep) for q in again] == [
        q.model_dump(exclude=keep) for q in original
    ]
    assert {e.id for e in loaded.entities} == {e.id for e in load_pack(BANK).entities}
    check = quiz("pack", "check", str(out))
    assert check.returncode == 0, check.stdout + check.stderr
    assert [p.name for p in out.parent.iterdir()] == ["generated.toml"]


def test_generate_refuses_to_overwrite_the_input_pack(tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_bytes(BANK.read_bytes())
    before = pack.read_bytes()
    for target in (str(pack), str(tmp_path / "." / "mine.toml")):
        result = quiz("pack", "generate", str(pack), "-o", target, "--force")
        assert result.returncode == 1
        assert "is the input pack" in result.stderr
        assert "Traceback" not in result.stderr
    assert pack.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.toml"]


def test_generate_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "out.toml"
    out.write_text("keep me", encoding="utf-8")
    refused = quiz("pack", "generate", "labour-2010", "-o", str(out))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = quiz("pack", "generate", "labour-2010", "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith("#:schema ")


def test_generate_reports_a_broken_pack_without_writing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[pack]\nid = "x"\ntitle = 3\n', encoding="utf-8")
    out = tmp_path / "out.toml"
    result = quiz("pack", "generate", str(broken), "-o", str(out))
    assert result.returncode == 1
    assert f"{broken}:3" in result.stderr and "title" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    missing_folder = quiz("pack", "generate", "labour-2010", "-o", str(tmp_path / "no" / "o.toml"))
    assert missing_folder.returncode == 1 and "does not exist" in missing_folder.stderr


def test_ordering_and_matching_answers_point_at_the_right_labels() -> None:
    from quiz.commands.pack_show import format_question
    from quiz.packs.question import Question

    ordering = Question(id="o", type="ordering", prompt="Order?", items=("a", "b", "c", "d"))
    text = format_question(1, ordering, seed=3)
    lines = text.splitlines()
    shown = {line.strip()[:1]: line.strip()[3:] for line in lines if line.strip()[1:3] == ") "}
    answer = next(line for line in text.splitlines() if "Answer:" in line)
    labels = [part.strip()[:1] for part in answer.split("Answer:")[1].split("→")]
    assert [shown[label] for label in labels] == ["a", "b", "c", "d"]

    pairs = (("Mandy", "Lord Mandelson"), ("Hattie", "Harriet Harman"), ("Taxi", "Geoff Hoon"))
    matching = Question(id="m", type="matching", prompt="Match?", pairs=pairs)
    lines = format_question(2, matching, seed=3).splitlines()
    rights = {line.strip()[:1]: line.strip()[3:] for line in lines if line.strip()[1:3] == ") "}
    answer = next(line for line in lines if "Answer:" in line).split("Answer: ")[1]
    for number, link in enumerate(answer.split(", "), start=1):
        assert rights[link.split("–")[1]] == pairs[number - 1][1]

    numeric = Question(id="n", type="numeric", prompt="How many?", value=236, tolerance=10,
                       unit="hours")  # fmt: skip
    assert "Answer: 236 hours (± 10)" in format_question(3, numeric)
    share = Question(id="s", type="numeric", prompt="What share?", value=25, tolerance=5, unit="%")
    assert share.answer_text == "25% (± 5)"  # a per cent sign sits by its number
    exact = Question(id="e", type="numeric", prompt="What share?", value=25, unit="%")
    assert "Answer: 25%\n" in format_question(4, exact)
