"""Rendering: splitting never loses or breaks text, callback data fits, cards stay one message."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.handoff.queue import CaseView
from bot.messages import Action, Reply
from bot.transports.telegram.render import (
    MESSAGE_LIMIT,
    Block,
    action_data,
    card_html,
    card_markup,
    case_ref_of,
    keyboard,
    pack,
    render_reply,
    split_plain,
    utf16_len,
)

_TAG = re.compile(r"</?(b|i|code|a)( [^>]*)?>")
text_with_markup = st.text(alphabet=st.sampled_from(list("ab <>&\"'\n😀é")), max_size=3000)


def _plain(message: str) -> str:
    return html.unescape(_TAG.sub("", message))


def _balanced(message: str) -> bool:
    stack: list[str] = []
    for match in _TAG.finditer(message):
        tag = match.group(1)
        if match.group(0).startswith("</"):
            if not stack or stack.pop() != tag:
                return False
        else:
            stack.append(tag)
    return not stack and "<" not in _TAG.sub("", message)


@settings(max_examples=200, deadline=None)
@given(text=text_with_markup, budget=st.integers(min_value=8, max_value=300))
def test_split_plain_keeps_every_character_in_order_and_fits(text: str, budget: int) -> None:
    pieces = split_plain(text, budget)

    assert all(utf16_len(html.escape(p, quote=False)) <= budget for p in pieces)
    assert "".join("".join(p.split()) for p in pieces) == "".join(text.split())


@settings(max_examples=100, deadline=None)
@given(paragraphs=st.lists(st.tuples(text_with_markup, st.sampled_from(["", "b", "i"])), max_size=8))
def test_pack_makes_well_formed_messages_within_the_limit(paragraphs: list[tuple[str, str]]) -> None:
    limit = 500
    messages = pack([Block(text, tag) for text, tag in paragraphs], limit=limit)

    assert all(0 < utf16_len(m) <= limit for m in messages)
    assert all(_balanced(m) for m in messages)
    sent = "".join("".join(_plain(m).split()) for m in messages)
    assert sent == "".join("".join(text.split()) for text, _ in paragraphs)


def test_a_long_reply_is_split_and_only_the_last_message_has_the_keyboard() -> None:
    reply = Reply(kind="advice", text="\n\n".join(f"Paragraph {i} " + "x " * 400 for i in range(20)),
                  actions=[Action("handoff", "Talk to a safeguarding lead")])

    out = render_reply(reply)

    assert len(out) > 1 and all(utf16_len(o.html) <= MESSAGE_LIMIT for o in out)
    assert [o.markup is not None for o in out] == [False] * (len(out) - 1) + [True]


def test_emoji_count_twice_towards_the_limit() -> None:
    [first, second] = pack([Block("😀" * 2048), Block("😀")], limit=4096)

    assert utf16_len(first) == 4096 and second == "😀"


@given(follow_up=st.text(min_size=1, max_size=80), value=st.text(min_size=1, max_size=80))
def test_callback_data_always_fits_64_bytes(follow_up: str, value: str) -> None:
    data = action_data(Action(f"fu:{follow_up}:{value}", "label"))

    assert 1 <= len(data.encode()) <= 64


def test_short_action_ids_are_sent_as_they_are() -> None:
    markup = keyboard([Action("handoff", "Talk"), Action("why", "Why?"), Action("fu:age:adult", "Adult")])

    assert markup is not None
    rows = [[b.callback_data for b in row] for row in markup.inline_keyboard]
    assert rows == [["handoff"], ["fu:age:adult"], ["why"]]


def _case(**changes: object) -> CaseView:
    values: dict[str, object] = dict(
        ref="ABC234", status="open", urgent=False, platform="telegram", verdict="seek_advice",
        inform="unless_unsafe", summary="A worry about a child.", rationale="Asked for a lead.",
        rules=["a.b"],
        facts=[{"name": "age", "value": "child"}], answers={}, transcript=[], asker=None, claimed_by=None,
        created_at="2026-11-21T09:00:00+00:00", claimed_at=None, closed_at=None, outcome=None,
    )
    values.update(changes)
    return CaseView(**values)  # type: ignore[arg-type]


def test_a_card_with_a_huge_transcript_is_one_message_keeping_the_latest_turns() -> None:
    turns = [{"role": "asker", "text": f"turn {i} <&> " + "y" * 500} for i in range(40)]

    card = card_html(_case(transcript=turns))

    assert utf16_len(card) <= MESSAGE_LIMIT and _balanced(card)
    assert "turn 39 &lt;&amp;&gt;" in card and "turn 0 " not in card
    assert "earlier not shown" in card
    assert case_ref_of(_plain(card)) == "ABC234"


def test_the_card_buttons_follow_the_case() -> None:
    def data(case: CaseView) -> list[str]:
        markup = card_markup(case)
        return [b.callback_data for row in markup.inline_keyboard for b in row] if markup else []  # type: ignore[misc]

    assert data(_case()) == ["claim:ABC234"]
    assert data(_case(status="claimed", claimed_by="telegram:5001")) == ["close:ABC234"]
    assert data(_case(status="closed", claimed_by="telegram:5001", outcome="done")) == []
    assert "tg://user?id=5001" in card_html(_case(status="claimed", claimed_by="telegram:5001"))


def test_case_refs_are_read_only_from_the_start_of_a_bot_message() -> None:
    assert case_ref_of("Case ABC234 · the asker wrote:") == "ABC234"
    assert case_ref_of("Case ABC234: what was the outcome?") == "ABC234"
    assert case_ref_of("The asker mentioned Case ABC234") is None
    assert case_ref_of(None) is None


def test_an_emergency_leads_with_999_in_bold() -> None:
    [with_line] = render_reply(Reply(kind="emergency", text="Call 999 now: danger.\n\nThen tell your lead."))
    [without] = render_reply(Reply(kind="emergency", text="Tell your lead."))

    assert with_line.html.startswith("<b>Call 999 now: danger.</b>") and with_line.html.count("999") == 1
    assert without.html.startswith("<b>Call 999 now")
