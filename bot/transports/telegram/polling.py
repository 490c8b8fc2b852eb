"""``canishare telegram --polling``: the same handlers and outbox, fetching updates with getUpdates.

For development without a public URL. Polling and a webhook cannot both be active for one bot: starting
to poll deletes the webhook (Telegram refuses getUpdates while one is set, as of 2026-11).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from bot.app import Services, build_services
from bot.config import Settings
from bot.logs import configure_logging
from bot.runtime import Runtime
from bot.transports.telegram.transport import ALLOWED_UPDATES, TelegramTransport

log = logging.getLogger("canishare.telegram")


async def serve(
    settings: Settings,
    stop: asyncio.Event | None = None,
    *,
    services: Services | None = None,
    poll_interval: float = 0.0,
) -> None:
    """Poll until ``stop`` is set (or SIGINT/SIGTERM), then finish in-flight work and close."""
    if settings.telegram_bot_token is None:
        raise SystemExit("CANISHARE_TELEGRAM_BOT_TOKEN is not set")
    if services is None:
        services = await asyncio.to_thread(build_services, settings)
    runtime = Runtime(services)
    transport = TelegramTransport(runtime, polling=True)
    application = transport.application
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread
            loop.add_signal_handler(sig, stop.set)
            signals.append(sig)
    await transport.start()
    await application.start()
    updater = application.updater
    assert updater is not None  # built with polling=True
    await updater.start_polling(allowed_updates=ALLOWED_UPDATES, poll_interval=poll_interval)
    runtime.start_background({transport.platform: transport.notifier})
    log.info("polling", extra={"transport": "telegram"})
    try:
        await stop.wait()
    finally:
        await updater.stop()
        await application.stop()
        await runtime.drain()
        await transport.stop()
        services.db.dispose()
        for sig in signals:
            loop.remove_signal_handler(sig)


def run(settings: Settings) -> None:
    configure_logging(settings.log_level)
    asyncio.run(serve(settings))
