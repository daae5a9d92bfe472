"""Benchmark: importing and exporting question files as teachers have them.

Run: .venv/bin/python bench/formats.py [--questions N] [--runs N] [--no-memory]

Times, as the median of several runs, in CPU seconds of this process (the machine is often
shared; waiting for a core is not our cost; wall seconds are printed too):
- GIFT import of a generated file of every type GIFT shares with packs, with titles,
  categories, feedback and escapes (`gift.import_text`: text to validated questions);
- the whole `quiz pack import` pipeline on it (parse, build the pack, write TOML, check it
  with the pack loader);
- Moodle XML import of the same questions written as Moodle exports them (HTML in CDATA,
  per-answer feedback, a category every 100 questions);
- GIFT export, and a Kahoot `.xlsx` round trip (export, then import) of 1,000 questions;
- the baseline: our TOML load of the same questions (`load_pack`, cache off).

Then the peak memory (maximum resident set) of `quiz pack import` refusing 20 MB files:
a CSV of 493,000 rows, a GIFT file of tiny questions, a Moodle XML file and an Open Trivia DB
file each of more questions than a pack holds, a 19.9 MB GIFT file whose pack would be over
the 20 MB cap, and a `.xlsx` zip bomb, each in a fresh process; the baseline is the same
command printing its help.

Prints PASS/FAIL against the targets: GIFT import ≥ 20,000 questions/s, Moodle XML import
≥ 10,000 questions/s, peak memory of a refused 20 MB import ≤ 150 MB. It never asserts:
targets are for reading.
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GIFT_TARGET = 20_000  # questions per second
MOODLE_TARGET = 10_000  # questions per second
MEMORY_TARGET_MB = 150
REFUSED_BYTES = 20 * 1024 * 1024 - 100_000  # just under the import size limit

TEMPLATES = [
    "::single-{n}:: Which union backs candidate {n}? {{\n    =Unite#Right: Unite.\n"
    "    ~GMB#No.\n    ~Unison\n    ~CWU\n    ####Unite backs Balls\\: the article says so.\n}}",
    "::multi-{n}:: Which of these back candidate {n}? {{\n    ~%50%Whelan\n    ~%50%Dromey\n"
    "    ~%-100%Mandelson\n}}",
    "::tf-{n}:: Harman backs candidate {n}, according to the article. {{T####Named as a backer.}}",
    "::short-{n}:: Which nickname is number {n}? {{=Milibland =Mili-bland####A pun.}}",
    "::match-{n}:: Match backers to candidates, set {n} {{\n    =Mandelson -> David\n"
    "    =Whelan -> Balls\n    =Unite \\= union -> Balls again\n}}",
    "::num-{n}:: How many hours, case {n}? {{#236:5####Two hundred and thirty-six.}}",
    "::range-{n}:: Which year, case {n}? {{#2009..2011}}",
    "::gap-{n}:: The article calls David the {{~vacancy =ultimate vacant man ~favourite}} in "
    "case {n}.",
]

# Moodle XML as Moodle exports it, one line per element; {n} is the question's number.
_HTML = '<{tag} format="html"><text><![CDATA[{text}]]></text></{tag}>'
_AUTO = '<{tag} format="moodle_auto_format"><text>{text}</text></{tag}>'


def _answer(fraction: str, text: str, fmt: str = "html", tolerance: str = "") -> str:
    extra = f"<tolerance>{tolerance}</tolerance>" if tolerance else ""
    return (
        f'<answer fraction="{fraction}" format="{fmt}"><text>{text}</text>'
        f'<feedback format="html"><text></text></feedback>{extra}</answer>'
    )


def _moodle(kind: str, name: str, lines: list[str]) -> str:
    head = [f'<question type="{kind}">', f"<name><text>{name}-{{n}}</text></name>"]
    return "\n".join([*head, *lines, "</question>"])


MOODLE_TEMPLATES = [
    _moodle("multichoice", "single", [
        _HTML.format(tag="questiontext", text="<p>Which union backs <b>candidate {n}</b>?</p>"),
        _HTML.format(tag="generalfeedback", text="<p>Unite backs Balls: the article says so.</p>"),
        "<defaultgrade>1.0000000</defaultgrade><penalty>0.3333333</penalty><hidden>0</hidden>",
        "<single>true</single><shuffleanswers>true</shuffleanswers>",
        _HTML.format(tag="correctfeedback", text="Your answer is correct."),
        _answer("100", "<![CDATA[<p>Unite</p>]]>"),
        _answer("0", "<![CDATA[<p>GMB</p>]]>"),
        _answer("0", "<![CDATA[<p>Unison &amp; CWU</p>]]>"),
    ]),
    _moodle("multichoice", "multi", [
        _HTML.format(tag="questiontext", text="<p>Which of these back candidate {n}?</p>"),
        "<single>false</single>",
        _answer("50", "Whelan"),
        _answer("50", "Dromey"),
        _answer("-50", "Mandelson"),
    ]),
    _moodle("truefalse", "tf", [
        _AUTO.format(tag="questiontext", text="Harman backs candidate {n}."),
        _AUTO.format(tag="generalfeedback", text="Named as a backer."),
        _answer("100", "true", "moodle_auto_format"),
        _answer("0", "false", "moodle_auto_format"),
    ]),
    _moodle("shortanswer", "short", [
        _HTML.format(tag="questiontext", text="<p>Which nickname is number {n}?</p>"),
        _HTML.format(tag="generalfeedback", text="A pun."),
        "<usecase>0</usecase>",
        _answer("100", "Milibland", "moodle_auto_format"),
        _answer("100", "Mili-bland", "moodle_auto_format"),
    ]),
    _moodle("matching", "match", [
        _HTML.format(tag="questiontext", text="<p>Match backers to candidates, set {n}</p>"),
        '<subquestion format="html"><text><![CDATA[<p>Mandelson</p>]]></text>'
        "<answer><text>David</text></answer></subquestion>",
        '<subquestion format="html"><text><![CDATA[<p>Whelan</p>]]></text>'
        "<answer><text>Balls</text></answer></subquestion>",
    ]),
    _moodle("numerical", "num", [
        _HTML.format(tag="questiontext", text="<p>How many hours, case {n}?</p>"),
        _HTML.format(tag="generalfeedback", text="Two hundred and thirty-six."),
        _answer("100", "236", "moodle_auto_format", tolerance="5"),
    ]),
]  # fmt: skip


def make_gift(questions: int) -> str:
    """A GIFT file of `questions` questions, a new `$CATEGORY:` every 100."""
    parts = ["// Benchmark file written by bench/formats.py", ""]
    for n in range(questions):
        if n % 100 == 0:
            parts += [f"$CATEGORY: $course$/top/Bench/Part {n // 100}", ""]
        parts += [TEMPLATES[n % len(TEMPLATES)].format(n=n), ""]
    return "\n".join(parts)


def make_moodle_xml(questions: int) -> bytes:
    """Moodle XML of `questions` questions as Moodle exports them, a category every 100."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for n in range(questions):
        if n % 100 == 0:
            parts.append(
                '  <question type="category"><category><text>'
                f"$course$/top/Default for Bench/Part {n // 100}</text></category></question>"
            )
        parts.append(MOODLE_TEMPLATES[n % len(MOODLE_TEMPLATES)].replace("{n}", str(n)))
    parts.append("</quiz>")
    return "\n".join(parts).encode()


