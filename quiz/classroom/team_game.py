"""A team game at one keyboard: each question, each team answers in turn, scored alike.

Turns make speed meaningless, so every right answer scores a flat 1000 plus the streak
bonus (the "no speed" rule of quiz.game.scoring); partial credit as in solo play. Each turn
has the question's time limit: a team that runs out of time (`time_out`) scores nothing
for it. Each team has one 50:50 per game, on the rule solo play uses (quiz.game.lifeline):
about half the choices go, all wrong, one wrong choice always stays; it halves that team's
points for the question. Teams level on points share a place, and a shared first place is
announced as a tie.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.classroom.deck import HostedQuestion, judge
from quiz.classroom.names import MAX_NAME
from quiz.errors import UsageError
from quiz.game.lifeline import refusal, removed_choices
from quiz.game.scoring import answer_points
from quiz.name_identity import NameRefused, name_key, visible_name

MAX_TEAMS = 8


@dataclass
class Team:
    name: str
    score: int = 0
    streak: int = 0
    correct: int = 0
    last_points: int = 0
    last_correct: bool = False
    last_given: str = ""
    fifty_fifty_used: bool = False


@dataclass
class TeamGame:
    """The state of a team game; `answer` takes the current team's answer."""

    teams: list[Team]
    questions: list[HostedQuestion]
    seed: int = 0  # picks the 50:50's choices, as in solo play
    number: int = 1  # 1-based question being asked
    turn: int = 0  # index of the team whose answer is awaited
    answers: dict[tuple[int, int], str] = field(default_factory=dict)
    removed: tuple[int, ...] = ()  # choices the current team's 50:50 took away

    @classmethod
    def from_names(cls, names: str, questions: list[HostedQuestion], *, seed: int = 0) -> TeamGame:
        """Teams from a comma-separated list, like "Reds,Blues,Greens"."""
        teams: list[Team] = []
        for raw in names.split(","):
            try:
                name = visible_name(raw, max_length=MAX_NAME)
            except NameRefused:
                continue
            if any(name_key(team.name) == name_key(name) for team in teams):
                raise UsageError(f"--teams: {name!r} is named twice")
            teams.append(Team(name))
        if not 2 <= len(teams) <= MAX_TEAMS:
            raise UsageError(f'--teams needs 2 to {MAX_TEAMS} names, e.g. --teams "Reds,Blues"')
        if not questions:
            raise UsageError("no question a team game can ask")
        return cls(teams, questions, seed=seed)

    @property
    def question(self) -> HostedQuestion:
        return self.questions[self.number - 1]

    @property
    def team(self) -> Team:
        return self.teams[self.turn]

    @property
    def all_answered(self) -> bool:
        return self.turn >= len(self.teams)

    @property
    def over(self) -> bool:
        return self.number > len(self.questions)

    @property
    def fifty_fifty_refusal(self) -> str | None:
        """Why the current team can't use its 50:50 now; None when it can (what rules the
        question out first, as in solo play)."""
        question = self.question
        reason = refusal(question.kind, question.choices, question.question.answers)
        if reason is None and self.team.fifty_fifty_used:
            reason = f"{self.team.name} have used their 50:50."
        return reason

    def use_fifty_fifty(self) -> tuple[int, ...]:
        """Take choices away for the current team's answer; returns their option indexes.
        ValueError (saying why) when the team's 50:50 is used or the question has none."""
        reason = self.fifty_fifty_refusal
        if reason is not None:
            raise ValueError(reason)
        question = self.question
        gone = removed_choices(
            question.kind,
            question.choices,
            question.question.answers,
            seed=self.seed,
            question_id=question.question.id,
        )
        self.team.fifty_fifty_used = True
        self.removed = tuple(sorted(question.choices.index(choice) for choice in gone))
        return self.removed

    def answer(self, choices: list[int], text: str | None = None) -> Team:
        """Score the current team's answer and pass the turn. ValueError if it doesn't fit."""
        if set(choices) & set(self.removed):
            raise ValueError("that choice was removed by the 50:50")
        judgement = judge(self.question, choices, text)
        return self._score(credit=judgement.credit, given=judgement.given)

    def time_out(self) -> Team:
        """The current team's time ran out: no points, the streak ends, the turn passes."""
        return self._score(credit=0.0, given="")

    def _score(self, *, credit: float, given: str) -> Team:
        team = self.team
        correct = credit >= 1
        team.streak = team.streak + 1 if correct else 0
        team.last_points = answer_points(
            credit=credit,
            elapsed=0,
            limit=1,
            streak=team.streak,
            speed=False,
            fifty_fifty=bool(self.removed),
        )
        team.last_correct = correct
        team.last_given = given
        team.score += team.last_points
        team.correct += correct
        self.answers[(self.number, self.turn)] = given
        self.turn += 1
        self.removed = ()
        return team

    def next_question(self) -> None:
        self.number += 1
        self.turn = 0
        self.removed = ()

    def standings(self) -> list[tuple[int, Team]]:
        """(place, team), best first; teams level on points share a place (1, 1, 3)."""
        ordered = sorted(self.teams, key=lambda team: -team.score)
        places: list[tuple[int, Team]] = []
        for index, team in enumerate(ordered):
            level = bool(places) and places[-1][1].score == team.score
            places.append((places[-1][0] if level else index + 1, team))
        return places

    def leaders(self) -> list[Team]:
        """The teams in first place: one winner, or several level at the top (a tie)."""
        return [team for place, team in self.standings() if place == 1]
