"""The handler table: which kind of update, in which kind of chat, goes where.

Like PTB's ``conversationbot.py`` this is one explicit table, but the conversation's state is not kept
here: the engine keeps it in the project's database, so any worker (webhook or polling) can take any
update. Volunteers talk to the engine in a private chat; leads act on case cards in the leads group.

Raw text lives only in the handler's locals for one turn; logs get update ids and kinds, never text.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Awaitable, Callable

from telegram import (
    Bot,
    CallbackQuery,
    ForceReply,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot.errors import UserFacingError
from bot.messages import Asker, Incoming, Reply
from bot.runtime import Runtime
from bot.storage.repository import case_by_post, current_conversation, enqueue, first_time
from bot.transports.telegram.notifier import NO_PREVIEW, send_html
from bot.transports.telegram.render import (
    CLAIM,
    CLOSE,
    ENGINE_ACTIONS,
    HASHED,
    OUTCOME_PROMPT,
    Block,
    Outbound,
    case_ref_of,
    digest,
    esc,
    pack,
    render_reply,
)

log = logging.getLogger("canishare.telegram")

Context = ContextTypes.DEFAULT_TYPE
Callback = Callable[[Update, Context], Awaitable[None]]

_CLOSE_COMMAND = re.compile(r"^/close(?:@\S+)?(?:\s+(?P<outcome>.*))?$", re.IGNORECASE | re.DOTALL)
_LEAD_COMMAND = re.compile(r"^/(?P<name>[a-z]+)(?:@\S+)?(?:\s|$)", re.IGNORECASE)

PRIVATE_ONLY = (
    "I only answer in a private chat, so nothing about anyone is posted here: message me directly{link}."
)
NOT_TEXT = (
    "I can only read typed messages. Please describe the situation in words, without names, addresses or "
    "photos: nothing from that message was saved."
)
EDITED = "I do not re-read edited messages. If something changed, please send it as a new message."
EXPIRED = "That button has expired: the question was already answered or the conversation moved on."
LEADS_HELP = (
    "Leads: press Claim on a case card to take it. Reply to the card (or to any message about the case) to "
    "write to the asker; your words are checked for identifiers first. Close with /close followed by the "
    "outcome, as a reply to the card, or with the Close button. /cases lists the open cases."
)


class Handlers:
    """The callbacks; each does one job and always answers the person who acted."""

    def __init__(self, runtime: Runtime, leads_chat: str | None) -> None:
        self.runtime = runtime
        self.services = runtime.services
        self.leads_chat = leads_chat

    # -- the table --------------------------------------------------------------------------------------

    def table(self) -> list[BaseHandler[Update, Context, None]]:
        new = filters.UpdateType.MESSAGE  # edited messages are routed separately, never re-run
        private = filters.ChatType.PRIVATE
        leads: filters.BaseFilter = filters.ChatType.GROUPS & filters.Chat(chat_id=_chat_ids(self.leads_chat))
        other_groups = filters.ChatType.GROUPS & ~leads
        return [
            # leads: the case card's buttons (in the leads group, or in a backup lead's private chat)
            CallbackQueryHandler(self.claim, pattern=f"^{CLAIM}"),
            CallbackQueryHandler(self.close_button, pattern=f"^{CLOSE}"),
            # leads: replies to case messages, and the few lead commands
            MessageHandler(leads & new & filters.REPLY & filters.TEXT, self.lead_reply),
            MessageHandler(leads & new & filters.COMMAND, self.lead_command),
            # volunteers: buttons under answers, messages, edits, and anything that is not text
            CallbackQueryHandler(self.private_choice),
            MessageHandler(private & new & filters.TEXT, self.private_text),
            MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, self.private_edited),
            MessageHandler(private & new, self.private_other),
            # anywhere else: silence, except a one-line pointer when someone addresses the bot
            MessageHandler(other_groups & new, self.other_group),
        ]

    # -- volunteers ---------------------------------------------------------------------------------------

    async def private_text(self, update: Update, context: Context) -> None:
        message = update.message
        if message is None or message.from_user is None or message.text is None:
            return
        if await self._lead_reply_in_private(update, message, context.bot):
            return
        asker = Asker("telegram", str(message.from_user.id), str(message.chat.id))
        incoming = Incoming(asker, message.text, event_id=_event(update))
        replies = await self.runtime.run(self.services.engine.handle, incoming)
        await self.send_replies(context.bot, message.chat.id, replies)

    async def private_choice(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        chat = query.message.chat if query.message is not None else None
        if chat is None or chat.type != ChatType.PRIVATE:
            await _answer(query)
            return
        asker = Asker("telegram", str(query.from_user.id), str(chat.id))
        action = await self.runtime.run(self._action_for, asker, query.data or "")
        if action is None:
            await _answer(query, EXPIRED)
            return
        await _answer(query)
        if action.startswith("fu:") and isinstance(query.message, Message):
            # The question is answered: take its buttons away so it is not answered twice.
            try:
                await query.message.edit_reply_markup(reply_markup=None)
            except TelegramError as exc:
                log.info("could not remove answered buttons", extra={"error": type(exc).__name__})
        replies = await self.runtime.run(self.services.engine.choose, asker, action, event_id=_event(update))
        await self.send_replies(context.bot, chat.id, replies)

    def _action_for(self, asker: Asker, data: str) -> str | None:
        """The engine action a button stands for; None for anything not issued by this bot."""
        if data in ENGINE_ACTIONS or (data.startswith("fu:") and data.count(":") >= 2):
            return data
        if not data.startswith(HASHED):
            return None
        with self.services.db.session() as session:
            conversation = current_conversation(session, asker.platform, asker.user_id)
            pending = ((conversation.advice_state or {}).get("pending") or {}) if conversation else {}
        for value, _label in pending.get("choices") or []:
            action = f"fu:{pending.get('id')}:{value}"
            if HASHED + digest(action) == data:
                return action
        return None

    async def private_edited(self, update: Update, context: Context) -> None:
        # As of 2026-11 Telegram sends an edit as a new update with the same message: re-running it would
        # repeat a /handoff or answer twice, so edits only get a hint, and edited commands not even that.
        message = update.edited_message
        if message is None or not message.text or message.text.startswith("/"):
            return
        if await self._once(update):
            await send_html(context.bot, message.chat.id, [esc(EDITED)])

    async def private_other(self, update: Update, context: Context) -> None:
        message = update.message
        if message is None:
            return
        if await self._once(update):
            await send_html(context.bot, message.chat.id, [esc(NOT_TEXT)])

    async def send_replies(self, bot: Bot, chat_id: int, replies: list[Reply]) -> None:
        """Send a turn's replies. The turn is already committed, so if Telegram still refuses (after the
        rate limiter's retries), what was not sent goes to the outbox and the dispatcher keeps trying:
        an answer is delayed, never lost."""
        outbound = [message for reply in replies for message in render_reply(reply)]
        for n, message in enumerate(outbound):
            try:
                await send_html(bot, chat_id, [message.html], markup=message.markup)
            except TelegramError as exc:
                log.warning(
                    "an answer could not be sent; queued for the outbox",
                    extra={"error": type(exc).__name__, "messages": len(outbound) - n},
                )
                await self.runtime.run(self._queue, chat_id, outbound[n:])
                return

    def _queue(self, chat_id: int, outbound: list[Outbound]) -> None:
        # Rendered messages hold only fixed wording and redacted text, like every other delivery.
        payload = {
            "messages": [
                {"html": m.html, "markup": m.markup.to_dict() if m.markup is not None else None}
                for m in outbound
            ]
        }
        with self.services.db.session() as session:
            enqueue(session, "telegram", str(chat_id), "telegram_messages", payload)

    # -- other groups -------------------------------------------------------------------------------------

    async def other_group(self, update: Update, context: Context) -> None:
        message = update.message
        if message is None or not _addresses_bot(message, context.bot):
            return
        if not await self._once(update):
            return
        username = context.bot.username if _has_identity(context.bot) else ""
        link = f" (t.me/{username})" if username else ""
        await send_html(
            context.bot, message.chat.id, [esc(PRIVATE_ONLY.format(link=link))], reply_to=message.message_id
        )

    # -- leads ----------------------------------------------------------------------------------------------

    async def claim(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        ref = (query.data or "")[len(CLAIM) :]
        if not await self._once(update):
            await _answer(query)
            return
        actor = f"telegram:{query.from_user.id}"
        try:
            result = await self.runtime.run(self.services.queue.claim, actor, ref)
        except UserFacingError as exc:  # NotALead (already audited), CaseNotFound
            await _answer(query, str(exc), alert=True)
            return
        if result.won:
            # The card itself is edited through the outbox, so every platform's card changes alike.
            await _answer(query, f"You hold case {ref}. Reply to the card to write to the asker.")
        else:
            holder = result.holder or "someone else"
            state = "closed" if result.case.status == "closed" else "held"
            await _answer(query, f"Case {ref} is already {state} ({holder}).", alert=True)

    async def close_button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        ref = (query.data or "")[len(CLOSE) :]
        if not await self._once(update):
            await _answer(query)
            return
        actor = f"telegram:{query.from_user.id}"
        try:
            await self.runtime.run(self.services.queue.require_lead, actor, "close", ref)
        except UserFacingError as exc:
            await _answer(query, str(exc), alert=True)
            return
        await _answer(query)
        chat_id = query.message.chat.id if query.message is not None else query.from_user.id
        card = query.message.message_id if query.message is not None else None
        # ForceReply opens the lead's reply box; their reply comes back to this prompt, which names the case.
        mention = f'<a href="tg://user?id={query.from_user.id}">{esc(query.from_user.first_name)}</a>'
        await context.bot.send_message(
            chat_id=chat_id,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            text=f"Case {esc(ref)}: {OUTCOME_PROMPT} {mention}, reply to this message with what was decided "
            "and shared (no names).",
            reply_markup=ForceReply(selective=True, input_field_placeholder="Outcome"),
            reply_parameters=ReplyParameters(message_id=card, allow_sending_without_reply=True)
            if card is not None
            else None,
        )

    async def lead_reply(self, update: Update, context: Context) -> None:
        message = update.message
        if message is None or message.reply_to_message is None:
            return
        ref = await self.runtime.run(self._case_for_reply, message, context.bot)
        if ref is None:
            return  # an ordinary conversation among the leads
        await self._lead_act(update, message, ref, context.bot)

    async def _lead_reply_in_private(self, update: Update, message: Message, bot: Bot) -> bool:
        """A backup lead answering an escalation in their private chat acts as a lead, not an asker."""
        target = message.reply_to_message
        if target is None or message.from_user is None or target.from_user is None or not _has_identity(bot):
            return False
        if target.from_user.id != bot.id:
            return False
        if not self.services.settings.is_lead("telegram", str(message.from_user.id)):
            return False
        ref = case_ref_of(target.text)
        if ref is None:
            return False
        await self._lead_act(update, message, ref, bot)
        return True

    def _case_for_reply(self, message: Message, bot: Bot) -> str | None:
        target = message.reply_to_message
        if target is None:
            return None
        with self.services.db.session() as session:
            case = case_by_post(session, "telegram", str(message.chat.id), str(target.message_id))
            if case is not None:
                return case.ref
        # Not the card itself: a reply to the asker's relayed message or to the outcome prompt also counts,
        # because every bot message about a case begins "Case <ref>".
        if target.from_user is not None and _has_identity(bot) and target.from_user.id == bot.id:
            return case_ref_of(target.text)
        return None

    async def _lead_act(self, update: Update, message: Message, ref: str, bot: Bot) -> None:
        if message.from_user is None or message.text is None or not await self._once(update):
            return
        actor = f"telegram:{message.from_user.id}"
        text = message.text
        target = message.reply_to_message
        close = _CLOSE_COMMAND.match(text.strip())
        prompt = target is not None and OUTCOME_PROMPT in (target.text or "")
        queue = self.services.queue
        try:
            if close or prompt:
                outcome = (close.group("outcome") or "").strip() if close else text.strip()
                if not outcome:
                    await send_html(
                        bot,
                        message.chat.id,
                        [f"Case {esc(ref)}: add the outcome after /close."],
                        reply_to=message.message_id,
                    )
                    return
                await self.runtime.run(queue.close, actor, ref, outcome)
                answer = (
                    f"Case {esc(ref)} is closed; the asker has been sent the outcome and the decision record."
                )
            elif text.startswith("/"):
                return  # another command in reply to a card: not a message for the asker
            else:
                redacted = await self.runtime.run(queue.reply, actor, ref, text)
                answer = f"Case {esc(ref)}: sent to the asker."
                if redacted != text:
                    answer += " Identifiers were removed first."
        except UserFacingError as exc:  # NotALead (audited), CaseConflict, CaseNotFound, InputRejected
            answer = esc(str(exc))
        del text
        await send_html(bot, message.chat.id, [answer], reply_to=message.message_id)

    async def lead_command(self, update: Update, context: Context) -> None:
        message = update.message
        if message is None or message.text is None or message.from_user is None:
            return
        match = _LEAD_COMMAND.match(message.text)
        name = match.group("name").lower() if match else ""
        if name not in ("help", "start", "cases", "close") or not await self._once(update):
            return
        if name == "close":
            html = esc("Reply to the case card with /close followed by the outcome.")
        elif name == "cases":
            actor = f"telegram:{message.from_user.id}"
            try:
                cases = await self.runtime.run(self.services.queue.list, actor)
            except UserFacingError as exc:
                html = esc(str(exc))
            else:
                lines = [
                    f"Case {esc(c.ref)}: {esc(c.status)}" + (" (urgent)" if c.urgent else "") for c in cases
                ]
                html = "\n".join(["<b>Open cases</b>", *lines]) if lines else "No open cases."
        else:
            html = esc(LEADS_HELP)
        await send_html(context.bot, message.chat.id, [html], reply_to=message.message_id)

    # -- shared ----------------------------------------------------------------------------------------------

    async def _once(self, update: Update) -> bool:
        """Telegram redelivers an update it thinks failed; lead-side updates are acted on once."""

        def mark() -> bool:
            with self.services.db.session() as session:
                return first_time(session, "telegram", _event(update))

        return await self.runtime.run(mark)

    async def on_error(self, update: object, context: Context) -> None:
        # Only the type: an exception's message can quote the text being processed.
        error = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("telegram update failed", extra={"update": update_id, "error": type(error).__name__})
        if (
            isinstance(update, Update)
            and update.effective_chat is not None
            and update.effective_chat.type == ChatType.PRIVATE
        ):
            with contextlib.suppress(TelegramError):
                await send_html(
                    context.bot,
                    update.effective_chat.id,
                    pack(
                        [
                            Block(
                                "Something went wrong on my side and nothing was sent. "
                                "If someone is in immediate danger, call 999 now."
                            )
                        ]
                    ),
                )


def _event(update: Update) -> str:
    return f"tg:{update.update_id}"


def _chat_ids(raw: str | None) -> list[int]:
    if raw and raw.strip().lstrip("-").isdigit():
        return [int(raw.strip())]
    return []  # an empty filter matches no chat: no leads group configured


def _has_identity(bot: Bot) -> bool:
    try:
        bot.id  # noqa: B018 - raises until getMe has run
    except RuntimeError:
        return False
    return True


def _addresses_bot(message: Message, bot: Bot) -> bool:
    """An @mention of the bot, a /command@bot, or a reply to one of the bot's messages."""
    if not _has_identity(bot):
        return False
    username = (bot.username or "").lower()
    for entity, text in message.parse_entities(
        [MessageEntity.MENTION, MessageEntity.BOT_COMMAND, MessageEntity.TEXT_MENTION]
    ).items():
        if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot.id:
            return True
        if username and text.lower().endswith("@" + username):
            return True
    reply = message.reply_to_message
    return reply is not None and reply.from_user is not None and reply.from_user.id == bot.id


async def _answer(query: CallbackQuery, text: str | None = None, *, alert: bool = False) -> None:
    """Stop the button's spinner. A duplicate or stale query cannot be answered again; that is fine."""
    try:
        await query.answer(text=text[:200] if text else None, show_alert=alert)
    except TelegramError as exc:
        log.info("callback query not answered", extra={"error": type(exc).__name__})
