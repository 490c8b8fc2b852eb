"""Block Kit for the bot's answers, the leads' case cards and the App Home.

Only fixed wording goes in unescaped; every piece of text that came from a person (even redacted, even
a summary built from it) is escaped and placed in ``mrkdwn``. Every builder keeps to Slack's limits
(``limits``), splitting a long answer into several messages rather than letting Slack refuse it.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Any

from bot import records
from bot.handoff.queue import CaseView
from bot.messages import Action, Reply
from bot.transports.slack.limits import (
    MAX_ACTIONS,
    MAX_BLOCKS,
    MAX_BUTTON,
    MAX_FALLBACK,
    MAX_HEADER,
    MAX_SECTION,
    MAX_VIEW_BLOCKS,
    Block,
    chunk_blocks,
    escape,
    split_text,
    truncate,
)

VERDICT_LINES = {
    "emergency": "Call 999 now",
    "share": "Share now",
    "ask_consent": "Share only if the person agrees",
    "dont_share": "Do not share",
    "seek_advice": "Talk it through first, without naming the person",
}
INFORM_LINES = {
    "yes": "Tell the person (and family where appropriate) what you share, with whom and why.",
    "unless_unsafe": "Tell the person first only if that does not raise the risk; if you do not, record why.",
    "no": "Do not tell the person first: it would raise the risk. Record why.",
}
DM_NOTE = (
    "Details about people belong in a direct message with me, not in a channel: I remove the names and "
    "other identifiers I find before anything is saved, but a channel is read by many."
)
GUIDANCE_NOTE = "Guidance, not legal advice."
LEAD_HINT = (
    "Reply in this thread to write to the asker (names are removed on the way). "
    "Type `close <outcome>` here, or use Close, to finish with a decision record."
)

# Action ids the listeners match on. Values carry the engine's own action id or a case reference.
ASK_PREFIX = "ask:"
CLAIM = "lead:claim"
CLOSE = "lead:close"
CLOSE_VIEW = "lead_close"
OUTCOME_BLOCK = "outcome"
OUTCOME_INPUT = "outcome_text"

_SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,}$")


@dataclass(frozen=True)
class SlackMessage:
    text: str  # notification fallback (escaped)
    blocks: list[Block]


def plain(text: str, limit: int = MAX_SECTION) -> dict[str, Any]:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": True}


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def sections(escaped: str) -> list[Block]:
    """One or more sections holding already escaped text, each within the 3000-character limit."""
    return [section(piece) for piece in split_text(escaped, MAX_SECTION) if piece.strip()]


def context(escaped: str) -> list[Block]:
    return [
        {"type": "context", "elements": [{"type": "mrkdwn", "text": piece}]}
        for piece in split_text(escaped, MAX_SECTION)
        if piece.strip()
    ]


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, MAX_HEADER)}


def button(label: str, action_id: str, value: str, *, style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(label, MAX_BUTTON),
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def actions_blocks(actions: list[Action], block_prefix: str = "ask") -> list[Block]:
    buttons = [
        button(a.label, f"{ASK_PREFIX}{a.id}", a.id, style="primary" if a.id == "handoff" else None)
        for a in actions
    ]
    return [
        {"type": "actions", "block_id": f"{block_prefix}-{n}", "elements": buttons[i : i + MAX_ACTIONS]}
        for n, i in enumerate(range(0, len(buttons), MAX_ACTIONS))
    ]


def mention(actor: str | None) -> str:
    """``slack:U123`` -> ``<@U123>``; other platforms as escaped plain text. Ids come from our own records,
    and are checked anyway so a stored value can never turn into a broadcast."""
    if not actor:
        return "nobody"
    platform, _, user = actor.partition(":")
    if platform == "slack" and _SLACK_USER.match(user):
        return f"<@{user}>"
    return escape(f"{user} ({platform})")


def markdown_to_mrkdwn(escaped: str) -> str:
    """The records module writes Markdown; Slack's mrkdwn bolds with one asterisk and has no headings."""
    lines = []
    for line in escaped.splitlines():
        line = line.replace("**", "*")
        if line.startswith("#"):
            line = f"*{line.lstrip('#').strip()}*"
        lines.append(line)
    return "\n".join(lines)


def messages_of(blocks: list[Block], fallback: str) -> list[SlackMessage]:
    fallback = truncate(fallback, MAX_FALLBACK)
    return [SlackMessage(fallback, group) for group in chunk_blocks(blocks, MAX_BLOCKS)]


