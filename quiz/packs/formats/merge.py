"""Merging imported questions into an existing pack (`quiz pack import FILE --into PACK`).

A question of the file that the pack already has (the same id, or the same content under
another id: `content_digest`) is updated in place: the keys the file sets replace the pack's,
and keys it leaves unset (a quote, a difficulty the author added) stay as the pack has them.
Other questions are appended. Nothing is duplicated, and the pack's comments and layout are
kept: the text is edited through the editor's path, `quiz.packs.editing.PackDocument`, which
rewrites only the keys that change.

The merged text is checked with the pack loader before anything is written; the caller
writes it (or, for a dry run, only shows the plan).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quiz.packs.editing import PackDocument
from quiz.packs.formats.common import content_digest
from quiz.packs.loader import parse_pack_text

# Keys every question type has: kept when a question's type changes.
_COMMON_KEYS = ("id", "prompt", "explanation", "quote", "difficulty", "tags", "time_limit")


@dataclass
class MergePlan:
    """What merging changes: ids updated (with the keys that change), ids added, how many
    questions were already the same, and the pack's new text."""

    updated: list[tuple[str, list[str]]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    unchanged: int = 0
    text: str = ""

    def summary(self, pack: str) -> str:
        """One line: how many questions are updated, added and unchanged."""
        return (
            f"{pack}: {len(self.updated)} updated, {len(self.added)} added, "
            f"{self.unchanged} unchanged"
        )

    def details(self) -> list[str]:
        """One line per question updated or added."""
        lines = [f"updated {qid} ({', '.join(keys)})" for qid, keys in self.updated]
        return lines + [f"added {qid}" for qid in self.added]


def question_data(question: Any) -> dict[str, Any]:
    """An imported (hand-written) question as the keys a pack's TOML would hold."""
    data: dict[str, Any] = question.model_dump(mode="json", exclude_defaults=True)
    data["type"] = question.type
    return data


def merge_questions(pack_text: str, questions: list[Any], *, pack_name: str) -> MergePlan:
    """Merge `questions` into the pack text; raises EditingError when the pack cannot be
    edited safely and PackError when the merged pack would not load."""
    document = PackDocument(pack_text)
    existing = document.questions()
    by_id = {str(old.get("id")): index for index, old in enumerate(existing)}
    by_content = {content_digest(old): index for index, old in enumerate(existing)}
    plan = MergePlan()
    for question in questions:
        new = question_data(question)
        index = by_id.get(new["id"])
        if index is None:
            index = by_content.get(content_digest(new))
        if index is None:
            at = document.insert(len(document), new)
            by_id[new["id"]] = at
            plan.added.append(new["id"])
            continue
        old = document.question(index)
        merged = _overlay(old, new)
        changed = [key for key in merged if merged[key] != old.get(key)]
        changed += [key for key in old if key not in merged]
        if not changed:
            plan.unchanged += 1
            continue
        document.update(index, merged)
        plan.updated.append((str(merged["id"]), changed))
    plan.text = document.text
    parse_pack_text(plan.text, filename=pack_name)
    return plan


def _overlay(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The pack's question with the file's keys over it. The pack's id stays (a question
    matched by content keeps its id); a question whose type changes keeps only the keys
    every type has."""
    if old.get("type") == new.get("type"):
        merged = {**old, **new}
    else:
        merged = {**{key: old[key] for key in _COMMON_KEYS if key in old}, **new}
    merged["id"] = old["id"]
    return merged
