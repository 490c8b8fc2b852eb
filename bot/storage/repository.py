"""Queries shared by the engine, the handoff queue and the transports. Each takes the caller's session."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.storage.models import (
    AdviceGiven,
    Case,
    CasePost,
    Conversation,
    Delivery,
    ProcessedEvent,
    RateBucket,
    utcnow,
)

# Case references go into buttons and callback data (Telegram allows 64 bytes), and are read aloud:
# no 0/O or 1/I.
_REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_case_ref() -> str:
    return "".join(secrets.choice(_REF_ALPHABET) for _ in range(6))


def _insert(session: Session) -> Any:
    """The dialect's INSERT, which has ON CONFLICT on both PostgreSQL and SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert
    return sqlite.insert


# A claim whose turn never completed (its worker died mid-turn) can be taken over after this long.
CLAIM_TIMEOUT = timedelta(seconds=60)


def claim_event(session: Session, platform: str, event_id: str, now: datetime) -> bool:
    """Take a platform delivery for a turn, in a transaction of its own before the work starts.

    True for the first taker; a duplicate arriving while the turn runs gets False at once. A claim left
    incomplete for ``CLAIM_TIMEOUT`` is taken over, so a crash mid-turn does not lose the retry."""
    statement = (
        _insert(session)(ProcessedEvent)
        .values(platform=platform, event_id=event_id, at=now, done=False)
        .on_conflict_do_nothing()
        .returning(ProcessedEvent.event_id)
    )
    if session.execute(statement).scalar() is not None:
        return True
    takeover = session.execute(
        update(ProcessedEvent)
        .where(
            ProcessedEvent.platform == platform,
            ProcessedEvent.event_id == event_id,
            ProcessedEvent.done.is_(False),
            ProcessedEvent.at < now - CLAIM_TIMEOUT,
        )
        .values(at=now)
    )
    return bool(takeover.rowcount)  # type: ignore[attr-defined]


def complete_event(session: Session, platform: str, event_id: str) -> None:
    """Mark a claimed delivery handled, inside the turn's own transaction."""
    session.execute(
        update(ProcessedEvent)
        .where(ProcessedEvent.platform == platform, ProcessedEvent.event_id == event_id)
        .values(done=True)
    )


def release_event(session: Session, platform: str, event_id: str) -> None:
    """Give back a claim whose turn failed, so that a retry is handled rather than dropped."""
    session.execute(
        delete(ProcessedEvent).where(
            ProcessedEvent.platform == platform,
            ProcessedEvent.event_id == event_id,
            ProcessedEvent.done.is_(False),
        )
    )


def first_time(session: Session, platform: str, event_id: str) -> bool:
    """Record a platform delivery id; False when some worker has already taken it.

    One statement: on PostgreSQL a concurrent insert of the same id waits for the other transaction and
    then does nothing, so exactly one worker gets True."""
    statement = (
        _insert(session)(ProcessedEvent)
        .values(platform=platform, event_id=event_id, at=utcnow())
        .on_conflict_do_nothing()
        .returning(ProcessedEvent.event_id)
    )
    return session.execute(statement).scalar() is not None


def count_message(session: Session, asker: str, now: datetime) -> int:
    """Add one to this asker's count for the current minute and return it (one upsert)."""
    minute = int(now.timestamp() // 60)
    insert = _insert(session)(RateBucket).values(asker=asker, minute=minute, count=1)
    statement = insert.on_conflict_do_update(
        index_elements=[RateBucket.asker, RateBucket.minute], set_={"count": RateBucket.count + 1}
    ).returning(RateBucket.count)
    return int(session.execute(statement).scalar_one())


def prune_rate_buckets(session: Session, now: datetime) -> None:
    session.execute(delete(RateBucket).where(RateBucket.minute < int(now.timestamp() // 60) - 5))


def current_conversation(session: Session, platform: str, asker_id: str) -> Conversation | None:
    return session.scalars(
        select(Conversation)
        .where(
            Conversation.platform == platform,
            Conversation.asker_id == asker_id,
            Conversation.closed_at.is_(None),
        )
        .order_by(Conversation.created_at.desc())
        .limit(1)
    ).first()


def case_for_conversation(session: Session, conversation_id: str) -> Case | None:
    return session.scalars(
        select(Case).where(Case.conversation_id == conversation_id).order_by(Case.id.desc()).limit(1)
    ).first()


def case_by_ref(session: Session, ref: str) -> Case | None:
    return session.scalars(select(Case).where(Case.ref == ref.strip().upper())).first()


def enqueue(
    session: Session,
    platform: str,
    recipient: str,
    kind: str,
    payload: dict[str, Any],
    *,
    case_id: int | None = None,
    conversation_id: str | None = None,
) -> Delivery:
    delivery = Delivery(
        platform=platform,
        recipient=recipient,
        kind=kind,
        payload=payload,
        case_id=case_id,
        conversation_id=conversation_id,
    )
    session.add(delivery)
    return delivery


def take_inbox(session: Session, platform: str, recipient: str) -> list[Delivery]:
    """Deliveries waiting for someone who reads them on their next visit (the console), marked as sent."""
    rows = list(
        session.scalars(
            select(Delivery)
            .where(
                Delivery.platform == platform, Delivery.recipient == recipient, Delivery.status == "pending"
            )
            .order_by(Delivery.id)
        )
    )
    now = utcnow()
    for row in rows:
        row.status = "sent"
        row.sent_at = now
    return rows


def lease_deliveries(
    session: Session, platforms: list[str], now: datetime, lease: timedelta, limit: int = 20
) -> list[int]:
    """Take due deliveries for sending. A conditional update makes each one go to exactly one worker;
    a worker that dies mid-send loses its lease and the delivery becomes due again."""
    candidates = session.scalars(
        select(Delivery.id)
        .where(
            Delivery.platform.in_(platforms),
            Delivery.status.in_(("pending", "sending")),
            Delivery.next_attempt_at <= now,
        )
        .order_by(Delivery.id)
        .limit(limit)
    ).all()
    taken: list[int] = []
    for delivery_id in candidates:
        result = session.execute(
            update(Delivery)
            .where(
                Delivery.id == delivery_id,
                Delivery.status.in_(("pending", "sending")),
                Delivery.next_attempt_at <= now,
            )
            .values(status="sending", next_attempt_at=now + lease)
        )
        if result.rowcount:  # type: ignore[attr-defined]
            taken.append(delivery_id)
    return taken


def case_by_post(session: Session, platform: str, chat_id: str, message_ref: str) -> Case | None:
    """The case whose card is this message (a reply in its Slack thread, or to its Telegram message)."""
    post = session.scalars(
        select(CasePost).where(
            CasePost.platform == platform, CasePost.chat_id == chat_id, CasePost.message_ref == message_ref
        )
    ).first()
    return session.get(Case, post.case_id) if post else None


def latest_advice(session: Session, conversation_id: str) -> AdviceGiven | None:
    """The last answer given in a conversation: what "why", "record" and a handoff are about."""
    return session.scalars(
        select(AdviceGiven)
        .where(AdviceGiven.conversation_id == conversation_id)
        .order_by(AdviceGiven.id.desc())
        .limit(1)
    ).first()
