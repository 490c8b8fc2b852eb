"""Sending what the outbox holds: case cards to leads, relays and outcomes to askers.

Every message to a platform is first committed as a ``Delivery`` row with the change that caused it
(a handoff, a claim, a lead's reply). The dispatcher then sends it, retrying with backoff, so a crash or a
platform outage delays a message but never loses it, and a lease makes each delivery go out once even
with several workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import select

from bot import audit
from bot.handoff.queue import CaseView
from bot.storage import Database
from bot.storage.models import Case, CasePost, Delivery, utcnow
from bot.storage.repository import lease_deliveries

log = logging.getLogger("canishare.notify")

LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 8


@dataclass(frozen=True)
class Outgoing:
    """One delivery as a notifier sees it: redacted payload, and the case it is about."""

    id: int
    platform: str
    kind: str  # case_opened case_claimed case_closed reminder escalation asker_message lead_reply claimed
    # slack_messages telegram_messages (an answer the platform refused at first)
    recipient: str
    payload: dict[str, Any]
    case: CaseView | None


class PermanentFailure(Exception):
    """The platform refused for good (unknown channel, bot removed): retrying will not help."""


class Notifier(Protocol):
    platform: str

    async def deliver(self, item: Outgoing) -> str | None:
        """Send one delivery; return the platform's message reference for a new case card, else None.
        Raise to have it retried later, or PermanentFailure to give up."""
        ...


class Dispatcher:
    def __init__(self, db: Database, notifiers: dict[str, Notifier]) -> None:
        self.db = db
        self.notifiers = notifiers

    def _lease(self) -> list[Outgoing]:
        with self.db.session() as session:
            ids = lease_deliveries(session, list(self.notifiers), utcnow(), LEASE)
            items = []
            for delivery in session.scalars(
                select(Delivery).where(Delivery.id.in_(ids)).order_by(Delivery.id)
            ):
                case = session.get(Case, delivery.case_id) if delivery.case_id else None
                items.append(
                    Outgoing(
                        delivery.id,
                        delivery.platform,
                        delivery.kind,
                        delivery.recipient,
                        dict(delivery.payload),
                        CaseView.of(case) if case else None,
                    )
                )
            return items

    def _done(self, item: Outgoing, ref: str | None) -> None:
        with self.db.session() as session:
            delivery = session.get(Delivery, item.id)
            if delivery is None:
                return
            delivery.status = "sent"
            delivery.sent_at = utcnow()
            delivery.attempts += 1
            if item.kind == "case_opened" and ref and delivery.case_id:
                session.add(
                    CasePost(
                        case_id=delivery.case_id,
                        platform=delivery.platform,
                        chat_id=delivery.recipient,
                        message_ref=ref,
                    )
                )

    def _failed(self, item: Outgoing, error: BaseException) -> None:
        with self.db.session() as session:
            delivery = session.get(Delivery, item.id)
            if delivery is None:
                return
            delivery.attempts += 1
            permanent = isinstance(error, PermanentFailure) or delivery.attempts >= MAX_ATTEMPTS
            if permanent:
                delivery.status = "failed"
                audit.record(
                    session,
                    "system",
                    "delivery.failed",
                    item.case.ref if item.case else None,
                    delivery=delivery.id,
                    platform=delivery.platform,
                    kind=delivery.kind,
                    error=type(error).__name__,
                )
            else:
                delivery.status = "pending"
                delivery.next_attempt_at = utcnow() + timedelta(seconds=min(300, 2**delivery.attempts))
        log.warning(
            "delivery failed",
            extra={
                "delivery": item.id,
                "kind": item.kind,
                "error": type(error).__name__,
                "permanent": isinstance(error, PermanentFailure),
            },
        )

    async def run_once(self) -> int:
        """Send everything that is due now; returns how many were attempted."""
        if not self.notifiers:
            return 0
        items = await asyncio.to_thread(self._lease)
        for item in items:
            notifier = self.notifiers[item.platform]
            try:
                ref = await notifier.deliver(item)
            except Exception as exc:  # retried later; the type is logged, never the content
                await asyncio.to_thread(self._failed, item, exc)
            else:
                await asyncio.to_thread(self._done, item, ref)
        return len(items)

    async def run_forever(self, stop: asyncio.Event, interval: float = 0.5) -> None:
        while not stop.is_set():
            try:
                sent = await self.run_once()
            except Exception as exc:  # a database outage must not end the loop
                log.error("dispatcher pass failed", extra={"error": type(exc).__name__})
                sent = 0
            if not sent:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=interval)
