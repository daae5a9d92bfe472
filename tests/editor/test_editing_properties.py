"""Any sequence of edits keeps the document in step with a plain list of questions, and
keeps every comment that does not belong to a deleted question."""

from __future__ import annotations

from typing import Any

import tomli
from hypothesis import HealthCheck, example, given, settings
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


SECTIONS_HEAD = '# head\n[pack]\nid = "p"\ntitle = "P"\n\n[pack.source]\ntitle = "S"  # kept\n\n'


def entity_block(n: int) -> str:
    return f'# entity {n}\n[[entities]]\nid = "e{n}"\nname = "E{n}"\nkind = "person"\n'


def fact_block(n: int) -> str:
    return (
        f'# fact {n}\n[[facts]]\nid = "f{n}"  # fact id\nsubject = "e0"\nrelation = "r"\n'
        f'quote = "Q{n}"\n'
    )


section_steps = st.lists(
    st.tuples(
        st.sampled_from(["entities", "facts"]),
        st.sampled_from(["update", "insert", "duplicate", "delete", "up", "down"]),
        st.integers(min_value=0, max_value=6),
        text_values,
    ),
    max_size=14,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entities=st.integers(min_value=0, max_value=3),
    facts=st.integers(min_value=0, max_value=3),
    steps=section_steps,
)
# Found by hypothesis: the only fact deleted, then an entity added, then a fact: the entity
# went to the end of the file, after the place the facts keep.
@example(entities=0, facts=1, steps=[("facts", "delete", 0, ""), ("entities", "update", 0, ""),
                                      ("facts", "update", 0, "")])  # fmt: skip
def test_random_edits_of_two_sections_match_plain_lists(
    entities: int, facts: int, steps: list[tuple[str, str, int, str]]
) -> None:
    text = SECTIONS_HEAD + "\n".join(entity_block(n) for n in range(entities))
    text += "\n# ---- facts ----\n\n" + "\n".join(fact_block(n) for n in range(facts))
    document = PackDocument(text)
    model: dict[str, list[dict[str, Any]]] = {
        "entities": [{"id": f"e{n}", "name": f"E{n}", "kind": "person"} for n in range(entities)],
        "facts": [
            {"id": f"f{n}", "subject": "e0", "relation": "r", "quote": f"Q{n}"}
            for n in range(facts)
        ],
    }
    fresh = 100
    for section, action, raw_index, value in steps:
        items = model[section]
        index = raw_index % len(items) if items else 0
        if action == "insert" or not items:
            key = "name" if section == "entities" else "quote"
            base = (
                model[section][0]
                if items
                else (
                    {"id": "x", "name": "N", "kind": "group"}
                    if section == "entities"
                    else {"id": "x", "subject": "e0", "relation": "r", "quote": "q"}
                )
            )
            item = base | {"id": f"n{fresh}", key: value or "?"}
            fresh += 1
            document.insert_item(section, index, item)
            items.insert(index, item)
        elif action == "update":
            key = "name" if section == "entities" else "quote"
            items[index] = items[index] | {key: value or "?"}
            document.update_item(section, index, items[index])
        elif action == "duplicate":
            new_id = document.unique_item_id(section, items[index]["id"])
            document.duplicate_item(section, index, new_id)
            items.insert(index + 1, items[index] | {"id": new_id})
        elif action == "delete":
            document.delete_item(section, index)
            del items[index]
        else:
            target = document.move_item(section, index, -1 if action == "up" else 1)
            if target != index:
                items[index], items[target] = items[target], items[index]
        assert document.items(section) == items
    result = document.text
    data = tomli.loads(result)
    for section, items in model.items():
        assert data.get(section, []) == items
    assert PackDocument(result).items("facts") == model["facts"]
    assert result.startswith(SECTIONS_HEAD.rstrip("\n"))
    assert "# ---- facts ----" in result
    # Every entity comes before every fact, as the file had them.
    if model["entities"] and model["facts"]:
        assert result.rindex("[[entities]]") < result.index("[[facts]]")
