"""Message events: direct messages from askers, and leads' replies in a case card's thread."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.transports.slack.listeners.messages.direct import direct_message
from bot.transports.slack.listeners.messages.route import route_message


async def ignore() -> None:
    """Edits, deletions, joins and the like: acknowledged and left alone."""


def register(app: AsyncApp) -> None:
    # Only new messages typed by a person (no subtype); bolt already drops the bot's own messages.
    app.event({"type": "message", "subtype": None}, matchers=[_is_direct])(direct_message)
    app.event({"type": "message", "subtype": None})(route_message)
    app.event("message")(ignore)


async def _is_direct(event: dict[str, object]) -> bool:
    return event.get("channel_type") == "im"
