"""``canishare slack --socket``: Socket Mode for development, without a public URL.

One process: the bolt app over a websocket (app-level token), the outbox dispatcher that posts cards and
relays, and the reminder/escalation jobs, all stopped gracefully on Ctrl-C.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot.app import build_services
from bot.config import Settings
from bot.runtime import Runtime
from bot.transports.slack import SlackTransport

log = logging.getLogger("canishare.slack")


class SocketModeNotConfigured(Exception):
    pass


def run(settings: Settings) -> None:
    if settings.slack_app_token is None or settings.slack_bot_token is None:
        raise SocketModeNotConfigured(
            "Socket Mode needs CANISHARE_SLACK_APP_TOKEN (xapp-...) and CANISHARE_SLACK_BOT_TOKEN (xoxb-...)"
        )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(settings))


async def serve(
    settings: Settings, *, stop: asyncio.Event | None = None, jobs_interval: float = 30.0
) -> None:
    assert settings.slack_app_token is not None
    services = await asyncio.to_thread(build_services, settings)
    runtime = Runtime(services)
    transport = SlackTransport(runtime, socket_mode=True)
    await transport.start()
    handler = AsyncSocketModeHandler(
        transport.app, settings.slack_app_token.get_secret_value(), web_client=transport.client
    )

    runtime.start_background({"slack": transport.notifier}, jobs_interval=jobs_interval)
    await handler.connect_async()  # type: ignore[no-untyped-call]  # unannotated in slack-bolt 1.30
    log.info("slack socket mode connected")
    try:
        await (stop or asyncio.Event()).wait()
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]
        await runtime.drain()
        await transport.stop()
        services.db.dispose()
