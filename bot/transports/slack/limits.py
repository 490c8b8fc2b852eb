"""Slack's size limits, and splitting text and blocks to fit them.

Limits as documented by Slack (checked 2026-11): 50 blocks per message (100 in a Home tab or modal),
3000 characters of text in a section or context element, 150 in a header, 75 in a button label, 25
elements in an actions block, and 40,000 characters of top-level message ``text``. Slack rejects a
message that breaks one of these (``invalid_blocks``, ``msg_too_long``), so everything is split first.
"""

from __future__ import annotations

from typing import Any

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_BUTTON = 75
MAX_ACTIONS = 25
MAX_TEXT = 40_000
MAX_FALLBACK = 3000  # notification text beside blocks: short, the blocks carry the message


def escape(text: str) -> str:
    """Slack's three control characters. Everything a user wrote (redacted or not) goes through this,
    so ``<!channel>``, ``<@U123>`` and ``<https://x|y>`` show as typed instead of pinging or linking."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _safe_cut(text: str, limit: int) -> int:
    """Where to cut ``text`` at most ``limit`` long: at a paragraph, line or word break if there is one
    in the second half, and never inside an ``&amp;``-style entity."""
    if len(text) <= limit:
        return len(text)
    window = text[:limit]
    for sep in ("\n\n", "\n", " "):
        at = window.rfind(sep)
        if at >= limit // 2:
            return at + len(sep)
    cut = limit
    amp = window.rfind("&", max(0, limit - 5))
    if amp != -1 and ";" not in window[amp:]:
        cut = amp
    return max(cut, 1)


def split_text(text: str, limit: int) -> list[str]:
    """Split already escaped text into pieces of at most ``limit`` characters, none empty."""
    pieces: list[str] = []
    rest = text
    while rest:
        cut = _safe_cut(rest, limit)
        piece = rest[:cut].rstrip("\n") if cut < len(rest) else rest
        if piece.strip():
            pieces.append(piece)
        rest = rest[cut:]
    return pieces or [""]


def truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = _safe_cut(text, limit - 1)
    return text[:cut].rstrip() + "…"


def chunk_blocks(blocks: list[Block], size: int = MAX_BLOCKS) -> list[list[Block]]:
    """Blocks in groups of at most ``size``, one group per message, keeping their order."""
    return [blocks[i : i + size] for i in range(0, len(blocks), size)] or [[]]
