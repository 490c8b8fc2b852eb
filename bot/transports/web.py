"""The one ASGI app: ``POST /slack/events``, ``POST /telegram/webhook``, ``GET /healthz``, ``GET /metrics``.

The spaCy pipelines load once, at start-up, in a thread. If redaction cannot load, the app still starts
so that ``/healthz`` can say why, but the webhooks answer 503 and store nothing (fail closed).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Protocol

from sqlalchemy import func, select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.app import Services, build_services
from bot.config import Settings
from bot.handoff.notify import Notifier
from bot.metrics import REGISTRY
from bot.runtime import Runtime
from bot.storage.models import Case
from redaction import PipelineUnavailable

log = logging.getLogger("canishare.web")

MAX_BODY = 1_000_000  # platform payloads are small; anything bigger is refused before parsing


class Transport(Protocol):
    """A platform plugged into the web app."""

    platform: str
    notifier: Notifier

    async def handle(self, request: Request) -> Response: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


TransportFactory = Callable[[Runtime], Transport | None]


def default_transports() -> list[TransportFactory]:
    """Slack and Telegram, each only when configured (they return None otherwise)."""
    factories: list[TransportFactory] = []
    with contextlib.suppress(ImportError):
        from bot.transports.slack import create_transport as slack

        factories.append(slack)
    with contextlib.suppress(ImportError):
        from bot.transports.telegram import create_transport as telegram

        factories.append(telegram)
    return factories


class WebState:
    def __init__(self) -> None:
        self.runtime: Runtime | None = None
        self.failure: str | None = "starting"
        self.transports: dict[str, Transport] = {}


def create_app(
    settings: Settings,
    *,
    services: Services | None = None,
    transports: list[TransportFactory] | None = None,
    jobs_interval: float = 30.0,
) -> Starlette:
    state = WebState()

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            svc: Services = (
                services if services is not None else await asyncio.to_thread(build_services, settings)
            )
        except PipelineUnavailable as exc:
            state.failure = f"redaction pipeline not loaded: {exc}"
            log.error("redaction pipeline not loaded; webhooks will answer 503")
            yield
            return
        runtime = Runtime(svc)
        state.runtime = runtime
        for factory in transports if transports is not None else default_transports():
            transport = factory(runtime)
            if transport is not None:
                state.transports[transport.platform] = transport
                await transport.start()
        runtime.start_background(
            {p: t.notifier for p, t in state.transports.items()}, jobs_interval=jobs_interval
        )
        state.failure = None
        log.info("ready", extra={"transports": ",".join(state.transports) or "none"})
        try:
            yield
        finally:
            # Graceful: stop taking work, let in-flight turns finish and commit, then close.
            await runtime.drain()
            for transport in state.transports.values():
                await transport.stop()
            svc.db.dispose()

    def platform_endpoint(platform: str) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            if state.runtime is None:
                return JSONResponse({"error": state.failure or "not ready"}, status_code=503)
            transport = state.transports.get(platform)
            if transport is None:
                return JSONResponse({"error": f"{platform} is not configured"}, status_code=404)
            length = request.headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
                return JSONResponse({"error": "request too large"}, status_code=413)
            try:
                return await transport.handle(request)
            except Exception as exc:  # a platform must always get an answer, never a 500 with a trace
                log.error("webhook failed", extra={"platform": platform, "error": type(exc).__name__})
                return JSONResponse({"error": "could not process the request"}, status_code=400)

        return endpoint

    async def healthz(_request: Request) -> Response:
        if state.runtime is None:
            return JSONResponse({"status": "unavailable", "reason": state.failure}, status_code=503)
        reason = await state.runtime.run(state.runtime.services.db.ping)
        if reason:
            return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
        return JSONResponse({"status": "ok", "transports": sorted(state.transports)})

    async def metrics(_request: Request) -> Response:
        gauges: dict[str, tuple[str, float]] = {}
        if state.runtime is not None:
            db = state.runtime.services.db

            def open_cases() -> int:
                with db.session() as session:
                    return int(
                        session.scalar(select(func.count()).select_from(Case).where(Case.status != "closed"))
                        or 0
                    )

            with contextlib.suppress(Exception):
                gauges["canishare_handoffs_open"] = (
                    "Cases not yet closed.",
                    float(await state.runtime.run(open_cases)),
                )
        return PlainTextResponse(REGISTRY.render(gauges), media_type="text/plain; version=0.0.4")

    app = Starlette(
        routes=[
            Route("/slack/events", platform_endpoint("slack"), methods=["POST"]),
            Route("/telegram/webhook", platform_endpoint("telegram"), methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.web = state
    return app


def serve(settings: Settings, host: str, port: int, **uvicorn_options: Any) -> None:
    import uvicorn

    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_config=None,
        timeout_graceful_shutdown=25,
        **uvicorn_options,
    )
