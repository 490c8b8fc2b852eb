"""Shared fixtures: settings on a temporary SQLite file, and a real PostgreSQL cluster started on loopback.

The cluster comes from Debian's server binaries (``.ci/run`` installs them). Set
``CANISHARE_TEST_POSTGRES_URL`` to use an existing server instead. Without either, PostgreSQL tests are
skipped locally and fail in CI (``CANISHARE_REQUIRE_POSTGRES=1``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from tests.pgcluster import PgCluster, PostgresUnavailable

LEADS = "console:alice,console:bob,slack:ULEAD1,telegram:5001"


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "leads": LEADS,
        "placeholder_key": "test-key",
        "_env_file": None,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'canishare.db'}"


@pytest.fixture
def settings(sqlite_url: str) -> Settings:
    return make_settings(sqlite_url)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A base URL (without database name) for a PostgreSQL server on 127.0.0.1."""
    existing = os.environ.get("CANISHARE_TEST_POSTGRES_URL")
    if existing:
        yield existing.rsplit("/", 1)[0]
        return
    try:
        cluster = PgCluster().start()
    except PostgresUnavailable as exc:
        if os.environ.get("CANISHARE_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here: {exc}")
        pytest.skip(f"{exc}; .ci/run installs the server binaries")
    try:
        yield cluster.base_url
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server for one test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = postgres_server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{postgres_server}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Runs a test once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'canishare.db'}"
    return str(request.getfixturevalue("postgres_url"))
