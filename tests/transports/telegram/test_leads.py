"""The leads' side: case cards in the leads group, claiming, relaying both ways, closing, and Slack leads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.storage.models import AuditEvent, Case, Delivery, utcnow
from redaction import Redactor
from tests.fakes.telegram_api import Call, FakeTelegramAPI
from tests.transports.telegram.conftest import (
    LEAD,
    LEADS_CHAT,
    NOT_A_LEAD,
    VOLUNTEER,
    Bot,
    _serve,
    load_update,
    telegram_settings,
)
from tests.transports.telegram.helpers import WITH_IDENTIFIERS, assert_no_identifiers, count

BACKUP_LEAD = 5002


def card_of(bot: Bot) -> Call:
    calls = bot.api.wait_for(lambda cs: any(c.method == "sendMessage" and c.chat_id == str(LEADS_CHAT)
                                            for c in cs))
    return next(c for c in calls if c.method == "sendMessage" and c.chat_id == str(LEADS_CHAT))


def case_ref(bot: Bot) -> str:
    with bot.services.db.session() as session:
        return str(session.scalars(select(Case.ref)).one())


def hand_off(bot: Bot) -> tuple[str, Call]:
    bot.say(WITH_IDENTIFIERS)
    bot.say("/handoff")
    return case_ref(bot), card_of(bot)


def click(bot: Bot, user: int, data: str, card: Call) -> None:
    bot.post(load_update("leads_callback", user_id=user, chat_id=LEADS_CHAT, data=data,
                         message_id=card.result["message_id"], card_text=card.result["text"]))


def reply_to(bot: Bot, user: int, message: Call, text: str) -> None:
    bot.post(load_update("leads_reply", user_id=user, chat_id=LEADS_CHAT, text=text,
                         reply_to=message.result["message_id"], reply_to_text=message.result["text"]))


def claim(bot: Bot, ref: str, card: Call) -> None:
    click(bot, LEAD, f"claim:{ref}", card)
    bot.api.wait_for(lambda cs: any(c.method == "editMessageText" for c in cs))


def test_the_whole_case_on_each_database(bot_on_each_database: Bot) -> None:
    bot = bot_on_each_database
    ref, card = hand_off(bot)

    # The card: in the leads group, with Claim, and nothing that identifies anyone.
    assert f"Case {ref}" in card.text and "[PERSON_1]" in card.text
    assert [b["callback_data"] for b in card.buttons] == [f"claim:{ref}"]

    # Someone in the group who is not a lead: told no, nothing claimed, the attempt audited.
    click(bot, NOT_A_LEAD, f"claim:{ref}", card)
    refusal = bot.api.sent("answerCallbackQuery")[-1]
    assert "Only the configured safeguarding leads" in refusal.params["text"]
    assert refusal.params.get("show_alert") == "true"
    with bot.services.db.session() as session:
        assert session.scalars(select(Case.status)).one() == "open"
        refused = session.scalars(select(AuditEvent).where(AuditEvent.action == "access.refused")).all()
        assert [e.actor for e in refused] == [f"telegram:{NOT_A_LEAD}"]
    assert bot.api.sent("editMessageText") == []

    # A lead: the claim is theirs and the card says who holds it.
    claim(bot, ref, card)
    assert "You hold case" in bot.api.sent("answerCallbackQuery")[-1].params["text"]
    [edit] = bot.api.sent("editMessageText")
    assert edit.chat_id == str(LEADS_CHAT) and edit.params["message_id"] == str(card.result["message_id"])
    assert f"tg://user?id={LEAD}" in edit.text and "Held by" in edit.text
    assert [b["callback_data"] for b in edit.buttons] == [f"close:{ref}"]
    bot.api.wait_for(lambda cs: any("picked up your question" in c.text
                                    for c in cs if c.chat_id == str(VOLUNTEER)))

    # The lead's reply to the card reaches the volunteer, redacted.
    reply_to(bot, LEAD, card, "Thanks. Please ask Tom Smith's mum to ring 07700 900123 today.")
    relayed = bot.api.wait_for(lambda cs: any("Safeguarding lead (case" in c.text for c in cs))
    [to_volunteer] = [c for c in relayed if "Safeguarding lead (case" in c.text]
    assert to_volunteer.chat_id == str(VOLUNTEER)
    assert "[PERSON_1]" in to_volunteer.text and "[PHONE_1]" in to_volunteer.text
    assert "sent to the asker" in bot.api.sent("sendMessage", LEADS_CHAT)[-1].text

    # The volunteer's answer is posted under the card.
    bot.say("She said she will call this afternoon.")
    under = bot.api.wait_for(lambda cs: any("the asker wrote" in c.text for c in cs))
    [posted] = [c for c in under if "the asker wrote" in c.text]
    assert posted.chat_id == str(LEADS_CHAT)
    assert posted.params["reply_parameters"]["message_id"] == card.result["message_id"]

    # Closing with an outcome, as a reply to the card: the volunteer gets the outcome and the record.
    reply_to(bot, LEAD, card, "/close Shared with children's social care; Tom Smith's mum told first")
    closed = bot.api.wait_for(lambda cs: any("has closed case" in c.text for c in cs))
    [outcome] = [c for c in closed if "has closed case" in c.text]
    assert outcome.chat_id == str(VOLUNTEER)
    assert "Decision record" in outcome.text and "[PERSON_1]" in outcome.text
    bot.api.wait_for(lambda cs: any(c.method == "editMessageText" and "Closed by" in c.text for c in cs))
    final = bot.api.sent("editMessageText")[-1]
    assert final.buttons == []
    with bot.services.db.session() as session:
        assert session.scalars(select(Case.status)).one() == "closed"

    assert_no_identifiers(bot.api)


def test_a_non_lead_cannot_reply_to_or_close_a_case(bot: Bot) -> None:
    ref, card = hand_off(bot)
    claim(bot, ref, card)

    reply_to(bot, NOT_A_LEAD, card, "I can tell them what to do")
    reply_to(bot, NOT_A_LEAD, card, "/close nothing to do")

    refusals = bot.api.sent("sendMessage", LEADS_CHAT)[-2:]
    assert all("Only the configured safeguarding leads" in c.text for c in refusals)
    assert not any("Safeguarding lead (case" in c.text for c in bot.to(VOLUNTEER))
    with bot.services.db.session() as session:
        assert session.scalars(select(Case.status)).one() == "claimed"


def test_a_lead_must_claim_before_replying(bot: Bot) -> None:
    ref, card = hand_off(bot)

    reply_to(bot, LEAD, card, "Hello")

    assert f"Claim case {ref} before replying" in bot.api.sent("sendMessage", LEADS_CHAT)[-1].text
    assert count(bot.services, Delivery) == 1  # only the card


def test_the_close_button_asks_for_the_outcome_and_the_answer_closes(bot: Bot) -> None:
    ref, card = hand_off(bot)
    claim(bot, ref, card)
    edited = bot.api.sent("editMessageText")[-1]

    click(bot, LEAD, f"close:{ref}", edited)

    prompt = bot.api.sent("sendMessage", LEADS_CHAT)[-1]
    assert prompt.params["reply_markup"]["force_reply"] is True
    assert prompt.text.startswith(f"Case {ref}: what was the outcome?")
    with bot.services.db.session() as session:
        assert session.scalars(select(Case.status)).one() == "claimed"

    reply_to(bot, LEAD, prompt, "Talked it through; no referral needed")

    bot.api.wait_for(lambda cs: any("has closed case" in c.text for c in cs))
    with bot.services.db.session() as session:
        case = session.scalars(select(Case)).one()
        assert (case.status, case.outcome) == ("closed", "Talked it through; no referral needed")


def test_a_duplicate_claim_update_claims_once(bot: Bot) -> None:
    ref, card = hand_off(bot)
    update = load_update("leads_callback", user_id=LEAD, chat_id=LEADS_CHAT, data=f"claim:{ref}",
                         message_id=card.result["message_id"], card_text=card.result["text"])

    bot.post(update)
    bot.post(update)

    with bot.services.db.session() as session:
        claims = session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("lead.claim%"))).all()
    assert claims == ["lead.claim"]


def test_a_case_claimed_and_answered_by_a_slack_lead_reaches_the_telegram_volunteer(bot: Bot) -> None:
    ref, card = hand_off(bot)

    bot.services.queue.claim("slack:ULEAD1", ref)
    bot.api.wait_for(lambda cs: any(c.method == "editMessageText" for c in cs))
    assert "Held by slack:ULEAD1" in bot.api.sent("editMessageText")[-1].text

    bot.services.queue.reply("slack:ULEAD1", ref, "Please call Tom Smith's school on 07700 900123.")
    calls = bot.api.wait_for(lambda cs: any("Safeguarding lead (case" in c.text for c in cs))
    [relayed] = [c for c in calls if "Safeguarding lead (case" in c.text]
    assert relayed.chat_id == str(VOLUNTEER)

    # A Telegram lead cannot take over a case a Slack lead holds.
    reply_to(bot, LEAD, card, "I'll take this one")
    assert "held by slack:ULEAD1" in bot.api.sent("sendMessage", LEADS_CHAT)[-1].text
    assert_no_identifiers(bot.api)


@pytest.fixture
def bot_with_backup(sqlite_url: str, fake_api: FakeTelegramAPI, redactor: Redactor) -> Iterator[Bot]:
    settings = telegram_settings(sqlite_url, fake_api, backup_leads=f"telegram:{BACKUP_LEAD}")
    yield from _serve(settings, fake_api, redactor)


def test_reminders_go_to_the_group_and_escalations_to_the_backup_lead(bot_with_backup: Bot) -> None:
    bot = bot_with_backup
    ref, card = hand_off(bot)

    bot.services.queue.run_due(now=utcnow() + timedelta(hours=3))

    calls = bot.api.wait_for(lambda cs: any(c.chat_id == str(BACKUP_LEAD) for c in cs)
                             and any("still waiting" in c.text for c in cs))
    [reminder] = [c for c in calls if "still waiting" in c.text]
    assert reminder.chat_id == str(LEADS_CHAT) and reminder.buttons[0]["callback_data"] == f"claim:{ref}"
    [escalation] = [c for c in calls if c.chat_id == str(BACKUP_LEAD)]
    assert escalation.text.startswith(f"Case {ref}")
    assert escalation.buttons[0]["callback_data"] == f"claim:{ref}"
    assert_no_identifiers(bot.api)


def test_leads_can_list_open_cases_and_chatter_in_the_group_is_ignored(bot: Bot) -> None:
    ref, _card = hand_off(bot)
    before = len(bot.api.sent("sendMessage", LEADS_CHAT))

    chatter = "Morning all, is this Tom Smith again?"
    bot.post(load_update("group_message", chat_id=LEADS_CHAT, user_id=LEAD, text=chatter))
    assert len(bot.api.sent("sendMessage", LEADS_CHAT)) == before

    bot.post(load_update("group_command", chat_id=LEADS_CHAT, user_id=LEAD, text="/cases", command_length=6))
    assert f"Case {ref}: open" in bot.api.sent("sendMessage", LEADS_CHAT)[-1].text

    bot.post(load_update("group_command", chat_id=LEADS_CHAT, user_id=NOT_A_LEAD, text="/cases",
                         command_length=6))
    assert "Only the configured safeguarding leads" in bot.api.sent("sendMessage", LEADS_CHAT)[-1].text


def test_a_backup_lead_can_claim_and_answer_from_their_private_chat(bot_with_backup: Bot) -> None:
    bot = bot_with_backup
    ref, _card = hand_off(bot)
    bot.services.queue.run_due(now=utcnow() + timedelta(hours=3))
    calls = bot.api.wait_for(lambda cs: any(c.chat_id == str(BACKUP_LEAD) for c in cs))
    [escalation] = [c for c in calls if c.chat_id == str(BACKUP_LEAD)]

    bot.post(load_update("private_callback", user_id=BACKUP_LEAD, data=f"claim:{ref}",
                         message_id=escalation.result["message_id"]))
    bot.post(load_update("private_reply", user_id=BACKUP_LEAD, text="I have this one.",
                         reply_to=escalation.result["message_id"], reply_to_text=escalation.result["text"]))

    relayed = bot.api.wait_for(lambda cs: any("Safeguarding lead (case" in c.text for c in cs))
    assert [c.chat_id for c in relayed if "Safeguarding lead (case" in c.text] == [str(VOLUNTEER)]
    with bot.services.db.session() as session:
        assert session.scalars(select(Case.claimed_by)).one() == f"telegram:{BACKUP_LEAD}"
