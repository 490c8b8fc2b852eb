"""Wiring: build the services a process needs, once, at start-up."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.conversation.engine import Engine
from bot.handoff.queue import HandoffQueue
from bot.storage import Database
from knowledge import Advisor, KnowledgeBase, load_local
from redaction import Redactor


@dataclass
class Services:
    settings: Settings
    db: Database
    redactor: Redactor
    advisor: Advisor
    queue: HandoffQueue
    engine: Engine


def open_database(settings: Settings, *, migrate: bool = True) -> Database:
    """The database, created and migrated on first use."""
    db = Database(settings.database_url)
    if migrate:
        db.upgrade()
    return db


def load_redactor(settings: Settings) -> Redactor:
    """Raises redaction.PipelineUnavailable when the model cannot load: callers fail closed."""
    return Redactor.load(settings.redaction_model)


def load_advisor(settings: Settings) -> Advisor:
    return Advisor.load(
        model=settings.redaction_model, kb=KnowledgeBase.load(), local=load_local(settings.local_contacts)
    )


def build_services(
    settings: Settings,
    *,
    db: Database | None = None,
    redactor: Redactor | None = None,
    advisor: Advisor | None = None,
) -> Services:
    # Redaction loads first: if it cannot, nothing else is worth starting.
    redactor = redactor or load_redactor(settings)
    db = db or open_database(settings)
    advisor = advisor or load_advisor(settings)
    queue = HandoffQueue(settings, db, redactor)
    engine = Engine(settings, db, redactor, advisor, queue)
    return Services(settings, db, redactor, advisor, queue, engine)
