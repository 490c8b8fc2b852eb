"""The outbox's Slack notifier against the fake API: what is retried, what is given up."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError

from bot.handoff.notify import Outgoing, PermanentFailure
from bot.transports.slack.app import build_client
from bot.transports.slack.notifier import SlackNotifier
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlackAPI


def notifier(fake: FakeSlackAPI) -> SlackNotifier:
    settings = make_settings("sqlite://", slack_bot_token="xoxb-test", slack_api_url=fake.base_url)
    return SlackNotifier(build_client(settings))


def relay(text: str = "Please call me") -> Outgoing:
    return Outgoing(1, "slack", "lead_reply", "DASKER1", {"case": "ABC234", "text": text}, None)


async def test_a_relay_is_posted_escaped(fake_slack: FakeSlackAPI) -> None:
    assert await notifier(fake_slack).deliver(relay("<!here> & now")) is None
    [call] = fake_slack.successful("chat.postMessage")
    assert call.params["channel"] == "DASKER1"
    assert "Safeguarding lead (case ABC234): &lt;!here&gt; &amp; now" in call.params["text"]


async def test_a_refusal_that_cannot_change_is_permanent(fake_slack: FakeSlackAPI) -> None:
    fake_slack.fail_next("chat.postMessage", 200, error="channel_not_found")
    with pytest.raises(PermanentFailure):
        await notifier(fake_slack).deliver(relay())


async def test_a_server_error_is_retried_then_left_to_the_outbox(fake_slack: FakeSlackAPI) -> None:
    fake_slack.fail_next("chat.postMessage", 500, times=1)
    await notifier(fake_slack).deliver(relay())  # the client's own retry gets it through
    assert [c.status for c in fake_slack.attempts("chat.postMessage")] == [500, 200]
    fake_slack.fail_next("chat.postMessage", 500, times=5)
    with pytest.raises(SlackApiError):  # not permanent: the dispatcher tries again later
        await notifier(fake_slack).deliver(relay())


async def test_an_unknown_kind_is_given_up(fake_slack: FakeSlackAPI) -> None:
    with pytest.raises(PermanentFailure):
        await notifier(fake_slack).deliver(Outgoing(2, "slack", "mystery", "C1", {}, None))
    assert not fake_slack.calls
