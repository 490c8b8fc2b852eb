"""A fake Slack Web API on 127.0.0.1: records every call and answers like Slack does.

Point the bot at it with ``CANISHARE_SLACK_API_URL`` (``fake.base_url``). ``fail_next`` makes the next
calls of a method answer an error first (429 with Retry-After, a 500, or ``ok: false``), to test retries.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

BOT_USER = "UBOT"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    raw: str  # the request body as sent, to check nothing identifying went out
    status: int  # what the fake answered
    response: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.response.get("ok"))


@dataclass
class Failure:
    status: int
    retry_after: int | None = None
    error: str | None = None


@dataclass
class FakeSlackAPI:
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    socket_url: str | None = None  # what apps.connections.open hands out (Socket Mode tests)
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    # -- control --

    def fail_next(
        self,
        method: str,
        status: int = 429,
        *,
        retry_after: int | None = 1,
        times: int = 1,
        error: str | None = None,
    ) -> None:
        with self.lock:
            self.failures.setdefault(method, []).extend(
                Failure(status, retry_after, error) for _ in range(times)
            )

    def successful(self, method: str, predicate: Callable[[Call], bool] = lambda c: True) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method and c.ok and predicate(c)]

    def attempts(self, method: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def all_raw(self) -> str:
        with self.lock:
            return "\n".join(c.raw for c in self.calls)

    def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] = lambda c: True,
        *,
        count: int = 1,
        timeout: float = 15.0,
    ) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.successful(method, predicate)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(
            f"expected {count} successful {method} call(s), got {len(self.successful(method, predicate))}"
        )

    # -- the server --

    async def _endpoint(self, request: Request) -> Response:
        method = request.path_params["method"]
        raw = (await request.body()).decode("utf-8")
        params: dict[str, Any] = dict(request.query_params)
        content_type = request.headers.get("content-type", "")
        if raw:
            if "json" in content_type:
                params.update(json.loads(raw))
            else:
                params.update(dict(parse_qsl(raw)))
        for key in ("blocks", "view"):  # form-encoded calls send these as JSON strings
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        with self.lock:
            queued = self.failures.get(method) or []
            failure = queued.pop(0) if queued else None
            if failure is None:
                status, answer, headers = 200, self._answer(method, params), {}
            elif failure.status == 429:
                status, answer = 429, {"ok": False, "error": "ratelimited"}
                headers = {"Retry-After": str(failure.retry_after or 1)}
            elif failure.status != 200:
                status, answer, headers = failure.status, {"ok": False, "error": "internal_error"}, {}
            else:  # Slack's usual refusal: HTTP 200 with ok false
                status, answer, headers = (
                    200,
                    {"ok": False, "error": failure.error or "invalid_arguments"},
                    {},
                )
            self.calls.append(Call(method, params, raw, status, answer))
        return JSONResponse(answer, status_code=status, headers=headers)

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "apps.connections.open":
            return (
                {"ok": True, "url": self.socket_url}
                if self.socket_url
                else {"ok": False, "error": "not_allowed"}
            )
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://example.slack.com/",
                "team": "Test",
                "user": "canishare",
                "team_id": "T0001",
                "user_id": BOT_USER,
                "bot_id": "B0001",
            }
        if method == "conversations.open":
            users = str(params.get("users", ""))
            return {"ok": True, "channel": {"id": "D" + users.split(",")[0]}}
        if method in ("chat.postMessage", "chat.update"):
            ts = params.get("ts") or f"1700000000.{next(self._ts):06d}"
            return {
                "ok": True,
                "channel": params.get("channel"),
                "ts": ts,
                "message": {"text": params.get("text", ""), "ts": ts},
            }
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}
        if method in ("views.publish", "views.open"):
            return {"ok": True, "view": {"id": "V0001", **(params.get("view") or {})}}
        return {"ok": True}

    def start(self) -> FakeSlackAPI:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        app = Starlette(routes=[Route("/api/{method}", self._endpoint, methods=["GET", "POST"])])
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_config=None, lifespan="off", access_log=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="fake-slack-api", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("fake Slack API did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
