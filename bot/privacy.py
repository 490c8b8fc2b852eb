"""Redaction with a conversation's own placeholders, so [PERSON_1] means the same person on every turn
and in both directions of a relay. Raw text goes in; only the redacted result comes out."""

from __future__ import annotations

import time

from bot.metrics import REGISTRY
from bot.storage.models import Conversation
from redaction import PlaceholderMap, Redacted, Redactor


def redact_in(conversation: Conversation, redactor: Redactor, key: bytes, text: str) -> Redacted:
    mapping = PlaceholderMap.from_json(conversation.placeholders, key) if conversation.placeholders else PlaceholderMap(key)
    started = time.perf_counter()
    redacted = redactor.redact(text, mapping)
    REGISTRY.observe("canishare_redaction_seconds", time.perf_counter() - started)
    conversation.placeholders = mapping.to_json()
    return redacted
