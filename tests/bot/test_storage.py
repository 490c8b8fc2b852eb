from __future__ import annotations

from sqlalchemy import inspect, select, text

from bot import audit
from bot.storage import Database
from bot.storage.models import AuditEvent, Base

TABLES = {
    "conversations",
    "messages",
    "advice",
    "cases",
    "case_posts",
    "decision_records",
    "audit_events",
    "processed_events",
    "deliveries",
    "rate_buckets",
}


def test_migrations_create_every_table_and_match_the_models(database_url: str) -> None:
    db = Database(database_url)
    db.upgrade()
    db.upgrade()  # idempotent
    names = set(inspect(db.engine).get_table_names())
    assert names >= TABLES
    assert "alembic_version" in names
    for table in Base.metadata.sorted_tables:
        columns = {c["name"] for c in inspect(db.engine).get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name


def test_sqlite_file_is_created_in_a_missing_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "deep" / "er" / "canishare.db"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    assert path.exists()
    assert db.ping() is None


def test_ping_reports_an_unreachable_database() -> None:
    db = Database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    reason = db.ping()
    assert reason is not None and "unavailable" in reason


def test_audit_chain_verifies_and_detects_tampering(database_url: str) -> None:
    db = Database(database_url)
    db.upgrade()
    with db.session() as session:
        for n in range(5):
            audit.record(session, "console:alice", "lead.claim", f"CASE{n}", n=n)
    with db.session() as session:
        result = audit.verify(session)
        assert result.ok and result.events == 5
    with db.session() as session:
        session.execute(text("UPDATE audit_events SET actor = 'console:mallory' WHERE case_ref = 'CASE2'"))
    with db.session() as session:
        broken = audit.verify(session)
        assert not broken.ok and "hash" in (broken.problem or "")


def test_audit_chain_detects_a_deleted_event(database_url: str) -> None:
    db = Database(database_url)
    db.upgrade()
    with db.session() as session:
        for n in range(4):
            audit.record(session, "system", "case.reminder", f"C{n}")
    with db.session() as session:
        victim = session.scalars(select(AuditEvent).where(AuditEvent.case_ref == "C1")).one()
        session.delete(victim)
    with db.session() as session:
        assert not audit.verify(session).ok
