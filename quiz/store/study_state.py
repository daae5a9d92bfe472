"""FSRS cards on disk: `study.toml` converted to and from `fsrs.Card` objects."""

from __future__ import annotations

from fsrs import Card, State

from quiz.store.schema import CardRecord, StudyFile


def card_from_record(record: CardRecord) -> Card:
    """The fsrs Card a stored record describes."""
    return Card(
        card_id=record.card_id,
        state=State(record.state),
        step=record.step,
        stability=record.stability,
        difficulty=record.difficulty,
        due=record.due,
        last_review=record.last_review,
    )


def card_to_record(card: Card) -> CardRecord:
    """A Card as the record kept in study.toml."""
    return CardRecord(
        card_id=card.card_id,
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def cards_from_file(study: StudyFile | None) -> dict[str, Card]:
    """Every card in a study file, by question id (empty for no file)."""
    if study is None:
        return {}
    return {qid: card_from_record(record) for qid, record in study.cards.items()}
