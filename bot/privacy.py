"""Redaction with a conversation's own placeholders, so [PERSON_1] means the same person on every turn
and in both directions of a relay. Raw text goes in; only the redacted result comes out."""

from __future__ import annotations

from bot.storage.models import Conversation
from redaction import PlaceholderMap, Redacted, Redactor


def redact_in(conversation: Conversation, redactor: Redactor, key: bytes, text: str) -> Redacted:
    mapping = PlaceholderMap.from_json(conversation.placeholders, key) if conversation.placeholders else PlaceholderMap(key)
    redacted = redactor.redact(text, mapping)
    conversation.placeholders = mapping.to_json()
    return redacted
