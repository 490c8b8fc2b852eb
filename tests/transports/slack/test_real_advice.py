"""The transport with the real knowledge base and advisor (the redactor stays the fast pattern-based one):
the answer Slack receives is built from real advice, cites real entries and carries no identifier."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.app import build_services, load_advisor
from redaction import Redactor
from tests.fakes.slack_api import FakeSlackAPI
from tests.transports.slack.conftest import Server, Slack, slack_settings
from tests.transports.slack.test_http import IDENTIFIERS, QUESTION, to

VERDICT_LINES = {
    "Call 999 now",
    "🚨 Call 999 now",
    "Share now",
    "Share only if the person agrees",
    "Do not share",
    "Talk it through first, without naming the person",
}


@pytest.fixture
def real_slack(sqlite_url: str, fake_slack: FakeSlackAPI, redactor: Redactor) -> Iterator[Slack]:
    settings = slack_settings(sqlite_url, fake_slack)
    server = Server(
        settings, build_services(settings, redactor=redactor, advisor=load_advisor(settings))
    ).start()
    client = Slack(server.url)
    yield client
    client.http.close()
    server.stop()


def test_real_advice_is_rendered_with_its_citations(real_slack: Slack, fake_slack: FakeSlackAPI) -> None:
    assert real_slack.dm(QUESTION).status_code == 200
    answer = fake_slack.wait_for("chat.postMessage", to("DASKER1"))[0]
    blocks = answer.params["blocks"]
    first = blocks[0]
    if first["type"] == "header":
        assert first["text"]["text"] in VERDICT_LINES
    else:  # the advisor asked a follow-up question first: its choices are buttons
        values = [e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
        assert any(v.startswith("fu:") for v in values)
    based_on = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert any(t.startswith("Based on: ") and "`" in t for t in based_on)
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if b["type"] == "section")
    sent = fake_slack.all_raw()
    for identifier in IDENTIFIERS:
        assert identifier not in sent
