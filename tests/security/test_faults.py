"""The database goes away mid-conversation: the asker is told, nothing is half-written, and the
conversation carries on when the database returns."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select

from bot.app import Services
from bot.messages import Asker, Incoming
from bot.storage.models import Case, Conversation, Message
from tests.bot.conftest import services_for
from tests.conftest import make_settings

pytestmark = pytest.mark.model

SAM = Asker("console", "sam", "sam")
QUESTION = "A 14-year-old, Tyler Brennan, told me his stepdad hits him. Can I tell children's social care?"


def _outage(services: Services) -> object:
    """Point the database handle at a server that is not there; returns what to restore."""
    saved = services.db.engine
    services.db.engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/gone")
    services.db._sessions.configure(bind=services.db.engine)
    return saved


def _restore(services: Services, saved: object) -> None:
    services.db.engine = saved  # type: ignore[assignment]
    services.db._sessions.configure(bind=saved)


def test_database_outage_mid_conversation(
    database_url: str, real_redactor: object, real_advisor: object
) -> None:
    services = services_for(make_settings(database_url), real_redactor, real_advisor)  # type: ignore[arg-type]
    services.engine.handle(Incoming(SAM, QUESTION))
    saved = _outage(services)
    (during,) = services.engine.handle(Incoming(SAM, "/handoff"))
    assert during.kind == "error" and "nothing was saved or sent" in during.text
    assert [a.id for a in during.actions] == ["handoff"]
    (also,) = services.engine.handle(Incoming(SAM, "He also has a bruise on his face."))
    assert also.kind == "error" and "Tyler" not in also.text
    _restore(services, saved)
    with services.db.session() as session:
        assert session.scalars(select(Case)).all() == []  # no half-written case
        assert len(session.scalars(select(Message).where(Message.role == "asker")).all()) == 1
    (sent,) = services.engine.handle(Incoming(SAM, "/handoff"))
    assert sent.kind == "handoff" and sent.case_ref
    with services.db.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.ref == sent.case_ref and case.status == "open"
        assert session.scalars(select(Conversation)).one().state == "handed_off"
    services.db.dispose()
