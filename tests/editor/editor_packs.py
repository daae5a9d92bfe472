"""The packs the editor tests edit: one question of every type, and one of facts."""

EVERY_TYPE_PACK = """\
#:schema ../questions/pack.schema.json
# An author's pack: these comments must survive every edit.
[pack]
id = "editor-demo"  # the id save files follow
title = "Editor demo"

[[entities]]
id = "ed"
name = "Ed Miliband"
aliases = ["Red Ed"]
kind = "person"

# ===== questions =====

# Single answer.
[[questions]]
id = "single"
type = "single"
prompt = "Which union backs David Miliband?"
choices = ["Unite", "Unison", "GMB"]  # the pack's order
answer = "Unite"
explanation = "The article says so."

# Multiple answers.
[[questions]]
id = "multiple"
type = "multiple"
prompt = "Which of these are unions?"
choices = ["Unite", "Unison", "The Sun"]
answers = ["Unite", "Unison"]
explanation = "The Sun is a paper."

[[questions]]
id = "truefalse"
type = "true_false"
prompt = "The article dates from 2010."
answer = true
explanation = "It does."

[[questions]]
id = "typed"
type = "typed"
prompt = "Who is the younger brother?"
answer = "Ed Miliband"
entity = "ed"
explanation = "Ed is younger."

[[questions]]
id = "ordering"
type = "ordering"
prompt = "Order these events."
items = ["Election", "Coalition", "Contest"]
explanation = "In time order."

[[questions]]
id = "matching"
type = "matching"
prompt = "Match union to candidate."
pairs = [
    { left = "Unite", right = "David" },
    { left = "GMB", right = "Ed" },
]
explanation = "As the article says."

[[questions]]
id = "numeric"
type = "numeric"
prompt = "How many Labour MPs?"
answer = 258
unit = "MPs"
explanation = "After the election."

# The end of the author's file.
"""


FACTS_PACK = """\
#:schema ../questions/pack.schema.json
# A pack of facts: these comments must survive every edit.
[pack]
id = "race"
title = "The race"

[pack.source]
title = "A blog post"  # the post itself
where = "source.txt"

[[entities]]
id = "ed-balls"
name = "Ed Balls"
aliases = ["Balls"]
kind = "person"
roles = ["candidate"]

[[entities]]
id = "david-miliband"
name = "David Miliband"
kind = "person"
roles = ["candidate"]

[[entities]]
id = "unite"
name = "Unite"
kind = "union"
roles = ["backer"]

[[entities]]
id = "gmb"
name = "GMB"
kind = "union"
roles = ["backer"]

[[entities]]
id = "unison"
name = "Unison"
kind = "union"
roles = ["backer"]

[[entities]]
id = "rmt"
name = "RMT"
kind = "union"
roles = ["backer"]

[[entities]]
id = "aslef"
name = "Aslef"
kind = "union"
roles = ["backer"]

[[relations]]
id = "backed-by"
object = "entity"
ask_object = "Who backs {subject}?"
statement = "{subject} is backed by {object}."
tags = ["backers"]

[[relations]]
id = "nickname"
object = "phrase"
ask_object = "What nickname does the post use for {subject}?"

# Facts from the post.
[[facts]]
id = "balls-backed-by-unite"  # the union
subject = "ed-balls"
relation = "backed-by"
object = "unite"
quote = "Ed Balls is backed by Unite"

[[facts]]
id = "david-backed-by-gmb"
subject = "david-miliband"
relation = "backed-by"
object = "gmb"
quote = "GMB backs David Miliband"

[[facts]]
id = "nickname-milibland"
subject = "david-miliband"
relation = "nickname"
value = "Milibland"
distractors = ["Milibrand", "Mr Bean"]
quote = "Milibland is the bookies’ favourite"

[[questions]]
id = "who-backs"
type = "typed"
prompt = "Which union backs Ed Balls?"
answer = "Unite"
explanation = "The post says so."

# The end of the author's file.
"""
SOURCE_TEXT = """\
Ed Balls is backed by Unite. GMB backs David Miliband,
they say. Milibland is the bookies' favourite!

Unison has not decided yet.
"""
