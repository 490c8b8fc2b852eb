"""The real ASGI app on 127.0.0.1, with the Telegram transport pointed at a fake Bot API on 127.0.0.1.

Advice comes from a small scripted advisor, so these tests pin the transport's behaviour (escaping,
splitting, buttons, routing) whatever the knowledge base says; redaction is the real pattern and word-list
pipeline (``Redactor.blank()``), so what reaches the fake API is what a deployment would send.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.app import Services, build_services
from bot.config import Settings
from bot.transports.telegram import create_transport
from bot.transports.web import create_app
from knowledge import Advice, AdviceState, Choice, Citation, Fact, FollowUp
from redaction import Redactor
from tests.conftest import make_settings
from tests.fakes.telegram_api import FakeTelegramAPI, free_port, serve_in_thread

FIXTURES = Path(__file__).parent / "fixtures"
TOKEN = "123456789:AAtesttokentesttokentesttokentestto"
SECRET = "s3cret-Token_for-webhooks"
LEADS_CHAT = -1001234567890
LEAD = 5001  # telegram:5001 is a lead in tests.conftest.LEADS
NOT_A_LEAD = 6002
VOLUNTEER = 4242
OTHER_GROUP = -1009999999999

LONG_MARK = "PLEASE-ANSWER-AT-LENGTH"
AGE_MARK = "HOW-OLD"
# Long enough that "fu:<id>:<value>" is over Telegram's 64 bytes of callback data.
AGE_QUESTION_ID = "age_of_the_person_being_discussed_in_this_conversation"
UNDER_18 = "under_eighteen_years_old"


class ScriptedAdvice(Advice):
    """Advice rendered the way the transports expect: plain text that repeats the (redacted) question."""

    asked: str = ""

    def render_text(self) -> str:
        lines = [f"Verdict: {self.verdict}", f"You asked: {self.asked}"]
        lines += self.steps
        lines.append("Based on: " + ", ".join(self.rules))
        return "\n\n".join(lines)


class ScriptedAdvisor:
    """Answers from the text it is given: a follow-up question when asked for one, long answers on request."""

    def advise(self, text: str, state: AdviceState) -> Advice:
        citation = Citation(id="gp.golden_rules.rule_1", title="Golden rule 1", source="HM Government",
                            section="Rule 1", reviewed=date(2026, 1, 1), stale=False)
        common: dict[str, Any] = {
            "asked": text, "rules": [citation.id], "citations": [citation],
            "facts": [Fact(name="age", value=state.answers.get(AGE_QUESTION_ID, "unknown"), evidence="",
                           explanation="from the answer")],
            "summary": "Scripted answer.", "explanation": "Scripted for transport tests.",
        }
        if AGE_MARK in text and AGE_QUESTION_ID not in state.answers:
            question = FollowUp(id=AGE_QUESTION_ID, question="How old is the person you are worried about?",
                                choices=[Choice(value=UNDER_18, label="Under 18"),
                                         Choice(value="adult", label="18 or over")])
            return ScriptedAdvice(verdict="seek_advice", inform="unless_unsafe", follow_up=[question],
                                  **common)
        steps = [f"Step {i}: " + "talk it through with your lead, record what you decided and why. " * 3
                 for i in range(1, 60)] if LONG_MARK in text else ["Talk to your safeguarding lead."]
        if AGE_QUESTION_ID in state.answers:
            steps.append(f"Answer recorded: {state.answers[AGE_QUESTION_ID]}")
        return ScriptedAdvice(verdict="ask_consent", inform="yes", steps=steps, **common)


_ids = itertools.count(700_000)


def load_update(name: str, **values: Any) -> dict[str, Any]:
    """A fixture update with ``$name`` leaves replaced (whole leaves keep the value's type)."""
    values.setdefault("update_id", next(_ids))
    values.setdefault("message_id", next(_ids))
    values.setdefault("query_id", str(next(_ids)))

    def fill(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: fill(value) for key, value in node.items()}
        if isinstance(node, list):
            return [fill(value) for value in node]
        if isinstance(node, str) and "$" in node:
            if node.startswith("$") and node[1:] in values:
                return values[node[1:]]
            for key, value in values.items():
                node = node.replace(f"${key}", str(value))
        return node

    data = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    filled: dict[str, Any] = fill(data)
    missing = re.findall(r"\$[a-z_]+", json.dumps(filled))
    assert not missing, f"{name}.json needs values for {missing}"
    return filled


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    return Redactor.blank()


@pytest.fixture
def fake_api() -> Iterator[FakeTelegramAPI]:
    api = FakeTelegramAPI(TOKEN).start()
    yield api
    api.stop()


def telegram_settings(database_url: str, api: FakeTelegramAPI, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "telegram_bot_token": TOKEN,
        "telegram_webhook_secret": SECRET,
        "telegram_api_url": api.base_url,
        "telegram_leads_chat": str(LEADS_CHAT),
    }
    values.update(overrides)
    return make_settings(database_url, **values)


@dataclass
class Bot:
    """The served app and the fake API, with helpers to post updates as Telegram would."""

    url: str
    api: FakeTelegramAPI
    services: Services
    client: httpx.Client

    def post(self, update: dict[str, Any], *, secret: str | None = SECRET) -> httpx.Response:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        return self.client.post(f"{self.url}/telegram/webhook", json=update, headers=headers)

    def say(self, text: str, *, user: int = VOLUNTEER, **values: Any) -> httpx.Response:
        if text.startswith("/"):
            name = text.split()[0]
            return self.post(load_update("private_command", text=text, user_id=user,
                                         command_length=len(name), **values))
        return self.post(load_update("private_message", text=text, user_id=user, **values))

    def to(self, chat_id: int, method: str = "sendMessage") -> list[Any]:
        return self.api.sent(method, chat_id)


def _serve(settings: Settings, api: FakeTelegramAPI, redactor: Redactor) -> Generator[Bot, None, None]:
    services = build_services(settings, redactor=redactor, advisor=ScriptedAdvisor())  # type: ignore[arg-type]
    app = create_app(settings, services=services, transports=[create_transport], jobs_interval=3600)
    port = free_port()
    server, thread = serve_in_thread(app, port)
    try:
        with httpx.Client(timeout=30) as client:
            yield Bot(f"http://127.0.0.1:{port}", api, services, client)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture
def bot(sqlite_url: str, fake_api: FakeTelegramAPI, redactor: Redactor) -> Iterator[Bot]:
    yield from _serve(telegram_settings(sqlite_url, fake_api), fake_api, redactor)


@pytest.fixture
def bot_on_each_database(database_url: str, fake_api: FakeTelegramAPI, redactor: Redactor) -> Iterator[Bot]:
    """The same app on SQLite and on a real PostgreSQL."""
    yield from _serve(telegram_settings(database_url, fake_api), fake_api, redactor)
