"""SaveStore is used through its public methods only, and each says what it promises."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from quiz.store.savestore import SaveStore

PACKAGE = Path(__file__).resolve().parents[2] / "quiz"


def _names_a_store(node: ast.expr) -> bool:
    """`store`, `self.store`, `saves.store`…: anything called store."""
    if isinstance(node, ast.Name):
        return node.id == "store" or node.id.endswith("_store")
    if isinstance(node, ast.Attribute):
        return node.attr == "store" or node.attr.endswith("_store")
    return False


def test_nothing_outside_savestore_uses_a_stores_private_parts() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "store" / "savestore.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and _names_a_store(node.value)
            ):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: .{node.attr}")
    assert found == []


def test_every_public_savestore_method_has_a_docstring() -> None:
    undocumented = [
        name
        for name, member in inspect.getmembers(SaveStore)
        if not name.startswith("_")
        and (inspect.isfunction(member) or isinstance(member, classmethod | property))
        and not inspect.getdoc(member)
    ]
    assert undocumented == []
