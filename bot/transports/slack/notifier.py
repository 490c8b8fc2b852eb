"""Sends the outbox's Slack deliveries: case cards and their updates, relays and outcomes to askers.

The dispatcher calls ``deliver`` once per committed ``Delivery``. Raising means "try again later";
``PermanentFailure`` means Slack will never accept it (the channel is gone, the bot was removed).
Rate limits (429) are retried inside the client, honouring Retry-After, before anything is raised.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.handoff.notify import Outgoing, PermanentFailure
from bot.transports.slack.blocks import SlackMessage, case_card, closed_messages, notice_messages
from bot.transports.slack.deps import post_messages

log = logging.getLogger("canishare.slack.notify")

# Errors that no retry can fix (Slack's documented error codes, as of 2026-11).
PERMANENT_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "account_inactive",
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "user_not_found",
        "cannot_dm_bot",
        "invalid_blocks",
        "msg_too_long",
        "message_not_found",
        "cant_update_message",
        "restricted_action",
        "team_access_not_granted",
        "missing_scope",
    }
)


class SlackNotifier:
    platform: str = "slack"

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def deliver(self, item: Outgoing) -> str | None:
        try:
            return await self._deliver(item)
        except SlackApiError as exc:
            error = str(exc.response.get("error", "")) if exc.response is not None else ""
            log.warning(
                "slack refused a delivery", extra={"delivery": item.id, "kind": item.kind, "error": error}
            )
            if error in PERMANENT_ERRORS:
                raise PermanentFailure(error) from None
            raise

    async def _deliver(self, item: Outgoing) -> str | None:
        payload = item.payload
        ref = str(payload.get("case", ""))
        kind = item.kind
        if kind == "case_opened":
            if item.case is None:
                raise PermanentFailure("the case no longer exists")
            return await self._post(item.recipient, [case_card(item.case)])
        if kind in ("case_claimed", "case_closed") and payload.get("message_ref"):
            if item.case is None:
                raise PermanentFailure("the case no longer exists")
            card = case_card(item.case)
            await self.client.chat_update(
                channel=item.recipient, ts=str(payload["message_ref"]), text=card.text, blocks=card.blocks
            )
            return None
        if kind == "slack_messages":  # an answer whose first posting failed (SlackDeps.post_replies)
            messages = [
                SlackMessage(text=str(m.get("text", "")), blocks=list(m.get("blocks") or []))
                for m in payload.get("messages") or []
            ]
            await self._post(item.recipient, messages, thread_ts=str(payload.get("thread") or "") or None)
            return None
        if kind == "asker_message":
            messages = notice_messages(f"Asker: {payload.get('text', '')}")
            await self._post(item.recipient, messages, thread_ts=str(payload.get("thread") or "") or None)
            return None
        if kind == "reminder":
            urgent = "Urgent case" if item.case is not None and item.case.urgent else "Case"
            await self._post(
                item.recipient,
                notice_messages(
                    f"Reminder: {urgent} {ref} has not been claimed yet. Claim it from its card."
                ),
            )
            return None
        if kind == "escalation":
            # A user id as the channel posts in the bot's DM with that user (Slack, as of 2026-11).
            await self._post(
                item.recipient,
                notice_messages(
                    f"Case {ref} has waited too long without a lead. You are a backup safeguarding lead: "
                    "please claim it from its card in the leads channel."
                ),
            )
            return None
        if kind == "lead_reply":
            await self._post(
                item.recipient, notice_messages(f"Safeguarding lead (case {ref}): {payload.get('text', '')}")
            )
            return None
        if kind == "claimed":
            await self._post(item.recipient, notice_messages(str(payload.get("text", ""))))
            return None
        if kind == "case_closed":
            record = payload.get("record")
            await self._post(
                item.recipient,
                closed_messages(str(payload.get("text", "")), record if isinstance(record, dict) else None),
            )
            return None
        log.warning("unknown delivery kind; dropped", extra={"delivery": item.id, "kind": kind})
        raise PermanentFailure(f"unknown delivery kind {kind}")

    async def _post(self, channel: str, messages: list[SlackMessage], *, thread_ts: str | None = None) -> str:
        stamps = await post_messages(self.client, channel, messages, thread_ts=thread_ts)
        return stamps[0] if stamps else ""
