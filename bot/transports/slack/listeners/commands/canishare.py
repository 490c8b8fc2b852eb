"""``/canishare [question | help | new | handoff | record]``. The answer goes to the asker's DM with the
bot, wherever the command was typed: a question about people should not sit in a shared channel."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext

from bot.messages import Incoming
from bot.transports.slack.deps import SlackDeps, deps_of, guarded

ACK_ELSEWHERE = "I have answered in our direct messages, so the details stay private."


async def canishare_command(ack: AsyncAck, command: dict[str, Any], context: AsyncBoltContext) -> None:
    deps = deps_of(context)
    user = str(command.get("user_id") or "")
    channel = str(command.get("channel_id") or "")
    if not user:
        await ack()
        return
    in_dm = channel.startswith("D")
    # Slack shows the ack's text only to the person who typed the command (ephemeral), within 3 s.
    if in_dm:
        await ack()
    else:
        await ack(text=ACK_ELSEWHERE)
    text = str(command.get("text") or "")
    # Slash commands have no event id; the trigger id is unique per invocation.
    key = f"command:{command.get('trigger_id')}" if command.get("trigger_id") else None
    deps.spawn(guarded("command", _answer(deps, user, channel if in_dm else None, text, key)), "command")


async def _answer(deps: SlackDeps, user: str, channel: str | None, text: str, key: str | None) -> None:
    asker = await deps.asker(user, channel)
    engine = deps.runtime.services.engine
    if text.strip():
        replies = await deps.runtime.run(engine.handle, Incoming(asker, text, key), bare_commands=True)
    else:
        replies = await deps.runtime.run(engine.command, asker, "help", "", event_id=key)
    del text
    if replies:
        await deps.post_replies(asker.chat_id, replies)
