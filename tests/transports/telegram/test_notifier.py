"""The notifier against the fake Bot API: what is retried, what is given up, what counts as done."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Bot

from bot.handoff.notify import Outgoing, PermanentFailure
from bot.transports.telegram.notifier import TelegramNotifier
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.transports.telegram.conftest import LEADS_CHAT, TOKEN, VOLUNTEER
from tests.transports.telegram.test_render import _case

Notifier = TelegramNotifier
Fake = FakeTelegramAPI


@pytest.fixture
async def notifier(fake_api: FakeTelegramAPI) -> AsyncIterator[TelegramNotifier]:
    async with Bot(TOKEN, base_url=fake_api.base_url) as bot:
        yield TelegramNotifier(bot)


def item(kind: str, recipient: int, payload: dict[str, Any], **case: object) -> Outgoing:
    return Outgoing(1, "telegram", kind, str(recipient), payload, _case(**case))


async def test_a_new_card_returns_its_message_id(notifier: Notifier, fake_api: Fake) -> None:
    ref = await notifier.deliver(item("case_opened", LEADS_CHAT, {"case": "ABC234"}))

    [card] = fake_api.sent("sendMessage", LEADS_CHAT)
    assert ref == str(card.result["message_id"])


async def test_a_blocked_bot_is_a_permanent_failure(notifier: Notifier, fake_api: Fake) -> None:
    fake_api.fail("sendMessage", status=403, retry_after=None,
                  description="Forbidden: bot was blocked by the user")

    with pytest.raises(PermanentFailure):
        await notifier.deliver(item("lead_reply", VOLUNTEER, {"case": "ABC234", "text": "hello"}))


async def test_a_server_error_is_raised_for_a_retry(notifier: Notifier, fake_api: Fake) -> None:
    fake_api.fail("sendMessage", status=502, retry_after=None, description="Bad Gateway")

    with pytest.raises(Exception) as raised:
        await notifier.deliver(item("claimed", VOLUNTEER, {"case": "ABC234", "text": "picked up"}))
    assert not isinstance(raised.value, PermanentFailure)


async def test_an_unchanged_card_edit_counts_as_done(notifier: Notifier, fake_api: Fake) -> None:
    fake_api.fail("editMessageText", status=400, retry_after=None, description=(
        "Bad Request: message is not modified: specified new message content and reply markup are exactly "
        "the same as a current content and reply markup of the message"))
    payload = {"case": "ABC234", "message_ref": "1001"}

    result = await notifier.deliver(item("case_claimed", LEADS_CHAT, payload, status="claimed",
                                         claimed_by="telegram:5001"))

    assert result is None
    assert len(fake_api.sent("editMessageText")) == 1


async def test_unknown_kinds_are_given_up(notifier: TelegramNotifier) -> None:
    with pytest.raises(PermanentFailure):
        await notifier.deliver(item("carrier_pigeon", VOLUNTEER, {}))


async def test_the_asker_message_threads_under_the_card(notifier: TelegramNotifier,
                                                        fake_api: Fake) -> None:
    await notifier.deliver(item("asker_message", LEADS_CHAT, {"case": "ABC234", "text": "a <b> & c",
                                                              "thread": "1234"}))

    [posted] = fake_api.sent("sendMessage", LEADS_CHAT)
    assert posted.params["reply_parameters"] == {"message_id": 1234, "allow_sending_without_reply": True}
    assert "a &lt;b&gt; &amp; c" in posted.text
