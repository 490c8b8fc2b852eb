"""The leads' buttons on a case card. Only configured leads may use them: the queue checks, audits a
refusal and raises ``NotALead``; the clicker then gets an ephemeral refusal and nothing changes. The card
itself is updated from the outbox ("Claimed by ..."), so every card for the case changes together."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext

from bot.errors import NotALead, UserFacingError
from bot.transports.slack.blocks import close_modal, mention
from bot.transports.slack.deps import PLATFORM, SlackDeps, deps_of, guarded
from bot.transports.slack.limits import escape


def _where(body: dict[str, Any]) -> tuple[str, str, str | None]:
    user = str((body.get("user") or {}).get("id") or "")
    channel = str((body.get("channel") or {}).get("id") or "")
    message = body.get("message") or {}
    return user, channel, message.get("ts")


async def claim_case(
    ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], context: AsyncBoltContext
) -> None:
    await ack()
    deps = deps_of(context)
    user, channel, _ = _where(body)
    ref = str(action.get("value") or "")
    if user and channel and ref:
        deps.spawn(guarded("claim", _claim(deps, user, channel, ref)), "claim")


async def _claim(deps: SlackDeps, user: str, channel: str, ref: str) -> None:
    actor = f"{PLATFORM}:{user}"
    try:
        result = await deps.runtime.run(deps.runtime.services.queue.claim, actor, ref)
    except UserFacingError as exc:
        await deps.ephemeral(channel, user, escape(str(exc)))
        return
    if not result.won:
        holder = "you" if result.holder == actor else mention(result.holder)
        await deps.ephemeral(channel, user, f"Case {escape(ref)} is already held by {holder}.")


async def close_case(
    ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], context: AsyncBoltContext
) -> None:
    await ack()
    deps = deps_of(context)
    user, channel, ts = _where(body)
    ref = str(action.get("value") or "")
    if not (user and channel and ref):
        return
    if not deps.is_lead(user):
        deps.spawn(guarded("close_refused", _refuse(deps, user, channel, ref)), "close_refused")
        return
    # The trigger id expires 3 s after the click (as of 2026-11), so the modal opens now, not later.
    metadata = json.dumps({"ref": ref, "channel": channel, "ts": ts})
    await deps.client.views_open(trigger_id=body["trigger_id"], view=close_modal(ref, metadata))


async def _refuse(deps: SlackDeps, user: str, channel: str, ref: str) -> None:
    try:
        await deps.runtime.run(deps.runtime.services.queue.require_lead, f"{PLATFORM}:{user}", "close", ref)
    except NotALead as exc:
        await deps.ephemeral(channel, user, escape(str(exc)))
