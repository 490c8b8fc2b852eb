"""The Close modal was submitted: close the case with the outcome (the queue redacts it, signs the
decision record, tells the asker, and queues the card update)."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext

from bot.errors import UserFacingError
from bot.transports.slack.blocks import OUTCOME_BLOCK, OUTCOME_INPUT
from bot.transports.slack.deps import PLATFORM, SlackDeps, deps_of, guarded
from bot.transports.slack.limits import escape


async def close_submitted(
    ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext
) -> None:
    values = ((view.get("state") or {}).get("values") or {}).get(OUTCOME_BLOCK) or {}
    outcome = str((values.get(OUTCOME_INPUT) or {}).get("value") or "").strip()
    if not outcome:
        await ack(response_action="errors", errors={OUTCOME_BLOCK: "Say what was decided."})
        return
    await ack()
    deps = deps_of(context)
    try:
        meta = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return
    user = str((body.get("user") or {}).get("id") or "")
    if user and meta.get("ref"):
        deps.spawn(
            guarded(
                "close",
                _close(deps, user, str(meta["ref"]), str(meta.get("channel") or ""), meta.get("ts"), outcome),
            ),
            "close",
        )


async def _close(deps: SlackDeps, user: str, ref: str, channel: str, ts: str | None, outcome: str) -> None:
    try:
        record = await deps.runtime.run(deps.runtime.services.queue.close, f"{PLATFORM}:{user}", ref, outcome)
    except UserFacingError as exc:
        if channel:
            await deps.ephemeral(channel, user, escape(str(exc)), thread_ts=ts)
        return
    finally:
        del outcome
    if channel and ts:
        await deps.client.chat_postMessage(
            channel=channel,
            thread_ts=ts,
            text=f"Closed by <@{user}>. Decision record {escape(str(record.get('id')))} is signed; "
            "the asker has the outcome.",
        )
