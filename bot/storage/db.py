"""The database handle: one engine per process, short transactions, migrations on first use."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import SQLAlchemyError as _SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseUnavailable(Exception):
    """The database could not be reached or written. The message names no user content."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the console, `leads` commands and a server share one file; the busy timeout turns
    # lock contention into a short wait instead of an error.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if not self.is_sqlite:
            kwargs.update(pool_pre_ping=True, pool_size=5, max_overflow=5)
        self.engine: Engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error, never half-written."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise DatabaseUnavailable(f"database error ({type(exc.orig).__name__})") from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def alembic_config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        # alembic's ini interpolation treats % specially; URLs with escaped characters need doubling
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        cfg.attributes["engine"] = self.engine
        return cfg

    def upgrade(self) -> None:
        """Bring the schema to the newest migration (idempotent)."""
        try:
            command.upgrade(self.alembic_config(), "head")
        except OperationalError as exc:
            raise DatabaseUnavailable(f"cannot migrate the database ({type(exc.orig).__name__})") from None

    def ping(self) -> str | None:
        """None when the database answers, otherwise a short reason."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except _SQLAlchemyError as exc:
            return f"database unavailable ({type(exc).__name__})"
        return None

    def dispose(self) -> None:
        self.engine.dispose()
