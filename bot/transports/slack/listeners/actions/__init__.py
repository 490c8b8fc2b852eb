"""Buttons: the asker's answer buttons and follow-up choices, and the leads' Claim and Close."""

from __future__ import annotations

import re

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck

from bot.transports.slack.blocks import ASK_PREFIX, CLAIM, CLOSE
from bot.transports.slack.listeners.actions.asker import asker_choice
from bot.transports.slack.listeners.actions.lead import claim_case, close_case


async def acknowledge(ack: AsyncAck) -> None:
    """Any other interaction (an old card's button, a link button): acknowledged so Slack shows no error."""
    await ack()


def register(app: AsyncApp) -> None:
    app.action(re.compile(rf"^{re.escape(ASK_PREFIX)}"))(asker_choice)
    app.action(CLAIM)(claim_case)
    app.action(CLOSE)(close_case)
    app.action(re.compile(r".*"))(acknowledge)
