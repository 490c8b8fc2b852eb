"""The Telegram webhook with the real services: the English spaCy pipeline and the knowledge base."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.app import build_services
from bot.transports.telegram import create_transport
from bot.transports.web import create_app
from tests.fakes.telegram_api import FakeTelegramAPI, free_port, serve_in_thread
from tests.transports.telegram.conftest import LEADS_CHAT, VOLUNTEER, Bot, telegram_settings
from tests.transports.telegram.helpers import WITH_IDENTIFIERS, assert_no_identifiers, within_limit

pytestmark = pytest.mark.model


@pytest.fixture
def real_bot(sqlite_url: str, fake_api: FakeTelegramAPI) -> Iterator[Bot]:
    import httpx

    settings = telegram_settings(sqlite_url, fake_api)
    services = build_services(settings)
    app = create_app(settings, services=services, transports=[create_transport], jobs_interval=3600)
    port = free_port()
    server, thread = serve_in_thread(app, port)
    try:
        with httpx.Client(timeout=60) as client:
            yield Bot(f"http://127.0.0.1:{port}", fake_api, services, client)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_real_advice_is_answered_redacted_and_handed_off(real_bot: Bot) -> None:
    real_bot.say(WITH_IDENTIFIERS)
    real_bot.say("/handoff")

    answers = real_bot.to(VOLUNTEER)
    assert len(answers) >= 2 and all(within_limit(c) for c in answers)
    assert answers[0].params["parse_mode"] == "HTML"
    assert any(b["callback_data"] == "handoff" for c in answers for b in c.buttons)
    real_bot.api.wait_for(lambda cs: any(c.chat_id == str(LEADS_CHAT) for c in cs), timeout=20)
    assert_no_identifiers(real_bot.api)
