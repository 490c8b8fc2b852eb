"""The real ASGI app (``bot.transports.web.create_app``) served by uvicorn on 127.0.0.1, a fake Slack Web
API beside it, and helpers that send correctly signed Slack requests built from the JSON fixtures."""

from __future__ import annotations

import copy
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
import uvicorn
from slack_sdk.signature import SignatureVerifier

from bot.app import Services, build_services
from bot.config import Settings
from bot.transports.slack import create_transport
from bot.transports.web import create_app
from redaction import Redactor
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlackAPI
from tests.transports.slack.stub_advisor import StubAdvisor

FIXTURES = Path(__file__).parent / "fixtures"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
LEADS_CHANNEL = "CLEADS"


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return copy.deepcopy(data)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """The canishare ASGI app in a uvicorn thread, with its lifespan (start-up and graceful shutdown)."""

    def __init__(self, settings: Settings, services: Services) -> None:
        self.port = _free_port()
        app = create_app(settings, services=services, transports=[create_transport], jobs_interval=3600)
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_config=None, lifespan="on", access_log=False
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="canishare-app", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the app did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


class Slack:
    """Sends what Slack would send to ``POST /slack/events``, signed with the app's signing secret."""

    def __init__(self, url: str, secret: str = SECRET) -> None:
        self.url = url
        self.verifier = SignatureVerifier(secret)
        self.http = httpx.Client(timeout=10)
        self._ids = 0

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        sign: bool = True,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        sent = {"Content-Type": content_type, **(headers or {})}
        if sign:
            ts = str(timestamp if timestamp is not None else int(time.time()))
            sent["X-Slack-Request-Timestamp"] = ts
            computed = self.verifier.generate_signature(timestamp=ts, body=body)
            assert computed is not None
            sent["X-Slack-Signature"] = signature or computed
        return self.http.post(f"{self.url}/slack/events", content=body.encode(), headers=sent)

    def event(self, payload: dict[str, Any], **kwargs: Any) -> httpx.Response:
        return self.post(json.dumps(payload), "application/json", **kwargs)

    def interaction(self, payload: dict[str, Any], **kwargs: Any) -> httpx.Response:
        return self.post(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded", **kwargs
        )

    def command(self, fields: dict[str, Any], **kwargs: Any) -> httpx.Response:
        return self.post(urlencode(fields), "application/x-www-form-urlencoded", **kwargs)

    def next_id(self) -> str:
        self._ids += 1
        return f"EvTEST{self._ids:06d}{time.monotonic_ns() % 1_000_000:06d}"

    # -- the fixtures, filled in --

    def dm(
        self,
        text: str,
        *,
        user: str = "UASKER1",
        channel: str = "DASKER1",
        event_id: str | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        payload = fixture("event_message_im")
        payload["event_id"] = event_id or self.next_id()
        payload["event"].update(text=text, user=user, channel=channel)
        return self.event(payload, **kwargs)

    def thread_reply(self, text: str, thread_ts: str, *, user: str = "ULEAD1") -> httpx.Response:
        payload = fixture("event_thread_reply")
        payload["event_id"] = self.next_id()
        payload["event"].update(
            text=text, thread_ts=thread_ts, user=user, channel=LEADS_CHANNEL, ts=f"{time.time():.6f}"
        )
        return self.event(payload)

    def click(
        self, action_id: str, value: str, *, user: str, channel: str, message_ts: str
    ) -> httpx.Response:
        payload = fixture("block_actions")
        payload["user"]["id"] = user
        payload["channel"]["id"] = channel
        payload["container"].update(channel_id=channel, message_ts=message_ts)
        payload["message"]["ts"] = message_ts
        payload["trigger_id"] = f"{time.time():.4f}.{self.next_id()}"
        payload["actions"][0].update(action_id=action_id, value=value)
        return self.interaction(payload)


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    return Redactor.blank()


@pytest.fixture
def fake_slack() -> Iterator[FakeSlackAPI]:
    fake = FakeSlackAPI().start()
    yield fake
    fake.stop()


def slack_settings(database_url: str, fake: FakeSlackAPI, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "slack_bot_token": "xoxb-test-token",
        "slack_signing_secret": SECRET,
        "slack_api_url": fake.base_url,
        "slack_leads_channel": LEADS_CHANNEL,
    }
    values.update(overrides)
    return make_settings(database_url, **values)


@pytest.fixture
def services(sqlite_url: str, fake_slack: FakeSlackAPI, redactor: Redactor) -> Services:
    return build_services(slack_settings(sqlite_url, fake_slack), redactor=redactor, advisor=StubAdvisor())  # type: ignore[arg-type]


@pytest.fixture
def server(services: Services) -> Iterator[Server]:
    running = Server(services.settings, services).start()
    yield running
    running.stop()


@pytest.fixture
def slack(server: Server) -> Iterator[Slack]:
    client = Slack(server.url)
    yield client
    client.http.close()
