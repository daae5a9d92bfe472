"""A team game at one keyboard: each question, each team answers in turn, scored alike.

Turns make speed meaningless, so every right answer scores a flat 1000 plus the streak
bonus (the "no speed" rule of quiz.game.scoring); partial credit as in solo play.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.classroom.deck import HostedQuestion, judge
from quiz.classroom.names import MAX_NAME
from quiz.errors import UsageError
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


@dataclass
class TeamGame:
    """The state of a team game; `answer` takes the current team's answer."""

    teams: list[Team]
    questions: list[HostedQuestion]
    number: int = 1  # 1-based question being asked
    turn: int = 0  # index of the team whose answer is awaited
    answers: dict[tuple[int, int], str] = field(default_factory=dict)

    @classmethod
    def from_names(cls, names: str, questions: list[HostedQuestion]) -> TeamGame:
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
        return cls(teams, questions)

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

    def answer(self, choices: list[int], text: str | None = None) -> Team:
        """Score the current team's answer and pass the turn. ValueError if it doesn't fit."""
        judgement = judge(self.question, choices, text)
        team = self.team
        correct = judgement.correct
        team.streak = team.streak + 1 if correct else 0
        team.last_points = answer_points(
            credit=judgement.credit, elapsed=0, limit=1, streak=team.streak, speed=False
        )
        team.last_correct = correct
        team.last_given = judgement.given
        team.score += team.last_points
        team.correct += correct
        self.answers[(self.number, self.turn)] = judgement.given
        self.turn += 1
        return team

    def next_question(self) -> None:
        self.number += 1
        self.turn = 0

    def standings(self) -> list[Team]:
        """Teams, best first (ties keep the order given)."""
        return sorted(self.teams, key=lambda team: -team.score)
