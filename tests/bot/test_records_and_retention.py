from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot import audit, records
from bot.config import Settings
from bot.retention import purge
from bot.storage import Database
from bot.storage.models import AdviceGiven, Case, Conversation, DecisionRecord, Message, utcnow


@pytest.fixture
def db(settings: Settings) -> Database:
    database = Database(settings.database_url)
    database.upgrade()
    return database


def _conversation(db: Database, *, age_days: int, case_status: str | None = None) -> str:
    moment = utcnow() - timedelta(days=age_days)
    with db.session() as session:
        conversation = Conversation(
            id=uuid.uuid4().hex,
            platform="console",
            asker_id="sam",
            chat_id="sam",
            state="answered",
            advice_state={},
            created_at=moment,
            updated_at=moment,
        )
        session.add(conversation)
        session.flush()
        session.add(Message(conversation_id=conversation.id, role="asker", text="[PERSON_1] is 14."))
        session.add(
            AdviceGiven(
                conversation_id=conversation.id,
                verdict="share",
                inform="unless_unsafe",
                rules=["child.consent_not_needed"],
                facts=[{"name": "age_group", "value": "child"}],
                detail={
                    "recipients": ["children's social care"],
                    "lawful_basis": ["basis.public_task"],
                    "citations": [{"id": "child.consent_not_needed", "title": "Consent"}],
                },
            )
        )
        if case_status:
            session.add(
                Case(
                    ref=uuid.uuid4().hex[:6].upper(),
                    conversation_id=conversation.id,
                    platform="console",
                    status=case_status,
                    verdict="share",
                    closed_at=moment if case_status == "closed" else None,
                    created_at=moment,
                )
            )
        return conversation.id


def test_a_signed_record_is_immutable_and_corrections_are_new_versions(db: Database) -> None:
    conversation_id = _conversation(db, age_days=0)
    with db.session() as session:
        advice = session.scalars(select(AdviceGiven)).one()
        content = records.build_content(advice=advice, case=None, decided_by_role="Safeguarding lead")
        record = records.save_draft(session, conversation_id, content)
        records.sign(session, record, "console:alice")
        with pytest.raises(records.RecordLocked):
            records.sign(session, record, "console:bob")
        fixed = records.correct(session, record, {"shared_with": ["GP"]}, "console:alice")
        assert fixed.version == 2 and fixed.supersedes_id == record.id and fixed.signed_at is not None
        assert record.content["shared_with"] == ["children's social care"]
        # a new draft never overwrites the signed record
        draft = records.save_draft(session, conversation_id, {**content, "decision": "Do not share"})
        assert draft.id not in (record.id, fixed.id)
    markdown = records.markdown_of(records.as_json(fixed))
    assert "Corrects record" in markdown and "GP" in markdown and "basis.public_task" in markdown


def test_purge_keeps_live_cases_and_signed_records(db: Database) -> None:
    old = _conversation(db, age_days=40)
    old_with_open_case = _conversation(db, age_days=40, case_status="open")
    old_closed = _conversation(db, age_days=40, case_status="closed")
    recent = _conversation(db, age_days=1)
    with db.session() as session:
        session.add(
            DecisionRecord(
                conversation_id=old_closed,
                content={"decision": "Share"},
                signed_off_by="console:alice",
                signed_at=utcnow(),
            )
        )
        audit.record(session, "console:alice", "lead.close", "X")
    counts = purge(db, 30)
    assert counts["conversations"] == 2 and counts["cases"] == 1
    with db.session() as session:
        left = {c.id for c in session.scalars(select(Conversation))}
        assert left == {old_with_open_case, recent}
        assert old not in left
        signed = session.scalars(select(DecisionRecord)).all()
        assert len(signed) == 1 and signed[0].conversation_id is None
        assert audit.verify(session).ok
