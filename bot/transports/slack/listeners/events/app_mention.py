"""``@canishare ...`` in a channel: answered in a thread, with a note that details belong in a DM."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext

from bot.messages import Incoming
from bot.transports.slack.blocks import DM_NOTE
from bot.transports.slack.deps import SlackDeps, deps_of, guarded

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


def strip_bot_mention(text: str, bot_user_id: str | None) -> str:
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    else:  # before authorize has run: drop a leading mention, which is how Slack sends an @mention
        text = re.sub(rf"^\s*{_MENTION.pattern}", " ", text)
    return text.strip()


async def app_mention(body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext) -> None:
    deps = deps_of(context)
    user = event.get("user")
    channel = event.get("channel")
    if not user or not channel or event.get("bot_id"):
        return
    text = strip_bot_mention(str(event.get("text", "")), context.bot_user_id)
    thread = str(event.get("thread_ts") or event.get("ts") or "")
    event_id = body.get("event_id")
    deps.spawn(guarded("mention", _answer(deps, user, channel, thread, text, event_id)), "mention")


async def _answer(
    deps: SlackDeps, user: str, channel: str, thread: str, text: str, event_id: str | None
) -> None:
    asker = await deps.asker(user)
    incoming = Incoming(asker, text, event_id)
    del text
    replies = await deps.runtime.run(deps.runtime.services.engine.handle, incoming, bare_commands=True)
    if replies:
        await deps.post_replies(channel, replies, thread_ts=thread or None, note=DM_NOTE)
