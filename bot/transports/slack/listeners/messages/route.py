"""Channel messages. Only one kind matters: a lead's reply in the thread of a case card, which is
relayed to the asker (redacted by the queue), or ``close <outcome>``, which closes the case.
Everything else in channels (where the bot may be a member) is ignored without reading it."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext

from bot.errors import UserFacingError
from bot.storage.repository import case_by_post
from bot.transports.slack.deps import PLATFORM, SlackDeps, deps_of, guarded
from bot.transports.slack.limits import escape

_CLOSE = re.compile(r"^\s*close\b[:\s]*(?P<outcome>.*)$", re.IGNORECASE | re.DOTALL)


async def route_message(body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext) -> None:
    deps = deps_of(context)
    channel, thread, user = event.get("channel"), event.get("thread_ts"), event.get("user")
    if not channel or not thread or not user or event.get("bot_id") or thread == event.get("ts"):
        return
    if channel != deps.settings.slack_leads_channel:
        return
    deps.spawn(
        guarded(
            "lead_thread",
            lead_thread_reply(
                deps, str(channel), str(thread), str(user), str(event.get("text") or ""), body.get("event_id")
            ),
        ),
        "lead_thread",
    )


def _case_ref(deps: SlackDeps, channel: str, thread: str) -> str | None:
    with deps.runtime.services.db.session() as session:
        case = case_by_post(session, PLATFORM, channel, thread)
        return case.ref if case else None


async def lead_thread_reply(
    deps: SlackDeps, channel: str, thread: str, user: str, text: str, event_id: str | None
) -> None:
    runtime = deps.runtime
    ref = await runtime.run(_case_ref, deps, channel, thread)
    if ref is None:  # a thread under some other message: not ours
        return
    if event_id and not await deps.once(event_id):
        return
    queue = runtime.services.queue
    actor = f"{PLATFORM}:{user}"
    closing = _CLOSE.match(text)
    try:
        if closing:
            outcome = closing.group("outcome").strip()
            del text
            if not outcome:
                await deps.ephemeral(
                    channel, user, "Add the outcome after the word: `close <outcome>`.", thread_ts=thread
                )
                return
            record = await runtime.run(queue.close, actor, ref, outcome)
            del outcome
            await deps.client.chat_postMessage(
                channel=channel,
                thread_ts=thread,
                text=f"Closed by <@{user}>. Decision record {escape(str(record.get('id')))} is signed; "
                "the asker has the outcome.",
            )
        else:
            redacted = await runtime.run(queue.reply, actor, ref, text)
            del text
            # Show the lead what the asker actually receives, names removed.
            await deps.ephemeral(channel, user, f"Sent to the asker as: {escape(redacted)}", thread_ts=thread)
    except UserFacingError as exc:  # not a lead (already audited), not claimed, already closed
        await deps.ephemeral(channel, user, escape(str(exc)), thread_ts=thread)