def median_seconds(action: Callable[[], Any], runs: int) -> tuple[float, float]:
    """Median (CPU seconds of this process, wall seconds) over `runs` runs. Targets use CPU
    time: the machine this runs on is often shared, and waiting for a core is not our cost;
    wall time is printed alongside so that nothing is hidden."""
    cpu, wall = [], []
    for _ in range(runs):
        gc.collect()
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        action()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu), statistics.median(wall)


def refused_files(folder: Path) -> dict[str, Path]:
    """20 MB files that `quiz pack import` must refuse, by what they are."""
    files: dict[str, Path] = {}
    row = "Which union backs Ed Balls?,Unite,GMB,,,20,1\n"
    files["CSV, 493,000 rows"] = folder / "rows.csv"
    files["CSV, 493,000 rows"].write_text(row * (REFUSED_BYTES // len(row)))
    tiny = "Q? {T}\n\n"
    files["GIFT, tiny questions"] = folder / "tiny.gift"
    files["GIFT, tiny questions"].write_text(tiny * (REFUSED_BYTES // len(tiny)))
    question = (
        '<question type="truefalse"><questiontext><text>Q?</text></questiontext></question>\n'
    )
    files["Moodle XML, many questions"] = folder / "many.xml"
    files["Moodle XML, many questions"].write_text(
        "<quiz>\n" + question * (REFUSED_BYTES // len(question)) + "</quiz>\n"
    )
    result = (
        '{"type":"boolean","question":"Q?","correct_answer":"True","incorrect_answers":["False"]},'
    )
    files["Open Trivia DB, many questions"] = folder / "many.json"
    files["Open Trivia DB, many questions"].write_text(
        '{"response_code":0,"results":[' + result * (REFUSED_BYTES // len(result)) + "{}]}"
    )
    prompt = '"' * 980
    files["GIFT whose pack would be 38 MB"] = folder / "quotes.gift"
    files["GIFT whose pack would be 38 MB"].write_text(
        "".join(f"::q{n}:: {prompt} {{T}}\n\n" for n in range(20_000))
    )
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            for _ in range(1024):
                part.write(b" " * 2**20)
    files[".xlsx zip bomb (1 GB unpacked)"] = folder / "bomb.xlsx"
    files[".xlsx zip bomb (1 GB unpacked)"].write_bytes(bomb.getvalue())
    return files


_MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
print(f"{done.returncode} {peak:.1f} {last}")
"""


def peak_memory(args: list[str], cwd: Path) -> tuple[int, float, str]:
    """(exit code, peak resident MB, last stderr line) of `quiz ARGS` in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, sys.executable, "-m", "quiz", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    code, peak, *rest = done.stdout.strip().split(" ", 2)
    return int(code), float(peak), rest[0] if rest else ""


def speed(args: argparse.Namespace) -> None:
    from quiz.packs.formats import gift, gift_export, kahoot_xlsx, moodle_xml_import
    from quiz.packs.formats.pack_writer import verified_toml
    from quiz.packs.generate import generate_questions
    from quiz.packs.loader import load_pack

    text = make_gift(args.questions)
    xml = make_moodle_xml(args.questions)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "bench.toml"
        result = gift.import_text(text, "bench.gift")
        assert len(result.questions) == args.questions, (len(result.questions), result.notes[:3])
        moodle = moodle_xml_import.import_bytes(xml, "bench.xml")
        assert len(moodle.questions) == args.questions, (len(moodle.questions), moodle.notes[:3])
        out.write_text(verified_toml(result, "bench.gift", out), encoding="utf-8")
        pack = load_pack(out, use_cache=False)
        questions = generate_questions(pack)
        count = len(questions)
        choice = [q for q in questions if q.type in ("single", "multiple", "true_false")][:1000]
        round_trip = len(choice)

        def xlsx_round_trip() -> None:
            data = kahoot_xlsx.export_questions(choice, pack.pack).data
            assert isinstance(data, bytes)
            kahoot_xlsx.import_bytes(data, "bench.xlsx")

        timings = {
            "TOML load (baseline)": (count, median_seconds(
                lambda: load_pack(out, use_cache=False), args.runs
            )),
            "GIFT import (parse)": (count, median_seconds(
                lambda: gift.import_text(text, "bench.gift"), args.runs
            )),
            "quiz pack import (all)": (count, median_seconds(
                lambda: verified_toml(gift.import_text(text, "bench.gift"), "bench.gift", out),
                args.runs,
            )),
            "Moodle XML import": (count, median_seconds(
                lambda: moodle_xml_import.import_bytes(xml, "bench.xml"), args.runs
            )),
            "GIFT export": (count, median_seconds(
                lambda: gift_export.export_questions(questions, pack.pack), args.runs
            )),
            ".xlsx round trip": (round_trip, median_seconds(xlsx_round_trip, args.runs)),
        }  # fmt: skip

    baseline = timings["TOML load (baseline)"][1][0] / count
    targets = {"GIFT import (parse)": GIFT_TARGET, "Moodle XML import": MOODLE_TARGET}
    print(f"{count:,} questions ({len(text) / 1e6:.1f} MB of GIFT, {len(xml) / 1e6:.1f} MB of "
          f"Moodle XML; {round_trip:,} in the .xlsx), median of {args.runs} runs\n")  # fmt: skip
    print(
        f"{'step':<24} {'CPU s':>7} {'wall s':>7} {'questions/s':>12} {'× TOML load':>12}  target"
    )
    print("-" * 84)
    for step, (size, (seconds, wall)) in timings.items():
        rate = size / seconds
        verdict = ""
        if step in targets:
            verdict = f"≥ {targets[step]:,}/s " + ("PASS" if rate >= targets[step] else "FAIL")
        print(
            f"{step:<24} {seconds:>7.3f} {wall:>7.3f} {rate:>12,.0f} "
            f"{seconds / size / baseline:>11.2f}×  {verdict}"
        )
    print("\nquestions/s and ratios (per question) use CPU time (see median_seconds).")


def memory() -> None:
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        files = refused_files(where)
        print(f"\n{'refused 20 MB import':<34} {'exit':>4} {'peak MB':>8}  target   why")
        print("-" * 100)
        _, base, _ = peak_memory(["pack", "import", "--help"], where)
        print(f"{'(baseline: quiz pack import --help)':<34} {'0':>4} {base:>8.1f}")
        for name, path in files.items():
            code, peak, last = peak_memory(["pack", "import", path.name], where)
            verdict = f"≤ {MEMORY_TARGET_MB} " + ("PASS" if peak <= MEMORY_TARGET_MB else "FAIL")
            why = last.split(": ", 1)[-1][:60]
            print(f"{name:<34} {code:>4} {peak:>8.1f}  {verdict}  {why}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-memory", action="store_true", help="skip the memory table")
    args = parser.parse_args()
    speed(args)
    if not args.no_memory:
        memory()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
