"""The one part of the build pyproject.toml cannot say: where the bundled packs come from.

Authors keep the packs and their schema in `questions/` at the top of the checkout. The
build maps that folder onto the package `quiz.data`, so wheels (and sdists) carry them as
`quiz/data/*.toml` and `quiz/data/pack.schema.json` (the files are listed under
[tool.setuptools.package-data] in pyproject.toml). A checkout, editable or not installed,
reads `questions/` itself: see quiz/checkout.py.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["quiz", "quiz.*"]), "quiz.data"],
    package_dir={"quiz.data": "questions"},
)