# -- the asker's side --


def reply_messages(reply: Reply, *, note: str | None = None) -> list[SlackMessage]:
    """One reply as one or more Slack messages (more only when it is too long for one)."""
    blocks: list[Block] = []
    advice = reply.advice
    if advice is not None:
        verdict = VERDICT_LINES.get(advice.verdict, advice.verdict)
        fallback = verdict
        if advice.verdict == "emergency" or reply.kind != "follow_up":
            blocks.append(header(("🚨 " if advice.verdict == "emergency" else "") + verdict))
        if reply.kind == "follow_up" and reply.question:
            blocks += sections(f"*{escape(reply.question)}*")
            fallback = reply.question
        else:
            # ``decision`` is the decision table's rule id, for records; the summary is the sentence.
            if advice.summary:
                blocks += sections(escape(advice.summary))
            if advice.recipients:
                blocks += sections("*Share with:* " + escape("; ".join(advice.recipients)))
            if advice.steps:
                blocks += sections("*What to do*\n" + "\n".join(f"• {escape(s)}" for s in advice.steps))
            inform = INFORM_LINES.get(advice.inform)
            if inform:
                blocks += sections(f"*Telling the person:* {escape(inform)}")
            if advice.signposting:
                blocks += context("\n".join(escape(s) for s in advice.signposting))
        if advice.citations:
            cited = "; ".join(f"{escape(c.title)} (`{escape(c.id)}`)" for c in advice.citations)
            blocks += context(f"Based on: {cited}")
        elif advice.rules:
            blocks += context("Based on: " + ", ".join(f"`{escape(r)}`" for r in advice.rules))
        blocks += context(GUIDANCE_NOTE)
    else:
        text = reply.record_markdown if reply.kind == "record" and reply.record_markdown else reply.text
        escaped = escape(text)
        if reply.kind == "record":
            escaped = markdown_to_mrkdwn(escaped)
        blocks += sections(escaped)
        if reply.question:
            blocks += sections(f"*{escape(reply.question)}*")
        fallback = text
    if reply.removed:
        blocks += context(escape(reply.removed))
    if note:
        blocks += context(escape(note))
    if reply.actions:
        # Buttons go last, in the last message, so they sit under the whole answer.
        blocks += actions_blocks(reply.actions)
    return messages_of(blocks, escape(fallback))


def notice_messages(text: str) -> list[SlackMessage]:
    """Fixed or redacted plain text as a message (a relay, an outcome, a reminder)."""
    escaped = escape(text)
    return messages_of(sections(escaped), escaped)


def closed_messages(text: str, record: dict[str, Any] | None) -> list[SlackMessage]:
    blocks = sections(escape(text))
    if record:
        # An unexpected payload shape loses the record's details, never the outcome above.
        with contextlib.suppress(KeyError, TypeError):
            blocks += sections(markdown_to_mrkdwn(escape(records.markdown_of(record))))
    return messages_of(blocks, escape(text))


# -- the leads' side --


def case_status_line(case: CaseView) -> str:
    if case.status == "closed":
        return f"Closed by {mention(case.claimed_by)}"
    if case.status == "claimed":
        return f"Claimed by {mention(case.claimed_by)}"
    return "Open: waiting for a lead"


