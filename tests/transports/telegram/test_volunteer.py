"""A volunteer's private chat: answers, redaction, escaping, splitting, buttons, commands, edits, groups."""

from __future__ import annotations

from bot import texts
from bot.storage.models import AdviceGiven, Case, Conversation, Delivery
from bot.transports.telegram.handlers import EDITED, EXPIRED, NOT_TEXT
from tests.fakes.telegram_api import BOT_USERNAME
from tests.transports.telegram.conftest import (
    AGE_MARK,
    AGE_QUESTION_ID,
    LONG_MARK,
    OTHER_GROUP,
    UNDER_18,
    VOLUNTEER,
    Bot,
    load_update,
)
from tests.transports.telegram.helpers import (
    WITH_IDENTIFIERS,
    assert_no_identifiers,
    count,
    within_limit,
)


def test_a_message_is_answered_and_no_identifier_reaches_telegram(bot: Bot) -> None:
    assert bot.say(WITH_IDENTIFIERS).status_code == 200

    [answer] = bot.to(VOLUNTEER)
    assert answer.params["parse_mode"] == "HTML"
    assert "Verdict: ask_consent" in answer.text
    assert "[PERSON_1]" in answer.text and "[PHONE_1]" in answer.text
    assert "removed before saving" in answer.text
    assert_no_identifiers(bot.api)
    labels = [b["text"] for b in answer.buttons]
    assert {"Talk to a safeguarding lead", "Why?", "Decision record"} <= set(labels)
    assert all(len(b["callback_data"].encode()) <= 64 for b in answer.buttons)


def test_html_in_the_users_text_is_escaped(bot: Bot) -> None:
    bot.say('Is <b>this</b> ok & can I share <a href="http://x">it</a>? <script>alert(1)</script>')

    [answer] = bot.to(VOLUNTEER)
    assert "&lt;b&gt;this&lt;/b&gt; ok &amp; can I share" in answer.text
    assert "<script>" not in answer.text and "<b>this</b>" not in answer.text
    assert "<a href" not in answer.text


def test_long_answers_are_split_at_paragraphs_within_4096(bot: Bot) -> None:
    bot.say(f"{LONG_MARK}: can I tell the GP about a child at risk?")

    calls = bot.to(VOLUNTEER)
    assert len(calls) >= 3
    assert all(within_limit(c) for c in calls)
    whole = "\n\n".join(c.text for c in calls)
    steps = [whole.index(f"Step {i}: ") for i in range(1, 60)]
    assert steps == sorted(steps)  # every step, in order, none cut in two
    step = "talk it through with your lead, record what you decided and why. " * 3
    for i in range(1, 60):  # a paragraph that fits is never cut between two messages
        assert any(f"Step {i}: {step}".strip() in c.text for c in calls)
    assert [bool(c.buttons) for c in calls] == [False] * (len(calls) - 1) + [True]  # buttons on the last


def test_start_says_what_the_bot_does_and_asks_for_no_names(bot: Bot) -> None:
    bot.say("/start")

    [welcome] = bot.to(VOLUNTEER)
    assert "without names" in welcome.text
    assert "/start" not in welcome.text  # the command itself is not echoed
    assert count(bot.services, Case) == 0


def test_privacy_and_help_commands(bot: Bot) -> None:
    bot.say("/privacy")
    bot.say(f"/help@{BOT_USERNAME}")

    privacy, help_text = bot.to(VOLUNTEER)
    assert "never saved, logged or passed on" in privacy.text
    assert "handoff" in help_text.text and "forget" in help_text.text


def test_handoff_from_a_button(bot: Bot) -> None:
    bot.say("Can I tell the school about a worry?")
    bot.post(load_update("private_callback", user_id=VOLUNTEER, data="handoff"))

    assert bot.api.sent("answerCallbackQuery")
    assert "Sent to the safeguarding leads as case" in bot.to(VOLUNTEER)[-1].text
    assert count(bot.services, Case) == 1


def test_why_button_explains_the_last_answer(bot: Bot) -> None:
    bot.say("Can I tell the school about a worry?")
    bot.post(load_update("private_callback", user_id=VOLUNTEER, data="why"))

    why = bot.to(VOLUNTEER)[-1]
    assert why.text.startswith("Why I answered this way:")
    assert "gp.golden_rules.rule_1" in why.text


