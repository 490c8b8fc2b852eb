"""``canishare slack --socket``: the same listeners over Socket Mode. A fake Socket Mode server (aiohttp
websocket on 127.0.0.1) sends an event envelope; the app must acknowledge it and answer in the DM."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiohttp import WSMsgType, web

from bot.transports.slack.socket import SocketModeNotConfigured, run, serve
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlackAPI
from tests.transports.slack.conftest import LEADS_CHANNEL, fixture


class FakeSocketServer:
    def __init__(self, envelopes: list[dict[str, Any]]) -> None:
        self.envelopes = envelopes
        self.acks: list[dict[str, Any]] = []
        self.runner: web.AppRunner | None = None
        self.port = 0

    async def handler(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_str(
            json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0001"}})
        )
        for envelope in self.envelopes:
            await ws.send_str(json.dumps(envelope))
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                self.acks.append(json.loads(message.data))
        return ws

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/link", self.handler)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"ws://127.0.0.1:{self.port}/link"

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()


def test_socket_mode_needs_the_app_token(sqlite_url: str) -> None:
    with pytest.raises(SocketModeNotConfigured):
        run(make_settings(sqlite_url, slack_bot_token="xoxb-test"))


@pytest.mark.model
async def test_an_event_over_socket_mode_is_acknowledged_and_answered(
    sqlite_url: str, fake_slack: FakeSlackAPI
) -> None:
    # serve() builds the real services (the full redaction model), as the CLI does.
    event = fixture("event_message_im")
    event["event"]["text"] = "help"
    envelope = {
        "envelope_id": "env-1",
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
        "payload": event,
    }
    socket = FakeSocketServer([envelope])
    fake_slack.socket_url = await socket.start()
    settings = make_settings(
        sqlite_url,
        slack_bot_token="xoxb-test",
        slack_app_token="xapp-test",
        slack_api_url=fake_slack.base_url,
        slack_leads_channel=LEADS_CHANNEL,
    )
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop=stop))
    try:
        for _ in range(600):
            if fake_slack.successful("chat.postMessage") or task.done():
                break
            await asyncio.sleep(0.1)
        assert not task.done(), task.exception() if task.done() else None
        [reply] = fake_slack.successful("chat.postMessage")
        assert reply.params["channel"] == "DASKER1" and "handoff" in reply.params["text"]
        assert {"envelope_id": "env-1"} in socket.acks
        assert fake_slack.successful("apps.connections.open")
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)
        await socket.stop()
