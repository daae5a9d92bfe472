"""Lint: things in a valid pack that are probably mistakes, reported as located warnings.

A pack that loads is playable; these warnings point at questions that play badly: no
explanation, an answer a player can spot by its length or find in the prompt, a distractor
that is the answer with a typo, the same question twice, a quote the source does not
contain, a typed answer that would reject a well-known alias. `quiz pack check` prints them
and exits 0 unless `--strict`. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from quiz.packs.errors import Problem
from quiz.packs.locate import LineFinder, format_key
from quiz.packs.models import Entity, MultipleChoice, PackFile, SingleChoice, Typed
from quiz.packs.quote_text import normalise_quote
from quiz.packs.quotes import quote_places

KeyPath = tuple[str | int, ...]

# An answer more than this many times the longest distractor, and this many characters
# longer, stands out on screen.
LENGTH_RATIO = 2.0
LENGTH_MARGIN = 20
NEAR_ANSWER_RATIO = 90.0
NEAR_DUPLICATE_RATIO = 95.0
# Answers this short, or this common, appear in prompts without giving anything away.
MIN_GIVEAWAY_LENGTH = 4
HARMLESS_ANSWERS = frozenset({"yes", "no", "true", "false", "none", "all", "both", "neither"})
# Comparing every prompt with every other is quadratic; beyond this we only find exact ones.
MAX_NEAR_DUPLICATE_PROMPTS = 5_000


def lint_pack(
    pack: PackFile, text: str, filename: str, source_text: str | None = None
) -> list[Problem]:
    """Every lint warning for `pack` (parsed from `text`), in line order.

    `text` is only used to find lines; `source_text`, when given, is the source the pack
    quotes, and quotes it does not contain are reported.
    """
    finder = LineFinder(text)
    found: list[tuple[KeyPath, str]] = []
    for index, question in enumerate(pack.questions):
        here: KeyPath = ("questions", index)
        if not question.explanation.strip():
            found.append(((*here, "explanation"), "no explanation: say why the answer is right"))
        if isinstance(question, SingleChoice | MultipleChoice):
            found += _choice_warnings(here, question)
        if isinstance(question, SingleChoice | Typed):
            found += _giveaway(here, question.prompt, question.answer)
        if isinstance(question, Typed):
            found += _missing_aliases(here, question, pack.entities)
    found += _duplicate_prompts([question.prompt for question in pack.questions], finder)
    if source_text is not None:
        found += _quotes_not_in_source(pack, source_text)
    problems = [
        Problem(filename, finder.line_of(path), format_key(path), message)
        for path, message in found
    ]
    return sorted(problems, key=lambda problem: problem.line or 0)


def _choice_warnings(
    here: KeyPath, question: SingleChoice | MultipleChoice
) -> list[tuple[KeyPath, str]]:
    if isinstance(question, SingleChoice):
        answers = [((*here, "answer"), question.answer)]
    else:
        answers = [((*here, "answers", n), answer) for n, answer in enumerate(question.answers)]
    right = {answer for _, answer in answers}
    distractors = [(n, choice) for n, choice in enumerate(question.choices) if choice not in right]
    found: list[tuple[KeyPath, str]] = []
    longest = max((len(choice) for _, choice in distractors), default=0)
    for path, answer in answers:
        if (
            distractors
            and len(answer) > LENGTH_RATIO * longest
            and (len(answer) - longest > LENGTH_MARGIN)
        ):
            found.append(
                (
                    path,
                    f"the answer is much longer ({len(answer)} characters) than any distractor "
                    f"(at most {longest}): players can guess it by its length",
                )
            )
    for n, choice in distractors:
        for _, answer in answers:
            if fuzz.ratio(choice.casefold(), answer.casefold()) >= NEAR_ANSWER_RATIO:
                found.append(
                    (
                        (*here, "choices", n),
                        f'distractor "{choice}" is nearly the same as the answer "{answer}"',
                    )
                )
                break
    return found


def _giveaway(here: KeyPath, prompt: str, answer: str) -> list[tuple[KeyPath, str]]:
    folded = answer.casefold().strip()
    if len(folded) < MIN_GIVEAWAY_LENGTH or folded in HARMLESS_ANSWERS:
        return []
    if re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", prompt.casefold()):
        return [((*here, "prompt"), f'the prompt contains its own answer "{answer}"')]
    return []


def _missing_aliases(
    here: KeyPath, question: Typed, entities: Sequence[Entity]
) -> list[tuple[KeyPath, str]]:
    if question.accept or question.entity:
        return []
    folded = question.answer.casefold().strip()
    for entity in entities:
        names = {entity.name.casefold(), *(alias.casefold() for alias in entity.aliases)}
        if entity.aliases and folded in names:
            aliases = ", ".join(f'"{alias}"' for alias in entity.aliases[:4])
            return [
                (
                    (*here, "answer"),
                    f"the answer names entity '{entity.id}', which has aliases ({aliases}) that "
                    f'this question rejects: add `accept = [...]` or `entity = "{entity.id}"`',
                )
            ]
    return []


def _duplicate_prompts(prompts: Sequence[str], finder: LineFinder) -> list[tuple[KeyPath, str]]:
    """Each prompt that repeats (or nearly repeats) an earlier one, pointing at the first."""
    found: list[tuple[KeyPath, str]] = []
    processed = [default_process(prompt) for prompt in prompts]
    first_of: dict[str, int] = {}
    reported: set[int] = set()
    for index, key in enumerate(processed):
        if key in first_of:
            found.append(_duplicate(index, first_of[key], "repeats", finder))
            reported.add(index)
        else:
            first_of.setdefault(key, index)
    if len(prompts) > MAX_NEAR_DUPLICATE_PROMPTS:
        return found
    for index in range(1, len(processed)):
        if index in reported or not processed[index]:
            continue
        match = process.extractOne(
            processed[index],
            processed[:index],
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=NEAR_DUPLICATE_RATIO,
        )
        if match is not None:
            found.append(_duplicate(index, match[2], "nearly repeats", finder))
    return found


def _duplicate(index: int, first: int, verb: str, finder: LineFinder) -> tuple[KeyPath, str]:
    line = finder.line_of(("questions", first))
    where = f" (line {line})" if line else ""
    return (("questions", index, "prompt"), f"the prompt {verb} that of questions[{first}]{where}")


def _quotes_not_in_source(pack: PackFile, source_text: str) -> list[tuple[KeyPath, str]]:
    # The same comparison as `quiz pack check --source` (quiz.packs.quotes), as a warning.
    source = normalise_quote(source_text)
    return [
        (path, "the quote is not found in the source text")
        for path, quote in quote_places(pack)
        if quote.strip() and normalise_quote(quote) not in source
    ]
