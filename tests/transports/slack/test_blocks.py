"""Rendering and limits, without a server: escaping, splitting, and the card staying within one message."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from bot.handoff.queue import CaseView
from bot.messages import ANSWER_ACTIONS, Reply
from bot.transports.slack.blocks import case_card, home_view, mention, reply_messages
from bot.transports.slack.limits import escape, split_text, truncate

ENTITY_PIECE = re.compile(r"&(?!amp;|lt;|gt;)")


@given(
    st.text(alphabet=st.sampled_from(list("ab <>&\n!@#")), max_size=400),
    st.integers(min_value=8, max_value=60),
)
def test_split_text_keeps_everything_within_the_limit_and_never_cuts_an_entity(text: str, limit: int) -> None:
    escaped = escape(text)
    pieces = split_text(escaped, limit)
    assert all(len(p) <= limit for p in pieces)
    assert all(not ENTITY_PIECE.search(p) for p in pieces)  # no "&am" + "p;" halves
    squash = re.compile(r"\s+")
    assert squash.sub("", "".join(pieces)) == squash.sub("", escaped)


def test_escape_covers_slack_control_characters_only() -> None:
    assert escape("<!channel> & <@U123> *bold*") == "&lt;!channel&gt; &amp; &lt;@U123&gt; *bold*"


def test_truncate_marks_what_was_cut() -> None:
    assert truncate("x" * 200, 150).endswith("…") and len(truncate("x" * 200, 150)) <= 150


def test_mention_only_links_real_slack_ids() -> None:
    assert mention("slack:U0123ABCD") == "<@U0123ABCD>"
    assert mention("slack:<!channel>") == "&lt;!channel&gt; (slack)"
    assert mention("console:alice") == "alice (console)"
    assert mention(None) == "nobody"


def test_plain_replies_are_escaped_and_keep_their_buttons() -> None:
    [message] = reply_messages(
        Reply(kind="relay", text="Lead: <!everyone> & go", actions=list(ANSWER_ACTIONS))
    )
    shown = json.dumps(message.blocks)
    assert "&lt;!everyone&gt; &amp; go" in shown and "<!everyone>" not in shown
    assert message.blocks[-1]["type"] == "actions" and len(message.blocks[-1]["elements"]) == 4


def _case(**changes: object) -> CaseView:
    values: dict[str, object] = dict(
        ref="ABC234",
        status="open",
        urgent=True,
        platform="slack",
        verdict="seek_advice",
        inform="unless_unsafe",
        summary="<!channel> " + "summary " * 1000,
        rationale="r",
        rules=["golden-rules"],
        facts=[{"name": f"fact{n}", "value": "<b>"} for n in range(200)],
        answers={},
        transcript=[{"role": "asker", "text": "line\n" * 2000, "at": ""}] * 30,
        asker=None,
        claimed_by=None,
        created_at="",
        claimed_at=None,
        closed_at=None,
        outcome=None,
    )
    values.update(changes)
    return CaseView(**values)  # type: ignore[arg-type]


def test_a_huge_case_still_fits_one_card() -> None:
    card = case_card(_case())
    assert len(card.blocks) <= 50
    assert card.blocks[0]["text"]["text"] == "URGENT · Case ABC234"
    for block in card.blocks:
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= 3000
    shown = json.dumps(card.blocks)
    assert "<!channel>" not in shown and "<b>" not in shown
    assert [e["action_id"] for e in card.blocks[-1]["elements"]] == ["lead:claim", "lead:close"]


def test_claimed_and_closed_cards_lose_their_buttons() -> None:
    claimed = case_card(_case(status="claimed", claimed_by="slack:ULEAD1"))
    assert "Claimed by <@ULEAD1>" in json.dumps(claimed.blocks)
    assert [e["action_id"] for e in claimed.blocks[-1]["elements"]] == ["lead:close"]
    closed = case_card(_case(status="closed", claimed_by="slack:ULEAD1", outcome="Shared & done"))
    shown = json.dumps(closed.blocks)
    assert "Closed by <@ULEAD1>" in shown and "Shared &amp; done" in shown and "lead:" not in shown


def test_home_view_stays_within_100_blocks() -> None:
    cases = [_case(ref=f"REF{n:03d}") for n in range(60)]
    view = home_view(how_to="how", privacy="privacy", recent=[], is_lead=True, open_cases=cases, held=cases)
    assert view["type"] == "home" and len(view["blocks"]) <= 100
