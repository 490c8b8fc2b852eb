"""Events API: @mentions in channels and the App Home tab. Messages are in ``listeners.messages``."""

from __future__ import annotations

import re

from slack_bolt.async_app import AsyncApp

from bot.transports.slack.listeners.events.app_home_opened import app_home_opened
from bot.transports.slack.listeners.events.app_mention import app_mention


async def ignore() -> None:
    """Subscribed or not, any other event gets its 200 (bolt acks events automatically)."""


def register(app: AsyncApp) -> None:
    app.event("app_mention")(app_mention)
    app.event("app_home_opened")(app_home_opened)
    # Everything except messages, which the messages package registers (with its own catch-all).
    app.event(re.compile(r"^(?!message$).+"))(ignore)