def test_follow_up_buttons_with_long_ids_fit_callback_data_and_work(bot: Bot) -> None:
    bot.say(f"{AGE_MARK}: a young person told me something worrying")

    [question] = bot.to(VOLUNTEER)
    assert "How old is the person" in question.text
    under_18 = next(b for b in question.buttons if b["text"] == "Under 18")
    assert len(f"fu:{AGE_QUESTION_ID}:{UNDER_18}".encode()) > 64  # so this one travels as a short token
    assert len(under_18["callback_data"].encode()) <= 64

    bot.post(load_update("private_callback", user_id=VOLUNTEER, data=under_18["callback_data"],
                         message_id=question.result["message_id"]))

    assert f"Answer recorded: {UNDER_18}" in bot.to(VOLUNTEER)[-1].text
    [removed] = bot.api.sent("editMessageReplyMarkup")
    assert removed.params["message_id"] == str(question.result["message_id"])
    assert not removed.params.get("reply_markup")


def test_forged_or_stale_button_data_does_nothing(bot: Bot) -> None:
    bot.say("Can I tell the school about a worry?")
    before = count(bot.services, AdviceGiven)

    for data in ("h:AAAAAAAAAAAAAAAA", "forget-everything", "claimx", "fu"):
        bot.post(load_update("private_callback", user_id=VOLUNTEER, data=data))

    answers = bot.api.sent("answerCallbackQuery")
    assert len(answers) == 4 and all(a.params.get("text") == EXPIRED for a in answers)
    assert len(bot.to(VOLUNTEER)) == 1
    assert count(bot.services, AdviceGiven) == before


def test_an_edited_handoff_does_nothing(bot: Bot) -> None:
    bot.say("Can I tell the school about a worry?")
    calls_before = len(bot.api.sent())

    response = bot.post(load_update("private_edited", text="/handoff", user_id=VOLUNTEER))

    assert response.status_code == 200
    assert count(bot.services, Case) == 0
    assert count(bot.services, Delivery) == 0
    assert len(bot.api.sent()) == calls_before


def test_an_edited_question_is_not_re_read(bot: Bot) -> None:
    bot.say("Can I tell the school about a worry?")
    advice_before = count(bot.services, AdviceGiven)

    bot.post(load_update("private_edited", text="Actually Tom Smith is 15", user_id=VOLUNTEER))

    assert bot.to(VOLUNTEER)[-1].text == EDITED
    assert count(bot.services, AdviceGiven) == advice_before
    assert_no_identifiers(bot.api)


def test_photos_are_not_read_and_their_caption_goes_nowhere(bot: Bot) -> None:
    bot.post(load_update("private_photo", text="This is Tom Smith", user_id=VOLUNTEER))

    [reply] = bot.to(VOLUNTEER)
    assert reply.text == NOT_TEXT
    assert count(bot.services, Conversation) == 0
    assert_no_identifiers(bot.api)


def test_group_messages_outside_the_leads_chat_are_ignored(bot: Bot) -> None:
    bot.post(load_update("group_message", chat_id=OTHER_GROUP, user_id=VOLUNTEER,
                         text="Tom Smith's mum asked me whether I can tell the school"))
    bot.post(load_update("group_message", chat_id=OTHER_GROUP, user_id=VOLUNTEER, text="/handoff"))

    assert bot.api.sent("sendMessage") == []
    assert count(bot.services, Conversation) == 0


def test_a_mention_in_another_group_gets_a_one_line_pointer_to_the_private_chat(bot: Bot) -> None:
    bot.post(load_update("group_mention", chat_id=OTHER_GROUP, user_id=VOLUNTEER,
                         text="can I tell the school about Tom Smith?"))

    [pointer] = bot.api.sent("sendMessage")
    assert pointer.chat_id == str(OTHER_GROUP)
    assert "private chat" in pointer.text and f"t.me/{BOT_USERNAME}" in pointer.text
    assert "\n" not in pointer.text
    assert count(bot.services, Conversation) == 0
    assert_no_identifiers(bot.api)


def test_forget_deletes_the_conversation(bot: Bot) -> None:
    bot.say("Can I tell the school about a worry?")
    bot.say("/forget")

    assert bot.to(VOLUNTEER)[-1].text == texts.FORGOTTEN
    assert count(bot.services, Conversation) == 0


def test_the_decision_record_button_sends_the_record(bot: Bot) -> None:
    bot.say("Can I tell the school about a worry?")
    bot.post(load_update("private_callback", user_id=VOLUNTEER, data="record"))

    record = bot.to(VOLUNTEER)[-1]
    assert record.text.startswith("<b>Decision record")
    assert "**" not in record.text and "• " in record.text
    assert "gp.golden_rules.rule_1" in record.text
