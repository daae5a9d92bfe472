"""What the classroom benchmarks share (bench/classroom.py, bench/homework.py): the file
limit a class of sockets needs, percentiles, the host process's CPU and memory, the load
average, and the questions asked.

Imported by name: each benchmark runs as a script (and re-runs itself for its roles), so
this folder is first on sys.path.
"""

from __future__ import annotations

import os
import resource
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.packs.question import Question


def raise_file_limit() -> None:
    """Allow as many open files as the system lets this process have: one per socket."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def percentile(values: list[float], share: float) -> float:
    """The value `share` (0.5, 0.99) of the way through `values` sorted; NaN for none."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def host_usage() -> dict[str, float]:
    """This process's CPU seconds (user and system) and peak memory in MB."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def load_average() -> str:
    """The machine's load average, to print before and after a run."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min; {os.cpu_count()} cores)"


def bench_questions(count: int) -> list[Question]:
    """`count` single-choice questions with four choices, the first one right."""
    from quiz.packs.question import Question

    return [
        Question(
            id=f"bench.q{n}",
            type="single",
            prompt=f"Question {n}: who is 'the vacancy', according to the article?",
            choices=("David Miliband", "Ed Balls", "Andy Burnham", "John McDonnell"),
            answers=("David Miliband",),
        )
        for n in range(1, count + 1)
    ]
