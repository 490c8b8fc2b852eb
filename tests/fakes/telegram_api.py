"""A fake Telegram Bot API on 127.0.0.1, for tests that drive the real transport over HTTP.

It answers ``/bot<token>/<method>`` the way the Bot API does (``{"ok": true, "result": ...}``), records
every call with its decoded parameters, numbers the messages it "sends", and can be told to fail a method
(a 429 with ``parameters.retry_after``, or a 403 for a blocked user) a number of times first.
"""

from __future__ import annotations

import html
import itertools
import json
import re
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
from starlette.responses import JSONResponse
from starlette.routing import Route

BOT_ID = 777000111
BOT_USERNAME = "canishare_test_bot"
# Parameters PTB sends JSON-encoded inside form fields.
_JSON_FIELDS = {"reply_markup", "reply_parameters", "link_preview_options", "entities", "commands",
                "allowed_updates"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    result: Any = None

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def chat_id(self) -> str:
        return str(self.params.get("chat_id", ""))

    @property
    def buttons(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]


@dataclass
class Failure:
    times: int
    status: int
    description: str
    retry_after: int | None = None


@dataclass
class FakeTelegramAPI:
    token: str
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, Failure] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    updates: list[dict[str, Any]] = field(default_factory=list)  # what getUpdates hands out (polling)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1001))
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """For CANISHARE_TELEGRAM_API_URL: PTB appends the token and then ``/<method>``."""
        return f"http://127.0.0.1:{self.port}/bot"

    # -- control --

    def fail(self, method: str, *, times: int = 1, status: int = 429, retry_after: int | None = 1,
             description: str = "Too Many Requests: retry after 1") -> None:
        with self.lock:
            self.failures[method] = Failure(times, status, description, retry_after)

    def sent(self, method: str | None = None, chat_id: str | int | None = None) -> list[Call]:
        with self.lock:
            calls = list(self.calls)
        return [c for c in calls if (method is None or c.method == method)
                and (chat_id is None or c.chat_id == str(chat_id))]

    def wait_for(self, predicate: Callable[[list[Call]], bool], timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.sent()
            if predicate(calls):
                return calls
            time.sleep(0.05)
        raise AssertionError(f"timed out; calls were {[c.method for c in self.sent()]}")

    # -- the API --

    async def _endpoint(self, request: Request) -> JSONResponse:
        if request.path_params["token"] != self.token:
            body = {"ok": False, "error_code": 401, "description": "Unauthorized"}
            return JSONResponse(body, status_code=401)
        method = request.path_params["method"]
        params = await _params(request)
        with self.lock:
            call = Call(method, params)
            self.calls.append(call)
            failure = self.failures.get(method)
            if failure is not None and failure.times > 0:
                failure.times -= 1
                error: dict[str, Any] = {"ok": False, "error_code": failure.status,
                                        "description": failure.description}
                if failure.retry_after is not None:
                    error["parameters"] = {"retry_after": failure.retry_after}
                return JSONResponse(error, status_code=failure.status)
            result = call.result = self._result(method, params)
        return JSONResponse({"ok": True, "result": result})

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return {"id": BOT_ID, "is_bot": True, "first_name": "Can I share", "username": BOT_USERNAME,
                    "can_join_groups": True, "can_read_all_group_messages": False,
                    "supports_inline_queries": False}
        if method in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            chat_id = int(params.get("chat_id") or 0)
            message_id = int(params["message_id"]) if "message_id" in params else next(self._ids)
            message: dict[str, Any] = {
                "message_id": message_id, "date": int(time.time()),
                "chat": {"id": chat_id, "type": "supergroup" if chat_id < 0 else "private"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Can I share", "username": BOT_USERNAME},
            }
            if "text" in params:
                # Telegram returns the text without markup (entities carry the formatting).
                text = str(params["text"])
                if params.get("parse_mode") == "HTML":
                    text = html.unescape(re.sub(r"<[^>]+>", "", text))
                message["text"] = text
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            return message
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            return list(self.updates)
        return True  # answerCallbackQuery, setMyCommands, deleteWebhook, sendChatAction, ...

    # -- lifecycle --

    def start(self) -> FakeTelegramAPI:
        self.port = free_port()
        app = Starlette(routes=[Route("/bot{token}/{method}", self._endpoint, methods=["GET", "POST"])])
        self._server, self._thread = serve_in_thread(app, self.port)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)


async def _params(request: Request) -> dict[str, Any]:
    content_type = request.headers.get("content-type", "")
    raw: dict[str, Any]
    if "application/json" in content_type:
        raw = json.loads(await request.body() or b"{}")
    else:
        # PTB posts application/x-www-form-urlencoded when there are no files to upload.
        raw = dict(parse_qsl((await request.body()).decode("utf-8"), keep_blank_values=True))
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _JSON_FIELDS and isinstance(value, str):
            params[key] = json.loads(value)
        else:
            params[key] = value
    return params


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_in_thread(app: Any, port: int) -> tuple[uvicorn.Server, threading.Thread]:
    """Serve an ASGI app on 127.0.0.1 in a daemon thread; returns once it accepts connections."""
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="on",
                            timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.02)
    return server, thread
