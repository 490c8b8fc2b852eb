"""The leads' side: open, list, show, claim, reply to and close cases, with every action audited.

Only configured leads may act. Claims are a conditional update, so of two leads claiming at once exactly
one wins, on SQLite and PostgreSQL alike, from any number of processes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import audit, records
from bot.config import Lead, Settings
from bot.errors import CaseConflict, CaseNotFound, InputRejected, NotALead
from bot.metrics import REGISTRY
from bot.privacy import redact_in
from bot.storage import Database
from bot.storage.models import Case, Conversation, DecisionRecord, Message, utcnow
from bot.storage.repository import case_by_ref, enqueue, latest_advice, new_case_ref
from redaction import Redactor


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite returns datetimes without a zone; everything is written in UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


@dataclass
class CaseView:
    """What a lead sees: redacted throughout; the asker's identity only when they chose to be named."""

    ref: str
    status: str
    urgent: bool
    platform: str
    verdict: str
    inform: str
    summary: str
    rationale: str
    rules: list[str]
    facts: list[dict[str, Any]]
    answers: dict[str, Any]
    transcript: list[dict[str, Any]]
    asker: str | None
    claimed_by: str | None
    created_at: str
    claimed_at: str | None
    closed_at: str | None
    outcome: str | None
    messages: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, case: Case, messages: list[Message] | None = None) -> CaseView:
        def iso(moment: datetime | None) -> str | None:
            return _aware(moment).isoformat() if moment else None  # type: ignore[union-attr]

        return cls(
            ref=case.ref,
            status=case.status,
            urgent=case.urgent,
            platform=case.platform,
            verdict=case.verdict,
            inform=case.inform,
            summary=case.summary,
            rationale=case.rationale,
            rules=list(case.rules),
            facts=list(case.facts),
            answers=dict(case.answers),
            transcript=list(case.transcript),
            asker=None if case.anonymous else case.asker,
            claimed_by=case.claimed_by,
            created_at=iso(case.created_at) or "",
            claimed_at=iso(case.claimed_at),
            closed_at=iso(case.closed_at),
            outcome=case.outcome,
            messages=[{"role": m.role, "text": m.text, "at": iso(m.created_at)} for m in messages or []],
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ClaimResult:
    won: bool
    holder: str | None
    case: CaseView


class HandoffQueue:
    def __init__(self, settings: Settings, db: Database, redactor: Redactor) -> None:
        self.settings = settings
        self.db = db
        self.redactor = redactor
        self.key = settings.placeholder_key_bytes

    # -- opening (inside the engine's transaction, so the case and the "sent" reply commit together) --

    def open_case(
        self, session: Session, conversation: Conversation, *, anonymous: bool, asker: str, rationale: str
    ) -> Case:
        advice = latest_advice(session, conversation.id)
        verdict = advice.verdict if advice else "seek_advice"
        case = Case(
            ref=self._unused_ref(session),
            conversation_id=conversation.id,
            platform=conversation.platform,
            status="open",
            urgent=verdict == "emergency",
            anonymous=anonymous,
            asker=None if anonymous else asker,
            verdict=verdict,
            inform=advice.inform if advice else "unless_unsafe",
            rules=list(advice.rules) if advice else [],
            facts=list(advice.facts) if advice else [],
            answers=dict((conversation.advice_state or {}).get("answers", {})),
            summary=advice.summary if advice else "No question asked yet: the asker wants to talk to a lead.",
            transcript=[
                {"role": m.role, "text": m.text, "at": _aware(m.created_at).isoformat()}  # type: ignore[union-attr]
                for m in conversation.messages
                if m.role in ("asker", "bot")
            ],
            rationale=rationale,
        )
        session.add(case)
        session.flush()
        for platform, target in self._lead_targets():
            enqueue(session, platform, target, "case_opened", {"case": case.ref}, case_id=case.id)
        audit.record(
            session,
            asker if not anonymous else "asker:anonymous",
            "handoff.created",
            case.ref,
            urgent=case.urgent,
            verdict=verdict,
            platform=conversation.platform,
        )
        return case

    def _lead_targets(self) -> list[tuple[str, str]]:
        targets = []
        if self.settings.slack_leads_channel:
            targets.append(("slack", self.settings.slack_leads_channel))
        if self.settings.telegram_leads_chat:
            targets.append(("telegram", self.settings.telegram_leads_chat))
        return targets

    @staticmethod
    def _unused_ref(session: Session) -> str:
        while True:
            ref = new_case_ref()
            if case_by_ref(session, ref) is None:
                return ref

    # -- lead actions --

    def require_lead(self, actor: str, action: str, ref: str | None = None) -> None:
        platform, _, user_id = actor.partition(":")
        if self.settings.is_lead(platform, user_id):
            return
        # The refusal is committed on its own: the caller's transaction is about to be abandoned.
        with self.db.session() as session:
            audit.record(session, actor, "access.refused", ref, attempted=action)
        raise NotALead("Only the configured safeguarding leads can do that. The attempt has been recorded.")

    def _case(self, session: Session, ref: str) -> Case:
        case = case_by_ref(session, ref)
        if case is None:
            raise CaseNotFound(f"There is no case {ref.strip().upper()[:12]!r}.")
        return case

    def list(self, actor: str, *, include_closed: bool = False) -> list[CaseView]:
        self.require_lead(actor, "list")
        with self.db.session() as session:
            query = select(Case)
            if not include_closed:
                query = query.where(Case.status != "closed")
            cases = session.scalars(query.order_by(Case.urgent.desc(), Case.created_at, Case.id)).all()
            audit.record(session, actor, "lead.list", None, count=len(cases))
            return [CaseView.of(c) for c in cases]

    def show(self, actor: str, ref: str) -> CaseView:
        self.require_lead(actor, "show", ref)
        with self.db.session() as session:
            case = self._case(session, ref)
            messages = []
            if case.conversation_id:
                messages = list(
                    session.scalars(
                        select(Message)
                        .where(
                            Message.conversation_id == case.conversation_id,
                            Message.created_at >= case.created_at,
                        )
                        .order_by(Message.id)
                    )
                )
            audit.record(session, actor, "lead.show", case.ref)
            return CaseView.of(case, messages)

    def claim(self, actor: str, ref: str) -> ClaimResult:
        self.require_lead(actor, "claim", ref)
        with self.db.session() as session:
            case = self._case(session, ref)
            result = session.execute(
                update(Case)
                .where(Case.id == case.id, Case.status == "open")
                .values(status="claimed", claimed_by=actor, claimed_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            won = bool(result.rowcount)  # type: ignore[attr-defined]
            session.refresh(case)
            if won:
                created = _aware(case.created_at)
                if created is not None:
                    REGISTRY.observe("canishare_time_to_claim_seconds", (utcnow() - created).total_seconds())
                audit.record(session, actor, "lead.claim", case.ref)
                self._tell_asker(
                    session,
                    case,
                    "claimed",
                    "A safeguarding lead has picked up your question "
                    f"(case {case.ref}). Their replies will appear here.",
                )
                for post in case.posts:
                    enqueue(
                        session,
                        post.platform,
                        post.chat_id,
                        "case_claimed",
                        {"case": case.ref, "message_ref": post.message_ref},
                        case_id=case.id,
                    )
            else:
                audit.record(session, actor, "lead.claim_lost", case.ref, holder=case.claimed_by)
            return ClaimResult(won, case.claimed_by, CaseView.of(case))

    def reply(self, actor: str, ref: str, text: str) -> str:
        """Relay a lead's words to the asker, redacted with the conversation's placeholders."""
        self.require_lead(actor, "reply", ref)
        if not text.strip():
            raise InputRejected("The reply is empty.")
        with self.db.session() as session:
            case = self._case(session, ref)
            self._require_holder(case, actor)
            conversation = session.get(Conversation, case.conversation_id) if case.conversation_id else None
            if conversation is None:
                raise CaseConflict(f"Case {case.ref} has no conversation to reply to (it was forgotten).")
            redacted = redact_in(conversation, self.redactor, self.key, text)
            session.add(
                Message(
                    conversation_id=conversation.id,
                    role="lead",
                    text=redacted.text,
                    removed=redacted.counts(),
                )
            )
            self._tell_asker(session, case, "lead_reply", redacted.text)
            audit.record(session, actor, "lead.reply", case.ref, removed=redacted.counts())
            return redacted.text

    def close(
        self,
        actor: str,
        ref: str,
        outcome: str,
        *,
        shared_what: str | None = None,
        person_told: str | None = None,
    ) -> dict[str, Any]:
        """Close with an outcome; the signed decision record is attached and the asker is told."""
        self.require_lead(actor, "close", ref)
        if not outcome.strip():
            raise InputRejected("Closing a case needs an outcome.")
        with self.db.session() as session:
            case = self._case(session, ref)
            self._require_holder(case, actor, allow_open=True)
            conversation = session.get(Conversation, case.conversation_id) if case.conversation_id else None
            outcome_text = self._redact(conversation, outcome)
            advice = None
            if conversation is not None:
                advice = latest_advice(session, conversation.id)
            content = records.build_content(
                advice=advice,
                case=case,
                decided_by_role="Safeguarding lead",
                outcome=outcome_text,
                shared_what=self._redact(conversation, shared_what) if shared_what else None,
                person_told=self._redact(conversation, person_told) if person_told else None,
            )
            record = DecisionRecord(conversation_id=case.conversation_id, case_id=case.id, content=content)
            session.add(record)
            session.flush()
            records.sign(session, record, actor)
            case.status = "closed"
            case.outcome = outcome_text
            case.closed_at = utcnow()
            if case.claimed_by is None:
                case.claimed_by, case.claimed_at = actor, case.closed_at
            if conversation is not None and conversation.closed_at is None:
                conversation.state = "closed"
                conversation.closed_at = case.closed_at
            self._tell_asker(
                session,
                case,
                "case_closed",
                f"Your safeguarding lead has closed case {case.ref}. Outcome: {outcome_text}",
                record=records.as_json(record),
            )
            for post in case.posts:
                enqueue(
                    session,
                    post.platform,
                    post.chat_id,
                    "case_closed",
                    {"case": case.ref, "message_ref": post.message_ref},
                    case_id=case.id,
                )
            audit.record(session, actor, "lead.close", case.ref, record=record.id)
            return records.as_json(record)

    def _redact(self, conversation: Conversation | None, text: str) -> str:
        """A lead's words, redacted with the conversation's placeholders when it still exists."""
        if conversation is None:
            return self.redactor.redact(text).text
        return redact_in(conversation, self.redactor, self.key, text).text

    def _require_holder(self, case: Case, actor: str, *, allow_open: bool = False) -> None:
        if case.status == "closed":
            raise CaseConflict(f"Case {case.ref} is already closed.")
        if case.status == "open" and not allow_open:
            raise CaseConflict(f"Claim case {case.ref} before replying to it.")
        if case.status == "claimed" and case.claimed_by != actor:
            raise CaseConflict(f"Case {case.ref} is held by {case.claimed_by}.")

    def _tell_asker(self, session: Session, case: Case, kind: str, text: str, **extra: Any) -> None:
        conversation = session.get(Conversation, case.conversation_id) if case.conversation_id else None
        if conversation is None:
            return
        recipient = conversation.asker_id if conversation.platform == "console" else conversation.chat_id
        enqueue(
            session,
            conversation.platform,
            recipient,
            kind,
            {"case": case.ref, "text": text, **extra},
            case_id=case.id,
            conversation_id=conversation.id,
        )

    # -- background: reminders, then escalation to backup leads --

    def run_due(self, now: datetime | None = None) -> dict[str, int]:
        """Remind leads about unclaimed cases, then escalate. Safe with many workers: each conditional
        update is won by exactly one of them."""
        now = now or utcnow()
        remind_before = now - timedelta(minutes=self.settings.remind_after_minutes)
        escalate_before = now - timedelta(minutes=self.settings.escalate_after_minutes)
        counts = {"reminded": 0, "escalated": 0}
        with self.db.session() as session:
            for case in session.scalars(select(Case).where(Case.status == "open")).all():
                created = _aware(case.created_at)
                assert created is not None
                if (
                    case.reminded_at is None
                    and created <= remind_before
                    and self._mark(session, case, "reminded_at", now)
                ):
                    for platform, target in self._lead_targets():
                        enqueue(session, platform, target, "reminder", {"case": case.ref}, case_id=case.id)
                    audit.record(session, "system", "case.reminder", case.ref)
                    counts["reminded"] += 1
                if (
                    case.escalated_at is None
                    and created <= escalate_before
                    and self._mark(session, case, "escalated_at", now)
                ):
                    for lead in self.settings.backup_lead_list:
                        self._notify_backup(session, case, lead)
                    audit.record(
                        session,
                        "system",
                        "case.escalated",
                        case.ref,
                        backups=len(self.settings.backup_lead_list),
                    )
                    counts["escalated"] += 1
        return counts

    @staticmethod
    def _mark(session: Session, case: Case, column: str, now: datetime) -> bool:
        result = session.execute(
            update(Case)
            .where(Case.id == case.id, getattr(Case, column).is_(None))
            .values({column: now})
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    @staticmethod
    def _notify_backup(session: Session, case: Case, lead: Lead) -> None:
        # Slack and Telegram accept a user id as the chat of a direct message.
        enqueue(session, lead.platform, lead.user_id, "escalation", {"case": case.ref}, case_id=case.id)
