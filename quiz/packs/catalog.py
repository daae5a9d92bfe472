"""Finding packs: the bundled folder, a summary of each pack in a folder, and turning a
pack name given on the command line into a file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz.errors import QuizError

DEFAULT_PACK = "labour-2010"
PACK_SUFFIX = ".toml"


@dataclass(frozen=True, slots=True)
class PackSummary:
    """One pack file as `quiz pack list` shows it.

    `problem` is None for a good pack; for a broken one it is the first problem, and `id`
    falls back to the file stem, `title` to "" and `question_count` to None.
    """

    path: Path
    id: str
    title: str
    question_count: int | None
    problem: str | None = None


def bundled_packs_dir() -> Path:
    """The folder of bundled packs: `questions/` of the checkout when run from one, else the
    `quiz/data/` folder the build copies them into (see setup.py)."""
    from quiz.checkout import PACKAGE_DIR, source_checkout

    checkout = source_checkout()
    return checkout / "questions" if checkout is not None else PACKAGE_DIR / "data"


def bundled_schema_path() -> Path:
    """The pack schema beside the bundled packs, which new and imported packs point at."""
    from quiz.packs.schema import SCHEMA_FILE_NAME

    return bundled_packs_dir() / SCHEMA_FILE_NAME


def pack_files(folder: Path) -> list[Path]:
    """The pack files directly in `folder`, sorted by name."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == PACK_SUFFIX and p.is_file())
    except OSError as error:
        raise QuizError(f"{folder}: cannot list packs: {error.strerror or error}") from None


def list_packs(folder: str | Path | None = None) -> list[PackSummary]:
    """A summary of every pack file in `folder` (default: the bundled packs), by file name.

    Broken packs are listed too, with their first problem, so one bad file does not hide
    the others.
    """
    from quiz.packs.errors import PackError
    from quiz.packs.playable import load_playable

    summaries = []
    for path in pack_files(Path(folder) if folder is not None else bundled_packs_dir()):
        try:
            # Through the play cache: an unchanged pack is neither re-parsed nor re-generated.
            pack = load_playable(path)
        except PackError as error:
            first = error.problems[0] if error.problems else None
            more = len(error.problems) - 1
            problem = (str(first) if first else "unusable") + (
                f" (and {more} more)" if more > 0 else ""
            )
            summaries.append(PackSummary(path, path.stem, "", None, problem))
            continue
        summaries.append(PackSummary(path, pack.id, pack.title, len(pack.questions)))
    return summaries


def resolve_pack(name_or_path: str | None, *, folder: Path | None = None) -> Path:
    """The pack file meant by a command-line argument.

    A path to an existing file (or anything with a folder in it) is taken as is; a bare
    `NAME.toml` not found here is looked for in `folder` (default: the bundled packs), and
    a bare name is the file stem or pack id of a pack there;
    None is the default bundled pack (DEFAULT_PACK). An unknown name is a QuizError listing
    the available ids.
    """
    name = DEFAULT_PACK if name_or_path is None else name_or_path
    as_path = Path(name)
    folder = bundled_packs_dir() if folder is None else folder
    has_folder = "/" in name or "\\" in name
    if as_path.is_file() or has_folder:
        return as_path
    if name.endswith(PACK_SUFFIX):
        # A bare file name that is not here may be a bundled pack's.
        bundled = folder / name
        return bundled if bundled.is_file() else as_path
    files = pack_files(folder) if folder.is_dir() else []
    for path in files:
        if path.stem == name:
            return path
    summaries = list_packs(folder) if files else []
    for summary in summaries:
        if summary.id == name and summary.problem is None:
            return summary.path
    known = sorted({s.id for s in summaries} | {p.stem for p in files})
    listing = ", ".join(known) if known else f"none (no {PACK_SUFFIX} files in {folder})"
    raise QuizError(f'no pack called "{name}"; available packs: {listing}')
