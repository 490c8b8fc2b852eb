"""The ASGI app's own routes: health, metrics, and failing closed when redaction cannot load."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from bot.app import Services
from bot.config import Settings
from bot.messages import Asker, Incoming
from bot.transports.web import create_app
from tests.conftest import make_settings

pytestmark = pytest.mark.model


def test_healthz_and_metrics_when_ready(services: Services) -> None:
    services.engine.handle(
        Incoming(
            Asker("console", "sam", "sam"),
            "A 14-year-old told me his stepdad hits him. Can I tell children's social care?",
        )
    )
    services.engine.handle(Incoming(Asker("console", "sam", "sam"), "/handoff"))
    app = create_app(services.settings, services=services, transports=[])
    with TestClient(app) as client:
        health = client.get("/healthz")
        assert health.status_code == 200 and health.json()["status"] == "ok"
        metrics = client.get("/metrics")
        assert metrics.status_code == 200
        body = metrics.text
        for name in (
            "canishare_messages_total",
            "canishare_verdicts_total",
            "canishare_redaction_seconds_bucket",
            "canishare_handoffs_open 1",
        ):
            assert name in body
        assert 'verdict="share"' in body
        # a platform that is not configured is not found, not an error
        assert client.post("/slack/events", content=b"{}").status_code == 404
        assert client.post("/telegram/webhook", content=b"{}").status_code == 404


def test_healthz_is_503_when_the_database_is_gone(services: Services, tmp_path: Any) -> None:
    app = create_app(services.settings, services=services, transports=[])
    with TestClient(app) as client:
        services.db.engine.dispose()
        services.db.url = "broken"
        from sqlalchemy import create_engine

        services.db.engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
        response = client.get("/healthz")
        assert response.status_code == 503 and "database" in response.json()["reason"]


def test_a_missing_redaction_model_fails_closed(settings: Settings) -> None:
    broken = make_settings(
        settings.database_url,
        redaction_model="no_such_model",
        slack_bot_token="xoxb-1",
        slack_signing_secret="s",
    )
    with TestClient(create_app(broken)) as client:
        health = client.get("/healthz")
        assert health.status_code == 503 and "redaction" in health.json()["reason"]
        for path in ("/slack/events", "/telegram/webhook"):
            assert client.post(path, content=b'{"text": "Tyler Brennan"}').status_code == 503
