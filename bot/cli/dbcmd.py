"""``canishare db upgrade``, ``purge`` and ``audit verify``: looking after the database."""

from __future__ import annotations

import json

import typer

from bot import audit
from bot.app import open_database
from bot.cli.common import EXIT_UNAVAILABLE, EXIT_USAGE, fail, settings
from bot.retention import purge as purge_old
from bot.storage import Database, DatabaseUnavailable


def _database(migrate: bool = True) -> Database:
    config = settings()
    try:
        return open_database(config, migrate=migrate)
    except DatabaseUnavailable as exc:
        fail(f"{exc}. Check CANISHARE_DATABASE_URL.", EXIT_UNAVAILABLE)


def register(app: typer.Typer) -> None:
    db_app = typer.Typer(help="The database.", no_args_is_help=True)
    app.add_typer(db_app, name="db")

    @db_app.command()
    def upgrade() -> None:
        """Apply the migrations (SQLite or PostgreSQL). Safe to run again."""
        database = _database()
        typer.echo(f"Database is up to date ({database.engine.url.get_backend_name()}).")

    @app.command()
    def purge(
        older_than: int = typer.Option(..., "--older-than", help="Delete what is older than DAYS."),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """Delete conversations and closed cases past retention; signed records and the audit chain stay."""
        if older_than < 0:
            fail("--older-than must be 0 or more days", EXIT_USAGE)
        counts = purge_old(_database(), older_than)
        if as_json:
            typer.echo(json.dumps(counts))
        else:
            typer.echo("Deleted: " + ", ".join(f"{v} {k}" for k, v in counts.items()))

    audit_app = typer.Typer(help="The audit trail.", no_args_is_help=True)
    app.add_typer(audit_app, name="audit")

    @audit_app.command()
    def verify() -> None:
        """Check the hash chain of the audit trail; exits 1 if anything was changed or removed."""
        database = _database()
        with database.session() as session:
            result = audit.verify(session)
        if result.ok:
            typer.echo(f"Audit trail intact: {result.events} events.")
        else:
            fail(f"audit trail broken at event {result.event_id}: {result.problem}", 1)
