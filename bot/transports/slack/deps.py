"""What every Slack listener needs: the runtime, the Web API client, and small helpers to send.

Listeners get this through bolt's context (a global middleware puts it there), so each listener module
keeps the starter template's ``register(app)`` shape without module-level state.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Coroutine
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.messages import Asker, Reply
from bot.runtime import Runtime
from bot.storage.repository import enqueue, first_time
from bot.transports.slack.blocks import SlackMessage, reply_messages

log = logging.getLogger("canishare.slack")

CONTEXT_KEY = "canishare"
PLATFORM = "slack"


class SlackDeps:
    def __init__(self, runtime: Runtime, client: AsyncWebClient) -> None:
        self.runtime = runtime
        self.client = client
        # user id -> DM channel id; conversations.open is idempotent, this only saves calls.
        self._dms: OrderedDict[str, str] = OrderedDict()

    @property
    def settings(self) -> Settings:
        return self.runtime.services.settings

    def is_lead(self, user_id: str) -> bool:
        return self.settings.is_lead(PLATFORM, user_id)

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        """Work after the ack: tracked by the runtime so a graceful shutdown lets it finish."""
        self.runtime.spawn(coro, name=f"slack:{name}")

    async def once(self, key: str) -> bool:
        """True the first time any worker sees ``key`` (a Slack event id, trigger id...)."""
        db = self.runtime.services.db

        def mark() -> bool:
            with db.session() as session:
                return first_time(session, PLATFORM, key)

        return await self.runtime.run(mark)

    async def dm_channel(self, user_id: str) -> str:
        """The bot's direct-message channel with a user: where answers about people go."""
        if user_id in self._dms:
            return self._dms[user_id]
        response = await self.client.conversations_open(users=user_id)
        channel = str(response["channel"]["id"])
        self._dms[user_id] = channel
        while len(self._dms) > 10_000:
            self._dms.popitem(last=False)
        return channel

    async def asker(self, user_id: str, channel_id: str | None = None) -> Asker:
        """An asker whose ``chat_id`` is always their DM with the bot, so a lead's reply or an outcome is
        never posted into a shared channel where the question happened to be asked."""
        if channel_id and channel_id.startswith("D"):  # DM channel ids start with D (as of 2026-11)
            return Asker(PLATFORM, user_id, channel_id)
        return Asker(PLATFORM, user_id, await self.dm_channel(user_id))

    async def post(
        self, channel: str, messages: list[SlackMessage], *, thread_ts: str | None = None
    ) -> list[str]:
        return await post_messages(self.client, channel, messages, thread_ts=thread_ts)

    async def post_replies(
        self, channel: str, replies: list[Reply], *, thread_ts: str | None = None, note: str | None = None
    ) -> None:
        """Post a turn's replies. The turn is already committed, so if Slack still refuses after the
        client's own retries, what was not posted goes to the outbox and the dispatcher keeps trying:
        an answer is delayed, never lost."""
        messages = [
            message
            for n, reply in enumerate(replies)
            for message in reply_messages(reply, note=note if n == len(replies) - 1 else None)
        ]
        for n, message in enumerate(messages):
            try:
                await self.post(channel, [message], thread_ts=thread_ts)
            except Exception as exc:
                log.warning(
                    "an answer could not be posted; queued for the outbox",
                    extra={"error": type(exc).__name__, "messages": len(messages) - n},
                )
                await self.runtime.run(self._queue, channel, messages[n:], thread_ts)
                return

    def _queue(self, channel: str, messages: list[SlackMessage], thread_ts: str | None) -> None:
        # Rendered messages hold only fixed wording and redacted text, like every other delivery.
        payload = {
            "messages": [{"text": m.text, "blocks": m.blocks} for m in messages],
            "thread": thread_ts or "",
        }
        with self.runtime.services.db.session() as session:
            enqueue(session, PLATFORM, channel, "slack_messages", payload)

    async def ephemeral(self, channel: str, user: str, text: str, *, thread_ts: str | None = None) -> None:
        """A note only ``user`` sees. ``text`` is fixed wording or already escaped."""
        kwargs: dict[str, Any] = {"channel": channel, "user": user, "text": text}
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        await self.client.chat_postEphemeral(**kwargs)


async def post_messages(
    client: AsyncWebClient, channel: str, messages: list[SlackMessage], *, thread_ts: str | None = None
) -> list[str]:
    """Post in order; returns each message's ``ts``. Links are not unfurled: a pasted link would otherwise
    make Slack fetch it and show its preview to the channel."""
    stamps = []
    for message in messages:
        kwargs: dict[str, Any] = {
            "channel": channel,
            "text": message.text,
            "blocks": message.blocks,
            "unfurl_links": False,
            "unfurl_media": False,
        }
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        response = await client.chat_postMessage(**kwargs)
        stamps.append(str(response.get("ts", "")))
    return stamps


def deps_of(context: AsyncBoltContext) -> SlackDeps:
    deps = context[CONTEXT_KEY]
    assert isinstance(deps, SlackDeps)
    return deps


async def guarded(what: str, coro: Coroutine[Any, Any, None]) -> None:
    """Background work never raises into the runtime: the type is logged, never a message's words."""
    try:
        await coro
    except Exception as exc:
        log.error("slack work failed", extra={"work": what, "error": type(exc).__name__})
