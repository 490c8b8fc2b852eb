"""The bolt AsyncApp and its Web API client, configured once per process."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.transports.slack.deps import CONTEXT_KEY, SlackDeps
from bot.transports.slack.listeners import register_listeners

log = logging.getLogger("canishare.slack")


def quiet_logger(name: str) -> logging.Logger:
    """slack_sdk logs whole request bodies and bolt whole payloads at DEBUG, which would put people's
    words in the logs: these loggers never go below INFO, whatever the root level."""
    logger = logging.getLogger(name)
    logger.setLevel(max(logging.INFO, logger.getEffectiveLevel()))
    return logger


def build_client(settings: Settings) -> AsyncWebClient:
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    base_url = settings.slack_api_url.rstrip("/") + "/"  # slack_sdk joins "base_url + method"
    return AsyncWebClient(
        token=token,
        base_url=base_url,
        timeout=15,
        logger=quiet_logger("canishare.slack.api"),
        # 429: wait for Retry-After and try again (a rate-limited call was not processed, so this cannot
        # duplicate a message); 5xx and dropped connections: a short backoff.
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=3),
            AsyncServerErrorRetryHandler(max_retry_count=2),
        ],
    )


class CanishareApp(AsyncApp):
    def _handle_unmatched_requests(self, req: AsyncBoltRequest, resp: BoltResponse) -> BoltResponse:
        # Bolt answers an event nobody listens to with 404 and a warning (slack-bolt 1.30, 2026-11); Slack
        # then retries it and eventually disables the subscription. Every signed event gets 200.
        log.debug("unhandled slack request acknowledged")
        return BoltResponse(status=200, body="")


def build_app(
    settings: Settings, client: AsyncWebClient, deps: SlackDeps, *, socket_mode: bool = False
) -> AsyncApp:
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = CanishareApp(
        client=client,
        # Passed explicitly (even empty) so bolt never falls back to reading the process environment.
        signing_secret=secret,
        # Socket Mode frames come over an authenticated websocket and carry no signature.
        request_verification_enabled=not socket_mode,
        # Listeners ack and hand the work to the runtime themselves, so bolt need not run them in its own
        # untracked tasks; a graceful shutdown then waits for every turn in flight.
        process_before_response=True,
        logger=quiet_logger("canishare.slack.bolt"),
        name="canishare",
    )

    async def attach(context: AsyncBoltContext, next: Any) -> None:  # noqa: A002 - bolt injects by name
        context[CONTEXT_KEY] = deps
        await next()

    async def on_error(error: Exception) -> None:
        log.error("slack listener failed", extra={"error": type(error).__name__})

    app.use(attach)
    app.error(on_error)
    register_listeners(app)
    return app
