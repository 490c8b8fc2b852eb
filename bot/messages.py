"""What transports hand to the engine and what they get back. Plain data, no platform types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from knowledge import Advice

ReplyKind = Literal[
    "advice", "emergency", "follow_up", "info", "handoff", "record", "relay", "closed", "error", "refused"
]


@dataclass(frozen=True)
class Asker:
    """Who is asking, and where to answer them. ``user_id`` is a platform account id, never message text."""

    platform: str
    user_id: str
    chat_id: str

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.user_id}"


@dataclass(frozen=True)
class Incoming:
    asker: Asker
    text: str  # raw: lives only in memory for this turn
    event_id: str | None = None  # platform delivery id, for de-duplication


@dataclass(frozen=True)
class Action:
    """A quick choice or button. ``id`` is short and safe to put in Slack values or Telegram callback data."""

    id: str
    label: str


@dataclass
class Reply:
    kind: ReplyKind
    text: str  # plain text built from fixed strings and redacted text only
    advice: Advice | None = None
    removed: str = ""  # "2 names were removed before saving."
    question: str | None = None  # a follow-up question, shown with ``actions``
    actions: list[Action] = field(default_factory=list)
    case_ref: str | None = None
    record: dict[str, Any] | None = None
    record_markdown: str | None = None


# The action buttons every answer offers; transports may render them as buttons or as commands.
HANDOFF = Action("handoff", "Talk to a safeguarding lead")
WHY = Action("why", "Why?")
RECORD = Action("record", "Decision record")
NEW = Action("new", "Start again")
ANSWER_ACTIONS = [HANDOFF, WHY, RECORD, NEW]
