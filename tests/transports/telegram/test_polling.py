"""``canishare telegram --polling``: the same handlers and outbox, fed by getUpdates from the fake API."""

from __future__ import annotations

import asyncio

from bot.app import build_services
from bot.transports.telegram import polling
from redaction import Redactor
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.transports.telegram.conftest import (
    LEADS_CHAT,
    VOLUNTEER,
    ScriptedAdvisor,
    load_update,
    telegram_settings,
)
from tests.transports.telegram.helpers import WITH_IDENTIFIERS, assert_no_identifiers


async def test_polling_answers_and_hands_off(sqlite_url: str, fake_api: FakeTelegramAPI,
                                             redactor: Redactor) -> None:
    settings = telegram_settings(sqlite_url, fake_api, telegram_webhook_secret=None)
    services = build_services(settings, redactor=redactor, advisor=ScriptedAdvisor())  # type: ignore[arg-type]
    fake_api.updates += [
        load_update("private_message", text=WITH_IDENTIFIERS, user_id=VOLUNTEER),
        load_update("private_command", text="/handoff", user_id=VOLUNTEER, command_length=8),
    ]
    stop = asyncio.Event()
    task = asyncio.create_task(polling.serve(settings, stop, services=services, poll_interval=0.05))
    try:
        await asyncio.to_thread(fake_api.wait_for, lambda calls: any(
            c.method == "sendMessage" and c.chat_id == str(LEADS_CHAT) for c in calls))
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)

    assert fake_api.sent("deleteWebhook")  # polling and a webhook cannot both be active
    answer, handed_off = fake_api.sent("sendMessage", VOLUNTEER)
    assert "[PERSON_1]" in answer.text
    assert "Sent to the safeguarding leads" in handed_off.text
    assert_no_identifiers(fake_api)
