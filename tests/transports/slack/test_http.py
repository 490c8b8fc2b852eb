"""The Slack transport end to end: signed requests to the real ASGI app, replies checked at a fake Slack
Web API on 127.0.0.1."""

from __future__ import annotations

import json
import re
import time
from typing import Any

from sqlalchemy import select

from bot.app import Services
from bot.storage.models import AuditEvent, Case, Delivery
from tests.fakes.slack_api import Call, FakeSlackAPI
from tests.transports.slack.conftest import LEADS_CHANNEL, Slack, fixture

IDENTIFIERS = ("Jane", "Smith", "07700", "900123", "SW1A", "1AA")
QUESTION = "Jane Smith, 14, on 07700 900123 at SW1A 1AA told me her stepdad hits her. Can I tell social care?"


def to(channel: str) -> Any:
    return lambda call: call.params.get("channel") == channel


def texts_of(call: Call) -> str:
    """Everything a person would read in a message: the fallback and every text in its blocks."""
    return str(call.params.get("text", "")) + "\n" + json.dumps(call.params.get("blocks") or [])


def settle(seconds: float = 1.0) -> None:
    """Long enough for background work and the outbox (polled every 0.5 s) to have run."""
    time.sleep(seconds)


def card_for(fake: FakeSlackAPI) -> tuple[str, str]:
    """The leads' card: its ts and the case ref on its Claim button."""
    call = fake.wait_for("chat.postMessage", to(LEADS_CHANNEL))[0]
    buttons = [e for b in call.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    claim = next(e for e in buttons if e["action_id"] == "lead:claim")
    assert claim["text"]["text"] == "Claim"
    return str(call.response["ts"]), str(claim["value"])


def handed_off(slack: Slack, fake: FakeSlackAPI) -> tuple[str, str]:
    assert slack.dm(QUESTION).status_code == 200
    fake.wait_for("chat.postMessage", to("DASKER1"))
    assert slack.dm("handoff").status_code == 200
    return card_for(fake)


# -- asking --


def test_a_dm_is_answered_in_block_kit_and_no_identifier_reaches_slack(
    slack: Slack, fake_slack: FakeSlackAPI
) -> None:
    response = slack.dm(QUESTION)
    assert response.status_code == 200
    answer = fake_slack.wait_for("chat.postMessage", to("DASKER1"))[0]
    blocks = answer.params["blocks"]
    assert blocks[0] == {"type": "header", "text": {"type": "plain_text", "text": "Share now", "emoji": True}}
    labels = [e["text"]["text"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert labels == ["Talk to a safeguarding lead", "Why?", "Decision record", "Start again"]
    based_on = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert any(t.startswith("Based on: Seven golden rules") for t in based_on)
    assert "[PERSON_1]" in texts_of(answer) and "[PHONE_1]" in texts_of(answer)
    settle(0.5)
    sent = fake_slack.all_raw()
    for identifier in IDENTIFIERS:
        assert identifier not in sent


def test_plain_text_commands_work_in_a_dm(slack: Slack, fake_slack: FakeSlackAPI) -> None:
    slack.dm("help")
    help_reply = fake_slack.wait_for("chat.postMessage", to("DASKER1"))[0]
    assert "handoff" in texts_of(help_reply) and "record" in texts_of(help_reply)
    slack.dm("Can I tell the school nurse about a pupil's bruises?")
    fake_slack.wait_for("chat.postMessage", to("DASKER1"), count=2)
    slack.dm("record")
    record = fake_slack.wait_for("chat.postMessage", to("DASKER1"), count=3)[2]
    assert "Decision record" in texts_of(record)
    slack.dm("new")
    fresh = fake_slack.wait_for("chat.postMessage", to("DASKER1"), count=4)[3]
    assert "Starting a new question" in texts_of(fresh)


def test_follow_up_questions_are_buttons_and_a_click_answers_them(
    slack: Slack, fake_slack: FakeSlackAPI
) -> None:
    slack.dm("ask me about a neighbour")
    question = fake_slack.wait_for("chat.postMessage", to("DASKER1"))[0]
    buttons = [e for b in question.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["value"] for b in buttons] == ["fu:age:child", "fu:age:adult", "handoff"]
    assert "Is the person under 18?" in texts_of(question)
    slack.click(
        buttons[0]["action_id"],
        buttons[0]["value"],
        user="UASKER1",
        channel="DASKER1",
        message_ts="1700000000.000001",
    )
    answer = fake_slack.wait_for("chat.postMessage", to("DASKER1"), count=2)[1]
    assert answer.params["blocks"][0]["text"]["text"] == "Share now"


def test_a_mention_is_answered_in_a_thread_with_a_note_about_dms(
    slack: Slack, fake_slack: FakeSlackAPI
) -> None:
    payload = fixture("event_app_mention")
    payload["event"]["text"] = "<@UBOT> can I tell the GP what Jane Smith told me?"
    assert slack.event(payload).status_code == 200
    reply = fake_slack.wait_for("chat.postMessage", to("CGENERAL"))[0]
    assert reply.params["thread_ts"] == payload["event"]["ts"]
    assert "Details about people belong in a direct message" in texts_of(reply)
    assert "Jane" not in fake_slack.all_raw() and "UBOT" not in texts_of(reply)
    # The conversation lives in the asker's DM, so a lead's later reply can never land in the channel.
    assert fake_slack.successful("conversations.open")[0].params["users"] == "UASKER2"


def test_the_slash_command_acks_privately_and_answers_in_the_dm(
    slack: Slack, fake_slack: FakeSlackAPI
) -> None:
    fields = fixture("slash_command")
    fields["text"] = "Can I share that Jane Smith's dad drinks?"
    response = slack.command(fields)
    assert response.status_code == 200
    assert "direct messages" in response.text
    answer = fake_slack.wait_for("chat.postMessage", to("DUASKER3"))[0]
    assert "[PERSON_1]" in texts_of(answer)
    assert not fake_slack.successful("chat.postMessage", to("CGENERAL"))
    assert "Jane" not in fake_slack.all_raw()


def test_app_home_shows_how_to_ask_recent_questions_and_a_leads_cases(
    slack: Slack, fake_slack: FakeSlackAPI
) -> None:
    _, ref = handed_off(slack, fake_slack)
    home = fixture("event_app_home_opened")
    assert slack.event(home).status_code == 200
    view = fake_slack.wait_for("views.publish")[0].params
    assert view["user_id"] == "ULEAD1"
    shown = json.dumps(view["view"])
    assert "What is stored" in shown and "Open cases" in shown and ref in shown
    home["event"]["user"], home["event_id"] = "UASKER1", "EvHOME2"
    slack.event(home)
    asker_view = fake_slack.wait_for("views.publish", count=2)[1].params
    shown = json.dumps(asker_view["view"])
    assert "Your recent questions" in shown and "[PERSON_1]" in shown
    assert "Open cases" not in shown and "Jane" not in shown


# -- leads --


def test_handoff_posts_a_card_with_claim_in_the_leads_channel(slack: Slack, fake_slack: FakeSlackAPI) -> None:
    _, ref = handed_off(slack, fake_slack)
    card = fake_slack.successful("chat.postMessage", to(LEADS_CHANNEL))[0]
    assert card.params["blocks"][0]["text"]["text"] == f"Case {ref}"
    assert "Open: waiting for a lead" in texts_of(card)
    assert "`golden-rules`" in texts_of(card)
    told = fake_slack.wait_for("chat.postMessage", lambda c: to("DASKER1")(c) and ref in texts_of(c))
    assert "Sent to the safeguarding leads" in texts_of(told[0])
    for identifier in IDENTIFIERS:
        assert identifier not in fake_slack.all_raw()


def test_only_a_configured_lead_can_claim(slack: Slack, fake_slack: FakeSlackAPI, services: Services) -> None:
    ts, ref = handed_off(slack, fake_slack)
    assert (
        slack.click("lead:claim", ref, user="UNOTLEAD", channel=LEADS_CHANNEL, message_ts=ts).status_code
        == 200
    )
    refusal = fake_slack.wait_for("chat.postEphemeral")[0]
    assert refusal.params["user"] == "UNOTLEAD" and refusal.params["channel"] == LEADS_CHANNEL
    assert "Only the configured safeguarding leads" in refusal.params["text"]
    settle()
    assert not fake_slack.successful("chat.update")
    with services.db.session() as session:
        case = session.scalars(select(Case).where(Case.ref == ref)).one()
        assert case.status == "open"
        refused = session.scalars(select(AuditEvent).where(AuditEvent.action == "access.refused")).all()
        assert [(e.actor, e.case_ref) for e in refused] == [("slack:UNOTLEAD", ref)]

    slack.click("lead:claim", ref, user="ULEAD1", channel=LEADS_CHANNEL, message_ts=ts)
    update = fake_slack.wait_for("chat.update")[0]
    assert update.params["ts"] == ts and update.params["channel"] == LEADS_CHANNEL
    assert "Claimed by <@ULEAD1>" in texts_of(update)
    assert "lead:claim" not in json.dumps(update.params["blocks"])
    told = fake_slack.wait_for("chat.postMessage", lambda c: to("DASKER1")(c) and "picked up" in texts_of(c))
    assert told


def test_thread_replies_go_both_ways_redacted_and_close_produces_the_record(
    slack: Slack, fake_slack: FakeSlackAPI
) -> None:
    ts, ref = handed_off(slack, fake_slack)
    slack.click("lead:claim", ref, user="ULEAD1", channel=LEADS_CHANNEL, message_ts=ts)
    fake_slack.wait_for("chat.update")

    assert (
        slack.thread_reply("Please ask Jane Smith's school to ring me on 07700 900456.", ts).status_code
        == 200
    )
    relay = fake_slack.wait_for(
        "chat.postMessage", lambda c: to("DASKER1")(c) and "Safeguarding lead (case" in texts_of(c)
    )[0]
    assert "[PERSON_1]" in texts_of(relay)
    assert "900456" not in fake_slack.all_raw() and "Jane" not in fake_slack.all_raw()
    shown_to_lead = fake_slack.wait_for("chat.postEphemeral")[0]
    assert shown_to_lead.params["user"] == "ULEAD1" and "[PERSON_1]" in shown_to_lead.params["text"]

    slack.dm("Thanks, <!channel> I will & the school knows")
    in_thread = fake_slack.wait_for(
        "chat.postMessage", lambda c: to(LEADS_CHANNEL)(c) and c.params.get("thread_ts") == ts
    )[0]
    assert "&lt;!channel&gt;" in texts_of(in_thread) and "&amp;" in texts_of(in_thread)
    assert "<!channel>" not in fake_slack.all_raw()

    slack.thread_reply("close Referred to children's social care", ts)
    closed = fake_slack.wait_for(
        "chat.postMessage", lambda c: to("DASKER1")(c) and "has closed case" in texts_of(c)
    )[0]
    assert "Referred to children" in texts_of(closed) and "Decision record" in texts_of(closed)
    final = fake_slack.wait_for("chat.update", count=2)[-1]
    assert "Closed by <@ULEAD1>" in texts_of(final) and "lead:close" not in json.dumps(final.params["blocks"])


def test_close_from_the_card_asks_for_an_outcome_in_a_modal(slack: Slack, fake_slack: FakeSlackAPI) -> None:
    ts, ref = handed_off(slack, fake_slack)
    slack.click("lead:close", ref, user="ULEAD1", channel=LEADS_CHANNEL, message_ts=ts)
    modal = fake_slack.wait_for("views.open")[0].params
    assert modal["view"]["callback_id"] == "lead_close"
    submission = fixture("view_submission")
    submission["view"]["private_metadata"] = modal["view"]["private_metadata"]
    submission["view"]["state"]["values"]["outcome"]["outcome_text"]["value"] = "   "
    empty = slack.interaction(submission)
    assert empty.status_code == 200 and empty.json()["response_action"] == "errors"
    submission["view"]["state"]["values"]["outcome"]["outcome_text"]["value"] = (
        "Shared with the GP, Jane told"
    )
    assert slack.interaction(submission).status_code == 200
    closed = fake_slack.wait_for(
        "chat.postMessage", lambda c: to("DASKER1")(c) and "has closed case" in texts_of(c)
    )[0]
    assert "[PERSON_1] told" in texts_of(closed)
    assert "Closed by <@ULEAD1>" in texts_of(fake_slack.wait_for("chat.update")[0])

    slack.click("lead:close", ref, user="UNOTLEAD", channel=LEADS_CHANNEL, message_ts=ts)
    refusal = fake_slack.wait_for("chat.postEphemeral", lambda c: c.params["user"] == "UNOTLEAD")[0]
    assert "Only the configured safeguarding leads" in refusal.params["text"]
    assert len(fake_slack.successful("views.open")) == 1


# -- platform behaviour --


def test_a_retried_event_is_answered_once(slack: Slack, fake_slack: FakeSlackAPI) -> None:
    first = slack.dm(QUESTION, event_id="EvRETRY0001")
    retry = slack.dm(
        QUESTION,
        event_id="EvRETRY0001",
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert first.status_code == 200 and retry.status_code == 200
    fake_slack.wait_for("chat.postMessage", to("DASKER1"))
    settle(1.5)
    assert len(fake_slack.successful("chat.postMessage", to("DASKER1"))) == 1


def test_unsigned_bad_and_stale_requests_get_401_and_do_nothing(
    slack: Slack, fake_slack: FakeSlackAPI
) -> None:
    payload = fixture("event_message_im")
    body = json.dumps(payload)
    assert slack.post(body, "application/json", sign=False).status_code == 401
    assert slack.post(body, "application/json", signature="v0=" + "0" * 64).status_code == 401
    stale = int(time.time()) - 10 * 60  # Slack's window is five minutes
    assert slack.post(body, "application/json", timestamp=stale).status_code == 401
    other = Slack(slack.url, secret="not-the-secret")
    assert other.event(payload).status_code == 401
    other.http.close()
    settle(0.5)
    assert not fake_slack.successful("chat.postMessage")


def test_every_signed_event_gets_200_even_when_unhandled(slack: Slack, fake_slack: FakeSlackAPI) -> None:
    assert slack.event(fixture("event_reaction_added")).status_code == 200
    assert slack.event(fixture("event_message_changed")).status_code == 200
    unknown = fixture("block_actions")
    unknown["actions"][0].update(action_id="some_old_button", value="x")
    for key in ("user", "channel"):
        unknown[key]["id"] = "UASKER1" if key == "user" else "DASKER1"
    assert slack.interaction(unknown).status_code == 200
    challenge = fixture("url_verification")
    response = slack.event(challenge)
    assert response.status_code == 200 and response.json()["challenge"] == challenge["challenge"]
    settle(0.5)
    assert not fake_slack.successful("chat.postMessage")


def test_injected_mrkdwn_is_escaped(slack: Slack, fake_slack: FakeSlackAPI) -> None:
    # Links and user mentions are replaced by the redactor ([URL_1], [HANDLE_1]); the brackets around
    # them, broadcasts and channel links survive redaction and must still reach Slack escaped.
    slack.dm("Tell <!channel> and <!here|here> & <https://evil.example|click> <@U123> <#C123|general> now")
    answer = fake_slack.wait_for("chat.postMessage", to("DASKER1"))[0]
    shown = texts_of(answer)
    assert "&lt;!channel&gt;" in shown and "&lt;!here|here&gt;" in shown and " &amp; " in shown
    assert "&lt;#C123|general&gt;" in shown and "&lt;[HANDLE_1]&gt;" in shown
    raw = fake_slack.all_raw()
    assert not re.search(r"<[!#@]", raw)
    assert "https://evil" not in raw


def test_a_429_is_retried_after_retry_after_and_the_reply_arrives_once(
    slack: Slack, fake_slack: FakeSlackAPI
) -> None:
    fake_slack.fail_next("chat.postMessage", 429, retry_after=1)
    started = time.monotonic()
    slack.dm(QUESTION)
    fake_slack.wait_for("chat.postMessage", to("DASKER1"))
    assert time.monotonic() - started >= 1.0  # it waited as told
    settle()
    attempts = fake_slack.attempts("chat.postMessage")
    assert [c.status for c in attempts] == [429, 200]
    assert len(fake_slack.successful("chat.postMessage", to("DASKER1"))) == 1


def test_long_answers_are_split_within_slack_limits(slack: Slack, fake_slack: FakeSlackAPI) -> None:
    slack.dm("LONG answer please")
    fake_slack.wait_for("chat.postMessage", to("DASKER1"), count=2)
    settle()
    messages = fake_slack.successful("chat.postMessage", to("DASKER1"))
    assert len(messages) >= 2
    for message in messages:
        blocks = message.params["blocks"]
        assert len(blocks) <= 50
        assert len(message.params["text"]) <= 40_000
        for block in blocks:
            if block["type"] == "header":
                assert len(block["text"]["text"]) <= 150
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= 3000
            if block["type"] == "context":
                assert all(len(e["text"]) <= 3000 for e in block["elements"])
    everything = "".join(texts_of(m) for m in messages)
    steps = re.findall(r"Step (\d{4})", everything)
    assert steps == [f"{n:04d}" for n in range(1000)]  # all of it, in order, none twice
    # The buttons come once, under the whole answer.
    with_buttons = [m for m in messages if any(b["type"] == "actions" for b in m.params["blocks"])]
    assert with_buttons == [messages[-1]]


def test_an_answer_slack_keeps_refusing_goes_to_the_outbox_and_arrives_later_once(
    slack: Slack, fake_slack: FakeSlackAPI, services: Services
) -> None:
    # More 500s than the client retries (three attempts), so the first posting fails for good.
    fake_slack.fail_next("chat.postMessage", 500, times=4)
    assert slack.dm(QUESTION).status_code == 200
    answer = fake_slack.wait_for("chat.postMessage", to("DASKER1"), timeout=20)[0]
    assert "share" in texts_of(answer).lower()
    settle()
    assert len(fake_slack.successful("chat.postMessage", to("DASKER1"))) == 1
    with services.db.session() as session:
        queued = session.scalars(select(Delivery).where(Delivery.kind == "slack_messages")).all()
        assert [d.status for d in queued] == ["sent"]
        stored = json.dumps(queued[0].payload)
    assert not any(identifier in stored for identifier in IDENTIFIERS)
