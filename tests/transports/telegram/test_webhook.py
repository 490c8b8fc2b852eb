"""POST /telegram/webhook on the real ASGI app: the secret, malformed bodies, duplicates, rate limits."""

from __future__ import annotations

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from bot.config import Settings
from bot.storage.models import Conversation, Delivery, ProcessedEvent
from bot.transports.telegram import create_transport
from tests.transports.telegram.conftest import SECRET, VOLUNTEER, Bot, load_update
from tests.transports.telegram.helpers import count


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x", SECRET[:-1], SECRET.upper()])
def test_a_missing_or_wrong_secret_is_refused_and_nothing_is_processed(bot: Bot, secret: str | None) -> None:
    response = bot.post(load_update("private_message", text="Can I share this?", user_id=VOLUNTEER),
                        secret=secret)

    assert response.status_code == 403
    assert bot.api.sent("sendMessage") == []
    assert count(bot.services, Conversation) == 0
    assert count(bot.services, ProcessedEvent) == 0


def test_the_right_secret_is_accepted_and_answered(bot: Bot) -> None:
    response = bot.post(load_update("private_message", text="Can I share this?", user_id=VOLUNTEER))

    assert response.status_code == 200
    assert len(bot.to(VOLUNTEER)) == 1


BAD_BODIES = [b"{not json", b"[1, 2]", b'{"message": {}}', b'{"update_id": "7"}', b"\xff\xfe",
              b'{"update_id": 9, "message": "text"}', b'{"update_id": 9, "message": {}}']


@pytest.mark.parametrize("body", BAD_BODIES)
def test_malformed_bodies_get_400(bot: Bot, body: bytes) -> None:
    response = bot.client.post(f"{bot.url}/telegram/webhook", content=body,
                               headers={"X-Telegram-Bot-Api-Secret-Token": SECRET,
                                        "Content-Type": "application/json"})

    assert response.status_code == 400
    assert bot.api.sent("sendMessage") == []


def test_a_bad_body_without_the_secret_is_refused_before_it_is_read(bot: Bot) -> None:
    response = bot.client.post(f"{bot.url}/telegram/webhook", content=b"{not json")

    assert response.status_code == 403


def test_unknown_update_kinds_are_acknowledged_and_ignored(bot: Bot) -> None:
    response = bot.post(load_update("unknown_kind", user_id=VOLUNTEER))

    assert response.status_code == 200
    assert bot.api.sent("sendMessage") == []
    assert count(bot.services, Conversation) == 0


def test_a_duplicate_update_id_is_answered_once(bot: Bot) -> None:
    update = load_update("private_message", text="Can I tell the school nurse?", user_id=VOLUNTEER)

    first = bot.post(update)
    second = bot.post(update)

    assert (first.status_code, second.status_code) == (200, 200)
    assert len(bot.to(VOLUNTEER)) == 1


def test_a_429_from_telegram_is_retried_after_retry_after(bot: Bot) -> None:
    bot.api.fail("sendMessage", times=1, status=429, retry_after=1)

    update = load_update("private_message", text="Can I tell the school nurse?", user_id=VOLUNTEER)
    response = bot.post(update)

    assert response.status_code == 200
    calls = bot.to(VOLUNTEER)
    assert len(calls) == 2  # refused once with retry_after, then sent
    assert calls[0].text == calls[1].text
    assert calls[1].result is not None


def test_telegram_down_at_start_up_does_not_stop_the_app(sqlite_url: str, fake_api, redactor) -> None:  # type: ignore[no-untyped-def]
    from tests.transports.telegram.conftest import _serve, telegram_settings

    fake_api.fail("getMe", times=1, status=502, retry_after=None, description="Bad Gateway")
    served = _serve(telegram_settings(sqlite_url, fake_api), fake_api, redactor)
    bot = next(served)
    try:
        health = bot.client.get(f"{bot.url}/healthz")
        response = bot.post(load_update("private_message", text="Can I share this?", user_id=VOLUNTEER))

        assert health.status_code == 200
        assert response.status_code == 200
        assert len(bot.api.sent("getMe")) == 2  # failed at start-up, retried on the first update
        assert len(bot.to(VOLUNTEER)) == 1
    finally:
        served.close()


def test_no_transport_without_a_token_or_a_secret(settings: Settings) -> None:
    class FakeRuntime:
        def __init__(self, s: Settings) -> None:
            self.services = type("S", (), {"settings": s})()

    assert create_transport(FakeRuntime(settings)) is None  # type: ignore[arg-type]
    with_token = settings.model_copy(update={"telegram_bot_token": SecretStr("123:abc")})
    assert create_transport(FakeRuntime(with_token)) is None  # type: ignore[arg-type]


def test_an_answer_telegram_refuses_goes_to_the_outbox_and_arrives_later_once(bot: Bot) -> None:
    bot.api.fail("sendMessage", times=1, status=500, retry_after=None, description="Internal Server Error")

    update = load_update("private_message", text="Can I tell the school nurse?", user_id=VOLUNTEER)
    response = bot.post(update)

    assert response.status_code == 200
    bot.api.wait_for(lambda _: any(c.result is not None for c in bot.to(VOLUNTEER)), timeout=15)
    sent = bot.to(VOLUNTEER)
    assert [c.result is not None for c in sent] == [False, True]  # refused, then sent by the dispatcher
    assert sent[0].text == sent[1].text
    assert sent[1].buttons == sent[0].buttons
    with bot.services.db.session() as session:
        queued = session.scalars(select(Delivery).where(Delivery.kind == "telegram_messages")).all()
        assert [d.status for d in queued] == ["sent"]
