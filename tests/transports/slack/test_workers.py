"""Two workers (two app processes' worth: separate apps, runtimes and connection pools) on one database:
the same event delivered to both is answered once, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import time

import pytest

from bot.app import build_services
from redaction import Redactor
from tests.fakes.slack_api import FakeSlackAPI
from tests.transports.slack.conftest import Server, Slack, slack_settings
from tests.transports.slack.stub_advisor import StubAdvisor


@pytest.mark.slow
def test_the_same_event_at_two_workers_is_answered_once(
    database_url: str, fake_slack: FakeSlackAPI, redactor: Redactor
) -> None:
    settings = slack_settings(database_url, fake_slack)
    advisor = StubAdvisor()
    workers = [
        Server(settings, build_services(settings, redactor=redactor, advisor=advisor)).start()  # type: ignore[arg-type]
        for _ in range(2)
    ]
    try:
        clients = [Slack(w.url) for w in workers]
        statuses: list[int] = []

        def deliver(client: Slack, retry: str) -> None:
            headers = {"X-Slack-Retry-Num": retry} if retry != "0" else {}
            statuses.append(
                client.dm("Can I tell the GP?", event_id="EvTWICE00001", headers=headers).status_code
            )

        threads = [threading.Thread(target=deliver, args=(c, str(n))) for n, c in enumerate(clients * 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [200, 200, 200, 200]
        fake_slack.wait_for("chat.postMessage")
        time.sleep(2)  # time for a second reply, if dedupe were broken
        assert len(fake_slack.successful("chat.postMessage")) == 1
        for client in clients:
            client.http.close()
    finally:
        for worker in workers:
            worker.stop()
