"""The append-only audit trail: every handoff and lead action, each event hashing the one before.

The chain is fork-proof without table locks: ``prev_hash`` is unique, so when two workers race for the tip
one insert fails and is retried on top of the winner.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.storage.models import AuditEvent

GENESIS = "0" * 64
_MAX_RACE_RETRIES = 20


def _iso(at: datetime) -> str:
    # SQLite hands datetimes back without a zone; they were written in UTC.
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def _digest(
    prev_hash: str, at: datetime, actor: str, action: str, case_ref: str | None, detail: dict[str, Any]
) -> str:
    body = json.dumps(
        {
            "prev": prev_hash,
            "at": _iso(at),
            "actor": actor,
            "action": action,
            "case": case_ref,
            "detail": detail,
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _tip(session: Session) -> str:
    last = session.scalars(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    return last or GENESIS


def record(
    session: Session, actor: str, action: str, case_ref: str | None = None, **detail: Any
) -> AuditEvent:
    """Append one event inside the caller's transaction.

    ``detail`` holds ids and labels only, never user text."""
    for _ in range(_MAX_RACE_RETRIES):
        at = datetime.now(UTC)
        prev = _tip(session)
        event = AuditEvent(
            at=at,
            actor=actor,
            action=action,
            case_ref=case_ref,
            detail=detail,
            prev_hash=prev,
            hash=_digest(prev, at, actor, action, case_ref, detail),
        )
        savepoint = session.begin_nested()
        try:
            session.add(event)
            session.flush()
        except IntegrityError:
            # another writer took the tip between our read and insert: chain onto theirs
            savepoint.rollback()
            continue
        savepoint.commit()
        return event
    raise RuntimeError("audit chain is too contended to append")


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    problem: str | None = None
    event_id: int | None = None


def verify(session: Session) -> VerifyResult:
    """Walk the chain from the start: every event must hash to itself and point at its predecessor."""
    prev = GENESIS
    count = 0
    events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    by_prev = {e.prev_hash: e for e in events}
    # Purge may remove nothing from the chain, so the walk starts at the genesis link.
    current = by_prev.get(GENESIS)
    seen: set[int] = set()
    while current is not None:
        count += 1
        seen.add(current.id)
        if current.prev_hash != prev:
            return VerifyResult(False, count, "event does not point at its predecessor", current.id)
        expected = _digest(prev, current.at, current.actor, current.action, current.case_ref, current.detail)
        if expected != current.hash:
            return VerifyResult(False, count, "event content does not match its hash", current.id)
        prev = current.hash
        current = by_prev.get(prev)
    missing = [e.id for e in events if e.id not in seen]
    if missing:
        return VerifyResult(False, count, "events outside the chain (deleted or inserted)", missing[0])
    return VerifyResult(True, count)
