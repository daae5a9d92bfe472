"""The names a typed question refuses: other entities' names, aliases and surnames near
its answer, never the answer's own."""

from __future__ import annotations

from quiz.packs.models import Entity
from quiz.packs.other_names import NameIndex


def person(entity_id: str, name: str, *aliases: str) -> Entity:
    return Entity(id=entity_id, name=name, aliases=list(aliases), kind="person")


ENTITIES = [
    person("david", "David Miliband", "Milibland", "D. Miliband"),
    person("ed", "Ed Miliband", "the other Ed"),
    person("balls", "Ed Balls", "Balls"),
    person("cruddas", "Jon Cruddas"),
    Entity(id="unite", name="Unite", kind="union"),
]


def test_a_shared_surname_is_another_name_for_each_of_its_owners() -> None:
    index = NameIndex(ENTITIES)
    others = index.other_names(["David Miliband", "Milibland", "D. Miliband"], "david")
    assert "Miliband" in others
    assert "Ed Miliband" in others
    assert not {"David Miliband", "Milibland", "D. Miliband"} & set(others)


def test_a_phrase_answer_refuses_every_near_name() -> None:
    index = NameIndex(ENTITIES)
    others = index.other_names(["Milibland"], None)
    assert others[0] == "Miliband"  # nearest first
    assert "Unite" not in others  # nowhere near: refused anyway, so not carried


def test_an_accepted_text_is_never_an_other_name() -> None:
    index = NameIndex(ENTITIES)
    assert "Miliband" not in index.other_names(["Ed Miliband", "Miliband"], "ed")


def test_entity_named_finds_one_owner_only() -> None:
    index = NameIndex(ENTITIES)
    assert index.entity_named("ed balls") == "balls"
    assert index.entity_named("Miliband") is None  # two owners
    assert index.entity_named("nobody") is None