def case_card(case: CaseView) -> SlackMessage:
    """The card in the leads' channel. Always one message (it is edited later by its ``ts``), so the
    variable parts are truncated to keep it within 50 blocks."""
    title = f"{'URGENT · ' if case.urgent else ''}Case {case.ref}"
    blocks: list[Block] = [header(title)]
    verdict = VERDICT_LINES.get(case.verdict, case.verdict)
    blocks.append(
        {
            "type": "section",
            "fields": [
                {"type": "mrkdwn", "text": f"*Verdict so far*\n{escape(verdict)}"},
                {"type": "mrkdwn", "text": f"*Status*\n{case_status_line(case)}"},
                {"type": "mrkdwn", "text": f"*Telling the person*\n{escape(case.inform)}"},
                {"type": "mrkdwn", "text": f"*Asker*\n{mention(case.asker) if case.asker else 'anonymous'}"},
            ],
        }
    )
    if case.summary:
        blocks += sections(truncate("*Summary*\n" + escape(case.summary), MAX_SECTION))
    if case.facts:
        facts = "\n".join(
            f"• {escape(str(f.get('name')))}: {escape(str(f.get('value')))}" for f in case.facts
        )
        blocks += sections(truncate("*Facts*\n" + facts, MAX_SECTION))
    if case.rationale:
        blocks += sections(truncate("*Why it came to you*\n" + escape(case.rationale), MAX_SECTION))
    asked = [str(t.get("text", "")) for t in case.transcript if t.get("role") == "asker"]
    if asked:
        said = "\n".join(f"> {escape(line)}" for text in asked[-5:] for line in text.splitlines() or [""])
        # The newest words matter most to a lead; cut from the front.
        if len(said) > 2 * MAX_SECTION:
            said = "…" + said[-(2 * MAX_SECTION - 1) :]
        blocks += sections("*The asker wrote* (redacted)\n" + said)[:3]
    if case.outcome:
        blocks += sections(truncate("*Outcome*\n" + escape(case.outcome), MAX_SECTION))
    if case.rules:
        blocks += context(truncate("Cited: " + ", ".join(f"`{escape(r)}`" for r in case.rules), MAX_SECTION))
    buttons = []
    if case.status == "open":
        buttons.append(button("Claim", CLAIM, case.ref, style="primary"))
    if case.status != "closed":
        blocks += context(LEAD_HINT)
        buttons.append(button("Close", CLOSE, case.ref))
    if buttons:
        blocks.append({"type": "actions", "block_id": f"case-{case.ref}", "elements": buttons})
    blocks = blocks[:MAX_BLOCKS]
    fallback = f"{title}: {verdict}. {case_status_line(case)}"
    return SlackMessage(truncate(fallback, MAX_FALLBACK), blocks)


def close_modal(ref: str, metadata: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": CLOSE_VIEW,
        "private_metadata": metadata,
        "title": plain("Close case", 24),
        "submit": plain("Close case", 24),
        "close": plain("Cancel", 24),
        "blocks": [
            section(
                f"Closing case *{escape(ref)}*. The outcome goes into the signed decision record and "
                "to the asker. Leave out names: they are removed anyway."
            ),
            {
                "type": "input",
                "block_id": OUTCOME_BLOCK,
                "label": plain("Outcome"),
                "element": {
                    "type": "plain_text_input",
                    "action_id": OUTCOME_INPUT,
                    "multiline": True,
                    "max_length": 2000,
                },
            },
        ],
    }


# -- App Home --


@dataclass(frozen=True)
class RecentQuestion:
    text: str  # redacted
    state: str
    case_ref: str | None


def home_view(
    *,
    how_to: str,
    privacy: str,
    recent: list[RecentQuestion],
    is_lead: bool,
    open_cases: list[CaseView],
    held: list[CaseView],
) -> dict[str, Any]:
    blocks: list[Block] = [header("Can I share this?")]
    blocks += sections(escape(how_to))
    blocks.append({"type": "divider"})
    blocks += sections("*What is stored*\n" + escape(privacy))
    blocks.append({"type": "divider"})
    blocks.append(header("Your recent questions"))
    if recent:
        for item in recent:
            case = f" · case {escape(item.case_ref)}" if item.case_ref else ""
            blocks += context(f"{truncate(escape(item.text), 300)}\n_{escape(item.state)}{case}_")
    else:
        blocks += context("None yet. Send me a direct message to ask.")
    if is_lead:
        blocks.append({"type": "divider"})
        blocks.append(header("Cases you hold"))
        blocks += _case_lines(held) or context("None.")
        blocks.append(header("Open cases"))
        blocks += _case_lines(open_cases) or context("None waiting.")
    if len(blocks) > MAX_VIEW_BLOCKS:
        blocks = blocks[: MAX_VIEW_BLOCKS - 1] + context("More in `canishare leads list`.")
    return {"type": "home", "blocks": blocks}


def _case_lines(cases: list[CaseView]) -> list[Block]:
    blocks: list[Block] = []
    for case in cases[:20]:
        flag = "URGENT · " if case.urgent else ""
        verdict = VERDICT_LINES.get(case.verdict, case.verdict)
        blocks += sections(
            f"*{flag}{escape(case.ref)}* · {escape(verdict)} · {case_status_line(case)}\n"
            + truncate(escape(case.summary), 500)
        )
    return blocks
