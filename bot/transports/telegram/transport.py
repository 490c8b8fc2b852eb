"""The Telegram transport: a python-telegram-bot ``Application`` fed by the project's own web route.

``POST /telegram/webhook`` checks the secret header, parses the update and hands it to
``Application.process_update``; the handler table (``handlers.py``) does the rest. The same table runs
under polling for development (``polling.py``).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot.config import Settings
from bot.handoff.notify import Notifier
from bot.runtime import Runtime
from bot.transports.telegram.handlers import Handlers
from bot.transports.telegram.notifier import TelegramNotifier

log = logging.getLogger("canishare.telegram")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Retries after a 429 (the limiter waits the retry_after Telegram gives before each).
MAX_RETRIES = 3

# What the bot asks Telegram to deliver; everything else is never sent to us.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]

COMMANDS = [
    BotCommand("start", "What this bot does and what it stores"),
    BotCommand("help", "How to ask, and the commands"),
    BotCommand("new", "Start a new question"),
    BotCommand("handoff", "Talk to a safeguarding lead"),
    BotCommand("record", "The decision record for this conversation"),
    BotCommand("forget", "Delete this conversation"),
    BotCommand("privacy", "What is stored and for how long"),
]

TelegramApp = Application[Any, Any, Any, Any, Any, Any]


def build_application(settings: Settings, *, polling: bool = False) -> TelegramApp:
    if settings.telegram_bot_token is None:
        raise ValueError("CANISHARE_TELEGRAM_BOT_TOKEN is not set")
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_url)
        .rate_limiter(AIORateLimiter(max_retries=MAX_RETRIES))
        # Conversation state is in the project's database: no PTB persistence; reminders run in the app.
        .job_queue(None)
    )
    if not polling:
        builder = builder.updater(None)
    app: TelegramApp = builder.build()
    return app


class TelegramTransport:
    platform: str = "telegram"

    def __init__(self, runtime: Runtime, *, polling: bool = False) -> None:
        settings = runtime.services.settings
        self.runtime = runtime
        self.settings = settings
        self.application = build_application(settings, polling=polling)
        self.handlers = Handlers(runtime, settings.telegram_leads_chat)
        self.application.add_handlers(self.handlers.table())
        self.application.add_error_handler(self.handlers.on_error)
        # Typed as the protocol: web.Transport declares ``notifier: Notifier``.
        self.notifier: Notifier = TelegramNotifier(self.application.bot)
        secret = settings.telegram_webhook_secret
        self._secret = secret.get_secret_value().encode() if secret is not None else None
        self._initialized = False
        self._init_lock = asyncio.Lock()

    async def start(self) -> None:
        # A Telegram outage at start-up must not stop the rest of the app (Slack, /healthz): when getMe
        # fails here, the first webhook call tries again and answers 503 until it succeeds.
        await self._initialize()

    async def _initialize(self) -> bool:
        async with self._init_lock:
            if self._initialized:
                return True
            try:
                # getMe, once: the bot's id and username tell the handlers which replies and mentions
                # are addressed to it.
                await self.application.initialize()
            except TelegramError as exc:
                log.error("telegram not reachable at start-up", extra={"error": type(exc).__name__})
                return False
            self._initialized = True
        try:
            await self.application.bot.set_my_commands(COMMANDS)
        except TelegramError as exc:  # the menu is a convenience; the bot works without it
            log.warning("could not set the command menu", extra={"error": type(exc).__name__})
        return True

    async def stop(self) -> None:
        if self._initialized:
            await self.application.shutdown()

    async def handle(self, request: Request) -> Response:
        if not self._authentic(request.headers.get(SECRET_HEADER)):
            return JSONResponse({"error": "forbidden"}, status_code=403)
        try:
            data = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            return JSONResponse({"error": "malformed JSON"}, status_code=400)
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return JSONResponse({"error": "not a Telegram update"}, status_code=400)
        try:
            update = Update.de_json(data, self.application.bot)
        except (AttributeError, KeyError, TypeError, ValueError):
            return JSONResponse({"error": "not a Telegram update"}, status_code=400)
        if not await self._initialize():
            return JSONResponse({"error": "telegram not reachable"}, status_code=503)  # Telegram retries
        started = time.monotonic()
        # Processed before answering: Telegram redelivers when it gets no 2xx, and the engine and the
        # lead handlers drop a second delivery of the same update_id, so a retry never answers twice.
        await self.application.process_update(update)
        log.info(
            "telegram update",
            extra={
                "update": update.update_id,
                "kind": _kind(data),
                "ms": round((time.monotonic() - started) * 1000),
            },
        )
        return JSONResponse({"ok": True})

    def _authentic(self, header: str | None) -> bool:
        if not self._secret or header is None:  # an empty secret would let an empty header through
            return False
        return hmac.compare_digest(header.encode(), self._secret)


def _kind(data: dict[str, Any]) -> str:
    return next((key for key in data if key != "update_id"), "empty")


def create_transport(runtime: Runtime) -> TelegramTransport | None:
    """The webhook transport, or None when the bot token or the webhook secret is not configured."""
    settings = runtime.services.settings
    token, secret = settings.telegram_bot_token, settings.telegram_webhook_secret
    if token is None or secret is None or not token.get_secret_value() or not secret.get_secret_value():
        return None
    return TelegramTransport(runtime)
