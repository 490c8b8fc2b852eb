"""Both webhooks in one real app, on the real pipelines, against both fake platform APIs on loopback:
bad input is a 4xx (never a 500), faults at the platforms are retried without duplicates or lost cases,
and a Telegram volunteer's case can be taken by a Slack lead."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bot.app import Services, build_services
from bot.storage.models import Case, Delivery
from bot.transports.slack import create_transport as slack_transport
from bot.transports.telegram import create_transport as telegram_transport
from bot.transports.web import create_app
from redaction import Redactor
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI, free_port, serve_in_thread
from tests.transports.slack.conftest import LEADS_CHANNEL, Slack
from tests.transports.slack.conftest import SECRET as SLACK_SECRET
from tests.transports.telegram.conftest import LEADS_CHAT, TOKEN, load_update
from tests.transports.telegram.conftest import SECRET as TELEGRAM_SECRET

pytestmark = pytest.mark.model

PLANTED = (
    "Keeley Thistlethwaite (13) at 4 Pingle Street LE11 3TU, phone 07700 900456, says her stepdad hits her."
)
SECRETS = ("Keeley", "Thistlethwaite", "Pingle", "LE11", "900456")
QUESTION = PLANTED + " Can I tell children's social care?"


@dataclass
class Both:
    url: str
    http: httpx.Client
    slack: Slack
    slack_api: FakeSlackAPI
    telegram_api: FakeTelegramAPI
    services: Services

    def telegram(self, update: dict[str, Any], secret: str | None = TELEGRAM_SECRET) -> httpx.Response:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        return self.http.post(f"{self.url}/telegram/webhook", json=update, headers=headers)

    def volunteer(self, text: str, user: int = 4242) -> httpx.Response:
        if text.startswith("/"):
            return self.telegram(
                load_update("private_command", text=text, user_id=user, command_length=len(text.split()[0]))
            )
        return self.telegram(load_update("private_message", text=text, user_id=user))

    def everything_sent(self) -> str:
        return self.slack_api.all_raw() + "\n".join(
            c.text + json.dumps(c.buttons) for c in self.telegram_api.sent()
        )


@pytest.fixture
def both(sqlite_url: str, real_redactor: Redactor, real_advisor: Any) -> Iterator[Both]:
    slack_api, telegram_api = FakeSlackAPI().start(), FakeTelegramAPI(TOKEN).start()
    settings = make_settings(
        sqlite_url,
        slack_bot_token="xoxb-test",
        slack_signing_secret=SLACK_SECRET,
        slack_api_url=slack_api.base_url,
        slack_leads_channel=LEADS_CHANNEL,
        telegram_bot_token=TOKEN,
        telegram_webhook_secret=TELEGRAM_SECRET,
        telegram_api_url=telegram_api.base_url,
        telegram_leads_chat=str(LEADS_CHAT),
    )
    services = build_services(settings, redactor=real_redactor, advisor=real_advisor)
    app = create_app(
        settings, services=services, transports=[slack_transport, telegram_transport], jobs_interval=3600
    )
    port = free_port()
    server, thread = serve_in_thread(app, port)
    url = f"http://127.0.0.1:{port}"
    with httpx.Client(timeout=30) as http:
        yield Both(url, http, Slack(url), slack_api, telegram_api, services)
    server.should_exit = True
    thread.join(timeout=30)
    slack_api.stop()
    telegram_api.stop()


def test_malformed_oversized_and_unknown_requests_get_4xx_or_200_never_500(both: Both) -> None:
    outcomes = {
        "slack malformed json": both.slack.post("{not json", "application/json").status_code,
        "slack json array": both.slack.post("[1, 2, 3]", "application/json").status_code,
        "slack unknown event type": both.slack.event(
            {"type": "event_callback", "event_id": "EvUNKNOWN1", "event": {"type": "reaction_added"}}
        ).status_code,
        "slack unknown payload type": both.slack.event({"type": "something_new"}).status_code,
        "slack oversized": both.http.post(
            f"{both.url}/slack/events", content=b"x" * 2_000_000, headers={"Content-Type": "application/json"}
        ).status_code,
        "telegram malformed json": both.http.post(
            f"{both.url}/telegram/webhook",
            content=b"{not json",
            headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
        ).status_code,
        "telegram unknown update": both.telegram(load_update("unknown_kind", user_id=1)).status_code,
        "telegram oversized": both.http.post(
            f"{both.url}/telegram/webhook",
            content=b"[" + b"1," * 1_000_000 + b"1]",
            headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
        ).status_code,
        "telegram wrong secret": both.telegram(
            load_update("private_message", text="hi", user_id=1), secret="wrong"
        ).status_code,
    }
    print("\n" + "\n".join(f"  {k}: {v}" for k, v in outcomes.items()))
    assert all(code < 500 for code in outcomes.values()), outcomes
    assert outcomes["slack unknown event type"] == 200
    assert outcomes["telegram unknown update"] == 200
    assert outcomes["slack oversized"] == 413 and outcomes["telegram oversized"] == 413
    assert outcomes["telegram wrong secret"] == 403
    assert outcomes["slack malformed json"] in (400, 401)
    assert outcomes["telegram malformed json"] == 400
    assert both.http.get(f"{both.url}/healthz").status_code == 200  # still up


def test_a_replayed_slack_request_is_answered_once_and_a_stale_one_refused(both: Both) -> None:
    payload = json.loads(
        json.dumps(
            {
                "type": "event_callback",
                "event_id": "EvREPLAY1",
                "event_time": int(time.time()),
                "team_id": "T1",
                "event": {
                    "type": "message",
                    "channel": "DREPLAY",
                    "user": "UREPLAY",
                    "text": QUESTION,
                    "ts": "1.1",
                    "channel_type": "im",
                },
            }
        )
    )
    body = json.dumps(payload)
    assert both.slack.post(body, "application/json").status_code == 200
    assert both.slack.post(body, "application/json").status_code == 200  # same signed request, replayed
    both.slack_api.wait_for("chat.postMessage", lambda c: c.params.get("channel") == "DREPLAY")
    time.sleep(1.0)
    replies = both.slack_api.successful("chat.postMessage", lambda c: c.params.get("channel") == "DREPLAY")
    assert len(replies) == 1
    stale = both.slack.post(
        body.replace("EvREPLAY1", "EvREPLAY2"), "application/json", timestamp=int(time.time()) - 600
    )
    assert stale.status_code == 401


def test_platform_faults_are_retried_without_duplicates_or_lost_cases(both: Both) -> None:
    # Slack answers 500 then 429 to the first posts; Telegram answers 429 to the first send.
    both.slack_api.fail_next("chat.postMessage", 500, times=1, retry_after=None)
    both.slack_api.fail_next("chat.postMessage", 429, times=1, retry_after=1)
    both.telegram_api.fail("sendMessage", times=1, status=429, retry_after=1)
    assert both.volunteer(QUESTION).status_code == 200
    assert both.volunteer("/handoff").status_code == 200
    # the volunteer was answered (once per message) despite the 429
    answers = both.telegram_api.wait_for(
        lambda calls: (
            sum(
                1 for c in calls if c.method == "sendMessage" and c.chat_id == "4242" and c.result is not None
            )
            >= 2
        )
    )
    assert answers
    # the case card reaches the Slack leads channel exactly once despite the 500 and 429
    cards = both.slack_api.wait_for(
        "chat.postMessage", lambda c: c.params.get("channel") == LEADS_CHANNEL, timeout=30
    )
    time.sleep(1.5)
    cards = both.slack_api.successful("chat.postMessage", lambda c: c.params.get("channel") == LEADS_CHANNEL)
    assert len(cards) == 1
    telegram_cards = [c for c in both.telegram_api.sent("sendMessage", LEADS_CHAT) if c.result is not None]
    assert len(telegram_cards) == 1
    with both.services.db.session() as session:
        assert len(session.scalars(select(Case)).all()) == 1
        pending = session.scalars(select(Delivery).where(Delivery.status != "sent")).all()
        assert pending == []
    for secret in SECRETS:
        assert secret not in both.everything_sent()


def test_a_telegram_volunteer_case_is_claimed_and_answered_from_slack(both: Both) -> None:
    both.volunteer(QUESTION)
    both.volunteer("/handoff")
    (card,) = both.slack_api.wait_for(
        "chat.postMessage", lambda c: c.params.get("channel") == LEADS_CHANNEL, timeout=20
    )
    card_ts = str(card.response["ts"])
    with both.services.db.session() as session:
        ref = session.scalars(select(Case.ref)).one()
    # a Slack lead claims it from the Slack card and replies in its thread
    both.slack.click("lead:claim", ref, user="ULEAD1", channel=LEADS_CHANNEL, message_ts=card_ts)
    both.slack_api.wait_for("chat.update", lambda c: "ULEAD1" in c.raw, timeout=20)
    both.slack.thread_reply("Is Keeley safe tonight? Ring me on 07700 900111.", card_ts)
    relayed = both.telegram_api.wait_for(
        lambda calls: any(c.chat_id == "4242" and "safe tonight" in c.text for c in calls), timeout=20
    )
    reply = next(c for c in relayed if c.chat_id == "4242" and "safe tonight" in c.text)
    assert "Keeley" not in reply.text and "900111" not in reply.text
    assert "[PERSON_1]" in reply.text  # the same placeholder the volunteer's message got
    for secret in SECRETS:
        assert secret not in both.everything_sent()
