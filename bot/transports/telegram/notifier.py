"""Sends the outbox's deliveries to Telegram: case cards and their updates to the leads, relays to askers.

The dispatcher calls ``deliver`` for each committed ``Delivery``; raising makes it retry later, and
``PermanentFailure`` gives up (the bot was blocked, the chat is gone). Nothing here logs message text.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, InvalidToken

from bot.handoff.notify import Outgoing, PermanentFailure
from bot.records import markdown_of
from bot.transports.telegram.render import (
    Block,
    card_html,
    card_markup,
    esc,
    markdown_blocks,
    pack,
)

log = logging.getLogger("canishare.telegram")

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def send_html(
    bot: Bot,
    chat_id: str | int,
    messages: list[str],
    *,
    markup: InlineKeyboardMarkup | None = None,
    reply_to: int | None = None,
) -> Message | None:
    """Send pre-split HTML messages in order; the keyboard goes on the last. Returns the first message."""
    first: Message | None = None
    for index, text in enumerate(messages):
        sent = await bot.send_message(
            chat_id=chat_id,
            text=text,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=markup if index == len(messages) - 1 else None,
            # A deleted card must not stop the relay: send it unthreaded instead.
            reply_parameters=ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
            if reply_to is not None
            else None,
        )
        first = first or sent
    return first


def _message_id(value: Any) -> int | None:
    text = str(value or "")
    return int(text) if text.isdigit() else None


class TelegramNotifier:
    platform = "telegram"

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def deliver(self, item: Outgoing) -> str | None:
        try:
            return await self._deliver(item)
        except BadRequest as exc:
            # As of 2026-11 editing a message to identical content is a 400 "message is not modified":
            # the card already shows what it should, so that is success.
            if "not modified" in str(exc).lower():
                return None
            raise PermanentFailure(f"telegram refused the {item.kind} delivery (bad request)") from None
        except ChatMigrated:
            # The leads group became a supergroup with a new id; CANISHARE_TELEGRAM_LEADS_CHAT must change.
            log.error(
                "leads chat migrated to a supergroup; update CANISHARE_TELEGRAM_LEADS_CHAT",
                extra={"delivery": item.id},
            )
            raise PermanentFailure("telegram chat migrated") from None
        except (Forbidden, InvalidToken):
            raise PermanentFailure(f"telegram forbade the {item.kind} delivery") from None

    async def _deliver(self, item: Outgoing) -> str | None:
        payload = item.payload
        ref = str(payload.get("case") or (item.case.ref if item.case else ""))
        kind = item.kind
        if kind == "case_opened":
            if item.case is None:
                raise PermanentFailure("case_opened without a case")
            sent = await send_html(
                self.bot, item.recipient, [card_html(item.case)], markup=card_markup(item.case)
            )
            return str(sent.message_id) if sent else None
        if kind in ("case_claimed", "case_closed") and "message_ref" in payload:
            message_id = _message_id(payload.get("message_ref"))
            if item.case is None or message_id is None:
                raise PermanentFailure(f"{kind} without a case card")
            await self.bot.edit_message_text(
                chat_id=item.recipient,
                message_id=message_id,
                text=card_html(item.case),
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                reply_markup=card_markup(item.case),
            )
            return None
        if kind == "reminder":
            text = f"Case {esc(ref)} is still waiting for a lead."
            markup = card_markup(item.case) if item.case else None
            await send_html(self.bot, item.recipient, [text], markup=markup)
            return None
        if kind == "escalation":
            text = (
                f"Case {esc(ref)} has not been claimed by the safeguarding leads. "
                "You are a backup lead: please pick it up."
            )
            if item.case is not None:
                text += "\n\n" + card_html(item.case, limit=3900)
            markup = card_markup(item.case) if item.case else None
            await send_html(self.bot, item.recipient, [text], markup=markup)
            return None
        if kind == "telegram_messages":  # an answer whose first sending failed (Handlers.send_replies)
            for message in payload.get("messages") or []:
                markup = message.get("markup")
                keyboard = InlineKeyboardMarkup.de_json(markup, self.bot) if markup else None
                await send_html(self.bot, item.recipient, [str(message.get("html", ""))], markup=keyboard)
            return None
        if kind == "asker_message":
            blocks = [Block(f"Case {ref} · the asker wrote:", "b"), Block(str(payload.get("text", "")))]
            thread = _message_id(payload.get("thread"))
            await send_html(self.bot, item.recipient, pack(blocks), reply_to=thread)
            return None
        if kind == "lead_reply":
            blocks = [Block(f"Safeguarding lead (case {ref}):", "b"), Block(str(payload.get("text", "")))]
            await send_html(self.bot, item.recipient, pack(blocks))
            return None
        if kind in ("claimed", "case_closed"):
            blocks = [Block(str(payload.get("text", "")))]
            record = payload.get("record")
            if isinstance(record, dict):
                try:
                    blocks += markdown_blocks(markdown_of(record))
                except (KeyError, TypeError):  # an older record shape: the outcome text still goes out
                    log.warning("decision record not rendered", extra={"delivery": item.id})
            await send_html(self.bot, item.recipient, pack(blocks))
            return None
        raise PermanentFailure(f"unknown delivery kind {kind!r}")
