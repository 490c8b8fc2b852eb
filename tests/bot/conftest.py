"""Services on the real English pipeline, loaded once per session, with a fresh database per test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.app import Services, build_services, load_advisor
from bot.config import Settings
from bot.storage import Database
from redaction import Redactor
from tests.conftest import make_settings


@pytest.fixture(scope="session")
def real_redactor() -> Redactor:
    return Redactor.load()


@pytest.fixture(scope="session")
def real_advisor() -> Any:
    return load_advisor(make_settings("sqlite://"))


def services_for(settings: Settings, redactor: Redactor, advisor: Any) -> Services:
    db = Database(settings.database_url)
    db.upgrade()
    return build_services(settings, db=db, redactor=redactor, advisor=advisor)


@pytest.fixture
def services(settings: Settings, real_redactor: Redactor, real_advisor: Any) -> Iterator[Services]:
    svc = services_for(settings, real_redactor, real_advisor)
    yield svc
    svc.db.dispose()
