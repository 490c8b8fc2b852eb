"""Retention: delete what is past its time, keep signed decision records and the audit chain whole."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, delete, or_, select

from bot import audit
from bot.storage import Database
from bot.storage.models import (
    Case,
    Conversation,
    DecisionRecord,
    Delivery,
    ProcessedEvent,
    RateBucket,
    utcnow,
)


def purge(db: Database, older_than_days: int, *, now: datetime | None = None) -> dict[str, int]:
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    counts: dict[str, int] = {}
    with db.session() as session:
        # A conversation with a case still open stays: a lead may be acting on it.
        live = select(Case.conversation_id).where(Case.status != "closed", Case.conversation_id.is_not(None))
        old_conversations = select(Conversation.id).where(
            Conversation.updated_at < cutoff, Conversation.id.not_in(live)
        )
        counts["drafts"] = session.execute(
            delete(DecisionRecord).where(
                DecisionRecord.signed_at.is_(None), DecisionRecord.conversation_id.in_(old_conversations)
            )
        ).rowcount  # type: ignore[attr-defined]
        counts["conversations"] = session.execute(
            delete(Conversation).where(Conversation.id.in_(old_conversations))
        ).rowcount  # type: ignore[attr-defined]
        counts["cases"] = session.execute(
            delete(Case).where(Case.status == "closed", Case.closed_at < cutoff)
        ).rowcount  # type: ignore[attr-defined]
        counts["deliveries"] = session.execute(
            delete(Delivery).where(
                or_(Delivery.status.in_(("sent", "failed")), Delivery.conversation_id.is_(None)),
                Delivery.created_at < cutoff,
                or_(
                    Delivery.status != "pending",
                    and_(Delivery.case_id.is_(None), Delivery.conversation_id.is_(None)),
                ),
            )
        ).rowcount  # type: ignore[attr-defined]
        counts["events"] = session.execute(delete(ProcessedEvent).where(ProcessedEvent.at < cutoff)).rowcount  # type: ignore[attr-defined]
        session.execute(delete(RateBucket).where(RateBucket.minute < int(cutoff.timestamp() // 60)))
        audit.record(session, "system", "retention.purge", None, older_than_days=older_than_days, **counts)
    return counts
