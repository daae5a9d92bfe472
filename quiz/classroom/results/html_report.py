"""`quiz report SESSION --html FILE`: which questions worked, as one self-contained page.

The page works offline and asks for nothing: styles and the one small script are inline,
the charts are inline SVG (quiz.classroom.results.charts), and its Content-Security-Policy
allows no source at all but the script's own hash. It holds:

- the class summary (students, questions, mean score and accuracy, questions to review) and
  a chart of every question's facility and discrimination;
- a student × question grid, each cell a symbol and a word (✓ right, ½ partly, ✗ wrong,
  – no answer), sortable by name or by rank (the script; without it, by rank);
- per question: the prompt and the right answer, the facility and discrimination indices
  (quiz.classroom.results.statistics), the mean time, each choice's count with the right one
  marked ✓, a chart of the counts, and "Review this question" with the reasons when flagged.

Names, prompts and answers are untrusted: every one is escaped, and control characters are
removed first (quiz.safe_text).
"""

from __future__ import annotations

import base64
import hashlib
import html
from pathlib import Path
from typing import Any

from quiz.classroom.results.charts import counts_chart, indices_chart
from quiz.classroom.results.report import distribution, verdict
from quiz.classroom.results.statistics import QuestionStatistics, question_statistics, students
from quiz.durable import write_durably
from quiz.errors import QuizError
from quiz.safe_text import safe_text

MARKS = {
    "right": ("✓", "right"),
    "partly right": ("½", "partly"),
    "wrong": ("✗", "wrong"),
    "no answer": ("–", "no answer"),
}

SORT_SCRIPT = """
for (const button of document.querySelectorAll("button[data-sort]")) {
  button.addEventListener("click", () => {
    const key = button.dataset.sort;
    const body = document.querySelector("#grid tbody");
    const rows = Array.from(body.rows);
    rows.sort((a, b) => key === "name"
      ? a.dataset.name.localeCompare(b.dataset.name)
      : Number(a.dataset.order) - Number(b.dataset.order));
    for (const row of rows) body.appendChild(row);
    for (const other of document.querySelectorAll("button[data-sort]")) {
      other.setAttribute("aria-pressed", String(other === button));
    }
    document.querySelector("#sorted").textContent = "Sorted by " + button.dataset.label;
  });
}
"""

STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; line-height: 1.45; color: #111; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; }
table { border-collapse: collapse; margin: .6rem 0; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.mark { text-align: center; white-space: nowrap; }
.grid-wrap { overflow-x: auto; }
.review { border: 3px solid #8a1c1c; padding: .4rem .8rem; background: #fff4f4; }
.unfinished { font-weight: bold; color: #8a1c1c; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
button { font: inherit; padding: .2rem .6rem; }
button[aria-pressed="true"] { font-weight: bold; text-decoration: underline; }
svg { max-width: 100%; height: auto; }
section.question { border-top: 1px solid #999; }
"""


def escaped(value: object) -> str:
    """Untrusted text, safe to put in HTML: control characters removed, then escaped."""
    return html.escape(safe_text(str(value), single_line=True), quote=True)


def shown_figure(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def html_report(results: dict[str, Any]) -> str:
    """The whole page for one session's results."""
    figures = question_statistics(results)
    title = f"Session {escaped(results['session'])}"
    if results.get("pack"):
        title += f" — {escaped(results['pack'])}"
    sections = [
        _summary(results, figures),
        _grid(results),
        *(
            _question(question, figure, results)
            for question, figure in zip(results["questions"], figures, strict=True)
        ),
        _about(),
    ]
    return page(f"{title}: which questions worked", sections, script=SORT_SCRIPT)


def page(title: str, sections: list[str], *, script: str | None = None) -> str:
    """A self-contained page: `title` and `sections` are HTML already escaped. Its
    Content-Security-Policy allows inline styles and `script` (by its hash), nothing else."""
    if script is None:
        allowed = "script-src 'none'"
    else:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        allowed = f"script-src 'sha256-{digest}'"
    policy = f"default-src 'none'; style-src 'unsafe-inline'; {allowed}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{title}</h1>",
        *sections,
        "</main>",
        *([f"<script>{script}</script>"] if script is not None else []),
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _summary(results: dict[str, Any], figures: list[QuestionStatistics]) -> str:
    counted = students(results)
    statuses = [player.get("status", "played") for player in results["players"]]
    asked = len(results["questions"])
    scores = [player["score"] for player in counted]
    right = sum(1 for p in counted for a in p["answers"].values() if a["correct"])
    accuracy = 100 * right / (asked * len(counted)) if asked and counted else 0.0
    flagged = [f"Q{figure.number}" for figure in figures if figure.review]
    rows = [
        ("Date", escaped(results.get("date") or "unknown")),
        ("Pack", escaped(results.get("pack") or "(questions from a file)")),
        ("Finished", "yes" if results.get("finished") else "no"),
        (
            "Students",
            f"{len(counted)} ({statuses.count('played')} played to the end, "
            f"{statuses.count('left')} left early; {statuses.count('kicked')} removed, "
            "not counted)",
        ),
        ("Questions asked", str(asked)),
        ("Mean score", f"{sum(scores) / len(scores):.0f} points" if scores else "–"),
        ("Answers right", f"{accuracy:.1f} %"),
        ("To review", ", ".join(flagged) if flagged else "none"),
    ]
    lines = ['<section aria-labelledby="summary">', '<h2 id="summary">Class summary</h2>']
    if not results.get("finished"):
        lines.append('<p class="unfinished">Unfinished: the game did not reach its end.</p>')
    lines.append("<table><tbody>")
    lines += [f'<tr><th scope="row">{name}</th><td>{value}</td></tr>' for name, value in rows]
    lines.append("</tbody></table>")
    if figures:
        lines.append(
            indices_chart(
                [figure.number for figure in figures],
                [figure.facility for figure in figures],
                [figure.discrimination for figure in figures],
                chart_id="indices",
                caption="Facility and discrimination of each question",
            )
        )
    lines.append("</section>")
    return "\n".join(lines)


def _grid(results: dict[str, Any]) -> str:
    questions = results["questions"]
    heads = "".join(f'<th scope="col">Q{q["number"]}</th>' for q in questions)
    lines = [
        '<section aria-labelledby="students">',
        '<h2 id="students">Students and questions</h2>',
        "<p>✓ right, ½ partly right, ✗ wrong, – no answer. Sort by "
        '<button type="button" data-sort="order" data-label="rank" aria-pressed="true">'
        "rank</button> "
        '<button type="button" data-sort="name" data-label="name" aria-pressed="false">'
        'name</button> <span id="sorted" aria-live="polite"></span></p>',
        '<div class="grid-wrap"><table id="grid">',
        '<thead><tr><th scope="col">Rank</th><th scope="col">Name</th>'
        f'<th scope="col">Score</th><th scope="col">Status</th>{heads}</tr></thead>',
        "<tbody>",
    ]
    for order, player in enumerate(results["players"]):
        name = escaped(player["name"])
        rank = "" if player["rank"] is None else str(player["rank"])
        cells = []
        for question in questions:
            said = verdict(player["answers"].get(str(question["number"])))
            symbol, word = MARKS[said]
            cells.append(
                f'<td class="mark"><span aria-hidden="true">{symbol}</span>'
                f'<span class="visually-hidden">{word}</span></td>'
            )
        lines.append(
            f'<tr data-order="{order}" data-name="{name}"><td>{rank}</td>'
            f'<th scope="row">{name}</th><td>{player["score"]}</td>'
            f"<td>{escaped(player.get('status', 'played'))}</td>{''.join(cells)}</tr>"
        )
    lines += ["</tbody></table></div>", "</section>"]
    return "\n".join(lines)


def _question(question: dict[str, Any], figure: QuestionStatistics, results: dict[str, Any]) -> str:
    number = question["number"]
    spread = distribution(results, question)
    lines = [
        f'<section class="question" aria-labelledby="q{number}">',
        f'<h2 id="q{number}">Q{number}. {escaped(question["prompt"])}</h2>',
        f"<p>Right answer: <strong>{escaped(question['answer'])}</strong> "
        f"({escaped(question['kind'].replace('_', '/'))})</p>",
    ]
    if figure.review:
        lines.append(
            '<p class="review"><strong>Review this question:</strong> '
            f"{html.escape('; '.join(figure.reasons))}.</p>"
        )
    lines += [
        "<table><tbody>",
        f'<tr><th scope="row">Facility index</th><td>{shown_figure(figure.facility)}</td></tr>',
        '<tr><th scope="row">Discrimination index</th>'
        f"<td>{shown_figure(figure.discrimination)}</td></tr>",
        f'<tr><th scope="row">Mean time</th><td>{shown_figure(figure.mean_seconds, 1)} s</td></tr>',
        "</tbody></table>",
    ]
    if spread:
        what = "Answer given" if question["kind"] == "typed" else "Choice"
        lines += [
            f'<table><thead><tr><th scope="col">{what}</th><th scope="col">Students</th>'
            '<th scope="col">Right?</th></tr></thead><tbody>',
            *(
                f"<tr><td>{escaped(text)}</td><td>{count}</td>"
                f"<td>{'✓ right' if right else ''}</td></tr>"
                for text, count, right in spread
            ),
            "</tbody></table>",
            counts_chart(
                [
                    ("✓ " if right else "") + safe_text(text, single_line=True)
                    for text, _, right in spread
                ],
                [count for _, count, _ in spread],
                chart_id=f"q{number}",
                caption=f"How many students gave each answer to question {number}",
            ),
        ]
    lines.append("</section>")
    return "\n".join(lines)


def _about() -> str:
    return (
        '<section aria-labelledby="about"><h2 id="about">About the figures</h2>'
        "<p>The <strong>facility index</strong> is the mean share of the question's marks the "
        "students earned (1 for right, a fraction for partly right, 0 for wrong or no "
        "answer). The <strong>discrimination index</strong> is, as in Moodle's item "
        "analysis, the credit the top third of the class (by marks over the whole session) "
        "earned on the question minus that of the bottom third, divided by the number of "
        "students in a third: from −1 to 1. A question is flagged for review when its "
        "facility is under 0.3 or its discrimination under 0.2. Students the teacher removed "
        "are not counted.</p></section>"
    )


def write_html(path: Path, page: str) -> None:
    """Write the page (UTF-8) whole: temp file, fsync, replace."""
    try:
        write_durably(path, page)
    except OSError as error:
        raise QuizError(f"{path}: cannot write the report: {error.strerror}") from None
