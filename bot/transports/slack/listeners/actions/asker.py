"""An asker's button: "Talk to a safeguarding lead", "Why?", "Decision record", "Start again", or a
follow-up answer. The result goes to the asker's DM (the button may sit in a channel thread)."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext

from bot.messages import Asker
from bot.transports.slack.deps import SlackDeps, deps_of, guarded


async def asker_choice(
    ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], context: AsyncBoltContext
) -> None:
    await ack()
    deps = deps_of(context)
    user = str((body.get("user") or {}).get("id") or "")
    choice = str(action.get("value") or "")
    if not user or not choice:
        return
    channel = (body.get("channel") or {}).get("id")
    # Slack does not retry interactions, but a duplicate delivery to another worker is possible: the
    # trigger id is unique per click.
    key = f"action:{body['trigger_id']}" if body.get("trigger_id") else None
    deps.spawn(guarded("choice", _choose(deps, user, channel, choice, key)), "choice")


async def _choose(deps: SlackDeps, user: str, channel: str | None, choice: str, key: str | None) -> None:
    asker: Asker = await deps.asker(user, channel)
    replies = await deps.runtime.run(deps.runtime.services.engine.choose, asker, choice, event_id=key)
    if replies:
        await deps.post_replies(asker.chat_id, replies)
