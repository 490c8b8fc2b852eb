"""Telegram HTML for replies and case cards: escaping, splitting to the message limit, inline keyboards.

Every piece of text that came from a person (redacted or not) goes through ``html.escape`` before it is
placed in a message; only the fixed tags added here are markup. Splitting works on the plain text, before
escaping, so a split never cuts an entity (``&amp;``) or a tag in half.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.handoff.queue import CaseView
from bot.messages import Action, Reply

# As of 2026-11 the Bot API takes at most 4096 characters of message text after entity parsing, counted
# in UTF-16 code units (an emoji outside the BMP counts twice). Measuring the escaped HTML in UTF-16 is
# stricter than that, so a chunk that passes here is always accepted.
MESSAGE_LIMIT = 4096
# As of 2026-11 callback_data is 1-64 bytes.
CALLBACK_LIMIT = 64

# Lead-side callback data: "claim:ABC234" / "close:ABC234" (case refs are 6 characters).
CLAIM = "claim:"
CLOSE = "close:"
# Follow-up answers whose action id does not fit in 64 bytes travel as "h:" + a digest of the action id;
# the handler finds the choice again in the conversation's pending question (stored in the database).
HASHED = "h:"
# The engine's fixed action ids; anything else in callback data is refused (clients can send any bytes).
ENGINE_ACTIONS = frozenset({"handoff", "handoff:named", "why", "record", "new"})

# Bot messages about a case start with "Case <ref>", so a reply to any of them finds its case.
CASE_PREFIX = re.compile(r"^\W*Case ([A-Z2-9]{6})\b")
OUTCOME_PROMPT = "what was the outcome?"
BOT_TURN_CHARS = 400


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def esc(text: str) -> str:
    return html.escape(text, quote=False)


# -- splitting --------------------------------------------------------------------------------------------


def _fits(text: str, budget: int) -> bool:
    return utf16_len(esc(text)) <= budget


def split_plain(text: str, budget: int) -> list[str]:
    """Cut plain text into pieces whose escaped form fits ``budget``: at paragraphs, then lines, then
    spaces, and only as a last resort inside a word."""
    if _fits(text, budget):
        return [text]
    for sep in ("\n\n", "\n", " "):
        parts = text.split(sep)
        if len(parts) < 2:
            continue
        pieces: list[str] = []
        current = ""
        for part in parts:
            candidate = part if not current else current + sep + part
            if _fits(candidate, budget):
                current = candidate
                continue
            if current:
                pieces.append(current)
            if _fits(part, budget):
                current = part
            else:
                smaller = split_plain(part, budget)
                pieces.extend(smaller[:-1])
                current = smaller[-1]
        if current:
            pieces.append(current)
        return [p for p in pieces if p.strip()] or [text[:1]]
    # One unbroken run of characters: cut by size.
    pieces = []
    current = ""
    for char in text:
        if current and not _fits(current + char, budget):
            pieces.append(current)
            current = ""
        current += char
    if current:
        pieces.append(current)
    return pieces


@dataclass(frozen=True)
class Block:
    """A paragraph of plain text and the tag it is shown in ("" for none, "b", "i", "code")."""

    text: str
    tag: str = ""


def _wrap(text: str, tag: str) -> str:
    return f"<{tag}>{esc(text)}</{tag}>" if tag else esc(text)


def pack(blocks: Iterable[Block], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Blocks to HTML messages of at most ``limit``, paragraphs kept whole where they fit."""
    pieces: list[str] = []
    for block in blocks:
        if not block.text.strip():
            continue
        overhead = utf16_len(_wrap("", block.tag))
        pieces += [_wrap(part, block.tag) for part in split_plain(block.text, limit - overhead)]
    messages: list[str] = []
    current = ""
    for piece in pieces:
        candidate = piece if not current else current + "\n\n" + piece
        if utf16_len(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return messages


# -- volunteers' replies -----------------------------------------------------------------------------------


def action_data(action: Action) -> str:
    """Callback data for an engine action, always within 64 bytes."""
    if len(action.id.encode()) <= CALLBACK_LIMIT and not action.id.startswith((CLAIM, CLOSE, HASHED)):
        return action.id
    return HASHED + digest(action.id)


def digest(action_id: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(action_id.encode()).digest()[:12]).decode()


def keyboard(actions: Sequence[Action]) -> InlineKeyboardMarkup | None:
    if not actions:
        return None
    rows: list[list[InlineKeyboardButton]] = []
    pair: list[InlineKeyboardButton] = []
    for action in actions:
        button = InlineKeyboardButton(action.label, callback_data=action_data(action))
        # Answers to a question and the way to a lead get a row each; the short actions share rows.
        if action.id.startswith("fu:") or action.id.startswith("handoff"):
            rows.append([button])
        else:
            pair.append(button)
            if len(pair) == 2:
                rows.append(pair)
                pair = []
    if pair:
        rows.append(pair)
    return InlineKeyboardMarkup(rows)


def markdown_blocks(markdown: str) -> list[Block]:
    """The decision record's small Markdown, shown as plain paragraphs (headings in bold)."""
    blocks: list[Block] = []
    lines: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("#"):
            if lines:
                blocks.append(Block("\n".join(lines)))
                lines = []
            blocks.append(Block(line.lstrip("#").strip(), "b"))
        elif line.strip():
            text = line.replace("**", "").replace("`", "")
            lines.append("• " + text[2:] if text.startswith("- ") else text)
        elif lines:
            blocks.append(Block("\n".join(lines)))
            lines = []
    if lines:
        blocks.append(Block("\n".join(lines)))
    return blocks


def reply_blocks(reply: Reply) -> list[Block]:
    blocks: list[Block] = []
    if reply.kind == "record" and reply.record_markdown:
        blocks += markdown_blocks(reply.record_markdown)
    else:
        blocks += [Block(part) for part in reply.text.split("\n\n")]
    if reply.kind == "emergency":
        # Emergencies come first (design invariant 3): the 999 line leads, in bold.
        if blocks and "999" in blocks[0].text:
            blocks[0] = Block(blocks[0].text, "b")
        else:
            blocks.insert(0, Block("Call 999 now: someone is in immediate danger.", "b"))
    if reply.question:
        blocks.append(Block(reply.question, "b"))
    if reply.removed:
        blocks.append(Block(reply.removed, "i"))
    return blocks


@dataclass(frozen=True)
class Outbound:
    """One message to send: HTML text and, on the last of a reply's messages, its keyboard."""

    html: str
    markup: InlineKeyboardMarkup | None = None


def render_reply(reply: Reply) -> list[Outbound]:
    messages = pack(reply_blocks(reply))
    markup = keyboard(reply.actions)
    return [Outbound(text, markup if i == len(messages) - 1 else None) for i, text in enumerate(messages)]


# -- leads' case cards ------------------------------------------------------------------------------------


def person(key: str | None) -> str:
    """HTML for a platform user key: a Telegram mention link, else the key itself."""
    if not key:
        return "nobody"
    platform, _, user_id = key.partition(":")
    if platform == "telegram" and user_id.lstrip("-").isdigit():
        return f'<a href="tg://user?id={user_id}">lead {esc(user_id)}</a>'
    return esc(key)


def _status_line(case: CaseView) -> str:
    if case.status == "closed":
        return f"Closed by {person(case.claimed_by)}. Outcome: {esc(case.outcome or '')}"
    if case.status == "claimed":
        return f"Held by {person(case.claimed_by)}."
    return "Waiting for a lead: press Claim."


def card_html(case: CaseView, limit: int = MESSAGE_LIMIT) -> str:
    """The case card: one message (it is the thread the relay hangs off), so the oldest part of the
    transcript gives way when everything does not fit."""
    head = [f"<b>Case {esc(case.ref)}</b>" + (" · <b>URGENT</b>" if case.urgent else "")]
    head.append(_status_line(case))
    head.append(f"Verdict so far: {esc(case.verdict)}; tell the person: {esc(case.inform)}")
    asker = (
        "anonymous"
        if not case.asker
        else (
            f'<a href="tg://user?id={case.asker.partition(":")[2]}">named asker</a>'
            if case.asker.startswith("telegram:") and case.asker.partition(":")[2].isdigit()
            else esc(case.asker)
        )
    )
    head.append(f"Asker: {asker} (via {esc(case.platform)})")
    if case.summary:
        head.append(f"Summary: {esc(case.summary)}")
    if case.rationale:
        head.append(f"Why handed off: {esc(case.rationale)}")
    if case.rules:
        head.append(f"Rules: {esc(', '.join(case.rules))}")
    if case.facts:
        facts = "; ".join(f"{f.get('name')}: {f.get('value')}" for f in case.facts)
        head.append(f"Facts: {esc(facts)}")
    foot = (
        "Reply to this message to write to the asker; reply with /close &lt;outcome&gt; to close."
        if case.status != "closed"
        else ""
    )
    turns = [f"<b>{esc(str(t.get('role', '')))}</b>: {esc(_turn_text(t))}" for t in case.transcript]

    def build(shown: list[str], omitted: int) -> str:
        parts = ["\n".join(head)]
        if shown or omitted:
            lines = ["<b>Transcript</b> (redacted)"]
            if omitted:
                lines.append(f"… {omitted} earlier not shown (canishare leads show {esc(case.ref)})")
            parts.append("\n".join(lines + shown))
        if foot:
            parts.append(foot)
        return "\n\n".join(parts)

    shown = list(turns)
    omitted = 0
    text = build(shown, omitted)
    while utf16_len(text) > limit and shown:
        shown.pop(0)
        omitted += 1
        text = build(shown, omitted)
    if utf16_len(text) > limit:  # a very long summary: cut the plain head, never the markup
        text = build([], omitted)
        while utf16_len(text) > limit and len(head) > 3:
            head.pop()
            text = build([], omitted)
    return text


def _turn_text(turn: dict[str, Any]) -> str:
    text = str(turn.get("text", ""))
    # The asker's words matter most to a lead; the bot's own long answers are abbreviated.
    if turn.get("role") == "bot" and len(text) > BOT_TURN_CHARS:
        return text[:BOT_TURN_CHARS].rstrip() + " …"
    return text


def card_markup(case: CaseView) -> InlineKeyboardMarkup | None:
    if case.status == "open":
        button = InlineKeyboardButton(f"Claim case {case.ref}", callback_data=CLAIM + case.ref)
    elif case.status == "claimed":
        button = InlineKeyboardButton(f"Close case {case.ref}", callback_data=CLOSE + case.ref)
    else:
        return None
    return InlineKeyboardMarkup([[button]])


def case_ref_of(text: str | None) -> str | None:
    match = CASE_PREFIX.match(text or "")
    return match.group(1) if match else None
