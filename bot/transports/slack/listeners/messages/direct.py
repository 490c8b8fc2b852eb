"""A direct message to the bot: one turn of the conversation. Plain ``handoff``, ``record``, ``new`` and
``help`` work as commands here (``bare_commands``)."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext

from bot.messages import Incoming
from bot.transports.slack.deps import SlackDeps, deps_of, guarded


async def direct_message(body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext) -> None:
    user, channel = event.get("user"), event.get("channel")
    if not user or not channel or event.get("bot_id"):
        return
    deps = deps_of(context)
    # Thread replies in the DM are part of the same conversation; answer at the top level.
    incoming = Incoming(
        await deps.asker(str(user), str(channel)), str(event.get("text") or ""), body.get("event_id")
    )
    deps.spawn(guarded("dm", answer(deps, incoming)), "dm")


async def answer(deps: SlackDeps, incoming: Incoming) -> None:
    channel = incoming.asker.chat_id
    replies = await deps.runtime.run(deps.runtime.services.engine.handle, incoming, bare_commands=True)
    del incoming  # the raw words end with the turn
    if replies:
        await deps.post_replies(channel, replies)
