"""Players' names in a classroom game.

A name a student types becomes the name the class sees, and two names that look alike are one
name, by the rule the whole game shares (quiz.name_identity: invisible characters removed,
look-alike letters folded). For young classes the teacher can hand out generated nicknames
("Brave Otter") instead, so nobody types a name at all.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

MAX_NAME = 24

# Friendly, short, and distinct once folded (no two words look alike).
ADJECTIVES = (
    "Brave", "Bright", "Busy", "Calm", "Clever", "Cosy", "Curious", "Daring", "Eager", "Fair",
    "Fancy", "Fast", "Gentle", "Glad", "Golden", "Grand", "Happy", "Jolly", "Kind", "Lively",
    "Lucky", "Merry", "Mighty", "Neat", "Nimble", "Noble", "Plucky", "Polite", "Proud", "Quick",
    "Quiet", "Rapid", "Shiny", "Smart", "Steady", "Sunny", "Swift", "Tidy", "Witty", "Zesty",
)  # fmt: skip
ANIMALS = (
    "Badger", "Beaver", "Bison", "Camel", "Cheetah", "Crane", "Dolphin", "Eagle", "Falcon",
    "Ferret", "Gecko", "Giraffe", "Heron", "Hedgehog", "Ibis", "Jaguar", "Koala", "Lemur",
    "Llama", "Lynx", "Magpie", "Marmot", "Meerkat", "Moose", "Newt", "Ocelot", "Otter", "Owl",
    "Panda", "Puffin", "Quokka", "Rabbit", "Raven", "Robin", "Seal", "Sparrow", "Tiger",
    "Toucan", "Walrus", "Wombat",
)  # fmt: skip


def nickname(taken: Callable[[str], bool], choose: Callable[[int], int] = secrets.randbelow) -> str:
    """A nickname nobody has yet: an adjective and an animal picked at random (`choose(n)`
    returns a number below n), or, once random picks keep hitting names in use, the first free
    pair in order, then the same pairs numbered ("Brave Otter 2")."""
    for _ in range(20):
        name = f"{ADJECTIVES[choose(len(ADJECTIVES))]} {ANIMALS[choose(len(ANIMALS))]}"
        if not taken(name):
            return name
    number = 1
    while True:
        for adjective in ADJECTIVES:
            for animal in ANIMALS:
                name = f"{adjective} {animal}" + (f" {number}" if number > 1 else "")
                if not taken(name):
                    return name
        number += 1
