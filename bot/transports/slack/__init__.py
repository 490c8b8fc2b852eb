"""Slack: staff ask in DMs, @mentions and ``/canishare``; leads take cases in a channel.

``create_transport`` plugs it into the one ASGI app (``POST /slack/events`` for events, interactivity and
slash commands, through bolt's async Starlette adapter); ``socket.run`` serves it over Socket Mode.
"""

from __future__ import annotations

import logging

import aiohttp
from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from starlette.requests import Request
from starlette.responses import Response

from bot.handoff.notify import Notifier
from bot.runtime import Runtime
from bot.transports.slack.app import build_app, build_client
from bot.transports.slack.deps import SlackDeps
from bot.transports.slack.notifier import SlackNotifier

log = logging.getLogger("canishare.slack")


class SlackTransport:
    platform: str = "slack"

    def __init__(self, runtime: Runtime, *, socket_mode: bool = False) -> None:
        settings = runtime.services.settings
        self.runtime = runtime
        self.client = build_client(settings)
        self.deps = SlackDeps(runtime, self.client)
        self.app = build_app(settings, self.client, self.deps, socket_mode=socket_mode)
        self.handler = AsyncSlackRequestHandler(self.app)
        # Typed as the protocol: web.Transport declares a settable ``notifier: Notifier``.
        self.notifier: Notifier = SlackNotifier(self.client)

    async def handle(self, request: Request) -> Response:
        response = await self.handler.handle(request)
        if response.status_code == 404:
            # bolt's "unhandled" answer: already signature-checked, so just acknowledge it.
            return Response(status_code=200)
        return response

    async def start(self) -> None:
        # One connection pool for every Web API call; without it slack_sdk opens a new connection (and
        # a new TLS handshake) per message.
        self.client.session = aiohttp.ClientSession()
        configured = bool(self.runtime.services.settings.slack_leads_channel)
        log.info("slack transport ready", extra={"leads_channel": configured})

    async def stop(self) -> None:
        session, self.client.session = self.client.session, None
        if session is not None:
            await session.close()


def create_transport(runtime: Runtime) -> SlackTransport | None:
    """The HTTP transport, or None when the bot token or signing secret is not configured."""
    settings = runtime.services.settings
    if settings.slack_bot_token is None or settings.slack_signing_secret is None:
        return None
    return SlackTransport(runtime)


__all__ = ["SlackTransport", "create_transport"]
