"""Redaction with a conversation's own placeholders, so [PERSON_1] means the same person on every turn
and in both directions of a relay. Raw text goes in; only the redacted result comes out."""

from __future__ import annotations

import hashlib
import hmac
import time

from bot.metrics import REGISTRY
from bot.storage.models import Conversation
from redaction import PlaceholderMap, Redacted, Redactor


def conversation_key(secret: bytes, conversation_id: str) -> bytes:
    """Each conversation's digests get their own key: the same name hashes differently in every
    conversation, so stored digests cannot be matched across conversations or against a list of names
    without the server's secret."""
    return hmac.new(secret, conversation_id.encode(), hashlib.sha256).digest()


def redact_with(
    redactor: Redactor, secret: bytes, conversation_id: str, placeholders: str, text: str
) -> tuple[Redacted, str]:
    """Redact ``text`` with a conversation's placeholder map; returns the result and the updated map."""
    key = conversation_key(secret, conversation_id)
    mapping = PlaceholderMap.from_json(placeholders, key) if placeholders else PlaceholderMap(key)
    started = time.perf_counter()
    redacted = redactor.redact(text, mapping)
    REGISTRY.observe("canishare_redaction_seconds", time.perf_counter() - started)
    return redacted, mapping.to_json()


def redact_in(conversation: Conversation, redactor: Redactor, secret: bytes, text: str) -> Redacted:
    """Redact inside a transaction that holds the conversation (a lead's reply, an outcome)."""
    redacted, conversation.placeholders = redact_with(
        redactor, secret, conversation.id, conversation.placeholders, text
    )
    return redacted
