"""The conversation end to end on the real pipelines: redaction first, advice, handoff, relay, close."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from bot.app import Services
from bot.errors import NotALead
from bot.messages import Asker, Incoming
from bot.storage.models import AuditEvent, Case, Conversation, Message, utcnow
from bot.storage.repository import take_inbox

pytestmark = pytest.mark.model

SAM = Asker("console", "sam", "sam")
QUESTION = (
    "A 14-year-old, Tyler Brennan, told me his stepdad Gary Pike hits him. They live at 14 Ashby Road, "
    "LE12 9BS, phone 07700 900321. Can I tell children's social care?"
)
IDENTIFIERS = ["Tyler", "Brennan", "Gary", "Pike", "Ashby", "LE12", "9BS", "07700", "900321"]


def all_rows_text(services: Services) -> str:
    """Everything in every table, as one string, to look for identifiers."""
    dump = []
    with services.db.engine.connect() as conn:
        for table in (
            "conversations",
            "messages",
            "advice",
            "cases",
            "decision_records",
            "audit_events",
            "deliveries",
            "case_posts",
            "processed_events",
            "rate_buckets",
        ):
            for row in conn.execute(text(f"SELECT * FROM {table}")):
                dump.append(repr(tuple(row)))
    return "\n".join(dump)


def test_a_question_gets_a_verdict_with_citations_and_nothing_raw_is_stored(services: Services) -> None:
    replies = services.engine.handle(Incoming(SAM, QUESTION))
    answer = replies[-1]
    assert answer.kind in ("advice", "follow_up")
    assert answer.advice is not None and answer.advice.verdict == "share"
    assert answer.advice.rules, "every answer cites the knowledge base"
    assert (
        "child.consent_not_needed" in answer.advice.rules
        or "child.protection_priority" in answer.advice.rules
    )
    assert "removed" in answer.removed
    for word in IDENTIFIERS:
        assert word not in answer.text
    stored = all_rows_text(services)
    for word in IDENTIFIERS:
        assert word not in stored, word
    with services.db.session() as session:
        asker_text = session.scalars(select(Message.text).where(Message.role == "asker")).one()
    assert "[PERSON_1]" in asker_text and "social care" in asker_text


def test_handoff_relay_and_close_end_to_end(services: Services) -> None:
    engine, queue = services.engine, services.queue
    engine.handle(Incoming(SAM, QUESTION))
    (sent,) = engine.handle(Incoming(SAM, "/handoff"))
    assert sent.kind == "handoff" and sent.case_ref
    ref = sent.case_ref
    # committed before the asker was told
    with services.db.session() as session:
        assert session.scalars(select(Case).where(Case.ref == ref)).one().status == "open"

    (view,) = queue.list("console:alice")
    assert view.ref == ref and view.asker is None and view.verdict == "share"
    shown = queue.show("console:alice", ref)
    blob = repr(shown.to_json())
    assert "[PERSON_1]" in blob
    for word in IDENTIFIERS:
        assert word not in blob

    assert queue.claim("console:alice", ref).won
    sent_text = queue.reply(
        "console:alice", ref, "Thanks. Is Tyler safe to go home tonight? Call me on 07700 900999."
    )
    assert "Tyler" not in sent_text and "900999" not in sent_text and "[PERSON_1]" in sent_text

    inbox = engine.inbox(SAM)
    assert [r.kind for r in inbox] == ["info", "relay"]  # claimed, then the reply
    assert "[PERSON_1]" in inbox[1].text
    assert engine.inbox(SAM) == []  # delivered once

    (relayed,) = engine.handle(Incoming(SAM, "Yes, Tyler is staying with his nan tonight."))
    assert relayed.kind == "relay" and relayed.case_ref == ref
    with services.db.session() as session:
        case = session.scalars(select(Case).where(Case.ref == ref)).one()
        assert case.transcript[-1]["text"].startswith("Yes, [PERSON_1]")

    record = queue.close("console:alice", ref, "Referred to children's social care; Tyler's mum told.")
    assert record["signed_off_by"] == "console:alice"
    assert record["verdict"] == "share" and record["case"] == ref
    assert "Tyler" not in repr(record)
    closing = engine.inbox(SAM)
    assert closing and closing[0].kind == "closed" and closing[0].record is not None
    for word in IDENTIFIERS:
        assert word not in all_rows_text(services)


def test_only_leads_act_and_refusals_are_audited(services: Services) -> None:
    services.engine.handle(Incoming(SAM, QUESTION))
    (sent,) = services.engine.handle(Incoming(SAM, "/handoff"))
    for attempt in (
        lambda: services.queue.list("console:mallory"),
        lambda: services.queue.claim("console:mallory", sent.case_ref or ""),
        lambda: services.queue.show("slack:UNOTLEAD", sent.case_ref or ""),
    ):
        with pytest.raises(NotALead):
            attempt()
    with services.db.session() as session:
        refusals = session.scalars(select(AuditEvent).where(AuditEvent.action == "access.refused")).all()
        assert {e.actor for e in refusals} == {"console:mallory", "slack:UNOTLEAD"}
        assert len(refusals) == 3


def test_a_duplicate_delivery_gets_one_reply(services: Services) -> None:
    first = services.engine.handle(Incoming(SAM, QUESTION, event_id="Ev1"))
    again = services.engine.handle(Incoming(SAM, QUESTION, event_id="Ev1"))
    assert first and again == []
    with services.db.session() as session:
        assert len(session.scalars(select(Message).where(Message.role == "asker")).all()) == 1


def test_failing_redaction_stores_nothing_and_offers_a_lead(services: Services) -> None:
    from redaction import RedactionError

    class Broken:
        def redact(self, _text: str, _conversation: object = None) -> object:
            raise RedactionError("pipeline failed")

    services.engine.redactor = Broken()
    (reply,) = services.engine.handle(Incoming(SAM, QUESTION))
    assert reply.kind == "error" and "not stored" in reply.text
    assert [a.id for a in reply.actions] == ["handoff"]
    assert "Tyler" not in reply.text
    with services.db.session() as session:
        assert session.scalars(select(Message)).all() == []
        assert session.scalars(select(Conversation)).all() == []


def test_too_long_and_empty_messages_are_refused_without_storing(services: Services) -> None:
    (long_reply,) = services.engine.handle(Incoming(SAM, "Tyler Brennan " * 5000))
    assert long_reply.kind == "error" and "longer than" in long_reply.text and "Tyler" not in long_reply.text
    (empty,) = services.engine.handle(Incoming(SAM, "   \n\t"))
    assert empty.kind == "info"
    with services.db.session() as session:
        assert session.scalars(select(Message)).all() == []


def test_rate_limit_is_kind_and_per_asker(services: Services) -> None:
    services.settings.rate_limit_per_minute = 3
    kinds = [
        services.engine.handle(Incoming(SAM, "Can I tell my manager about a worry?"))[-1].kind
        for _ in range(4)
    ]
    assert kinds[:3] != ["error"] * 3 and kinds[3] == "error"
    other = Asker("console", "kim", "kim")
    assert services.engine.handle(Incoming(other, "Can I tell my manager about a worry?"))[-1].kind != "error"


def test_forget_deletes_the_conversation(services: Services) -> None:
    services.engine.handle(Incoming(SAM, QUESTION))
    (reply,) = services.engine.handle(Incoming(SAM, "/forget"))
    assert "deleted" in reply.text
    with services.db.session() as session:
        assert session.scalars(select(Conversation)).all() == []
        assert session.scalars(select(Message)).all() == []


def test_idle_conversations_time_out(services: Services) -> None:
    services.engine.handle(Incoming(SAM, QUESTION))
    later = utcnow() + timedelta(minutes=services.settings.idle_timeout_minutes + 1)
    services.engine.now = lambda: later
    replies = services.engine.handle(Incoming(SAM, "Can I tell my manager about a worry?"))
    assert replies[0].kind == "info" and "closed" in replies[0].text
    with services.db.session() as session:
        states = [c.state for c in session.scalars(select(Conversation).order_by(Conversation.created_at))]
    assert len(states) == 2 and states[0] == "closed" and states[1] != "closed"


def test_record_and_why_explain_the_answer(services: Services) -> None:
    services.engine.handle(Incoming(SAM, QUESTION))
    (why,) = services.engine.handle(Incoming(SAM, "/why"))
    assert "Facts I found" in why.text and "Based on" in why.text
    (record,) = services.engine.handle(Incoming(SAM, "/record"))
    assert record.kind == "record" and record.record is not None
    for field in (
        "decision",
        "reasons",
        "shared_what",
        "shared_with",
        "purpose",
        "lawful_basis",
        "person_told",
        "date",
        "decided_by_role",
        "signed_off_by",
    ):
        assert field in record.record
    assert record.record["signed_off_by"] is None
    assert record.record_markdown and record.record_markdown.startswith("# Decision record")


def test_unclaimed_cases_remind_then_escalate_once(services: Services) -> None:
    services.settings.slack_leads_channel = "CLEADS"
    services.settings.backup_leads = "slack:UBACKUP"
    services.engine.handle(Incoming(SAM, QUESTION))
    services.engine.handle(Incoming(SAM, "/handoff"))
    now = utcnow()
    assert services.queue.run_due(now) == {"reminded": 0, "escalated": 0}
    soon = now + timedelta(minutes=services.settings.remind_after_minutes + 1)
    assert services.queue.run_due(soon) == {"reminded": 1, "escalated": 0}
    assert services.queue.run_due(soon) == {"reminded": 0, "escalated": 0}
    late = now + timedelta(minutes=services.settings.escalate_after_minutes + 1)
    assert services.queue.run_due(late) == {"reminded": 0, "escalated": 1}
    with services.db.session() as session:
        kinds = [d.kind for d in take_inbox(session, "slack", "CLEADS")] + [
            d.kind for d in take_inbox(session, "slack", "UBACKUP")
        ]
    assert kinds == ["case_opened", "reminder", "escalation"]


def test_simultaneous_messages_from_one_asker_are_both_kept_with_one_set_of_placeholders(
    database_url: str, real_redactor: Any, real_advisor: Any
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from tests.bot.conftest import services_for
    from tests.conftest import make_settings

    services = services_for(make_settings(database_url), real_redactor, real_advisor)
    services.engine.handle(Incoming(SAM, "Tyler Brennan (14) says his stepdad hits him."))
    messages = [f"Also, Tyler told me about bruise number {n}." for n in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda m: services.engine.handle(Incoming(SAM, m)), messages))
    assert all(r and r[-1].kind != "error" for r in results), [r[-1].text for r in results]
    with services.db.session() as session:
        stored = session.scalars(select(Message.text).where(Message.role == "asker")).all()
    assert len(stored) == 7
    assert all("[PERSON_1]" in text and "Tyler" not in text for text in stored[1:])
    services.db.dispose()


def test_a_delivery_claim_drops_duplicates_is_released_on_failure_and_taken_over_when_stale(
    services: Services,
) -> None:
    from bot.storage.repository import claim_event
    from redaction import RedactionError

    # a duplicate arriving while the first turn is still running is dropped at once
    with services.db.session() as session:
        assert claim_event(session, "console", "EvBUSY", utcnow())
    assert services.engine.handle(Incoming(SAM, QUESTION, event_id="EvBUSY")) == []

    # a turn that fails gives its claim back, so the platform's retry is answered
    real = services.engine.redactor

    class Failing:
        def redact(self, _text: str, _conversation: object = None) -> object:
            raise RedactionError("pipeline failed")

    services.engine.redactor = Failing()
    (failed,) = services.engine.handle(Incoming(SAM, QUESTION, event_id="EvRETRY"))
    assert failed.kind == "error"
    services.engine.redactor = real
    (answered,) = services.engine.handle(Incoming(SAM, QUESTION, event_id="EvRETRY"))[-1:]
    assert answered.advice is not None

    # a claim whose worker died mid-turn is taken over once it is stale
    later = utcnow() + timedelta(minutes=2)
    services.engine.now = lambda: later
    assert services.engine.handle(Incoming(SAM, "Can I tell my manager?", event_id="EvBUSY"))
