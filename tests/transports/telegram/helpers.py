"""Small assertions shared by the Telegram tests."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from bot.app import Services
from bot.transports.telegram.render import utf16_len
from tests.fakes.telegram_api import Call, FakeTelegramAPI

# What the volunteer and the lead type: a name, a phone number, a postcode, an email address.
IDENTIFIERS = ["Tom Smith", "Smith", "07700 900123", "900123", "SW1A 1AA", "SW1A", "tom.smith@example.com"]
WITH_IDENTIFIERS = (
    "A 14-year-old boy, Tom Smith, told me his stepdad hits him. His mum's number is 07700 900123 and they "
    "live at SW1A 1AA; email tom.smith@example.com. Can I tell children's social care?"
)


def everything_sent(api: FakeTelegramAPI) -> str:
    """Every parameter of every call the bot made, as one string."""
    return json.dumps([c.params for c in api.sent()], ensure_ascii=False)


def assert_no_identifiers(api: FakeTelegramAPI) -> None:
    sent = everything_sent(api)
    leaked = [token for token in IDENTIFIERS if token.lower() in sent.lower()]
    assert not leaked, f"identifiers reached the Bot API: {leaked}"


def count(services: Services, model: Any) -> int:
    with services.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def within_limit(call: Call) -> bool:
    return 0 < utf16_len(call.text) <= 4096


def texts(calls: list[Call]) -> list[str]:
    return [c.text for c in calls]
