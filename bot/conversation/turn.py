"""The parts of a turn that need no database: a snapshot of the conversation read beforehand, and the
plan computed from it (redaction and advice, the CPU-heavy work).

Doing this outside the write transaction keeps database locks short: SQLite has one writer at a time,
and a turn that held it through spaCy would make every other turn wait. The write that follows checks
the snapshot still holds; if another turn for the same asker committed in between, it is recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.conversation.states import State
from bot.messages import Reply
from bot.storage.models import Conversation
from knowledge import Advice
from redaction import Redacted


@dataclass(frozen=True)
class Snapshot:
    conversation_id: str  # the conversation's id, or the id a new one will get
    state: State
    placeholders: str
    advice_state: dict[str, Any]

    def holds_for(self, conversation: Conversation) -> bool:
        return (
            conversation.id == self.conversation_id
            and conversation.placeholders == self.placeholders
            and conversation.state == self.state.value
        )


@dataclass
class Plan:
    """What the write transaction is to do."""

    redacted: Redacted | None = None  # the asker's message, redacted
    placeholders: str | None = None  # the conversation's placeholder map after it
    relay: bool = False  # pass it to the lead holding the case
    advice: Advice | None = None
    saved: dict[str, Any] = field(default_factory=dict)  # the advice state after this turn
    info: Reply | None = None  # a fixed answer instead of advice


class Stale(Exception):
    """Another turn for this conversation committed after the snapshot was read."""


def typed_choice(advice_state: dict[str, Any], redacted_text: str) -> str | None:
    """Match a typed answer ("2", "yes", "under 18") to the pending question's choices."""
    pending = advice_state.get("pending") or {}
    choices: list[list[str]] = pending.get("choices") or []
    said = redacted_text.strip().strip(".!").casefold()
    if not said or not choices:
        return None
    if said.isdigit() and 1 <= int(said) <= len(choices):
        return choices[int(said) - 1][0]
    for value, label in choices:
        if said in (value.casefold(), label.casefold()):
            return value
    for value, label in choices:
        first = label.casefold().split()[0] if label.strip() else ""
        if said in ("yes", "y", "no", "n") and first.startswith(said[0]) and first in ("yes", "no"):
            return value
    return None
