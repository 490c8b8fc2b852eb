"""Modal submissions: the outcome a lead gives when closing a case."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.transports.slack.blocks import CLOSE_VIEW
from bot.transports.slack.listeners.views.close_case import close_submitted


def register(app: AsyncApp) -> None:
    app.view(CLOSE_VIEW)(close_submitted)
