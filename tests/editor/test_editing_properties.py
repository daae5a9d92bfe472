"""Any sequence of edits keeps the document in step with a plain list of questions, and
keeps every comment that does not belong to a deleted question."""

from __future__ import annotations

from typing import Any

import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.packs.editing import PackDocument

HEAD = '#:schema pack.schema.json\n# head comment\n[pack]\nid = "p"  # inline\ntitle = "P"\n\n'
TAIL = '\n# tail comment\n[[entities]]\nid = "e"\nname = "E"\nkind = "person"\n'


def block(n: int) -> str:
    return (
        f'# about q{n}\n[[questions]]\nid = "q{n}"  # id of q{n}\ntype = "true_false"\n'
        f'prompt = "Statement {n}"\nanswer = true\n'
    )


def start_text(count: int) -> str:
    middle = "\n# loose comment\n\n".join(block(n) for n in range(count))
    return HEAD + middle + TAIL


text_values = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=20,
)
operations = st.lists(
    st.tuples(
        st.sampled_from(["update", "insert", "duplicate", "delete", "up", "down"]),
        st.integers(min_value=0, max_value=8),
        text_values,
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count=st.integers(min_value=0, max_value=4), steps=operations)
def test_random_edits_match_a_plain_list(count: int, steps: list[tuple[str, int, str]]) -> None:
    document = PackDocument(start_text(count))
    model: list[dict[str, Any]] = [
        {"id": f"q{n}", "type": "true_false", "prompt": f"Statement {n}", "answer": True}
        for n in range(count)
    ]
    deleted: set[str] = set()
    fresh = 100
    for action, raw_index, value in steps:
        index = raw_index % len(model) if model else 0
        if action == "insert" or not model:
            question = {"id": f"n{fresh}", "type": "typed", "prompt": value or "?", "answer": "a"}
            fresh += 1
            document.insert(index, question)
            model.insert(index, question)
        elif action == "update":
            model[index] = model[index] | {"prompt": value or "?", "explanation": value}
            document.update(index, model[index])
        elif action == "duplicate":
            new_id = document.unique_id(model[index]["id"])
            document.duplicate(index, new_id)
            model.insert(index + 1, model[index] | {"id": new_id})
        elif action == "delete":
            deleted.add(model[index]["id"])
            document.delete(index)
            del model[index]
        else:
            offset = -1 if action == "up" else 1
            target = document.move(index, offset)
            if target != index:
                model[index], model[target] = model[target], model[index]
        assert document.questions() == model
    text = document.text
    assert tomli.loads(text)["questions" if model else "pack"] == (
        model or {"id": "p", "title": "P"}
    )
    assert PackDocument(text).questions() == model
    assert text.startswith(HEAD.rstrip("\n"))
    # Questions added to a pack that had none go at the end, after its other tables; after
    # the last one is deleted, new ones go back where the questions were.
    assert text.endswith(TAIL) if count else TAIL in text
    for n in range(count):
        attached = f"# about q{n}\n"
        assert (attached in text) == (f"q{n}" not in deleted)
    assert text.count("# loose comment") == max(count - 1, 0)
